import Population
import Tables

/// Reference rates by age band (and sex, and optionally indicator, period, area type or group) for
/// indirect standardisation, read from a table with `age_band`, optional `sex`, optional identity
/// columns, and either `reference_numerator` and `reference_denominator` (events and population of
/// the reference, per band) or `reference_rate` (events per unit of population, per band).
public struct ReferenceRates: Sendable {
    public struct Entry: Sendable {
        public var band: AgeBand
        /// `M`, `F` (or another label) when the reference is by sex; `""` otherwise.
        public var sex: String
        public var numerator: Double?
        public var denominator: Double?
        /// Events per unit of population: numerator / denominator, or the rate given.
        public var rate: Double
        public var location: SourceLocation
    }

    public static let schema = Schema([
        ColumnSpec(IndicatorColumn.ageBand.name),
        ColumnSpec(IndicatorColumn.sex.name, optional: true),
        ColumnSpec(IndicatorColumn.indicatorID.name, optional: true),
        ColumnSpec(IndicatorColumn.period.name, optional: true),
        ColumnSpec(IndicatorColumn.areaType.name, optional: true),
        ColumnSpec(IndicatorColumn.group.name, optional: true),
        ColumnSpec("reference_numerator", .decimal(minimum: 0), aliases: ["numerator"], optional: true),
        ColumnSpec("reference_denominator", .decimal(minimum: 0), aliases: ["denominator"], optional: true),
        ColumnSpec("reference_rate", .decimal(minimum: 0), aliases: ["rate"], optional: true),
    ])

    public let source: String
    /// The identity columns (other than age band and sex) the rates depend on, in canonical order.
    public let keyColumns: [IndicatorColumn]
    public let isBySex: Bool
    /// Whether numerators and denominators were given (needed for an indirectly standardised rate).
    public let hasCounts: Bool
    let entries: [[String]: [Entry]]

    /// Reads the rates from a table read with `schema`. Errors (file, line, column): a label that
    /// is not an age band; a denominator of 0 with a numerator above 0; overlapping bands for the same
    /// key; neither counts nor rates given, or both.
    public init(table: Table) throws {
        source = table.source
        let hasCounts = table.has("reference_numerator") && table.has("reference_denominator")
        let hasRates = table.has("reference_rate")
        if hasCounts == hasRates || (table.has("reference_numerator") != table.has("reference_denominator")) {
            throw DataError(.badData, at: SourceLocation(file: table.source, line: 1),
                            "expected either reference_numerator and reference_denominator, or reference_rate (per unit of population), not both")
        }
        self.hasCounts = hasCounts
        isBySex = table.has(IndicatorColumn.sex.name)
        keyColumns = [IndicatorColumn.indicatorID, .areaType, .period, .group].filter { table.has($0.name) }
        let keyValues = keyColumns.map { table.text($0.name) }
        let bands = table.text(IndicatorColumn.ageBand.name)
        let sexes = isBySex ? table.text(IndicatorColumn.sex.name).map(IndicatorCounts.normalisedSex) : []
        let numerators = hasCounts ? table.decimals("reference_numerator") : []
        let denominators = hasCounts ? table.decimals("reference_denominator") : []
        let rates = hasRates ? table.decimals("reference_rate") : []
        var entries: [[String]: [Entry]] = [:]
        for row in 0..<table.rowCount {
            guard let band = AgeBandLabels.parse(bands[row]) else {
                throw table.error(row: row, column: IndicatorColumn.ageBand.name,
                                  "expected an age band such as 0-4, 1-4, 0 or 90+, found \(DataError.quoted(bands[row]))")
            }
            let rate: Double
            if hasCounts {
                if denominators[row] == 0 && numerators[row] > 0 {
                    throw table.error(row: row, column: "reference_denominator",
                                      "expected a population > 0 for \(IndicatorStatistic.plainNumber(numerators[row])) reference events, found 0")
                }
                rate = denominators[row] == 0 ? 0 : numerators[row] / denominators[row]
            } else {
                rate = rates[row]
            }
            let key = keyValues.map { $0[row] }
            let sex = isBySex ? sexes[row] : ""
            let entry = Entry(band: band, sex: sex, numerator: hasCounts ? numerators[row] : nil,
                              denominator: hasCounts ? denominators[row] : nil, rate: rate,
                              location: table.location(row: row, column: IndicatorColumn.ageBand.name))
            if let clash = entries[key]?.first(where: { $0.sex == sex && $0.band.overlaps(band) }) {
                throw table.error(row: row, column: IndicatorColumn.ageBand.name,
                                  "the band \(AgeBandLabels.describe(band)) overlaps \(AgeBandLabels.describe(clash.band)) at line \(clash.location.line ?? 0) for the same reference")
            }
            entries[key, default: []].append(entry)
        }
        self.entries = entries
    }

    /// The entries for one key (values of `keyColumns`), or nil.
    func entries(for key: [String]) -> [Entry]? { entries[key] }

    /// The entry whose band contains `band` for `sex` (ignored when the reference is not by sex).
    static func entry(in entries: [Entry], containing band: AgeBand, sex: String) -> Entry? {
        entries.first { $0.band.contains(band) && $0.sex == sex }
    }

    /// Σ reference events / Σ reference population over `entries` (of one sex when `sex` is given).
    static func crudeRate(of entries: [Entry], sex: String?) -> Double? {
        var events = 0.0
        var population = 0.0
        for entry in entries where sex == nil || entry.sex == sex {
            guard let numerator = entry.numerator, let denominator = entry.denominator else { return nil }
            events += numerator
            population += denominator
        }
        return population > 0 ? events / population : nil
    }
}
