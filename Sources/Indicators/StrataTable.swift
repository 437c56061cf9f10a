import Population
import Tables

/// The strata (age band, and sex where sex is not a grouping column) met in the input, each with
/// its parsed band, the band of the target scheme it falls in (the standard population's for a
/// DSR, the life table's for life expectancy), and where it was first seen.
struct StrataTable {
    struct Stratum {
        let label: String
        let sex: String
        let band: AgeBand
        /// Index of the scheme band containing `band`; -1 when there is no scheme.
        let target: Int
        let firstSeen: SourceLocation
    }

    let scheme: AgeBandScheme?
    /// Which statistic needs the scheme, for messages.
    let purpose: String
    private(set) var strata: [Stratum] = []
    private var lookup: [String: [String: Int]] = [:]
    private var last = -1

    init(scheme: AgeBandScheme?, purpose: String) {
        self.scheme = scheme
        self.purpose = purpose
    }

    var count: Int { strata.count }

    /// The stratum of a row (band label and sex label, `""` when sex is not part of the stratum),
    /// if it has been met before: the one after the previous row's is tried first.
    mutating func known(label: String, sex: String) -> Int? {
        let next = last + 1
        if next < strata.count && strata[next].label == label && strata[next].sex == sex {
            last = next
            return next
        }
        if last >= 0 && strata[last].label == label && strata[last].sex == sex { return last }
        if let found = lookup[label]?[sex] {
            last = found
            return found
        }
        return nil
    }

    /// Registers the stratum of a row met for the first time, checking the label is a band inside
    /// one band of the scheme.
    mutating func register(label: String, sex: String, row: Int, counts: IndicatorCounts) throws -> Int {
        var location = counts.table.location(row: row, column: IndicatorColumn.ageBand.name)
        location.columnName = counts.headerName(of: IndicatorColumn.ageBand.name)
        guard let band = AgeBandLabels.parse(label) else {
            throw DataError(.badData, at: location, "expected an age band such as 0-4, 1-4, 0 or 90+, found \(DataError.quoted(label))")
        }
        var target = -1
        if let scheme {
            guard let index = scheme.index(containing: band) else {
                throw DataError(.badData, at: location,
                                "the age band \(DataError.quoted(label)) does not fall within one band of \(purpose) (\(scheme.bands.map(AgeBandLabels.describe).joined(separator: ", ")))")
            }
            target = index
        }
        let stratum = strata.count
        strata.append(Stratum(label: label, sex: sex, band: band, target: target, firstSeen: location))
        lookup[label, default: [:]][sex] = stratum
        last = stratum
        return stratum
    }
}

/// Counts and populations per group and stratum, in flat arrays (`stride` strata per group), with
/// the line of the row that filled each cell (0 when empty) to find duplicates and name rows.
struct StratifiedCells {
    private(set) var stride = 0
    private(set) var groups = 0
    private(set) var counts: [Double] = []
    private(set) var populations: [Double] = []
    private(set) var lines: [Int32] = []

    mutating func addGroup() {
        groups += 1
        counts.append(contentsOf: repeatElement(0, count: stride))
        populations.append(contentsOf: repeatElement(0, count: stride))
        lines.append(contentsOf: repeatElement(0, count: stride))
    }

    /// Makes room for `strataCount` strata per group, moving the existing cells.
    mutating func widen(to strataCount: Int) {
        guard strataCount > stride else { return }
        var newCounts = [Double](repeating: 0, count: groups * strataCount)
        var newPopulations = [Double](repeating: 0, count: groups * strataCount)
        var newLines = [Int32](repeating: 0, count: groups * strataCount)
        for group in 0..<groups {
            for stratum in 0..<stride {
                newCounts[group * strataCount + stratum] = counts[group * stride + stratum]
                newPopulations[group * strataCount + stratum] = populations[group * stride + stratum]
                newLines[group * strataCount + stratum] = lines[group * stride + stratum]
            }
        }
        counts = newCounts
        populations = newPopulations
        lines = newLines
        stride = strataCount
    }

    /// Fills a cell; returns the line that had already filled it (a duplicate), or 0.
    mutating func set(group: Int, stratum: Int, count: Double, population: Double, line: Int) -> Int {
        let cell = group * stride + stratum
        let previous = Int(lines[cell])
        if previous != 0 { return previous }
        counts[cell] = count
        populations[cell] = population
        lines[cell] = Int32(clamping: line)
        return 0
    }

    func cell(group: Int, stratum: Int) -> (count: Double, population: Double, line: Int) {
        let cell = group * stride + stratum
        return (counts[cell], populations[cell], Int(lines[cell]))
    }
}
