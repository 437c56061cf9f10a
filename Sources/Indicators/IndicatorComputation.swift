import Population
import Statistics
import Tables

/// Computes one statistic over grouped indicator input in one pass: feed the input chunk by chunk
/// with `add(_:)`, then take the results with `finish()`.
///
/// Rows are grouped by the request's grouping columns (default: every identity column present,
/// except `age_band` for the statistics standardised by age) in order of first appearance.
/// Within a group, proportions and rates add their rows' numerators and denominators; means take
/// each row's value as one record; DSRs, indirect standardisation and life expectancy take one row
/// per age band (and sex, when sex is not a grouping column), bands that together make one band
/// of the standard (`90-94` and `95+` for `90+`) being added.
///
/// Bad data are errors naming file, line and column: a negative count or population; a zero
/// denominator for a proportion or rate (PHEindicatormethods rejects them too); a numerator above
/// its denominator for a proportion; two rows for the same group (or the same band of a group);
/// an age band that is not one, or that straddles bands of the standard; for a DSR, a band
/// missing inside the run of bands a group covers, groups of one indicator covering different
/// runs, or a zero population; an empty figure, unless the missing-value policy is `skip`. Life expectancy instead suppresses, with the reason, a group with a band
/// missing or empty, as PHEindicatormethods does.
public struct IndicatorComputation {
    public let request: IndicatorRequest

    struct Setup {
        let source: String
        let layout: IndicatorLayout
        let grouping: [IndicatorColumn]
        /// Whether the grouping holds every identity column of the input (so a second row for a
        /// group is a duplicate).
        let groupingIsWholeIdentity: Bool
        /// Whether sex is part of a stratum (present and not grouped).
        let sexInStratum: Bool
        /// Whether a group and stratum (age band, and sex when in the stratum) are together every
        /// identity column of the input (so a second row for a cell repeats or contradicts it).
        let cellIsWholeIdentity: Bool
        /// `value`, or `numerator` when a mean's input has no `value` column.
        let valueColumn: String
        var denominatorLocation: SourceLocation
    }

    var setup: Setup?
    /// The `statistic` label of every result but life expectancy's (which names the age).
    let statisticLabel: String
    var groups = GroupTable(width: 0)
    var skippedRows = 0
    /// Rows that repeat an earlier row of the same identity exactly (England under every parent
    /// area of a Fingertips export), read once.
    var repeatedRows = 0
    var firstRepeatLine: Int?
    // proportion, rate
    var numeratorSums: [Double] = []
    var denominatorSums: [Double] = []
    var rowsInGroup: [Int] = []
    /// Rows of the group with an empty figure, passed through (missing-value policy `pass`).
    var emptyRowsInGroup: [Int] = []
    var passedRows = 0
    /// The published figures of each group's row (`IndicatorRequest.comparesPublished`).
    var publishedFigures: [PublishedFigures?] = []
    // mean
    var samples: [SampleSummary] = []
    // dsr, isratio, israte, life expectancy
    var strata: StrataTable
    var cells = StratifiedCells()

    /// Checks the request (`IndicatorRequest.problem`); a problem is thrown as `IndicatorRequestError`.
    public init(request: IndicatorRequest) throws {
        if let problem = request.problem { throw IndicatorRequestError(message: problem) }
        self.request = request
        statisticLabel = request.statistic.label(multiplier: request.multiplier)
        switch request.statistic {
        case .dsr:
            strata = StrataTable(scheme: request.standard.bands, purpose: "the standard population")
        case .lifeExpectancy:
            strata = StrataTable(scheme: LifeExpectancy.bands, purpose: "the life table")
        default:
            strata = StrataTable(scheme: nil, purpose: "")
        }
    }

    /// Adds the rows of one chunk of input (all chunks come from the same file).
    public mutating func add(_ counts: IndicatorCounts) throws {
        if setup == nil {
            let resolved = try resolveSetup(counts)
            setup = resolved
            groups = GroupTable(width: resolved.grouping.count)
        }
        guard let setup, counts.rowCount > 0 else { return }
        let groupColumns = setup.grouping.map { counts.text($0) }
        switch request.statistic {
        case .proportion, .rate: try addAdditive(counts, groupColumns: groupColumns, setup: setup)
        case .mean: try addValues(counts, groupColumns: groupColumns, setup: setup)
        case .dsr, .isratio, .israte, .lifeExpectancy: try addStratified(counts, groupColumns: groupColumns, setup: setup)
        }
    }

