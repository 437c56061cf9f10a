import Indicators
import Layouts
import Tables

/// Where England's value comes from when the comparator is England.
public enum EnglandSource: Sendable, Equatable {
    /// Pooled over the organisations of each group.
    case pooled
    /// The row whose organisation code is `code` (England's own counts, as in a Fingertips export).
    case row(code: String)
    /// A value on the output scale (times the multiplier), for every indicator.
    case value(Double)
}

/// How rows of an indicator-counts file become `IndicatorCounts`.
public struct BenchmarkInputOptions: Sendable {
    /// Keep only rows of this area type (Fingertips' `Area Type`, e.g. `GPs`); the others are
    /// counted in the report. Without it every area type is benchmarked, each as its own group.
    public var areaType: String?
    /// Where England's value comes from (pooled, England's row, or a value).
    public var england: EnglandSource
    /// Keep only this period (and `changeFrom`); without it every period is benchmarked, each as
    /// its own group.
    public var period: String?
    /// The earlier period for the change columns.
    public var changeFrom: String?
    /// What to do with a row whose numerator or denominator is empty, as Fingertips leaves
    /// suppressed values: write it through with an empty value and the reason (`pass`, the
    /// default, as the indicators command does), leave it out and count it (`skip`), or stop
    /// (`error`).
    public var missing: MissingValuePolicy
    /// Defaults for indicators the metadata does not describe.
    public var statistic: BenchmarkStatistic
    public var multiplier: Double?
    public var polarity: Polarity
    /// Per-indicator polarity and overrides; when given, every indicator must be in it.
    public var metadata: [String: IndicatorMetadata]?

    /// Options with the defaults of `consortium benchmark`.
    public init(areaType: String? = nil, england: EnglandSource = .pooled, period: String? = nil, changeFrom: String? = nil,
                missing: MissingValuePolicy = .pass, statistic: BenchmarkStatistic = .proportion, multiplier: Double? = nil,
                polarity: Polarity = .noJudgement, metadata: [String: IndicatorMetadata]? = nil) {
        self.areaType = areaType
        self.england = england
        self.period = period
        self.changeFrom = changeFrom
        self.missing = missing
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
    /// Rows benchmarked (organisations with counts, of the chosen area type and period).
    public var rowsUsed = 0
    /// England rows taken as comparators.
    public var englandRows = 0
    /// England rows of a group no organisation has (a breakdown published for England only).
    public var unusedEnglandRows = 0
    /// Rows read once because they repeat an earlier row exactly (England under every parent of
    /// a Fingertips export), and the line of the first.
    public var repeatedRows = 0
    public var firstRepeatLine: Int?
    /// Rows with an empty numerator or denominator written through (`pass`).
    public var passedMissing = 0
    /// Rows left out for an empty numerator or denominator (`skip`, or rows of the earlier
    /// period of the change, which have no value to compare).
    public var skippedMissing = 0
    /// Rows of other area types than `areaType`.
    public var otherAreaTypes = 0
    /// Rows of periods other than `period` and `changeFrom`.
    public var otherPeriods = 0

    /// An empty report.
    public init() {}

    /// A one-line account of the rows used ("6851 rows: 6378 used, ..."); the repeats and empty
    /// counts have lines of their own (`notes(source:)`).
    public var summary: String {
        var parts = ["\(rowsUsed) used"]
        if englandRows > 0 { parts.append("\(englandRows) England row\(englandRows == 1 ? "" : "s") as comparator") }
        if unusedEnglandRows > 0 {
            parts.append("\(unusedEnglandRows) England row\(unusedEnglandRows == 1 ? "" : "s") of breakdowns no organisation has not used")
        }
        if otherAreaTypes > 0 { parts.append("\(otherAreaTypes) of other area types not used") }
        if otherPeriods > 0 { parts.append("\(otherPeriods) of other periods not used") }
        return "\(rowsRead) rows: " + parts.joined(separator: ", ")
    }

    /// The lines for standard error: the summary when rows were not all used, then the repeats,
    /// the rows passed through and the rows left out, in the wording of `ReadingNotes`.
    public func notes(source: String) -> [String] {
        var notes: [String] = []
        if rowsUsed + repeatedRows + passedMissing + skippedMissing != rowsRead || englandRows > 0 {
            notes.append("\(source): \(summary)")
        }
        if repeatedRows > 0 { notes.append(ReadingNotes.repeats(source: source, count: repeatedRows, firstLine: firstRepeatLine)) }
        if passedMissing > 0 { notes.append(ReadingNotes.passedThrough(source: source, count: passedMissing, figures: "numerator or denominator")) }
        if skippedMissing > 0 { notes.append(ReadingNotes.leftOut(source: source, count: skippedMissing, reason: "an empty numerator or denominator")) }
        return notes
    }
}

/// Reading indicator counts for benchmarking, in either layout the engine knows, recognised from
/// the header (`docs/layouts/benchmark.md`):
/// - the canonical layout: `indicator_id`, `org_code` (or `practice_code`), `numerator` (or
///   `observed`), `denominator` (or `expected`), optional `parent_code` (or `consortium_code`),
///   `period`, `area_type`, `sex`, `age_band`, `category_type`, `group`, `indicator_name`;
/// - an OHID Fingertips export as downloaded (`Indicator ID`, `Area Code`, `Count`,
///   `Denominator`, `Parent Code`, `Time period`, `Area Type`, `Sex`, `Age`, `Category Type`,
///   `Category`, …), in the web tool's spelling or fingertipsR's (`AreaCode`, `Timeperiod`).
/// Headers are matched by `headerKey`, with the names of `FingertipsColumns`.
///
/// A row's identity is its indicator, organisation, period, area type, sex, age, category type
/// and category; rows that repeat an earlier row's identity and figures exactly are read once
/// (`Table.collapsingRepeats`), and the same identity with other figures is an error naming both
/// lines. Each (indicator, period, area type, sex, age, category type, category) is benchmarked
/// as a group of its own, against England's row of the same indicator, period, sex, age and
/// category when `--england row`.
public enum BenchmarkInput {
    static let orgCode = FingertipsColumns.orgCode.also(["practice_code"])
    static let numerator = FingertipsColumns.count.also(["observed"])
    static let denominator = FingertipsColumns.denominator.also(["expected"])
    static let parentCode = FingertipsColumns.parentCode.also(["consortium_code"])

