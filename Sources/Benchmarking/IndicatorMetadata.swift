import Tables

/// What an indicators metadata file says about one indicator: its polarity and, optionally, its
/// name, statistic, multiplier and a supplied England value (on the output scale).
public struct IndicatorMetadata: Sendable, Equatable {
    /// A readable name, for chart titles.
    public var name: String?
    /// Which direction is better.
    public var polarity: Polarity
    /// Overrides `--statistic` for this indicator.
    public var statistic: BenchmarkStatistic?
    /// Overrides `--multiplier` for this indicator.
    public var multiplier: Double?
    /// England's value on the output scale, overriding `--england`.
    public var englandValue: Double?

    /// Metadata of one indicator.
    public init(name: String? = nil, polarity: Polarity, statistic: BenchmarkStatistic? = nil, multiplier: Double? = nil, englandValue: Double? = nil) {
        self.name = name
        self.polarity = polarity
        self.statistic = statistic
        self.multiplier = multiplier
        self.englandValue = englandValue
    }

    /// `indicator_id`, `polarity` (higher_is_better | lower_is_better | no_judgement); optional
    /// `name`, `statistic` (proportion | rate | ratio), `multiplier` (> 0) and `england_value`.
    public static let schema = Schema([
        ColumnSpec("indicator_id", aliases: ["Indicator ID"]),
        ColumnSpec("polarity"),
        ColumnSpec("name", aliases: ["indicator_name", "Indicator Name"], optional: true, allowsEmpty: true),
        ColumnSpec("statistic", optional: true, allowsEmpty: true),
        ColumnSpec("multiplier", .decimal(minimum: 0), optional: true, allowsEmpty: true),
        ColumnSpec("england_value", .decimal(), optional: true, allowsEmpty: true),
    ])

    /// Reads a metadata table by indicator id; duplicate ids and unknown words are errors.
    public static func read(table: Table) throws -> [String: IndicatorMetadata] {
        let identifiers = table.text("indicator_id")
        let polarities = table.text("polarity")
        let statistics = table.has("statistic") ? table.text("statistic") : nil
        let multipliers = table.has("multiplier") ? table.optionalDecimals("multiplier") : nil
        let englandValues = table.has("england_value") ? table.optionalDecimals("england_value") : nil
        let names = table.has("name") ? table.text("name") : nil
        var result: [String: IndicatorMetadata] = [:]
        var lines: [String: Int] = [:]
        for row in 0..<table.rowCount {
            let identifier = identifiers[row]
            if let first = lines[identifier] {
                throw table.error(row: row, column: "indicator_id", "the indicator \(DataError.quoted(identifier)) appears twice (also line \(first))")
            }
            lines[identifier] = table.lineNumbers[row]
            guard let polarity = Polarity(rawValue: polarities[row]) else {
                throw table.error(row: row, column: "polarity", "expected one of \(Polarity.accepted), found \(DataError.quoted(polarities[row]))")
            }
            var statistic: BenchmarkStatistic?
            if let statistics, !statistics[row].isEmpty {
                guard let found = BenchmarkStatistic(rawValue: statistics[row]) else {
                    throw table.error(row: row, column: "statistic",
                                      "expected one of \(BenchmarkStatistic.allCases.map(\.rawValue).joined(separator: ", ")), found \(DataError.quoted(statistics[row]))")
                }
                statistic = found
            }
            let multiplier = multipliers?[row]
            if let multiplier, multiplier <= 0 {
                throw table.error(row: row, column: "multiplier", "expected a multiplier > 0, found \(Table.formatNumber(multiplier))")
            }
            let name = names.map { $0[row] }.flatMap { $0.isEmpty ? nil : $0 }
            result[identifier] = IndicatorMetadata(name: name, polarity: polarity, statistic: statistic, multiplier: multiplier, englandValue: englandValues?[row])
        }
        return result
    }
}