    private func resolveSetup(_ counts: IndicatorCounts) throws -> Setup {
        let source = counts.table.source
        let header = SourceLocation(file: source, line: 1)
        let present = IndicatorColumn.allCases.filter { counts.has($0) }
        let grouping: [IndicatorColumn]
        if let asked = request.grouping {
            if let absent = asked.first(where: { !counts.has($0) }) {
                throw DataError(.badData, at: header, "no column \(counts.headerName(of: absent.name)) to group by; the input has \(present.map { counts.headerName(of: $0.name) }.joined(separator: ", "))")
            }
            grouping = asked
        } else {
            grouping = present.filter { !(request.statistic.isStratifiedByAge && $0 == .ageBand) }
        }
        let needed: [String]
        var valueColumn = "value"
        switch request.statistic {
        case .mean:
            valueColumn = counts.table.has("value") ? "value" : "numerator"
            needed = [valueColumn]
        default:
            needed = ["numerator", "denominator"] + (request.statistic.isStratifiedByAge ? [IndicatorColumn.ageBand.name] : [])
        }
        if let absent = needed.first(where: { !counts.table.has($0) }) {
            let which = request.statistic == .mean ? "value (or numerator)" : counts.headerName(of: absent)
            throw DataError(.badData, at: header, "missing column \(which), needed for \(request.statistic.rawValue)")
        }
        let sexInStratum = request.statistic.isStratifiedByAge && counts.has(.sex) && !grouping.contains(.sex)
        if let reference = request.reference, request.statistic == .isratio || request.statistic == .israte {
            if let column = reference.keyColumns.first(where: { !grouping.contains($0) }) {
                throw DataError(.badData, at: SourceLocation(file: reference.source, line: 1),
                                "the reference rates are given by \(column.name), which is not a grouping column of \(source)")
            }
            if reference.isBySex && !counts.has(.sex) {
                throw DataError(.badData, at: SourceLocation(file: reference.source, line: 1),
                                "the reference rates are given by sex, but \(source) has no sex column")
            }
            if request.statistic == .israte && !reference.hasCounts {
                throw DataError(.badData, at: SourceLocation(file: reference.source, line: 1),
                                "an indirectly standardised rate needs reference_numerator and reference_denominator (for the reference crude rate), found reference_rate only")
            }
        }
        var denominatorLocation = SourceLocation(file: source, columnName: counts.headerName(of: "denominator"))
        if counts.rowCount > 0, counts.table.has("denominator") {
            denominatorLocation.column = counts.table.location(row: 0, column: "denominator").column
        }
        return Setup(source: source, layout: counts.layout, grouping: grouping, groupingIsWholeIdentity: grouping.count == present.count,
                     sexInStratum: sexInStratum,
                     cellIsWholeIdentity: grouping.count + 1 + (sexInStratum ? 1 : 0) == present.count, valueColumn: valueColumn, denominatorLocation: denominatorLocation)
    }

    // MARK: rows