    /// The identity columns that split an indicator's rows into groups besides the period, in
    /// output order.
    public static let breakdownColumns = FingertipsColumns.identity.map(\.name).filter {
        ![FingertipsColumns.indicatorID.name, FingertipsColumns.orgCode.name, FingertipsColumns.period.name].contains($0)
    }

    /// The canonical layout, for recognising a file and for messages.
    public static let canonicalLayout = FileLayout(
        id: "benchmark-counts", name: "benchmark counts",
        identifying: [[FingertipsColumns.indicatorID.bare], [orgCode.bare, KnownColumn("practice_code")],
                      [numerator.bare, KnownColumn("observed")], [denominator.bare, KnownColumn("expected")]],
        documentation: "docs/layouts/benchmark.md")

    /// The columns read, under their engine names with every header publishers use. All are
    /// optional to the reader, so that a file of neither layout is told what each layout needs;
    /// `read` checks the ones a benchmark needs. Numerator and denominator may be empty
    /// (Fingertips' suppressed values), which the missing-value policy decides.
    public static let schema = Schema([
        FingertipsColumns.indicatorID.spec(optional: true),
        orgCode.spec(optional: true),
        numerator.spec(.decimal(minimum: 0), optional: true, allowsEmpty: true),
        denominator.spec(.decimal(minimum: 0), optional: true, allowsEmpty: true),
        FingertipsColumns.value.spec(.decimal(), optional: true, allowsEmpty: true),
        parentCode.spec(optional: true, allowsEmpty: true),
        FingertipsColumns.period.spec(optional: true),
        FingertipsColumns.areaType.spec(optional: true, allowsEmpty: true),
        FingertipsColumns.sex.spec(optional: true, allowsEmpty: true),
        FingertipsColumns.age.spec(optional: true, allowsEmpty: true),
        FingertipsColumns.categoryType.spec(optional: true, allowsEmpty: true),
        FingertipsColumns.category.spec(optional: true, allowsEmpty: true),
        FingertipsColumns.indicatorName.spec(optional: true, allowsEmpty: true),
        FingertipsColumns.valueNote.spec(optional: true, allowsEmpty: true),
    ])

