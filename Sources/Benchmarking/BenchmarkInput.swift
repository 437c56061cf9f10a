import Tables

/// Where England's value comes from when the comparator is England.
public enum EnglandSource: Sendable, Equatable {
    /// Pooled over the organisations of each indicator.
    case pooled
    /// The row whose organisation code is `code` (England's own counts, as in a Fingertips export).
    case row(code: String)
    /// A value on the output scale (times the multiplier), for every indicator.
    case value(Double)
}

/// How rows of an indicator-counts file become `IndicatorCounts`.
public struct BenchmarkInputOptions: Sendable {
    /// Keep only rows of this area type (Fingertips' `Area Type`, e.g. `GPs`); the others are
    /// counted in the report. Required when the file mixes area types.
    public var areaType: String?
    /// Where England's value comes from (pooled, England's row, or a value).
    public var england: EnglandSource
    /// The period benchmarked, when the file has a period column with several periods.
    public var period: String?
    /// The earlier period for the change columns.
    public var changeFrom: String?
    /// Skip (and count) rows whose numerator or denominator is empty, as Fingertips leaves
    /// suppressed values; otherwise such a row is an error.
    public var skipMissing: Bool
    /// Defaults for indicators the metadata does not describe.
    public var statistic: BenchmarkStatistic
    public var multiplier: Double?
    public var polarity: Polarity
    /// Per-indicator polarity and overrides; when given, every indicator must be in it.
    public var metadata: [String: IndicatorMetadata]?

    /// Options with the defaults of `consortium benchmark`.
    public init(areaType: String? = nil, england: EnglandSource = .pooled, period: String? = nil, changeFrom: String? = nil, skipMissing: Bool = false,
                statistic: BenchmarkStatistic = .proportion, multiplier: Double? = nil, polarity: Polarity = .noJudgement,
                metadata: [String: IndicatorMetadata]? = nil) {
        self.areaType = areaType
        self.england = england
        self.period = period
        self.changeFrom = changeFrom
        self.skipMissing = skipMissing
        self.statistic = statistic
        self.multiplier = multiplier
        self.polarity = polarity
        self.metadata = metadata
    }
}

/// What happened to the rows of an input file.
public struct BenchmarkInputReport: Sendable, Equatable {
    /// Data rows in the file.
    public var rowsRead = 0
    /// Rows benchmarked (organisations of the chosen area type and period).
    public var rowsUsed = 0
    /// England rows taken as comparators.
    public var englandRows = 0
    /// Rows left out for an empty numerator or denominator (`skipMissing`).
    public var skippedMissing = 0
    /// Rows of other area types than `areaType`.
    public var otherAreaTypes = 0
    /// Rows of periods other than `period` and `changeFrom`.
    public var otherPeriods = 0

    /// An empty report.
    public init() {}

    /// A one-line account for standard error ("6851 rows: 6378 used, ...").
    public var summary: String {
        var parts = ["\(rowsUsed) used"]
        if englandRows > 0 { parts.append("\(englandRows) England row\(englandRows == 1 ? "" : "s") as comparator") }
        if otherAreaTypes > 0 { parts.append("\(otherAreaTypes) of other area types not used") }
        if otherPeriods > 0 { parts.append("\(otherPeriods) of other periods not used") }
        if skippedMissing > 0 { parts.append("\(skippedMissing) with an empty numerator or denominator skipped") }
        return "\(rowsRead) rows: " + parts.joined(separator: ", ")
    }
}

/// Reading indicator counts: the canonical layout (`indicator_id`, `org_code`, `numerator`,
/// `denominator`, optional `parent_code`, `period`, `area_type`) or an OHID Fingertips export
/// (`Indicator ID`, `Area Code`, `Count`, `Denominator`, `Parent Code`, `Time period`, `Area Type`).
public enum BenchmarkInput {
    /// The columns read, with the Fingertips names as aliases; numerator and denominator may be
    /// empty (Fingertips' suppressed values), which `read` turns into an error or a skipped row.
    public static let schema = Schema([
        ColumnSpec("indicator_id", aliases: ["Indicator ID"]),
        ColumnSpec("org_code", aliases: ["Area Code", "practice_code"]),
        ColumnSpec("numerator", .decimal(minimum: 0), aliases: ["Count", "observed"], allowsEmpty: true),
        ColumnSpec("denominator", .decimal(minimum: 0), aliases: ["Denominator", "expected"], allowsEmpty: true),
        ColumnSpec("parent_code", aliases: ["Parent Code", "consortium_code"], optional: true, allowsEmpty: true),
        ColumnSpec("period", aliases: ["Time period"], optional: true),
        ColumnSpec("area_type", aliases: ["Area Type"], optional: true),
        ColumnSpec("indicator_name", aliases: ["Indicator Name"], optional: true, allowsEmpty: true),
    ])