    private mutating func addAdditive(_ counts: IndicatorCounts, groupColumns: [[String]], setup: Setup) throws {
        let numerators = counts.table.optionalDecimals("numerator")
        let denominators = counts.table.optionalDecimals("denominator")
        let lines = counts.table.lineNumbers
        let isProportion = request.statistic == .proportion
        let usable = try usableRows(counts, numerators, denominators, passing: true)
        let groupOfRow = groups.assign(columns: groupColumns, lines: lines, usable: usable)
        let published = request.comparesPublished ? try PublishedColumns(counts, levels: request.confidence) : nil
        for row in 0..<counts.rowCount {
            let group = groupOfRow[row]
            guard group >= 0 else { continue }
            if group == numeratorSums.count {
                numeratorSums.append(0)
                denominatorSums.append(0)
                rowsInGroup.append(0)
                emptyRowsInGroup.append(0)
                if published != nil { publishedFigures.append(nil) }
            }
            if let published { try takePublished(published, counts, row: row, group: group, setup: setup) }
            guard let numerator = numerators[row], let denominator = denominators[row] else {
                // Passed through: the group is written with an empty value and the reason.
                // A passed-through group's sums are never shown, so under a whole-identity grouping
                // they keep the first row's figures (-1 for an empty one) to recognise its repeats.
                let numeratorSeen = numerators[row] ?? -1
                let denominatorSeen = denominators[row] ?? -1
                if setup.groupingIsWholeIdentity && rowsInGroup[group] + emptyRowsInGroup[group] > 0 {
                    if rowsInGroup[group] == 0 && numeratorSeen == numeratorSums[group] && denominatorSeen == denominatorSums[group] {
                        noteRepeat(line: lines[row])
                        continue
                    }
                    throw invalid(counts, row: row, column: numerators[row] == nil ? "numerator" : "denominator",
                                  "this row repeats line \(groups.firstLines[group]) (\(describe(group: group))) with other figures (an empty one here)")
                }
                if setup.groupingIsWholeIdentity {
                    numeratorSums[group] = numeratorSeen
                    denominatorSums[group] = denominatorSeen
                }
                emptyRowsInGroup[group] += 1
                passedRows += 1
                continue
            }
            if numerator < 0 { throw invalid(counts, row: row, column: "numerator", "expected a count >= 0, found \(IndicatorStatistic.plainNumber(numerator))") }
            if denominator <= 0 {
                throw invalid(counts, row: row, column: "denominator",
                              "expected a denominator > 0 for a \(request.statistic.rawValue), found \(IndicatorStatistic.plainNumber(denominator))")
            }
            if isProportion && numerator > denominator {
                throw invalid(counts, row: row, column: "numerator",
                              "expected a numerator <= its denominator \(IndicatorStatistic.plainNumber(denominator)) for a proportion, found \(IndicatorStatistic.plainNumber(numerator))")
            }
            if setup.groupingIsWholeIdentity && emptyRowsInGroup[group] > 0 {
                throw invalid(counts, row: row, column: nil,
                              "this row repeats line \(groups.firstLines[group]) (\(describe(group: group))) with figures where that row has an empty one")
            }
            if setup.groupingIsWholeIdentity && rowsInGroup[group] > 0 {
                // The group is the row's whole identity, so its sums are the earlier row's figures.
                if numerator == numeratorSums[group] && denominator == denominatorSums[group] {
                    noteRepeat(line: lines[row])
                    continue
                }
                let column = numerator != numeratorSums[group] ? "numerator" : "denominator"
                let there = column == "numerator" ? numeratorSums[group] : denominatorSums[group]
                let here = column == "numerator" ? numerator : denominator
                throw invalid(counts, row: row, column: column,
                              "this row repeats line \(groups.firstLines[group]) (\(describe(group: group))) with a different \(counts.headerName(of: column)): \(IndicatorStatistic.plainNumber(here)) here, \(IndicatorStatistic.plainNumber(there)) there")
            }
            rowsInGroup[group] += 1
            numeratorSums[group] += numerator
            denominatorSums[group] += denominator
        }
    }

    private mutating func addValues(_ counts: IndicatorCounts, groupColumns: [[String]], setup: Setup) throws {
        let values = counts.table.optionalDecimals(setup.valueColumn)
        let usable = try usableRows(counts, values, nil, column: setup.valueColumn)
        let groupOfRow = groups.assign(columns: groupColumns, lines: counts.table.lineNumbers, usable: usable)
        for row in 0..<counts.rowCount {
            guard let value = values[row] else { continue }
            let group = groupOfRow[row]
            while group >= samples.count { samples.append(SampleSummary()) }
            samples[group].add(value)
        }
    }