    /// The groups of `table` (read with `schema`), in order of first appearance.
    ///
    /// - Throws: `DataError` when the header is of no layout read, a needed column is missing, an
    ///   organisation code is empty, two rows of one identity have different figures, a figure is
    ///   empty under `error` (or England's is, when England's row is the comparator), there is an
    ///   England row where none is expected or none where one is, and an indicator is missing
    ///   from the metadata.
    public static func read(table original: Table, options: BenchmarkInputOptions) throws -> (indicators: [IndicatorCounts], report: BenchmarkInputReport) {
        let source = original.source
        let header = HeaderKeys(original.header)
        _ = try LayoutDetection.detect(header: original.header, source: source, among: [canonicalLayout, FingertipsColumns.export],
                                       reading: "indicator counts")
        for column in [FingertipsColumns.indicatorID, orgCode, numerator, denominator] where !original.has(column.name) {
            throw DataError(.badData, at: SourceLocation(file: source, line: 1),
                            "missing column \(column.described), needed to benchmark (a Fingertips file with values but no counts cannot be benchmarked)")
        }
        if header.contains("org_code") && header.contains("Area Code") {
            throw DataError(.badData, at: SourceLocation(file: source, line: 1),
                            "the header has both org_code and Area Code; expected either benchmark counts (org_code) or a Fingertips export (Area Code), not both")
        }
        var report = BenchmarkInputReport()
        report.rowsRead = original.rowCount
        // The identity of `FingertipsColumns`, as the indicators command reads it.
        let identity = FingertipsColumns.identity.map(\.name)
        let collapsed: Table.RepeatedRows
        do {
            collapsed = try original.collapsingRepeats(identity: identity, figures: [numerator.name, denominator.name, FingertipsColumns.value.name])
        } catch var conflict as DataError {
            // Name the column as the file heads it (`Count` in a Fingertips export).
            let known = [numerator, denominator, FingertipsColumns.value]
            if let column = known.first(where: { $0.name == conflict.location.columnName }), let spelled = header.headerName(of: column) {
                conflict.location.columnName = spelled
                conflict.message = conflict.message.replacing("with a different \(column.name):", with: "with a different \(spelled):")
            }
            throw conflict
        }
        report.repeatedRows = collapsed.repeats
        report.firstRepeatLine = collapsed.firstRepeatLine
        let table = collapsed.table

        let identifiers = table.text(FingertipsColumns.indicatorID.name)
        let codes = table.text(orgCode.name)
        let numerators = table.optionalDecimals(numerator.name)
        let denominators = table.optionalDecimals(denominator.name)
        func optionalText(_ name: String) -> [String]? { table.has(name) ? table.text(name) : nil }
        let parents = optionalText(parentCode.name)
        let periods = optionalText(FingertipsColumns.period.name)
        let areaTypes = optionalText(FingertipsColumns.areaType.name)
        let names = optionalText(FingertipsColumns.indicatorName.name)
        let valueNotes = optionalText(FingertipsColumns.valueNote.name)
        let presentBreakdown = breakdownColumns.filter { table.has($0) }
        let breakdownValues = presentBreakdown.map { table.text($0) }
        let numeratorColumn = table.rowCount > 0 ? table.location(row: 0, column: numerator.name).column : nil
        let denominatorColumn = table.rowCount > 0 ? table.location(row: 0, column: denominator.name).column : nil
        if options.changeFrom != nil && periods == nil {
            throw DataError(.badData, at: SourceLocation(file: source, line: 1), "--change-from needs a period column (period or Time period)")
        }

        struct Group {
            var identifier: String
            var name: String?
            var period: String?
            var breakdown: Breakdown
            var organisations: [OrganisationCounts] = []
            var suppressed: [SuppressedOrganisation] = []
        }
        var current: [[String]: Group] = [:]
        var earlier: [[String]: [String: OrganisationCounts]] = [:]
        var order: [[String]] = []
        var englandRows: [[String]: OrganisationCounts] = [:]
        var englandUsed: Set<[String]> = []
        let englandCode: String? = { if case .row(let code) = options.england { return code } else { return nil } }()

        for row in 0..<table.rowCount {
            let code = codes[row]
            let isEngland = englandCode != nil && code == englandCode
            if !isEngland, let wanted = options.areaType, let areaTypes, areaTypes[row] != wanted {
                report.otherAreaTypes += 1
                continue
            }
            let period = periods.map { $0[row] }
            var isEarlier = false
            if let period, let wanted = options.period, period != wanted {
                if let from = options.changeFrom, period == from {
                    isEarlier = true
                } else {
                    report.otherPeriods += 1
                    continue
                }
            }
            if code.isEmpty { throw table.error(row: row, column: orgCode.name, "expected an organisation code, found an empty field") }
            let identifier = identifiers[row]
            if identifier.isEmpty {
                throw table.error(row: row, column: FingertipsColumns.indicatorID.name, "expected an indicator identifier, found an empty field")
            }
            if !isEngland && englandCode == nil && code == "E92000001" {
                throw table.error(row: row, column: orgCode.name, "a row for England (E92000001) among the organisations; use --england row to make it the comparator, or leave it out")
            }
            let breakdown = Breakdown(columns: presentBreakdown, values: breakdownValues.map { $0[row] })
            let parent = parents.map { $0[row] }.flatMap { $0.isEmpty ? nil : $0 }
            guard let numeratorValue = numerators[row], let denominatorValue = denominators[row] else {
                let column = numerators[row] == nil ? numerator.name : denominator.name
                if options.missing == .error {
                    throw table.error(row: row, column: column,
                                      "expected a number, found an empty field (rows with missing figures are errors under --missing error; pass writes them with an empty value and the reason, skip leaves them out)")
                }
                if isEngland {
                    throw table.error(row: row, column: column,
                                      "England's row has an empty \(column), so it cannot be the comparator; use --england pooled or a value")
                }
                if isEarlier || options.missing == .skip {
                    report.skippedMissing += 1
                    continue
                }
                var reason = "empty numerator or denominator in the input (suppressed or not calculable by the publisher)"
                if let note = valueNotes?[row], !note.isEmpty { reason += ": " + note }
                let key = [identifier, period ?? ""] + breakdown.values
                if current[key] == nil {
                    order.append(key)
                    current[key] = Group(identifier: identifier, name: names.map { $0[row] }.flatMap { $0.isEmpty ? nil : $0 }, period: period, breakdown: breakdown)
                }
                current[key]!.suppressed.append(SuppressedOrganisation(organisationCode: code, parentCode: parent, reason: reason, location: table.location(row: row)))
                report.passedMissing += 1
                continue
            }
            let counts = OrganisationCounts(organisationCode: code, parentCode: parent, numerator: numeratorValue, denominator: denominatorValue,
                                            location: table.location(row: row), numeratorColumn: numeratorColumn, denominatorColumn: denominatorColumn)
            if isEarlier {
                if !isEngland { earlier[[identifier] + breakdown.values, default: [:]][code] = counts }
                continue
            }
            if isEngland {
                let key = [identifier, period ?? ""] + breakdown.without(FingertipsColumns.areaType.name).values
                if let first = englandRows[key] {
                    throw table.error(row: row, column: orgCode.name,
                                      "a second England row for indicator \(DataError.quoted(identifier))\(describe(period: period, breakdown: breakdown.without(FingertipsColumns.areaType.name))) (the first at line \(first.location?.line.map(String.init) ?? "?"))")
                }
                englandRows[key] = counts
                continue
            }
            let key = [identifier, period ?? ""] + breakdown.values
            if current[key] == nil {
                order.append(key)
                current[key] = Group(identifier: identifier, name: names.map { $0[row] }.flatMap { $0.isEmpty ? nil : $0 }, period: period, breakdown: breakdown)
            }
            current[key]!.organisations.append(counts)
            report.rowsUsed += 1
        }

        var indicators: [IndicatorCounts] = []
        for key in order {
            let group = current[key]!
            let metadata = options.metadata?[group.identifier]
            let first = group.organisations.first?.location ?? group.suppressed.first?.location ?? SourceLocation(file: source)
            if options.metadata != nil && metadata == nil {
                throw DataError(.badData, at: first, "indicator \(DataError.quoted(group.identifier)) is not in the indicators metadata file")
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
                    let englandKey = [group.identifier, group.period ?? ""] + group.breakdown.without(FingertipsColumns.areaType.name).values
                    guard let row = englandRows[englandKey] else {
                        throw DataError(.badData, at: first,
                                        "indicator \(DataError.quoted(group.identifier))\(describe(period: group.period, breakdown: group.breakdown.without(FingertipsColumns.areaType.name))) has no England row (org_code \(DataError.quoted(code))) for --england row")
                    }
                    englandUsed.insert(englandKey)
                    england = .counts(row)
                }
            }
            let previous: [String: OrganisationCounts]? = options.changeFrom == nil ? nil : (earlier[[group.identifier] + group.breakdown.values] ?? [:])
            indicators.append(IndicatorCounts(indicatorId: group.identifier, name: metadata?.name ?? group.name, period: group.period,
                                              breakdown: group.breakdown, statistic: statistic, multiplier: multiplier,
                                              polarity: metadata?.polarity ?? options.polarity, organisations: group.organisations,
                                              england: england, previous: previous, previousPeriod: options.changeFrom, suppressed: group.suppressed))
        }
        report.englandRows = englandUsed.count
        report.unusedEnglandRows = englandRows.count - englandUsed.count
        if indicators.isEmpty {
            throw DataError(.badData, at: SourceLocation(file: source, line: table.rowCount > 0 ? nil : 2),
                            "no rows to benchmark (\(report.summary))")
        }
        return (indicators, report)
    }

    /// ` (period "2022/23", sex "Male")` for messages; empty when there is nothing to say.
    static func describe(period: String?, breakdown: Breakdown) -> String {
        var parts: [String] = []
        if let period, !period.isEmpty { parts.append("period \(DataError.quoted(period))") }
        let described = breakdown.described
        if !described.isEmpty { parts.append(described) }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }
}

extension KnownColumn {
    /// The column by its engine name only (for the canonical layout's identifying columns, whose
    /// messages name the canonical header).
    var bare: KnownColumn { KnownColumn(name) }
}