    /// The indicators of `table` (read with `schema`), in order of first appearance.
    ///
    /// - Throws: `DataError` for an empty numerator or denominator (unless `skipMissing`), a
    ///   duplicate organisation within an indicator and period, mixed area types without
    ///   `areaType`, several periods without `period`, an England row where none is expected or
    ///   none where one is, and an indicator missing from the metadata.
    public static func read(table: Table, options: BenchmarkInputOptions) throws -> (indicators: [IndicatorCounts], report: BenchmarkInputReport) {
        var report = BenchmarkInputReport()
        report.rowsRead = table.rowCount
        let identifiers = table.text("indicator_id")
        let codes = table.text("org_code")
        let numerators = table.optionalDecimals("numerator")
        let denominators = table.optionalDecimals("denominator")
        let parents = table.has("parent_code") ? table.text("parent_code") : nil
        let periods = table.has("period") ? table.text("period") : nil
        let areaTypes = table.has("area_type") ? table.text("area_type") : nil
        let numeratorColumn = table.rowCount > 0 ? table.location(row: 0, column: "numerator").column : nil
        let denominatorColumn = table.rowCount > 0 ? table.location(row: 0, column: "denominator").column : nil
        let names = table.has("indicator_name") ? table.text("indicator_name") : nil

        if let areaTypes, options.areaType == nil {
            let distinct = orderedDistinct(areaTypes)
            let englandCode: String? = { if case .row(let code) = options.england { return code } else { return nil } }()
            let nonEngland = orderedDistinct(zip(areaTypes, codes).filter { $0.1 != englandCode }.map(\.0))
            if nonEngland.count > 1 {
                throw DataError(.badData, at: table.location(row: 0, column: "area_type"),
                                "the file mixes \(distinct.count) area types (\(distinct.prefix(6).joined(separator: ", "))\(distinct.count > 6 ? ", …" : "")); choose the organisations with --area-type")
            }
        }
        if let periods, options.period == nil {
            let distinct = orderedDistinct(periods)
            if distinct.count > 1 {
                throw DataError(.badData, at: table.location(row: 0, column: "period"),
                                "the file has \(distinct.count) periods (\(distinct.prefix(6).joined(separator: ", "))\(distinct.count > 6 ? ", …" : "")); choose one with --period")
            }
        }
        if options.changeFrom != nil && periods == nil {
            throw DataError(.badData, at: SourceLocation(file: table.source, line: 1), "--change-from needs a period column (period or Time period)")
        }

        struct Group {
            var identifier: String
            var name: String?
            var period: String?
            var organisations: [OrganisationCounts] = []
            var lines: [String: Int] = [:]
            var england: OrganisationCounts?
        }
        var current: [String: Group] = [:]
        var earlier: [String: Group] = [:]
        var order: [String] = []
        let englandCode: String? = { if case .row(let code) = options.england { return code } else { return nil } }()

        for row in 0..<table.rowCount {
            let code = codes[row]
            let isEngland = englandCode != nil && code == englandCode
            if !isEngland, let wanted = options.areaType, let areaTypes, areaTypes[row] != wanted {
                report.otherAreaTypes += 1
                continue
            }
            var isEarlier = false
            if let periods {
                let period = periods[row]
                if let wanted = options.period, period != wanted {
                    if let from = options.changeFrom, period == from {
                        isEarlier = true
                    } else {
                        report.otherPeriods += 1
                        continue
                    }
                }
            }
            if code.isEmpty { throw table.error(row: row, column: "org_code", "expected an organisation code, found an empty field") }
            guard let numerator = numerators[row], let denominator = denominators[row] else {
                if options.skipMissing {
                    report.skippedMissing += 1
                    continue
                }
                let column = numerators[row] == nil ? "numerator" : "denominator"
                throw table.error(row: row, column: column, "expected a number, found an empty field (use --skip-missing to leave such rows out and count them)")
            }
            let identifier = identifiers[row]
            if !isEngland && englandCode == nil && code == "E92000001" {
                throw table.error(row: row, column: "org_code", "a row for England (E92000001) among the organisations; use --england row to make it the comparator, or leave it out")
            }
            let counts = OrganisationCounts(organisationCode: code, parentCode: parents.map { $0[row] }.flatMap { $0.isEmpty ? nil : $0 },
                                            numerator: numerator, denominator: denominator, location: table.location(row: row),
                                            numeratorColumn: numeratorColumn, denominatorColumn: denominatorColumn)
            let key = identifier
            if isEarlier {
                var group = earlier[key] ?? Group(identifier: identifier, period: options.changeFrom)
                if isEngland { continue }
                if let first = group.lines[code] {
                    throw table.error(row: row, column: "org_code", "organisation \(DataError.quoted(code)) appears twice for indicator \(DataError.quoted(identifier)) in period \(DataError.quoted(options.changeFrom ?? "")) (also line \(first))")
                }
                group.lines[code] = table.lineNumbers[row]
                group.organisations.append(counts)
                earlier[key] = group
                continue
            }
            var group = current[key] ?? Group(identifier: identifier, name: names.map { $0[row] }.flatMap { $0.isEmpty ? nil : $0 }, period: periods.map { $0[row] })
            if current[key] == nil { order.append(key) }
            if isEngland {
                if group.england != nil {
                    throw table.error(row: row, column: "org_code", "a second England row for indicator \(DataError.quoted(identifier))")
                }
                group.england = counts
                report.englandRows += 1
            } else {
                if let first = group.lines[code] {
                    throw table.error(row: row, column: "org_code", "organisation \(DataError.quoted(code)) appears twice for indicator \(DataError.quoted(identifier)) (also line \(first))")
                }
                group.lines[code] = table.lineNumbers[row]
                group.organisations.append(counts)
                report.rowsUsed += 1
            }
            current[key] = group
        }

        var indicators: [IndicatorCounts] = []
        for key in order {
            let group = current[key]!
            let metadata = options.metadata?[group.identifier]
            if options.metadata != nil && metadata == nil {
                let first = group.organisations.first?.location ?? group.england?.location ?? SourceLocation(file: table.source)
                throw DataError(.badData, at: first, "indicator \(DataError.quoted(group.identifier)) is not in the indicators metadata file")
            }
            if group.organisations.isEmpty {
                throw DataError(.badData, at: group.england?.location ?? SourceLocation(file: table.source),
                                "indicator \(DataError.quoted(group.identifier)) has no organisations besides England")
            }
            let statistic = metadata?.statistic ?? options.statistic
            let multiplier = metadata?.multiplier ?? options.multiplier ?? statistic.defaultMultiplier
            let england: EnglandReference
            if let supplied = metadata?.englandValue {
                england = .value(supplied / multiplier)
            } else {
                switch options.england {
                case .pooled: england = .pooled
                case .value(let value): england = .value(value / multiplier)
                case .row(let code):
                    guard let row = group.england else {
                        throw DataError(.badData, at: group.organisations[0].location ?? SourceLocation(file: table.source),
                                        "indicator \(DataError.quoted(group.identifier)) has no England row (org_code \(DataError.quoted(code))) for --england row")
                    }
                    england = .counts(row)
                }
            }
            var previous: [String: OrganisationCounts]?
            if options.changeFrom != nil {
                previous = [:]
                for organisation in earlier[key]?.organisations ?? [] { previous![organisation.organisationCode] = organisation }
            }
            indicators.append(IndicatorCounts(indicatorId: group.identifier, name: metadata?.name ?? group.name, period: group.period, statistic: statistic, multiplier: multiplier,
                                              polarity: metadata?.polarity ?? options.polarity, organisations: group.organisations,
                                              england: england, previous: previous, previousPeriod: options.changeFrom))
        }
        if indicators.isEmpty {
            throw DataError(.badData, at: SourceLocation(file: table.source, line: table.rowCount > 0 ? nil : 2),
                            "no rows to benchmark (\(report.summary))")
        }
        return (indicators, report)
    }

    static func orderedDistinct(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for value in values where seen.insert(value).inserted { result.append(value) }
        return result
    }
}