    private mutating func addStratified(_ counts: IndicatorCounts, groupColumns: [[String]], setup: Setup) throws {
        let numerators = counts.table.optionalDecimals("numerator")
        let denominators = counts.table.optionalDecimals("denominator")
        let bands = counts.table.text(IndicatorColumn.ageBand.name)
        let sexes = setup.sexInStratum ? counts.text(.sex) : []
        let lines = counts.table.lineNumbers
        let usable = try usableRows(counts, numerators, denominators)
        let groupOfRow = groups.assign(columns: groupColumns, lines: lines, usable: usable)
        for row in 0..<counts.rowCount {
            guard let count = numerators[row], let population = denominators[row] else { continue }
            if count < 0 { throw invalid(counts, row: row, column: "numerator", "expected a count >= 0, found \(IndicatorStatistic.plainNumber(count))") }
            if population < 0 {
                throw invalid(counts, row: row, column: "denominator", "expected a population >= 0, found \(IndicatorStatistic.plainNumber(population))")
            }
            let group = groupOfRow[row]
            while group >= cells.groups { cells.addGroup() }
            let sex = setup.sexInStratum ? sexes[row] : ""
            let stratum: Int
            if let known = strata.known(label: bands[row], sex: sex) {
                stratum = known
            } else {
                stratum = try strata.register(label: bands[row], sex: sex, row: row, counts: counts)
                cells.widen(to: strata.count)
            }
            let previous = cells.set(group: group, stratum: stratum, count: count, population: population, line: lines[row])
            if previous != 0 {
                let earlier = cells.cell(group: group, stratum: stratum)
                if setup.cellIsWholeIdentity && earlier.count == count && earlier.population == population {
                    noteRepeat(line: lines[row])
                    continue
                }
                let sex = setup.sexInStratum ? " and sex \(sexes[row])" : ""
                throw invalid(counts, row: row, column: IndicatorColumn.ageBand.name,
                              "a second row for age band \(DataError.quoted(bands[row]))\(sex) of \(describe(group: group)); the first is at line \(previous)")
            }
        }
    }

    /// Records a row's published figures for its group. A group's second row is an error unless
    /// it may repeat the first (whole-identity grouping) with the same published figures; whether
    /// its counts repeat the first row's the caller checks as without published figures.
    private mutating func takePublished(_ published: PublishedColumns, _ counts: IndicatorCounts, row: Int, group: Int,
                                        setup: Setup) throws {
        let figures = try published.figures(counts, row: row)
        guard let earlier = publishedFigures[group] else {
            publishedFigures[group] = figures
            return
        }
        guard setup.groupingIsWholeIdentity else {
            throw invalid(counts, row: row, column: nil,
                          "--compare-published compares one input row per group, and this row is a second one of \(describe(group: group)) (the first is at line \(earlier.line)); group by every identity column, or leave --group-by out")
        }
        var same = figures
        same.line = earlier.line
        if same != earlier {
            throw invalid(counts, row: row, column: nil,
                          "this row repeats line \(earlier.line) (\(describe(group: group))) with different published figures")
        }
    }

    /// Counts a row read once because it repeats an earlier row exactly.
    private mutating func noteRepeat(line: Int) {
        repeatedRows += 1
        if firstRepeatLine == nil { firstRepeatLine = line }
    }

    // MARK: errors

    /// Which rows have every figure (nil when all have): a row with an empty figure is an error, or,
    /// when the policy is `skip`, counted and marked unusable; under `pass`, when the statistic
    /// can pass rows through (`passing`), every row is usable and the caller passes them through.
    private mutating func usableRows(_ counts: IndicatorCounts, _ first: [Double?], _ second: [Double?]?,
                                     column: String = "numerator", passing: Bool = false) throws -> [Bool]? {
        var usable: [Bool]?
        if passing && request.missingValues == .pass { return nil }
        for row in 0..<first.count where first[row] == nil || (second.map { $0[row] == nil } ?? false) {
            if request.missingValues != .skip {
                let empty = first[row] == nil ? column : "denominator"
                let hint = request.missingValues == .pass
                    ? "a \(request.statistic.rawValue) needs every figure; --missing skip leaves such rows out"
                    : "rows with missing figures are errors under --missing error; pass writes them with an empty value, skip leaves them out"
                throw invalid(counts, row: row, column: empty, "expected a number, found an empty field (\(hint))")
            }
            if usable == nil { usable = [Bool](repeating: true, count: first.count) }
            usable![row] = false
            skippedRows += 1
        }
        return usable
    }

    func invalid(_ counts: IndicatorCounts, row: Int, column: String?, _ message: String) -> DataError {
        var location = counts.table.location(row: row, column: column)
        if let column { location.columnName = counts.headerName(of: column) }
        return DataError(.badData, at: location, message)
    }

    /// `indicator_id 90001, org_code A81001` for messages.
    func describe(group: Int) -> String {
        guard let setup else { return "group \(group)" }
        return zip(setup.grouping, groups.values(of: group)).map { "\($0.name) \(DataError.quoted($1))" }.joined(separator: ", ")
    }
}

/// A request that cannot be run (bad options rather than bad data).
public struct IndicatorRequestError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
