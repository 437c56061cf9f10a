import ArgumentParser
import Inequality
import Tables

extension InequalityStatistic: ExpressibleByArgument {}
extension IndicatorScale: ExpressibleByArgument {}
extension InequalityDirection: ExpressibleByArgument {}
extension SlopeIndexWeights: ExpressibleByArgument {}

/// `consortium inequality`: SII, RII, gaps, concentration index, Gini, Theil and Atkinson across
/// deprivation groups.
struct InequalityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inequality",
        abstract: "Inequality across deprivation groups: SII and RII with limits, gap and ratio, concentration index, Gini, Theil, Atkinson.",
        discussion: """
        Input (--indicator), long format, either
          counts or amounts per organisation: org_code (or practice_code, Area Code), numerator (or Count), denominator (or Denominator), with the organisation's deprivation group from --deprivation (org_code, deprivation_group, optional imd_score, as written by `consortium needs`) or from a deprivation_group column; or
          one row per group: deprivation_group, numerator, denominator; or, with --statistic value, deprivation_group, value, population and lowercl/uppercl (95%) or se.
        Group 1 is the most deprived. --by names columns whose values make separate analyses (e.g. indicator_id). An OHID Fingertips export is read as it is; keep its practices with --area-type GPs.

        Statistics: proportion (Wilson limits, logit scale), rate (Byar or exact Poisson, log scale), ratio (ratio of sums such as pounds per weighted patient; ratio-estimator limits from the organisations), value (given values and limits). Values are reported times --multiplier (100 for percentages).

        SII: weighted regression of the group values on the midpoints of their cumulative population shares (0 = most deprived end, 1 = least), weights the populations (or --weights inverse-variance). SII = fitted most deprived minus fitted least deprived by default (--direction least-minus-most gives PHEindicatormethods' sign). rii = SII / population-weighted mean; rii_ratio = ratio of the fitted ends. Limits by simulation as phe_sii does (each group drawn from its own limits on the logit, log or natural scale; --reps, --seed; repeatable) and/or analytic (WLS covariance, delta method, t): --interval simulation,analytic. gap and ratio compare group 1 with the last group. The concentration index ranks organisations by imd_score when given (else by group), with the Kakwani-Wagstaff-van Doorslaer standard error; Erreygers and Wagstaff corrections for bounded indicators (proportions, or --bounds). Gini, Theil T and L (with between/within parts by --decompose-by, e.g. consortium_code of the deprivation file) and Atkinson (0.5, 1, 2) are population-weighted over the organisations (or groups).

        Output columns: the --by columns, measure, value, lowercl, uppercl, confidence, method. --groups-out writes each group's population, value and limits.

        Bad data stop with exit 65 naming file and line: a group with no rows or zero population, fewer than --minimum-groups groups, a row without a group, an organisation missing from --deprivation (or skipped and counted with --on-unusable skip).

        Example:
          consortium inequality --indicator fingertips-smoking.csv --area-type GPs --deprivation practice-deciles.csv --statistic proportion --multiplier 100 --interval simulation,analytic --confidence 95,99.8 --seed 1 --out smoking-inequality.csv
        """
    )

    @Option(name: .customLong("indicator"), help: "Indicator CSV: organisation or group rows.")
    var indicatorPath: String

    @Option(name: .customLong("deprivation"), help: "Deprivation groups of organisations: org_code, deprivation_group, optional imd_score.")
    var deprivationPath: String?

    @Option(help: "How group values and limits are formed: proportion, rate, ratio or value.")
    var statistic: InequalityStatistic = .proportion

    @Option(help: "Multiplier of reported values (100 for percentages, 100000 for rates per 100,000).")
    var multiplier: Double = 1

    @Option(help: "With --statistic value: the scale of the values (identity, log for rates, logit for proportions).")
    var scale: IndicatorScale = .identity

    @Option(help: "Sign convention: most-minus-least (default) or least-minus-most (PHEindicatormethods).")
    var direction: InequalityDirection = .mostMinusLeast

    @Option(help: "SII regression weights: population or inverse-variance.")
    var weights: SlopeIndexWeights = .population

    @Option(help: "Confidence levels in percent, comma-separated (95,99.8).")
    var confidence: String = "95"

    @Option(help: "SII limits: simulation, analytic, or both comma-separated.")
    var interval: String = "simulation"

    @Option(help: "Simulation repetitions (at least 1000).")
    var reps: Int = 10_000

    @Option(help: "Simulation seed (the same seed gives the same limits).")
    var seed: UInt64 = 1

    @Option(name: .customLong("groups"), help: "The number of deprivation groups expected (groups must run from 1 to it).")
    var expectedGroups: Int?

    @Option(name: .customLong("minimum-groups"), help: "The fewest groups accepted.")
    var minimumGroups: Int = 5

    @Option(help: "Bounds of the indicator for the Erreygers and Wagstaff corrections, as a,b on the reported scale.")
    var bounds: String?

    @Option(name: .customLong("score-order"), help: "Which imd_score values are deprived: higher or lower.")
    var scoreOrder: DeprivationOrder = .higherIsMoreDeprived

    @Option(help: "Columns of the indicator file whose values make separate analyses, comma-separated.")
    var by: String?

    @Option(name: .customLong("decompose-by"), help: "A column of the deprivation file (e.g. consortium_code) for the between/within Theil parts.")
    var decomposeBy: String?

    @Option(name: .customLong("area-type"), help: "Keep only rows of this Area Type (e.g. GPs); the others are counted on standard error.")
    var areaType: String?

    @Option(name: .customLong("organisation-column"), help: "The organisation code column of the indicator file.")
    var organisationColumn: String?

    @Option(name: .customLong("numerator-column"), help: "The numerator column of the indicator file.")
    var numeratorColumn: String?

    @Option(name: .customLong("denominator-column"), help: "The denominator column of the indicator file.")
    var denominatorColumn: String?

    @Option(name: .customLong("on-unusable"), help: "An organisation row without a group, counts or a denominator: error, or skip and count it.")
    var onUnusable: UnusableRowPolicy = .error

    @Option(name: .customLong("groups-out"), help: "Also write the groups: the --by columns, deprivation_group, population, organisations, numerator, denominator, value, lowercl, uppercl (95%).")
    var groupsOutputPath: String?

    @Option(name: .customLong("out"), help: "Output CSV (standard output when absent).")
    var outputPath: String?

    func validate() throws {
        _ = try confidences()
        _ = try intervalMethods()
        _ = try parsedBounds()
        guard reps >= 1000 else { throw ValidationError("--reps must be at least 1000") }
        guard multiplier > 0 && multiplier.isFinite else { throw ValidationError("--multiplier must be a positive number") }
        guard minimumGroups >= 3 else { throw ValidationError("--minimum-groups must be at least 3 (a line needs residual degrees of freedom)") }
        if statistic == .value && deprivationPath != nil {
            throw ValidationError("--statistic value takes one row per group, so --deprivation does not apply")
        }
        if decomposeBy != nil && deprivationPath == nil { throw ValidationError("--decompose-by names a column of --deprivation") }
    }

    func confidences() throws -> [Double] {
        try confidence.split(separator: ",").map { text in
            guard let percent = Double(text.trimmingCharacters(in: .whitespaces)), percent > 0, percent < 100 else {
                throw ValidationError("--confidence: expected percentages between 0 and 100 such as 95,99.8, found \"\(text)\"")
            }
            return percent / 100
        }
    }

    func intervalMethods() throws -> [SlopeIndexIntervalMethod] {
        try interval.split(separator: ",").map { text in
            guard let method = SlopeIndexIntervalMethod(rawValue: text.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--interval: expected simulation and/or analytic, found \"\(text)\"")
            }
            return method
        }
    }

    func parsedBounds() throws -> ClosedRange<Double>? {
        guard let bounds else { return nil }
        let parts = bounds.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, parts[0] < parts[1] else { throw ValidationError("--bounds: expected a,b with a < b, found \"\(bounds)\"") }
        return parts[0]...parts[1]
    }

    private var byColumns: [String] {
        by.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } ?? []
    }

    func run() throws {
        try reportingErrors {
            let options = InequalityOptions(
                statistic: statistic, multiplier: multiplier, scale: scale, direction: direction, weights: weights,
                confidences: try confidences(), intervalMethods: try intervalMethods(), repetitions: reps, seed: seed,
                minimumGroups: minimumGroups, expectedGroupCount: expectedGroups, bounds: try parsedBounds(),
                scoreOrder: scoreOrder, source: indicatorPath)
            let input = try IndicatorInput.read(command: self)
            let writer = try CSVWriter(path: outputPath, header: byColumns + ["measure", "value", "lowercl", "uppercl", "confidence", "method"])
            let groupsWriter = try groupsOutputPath.map {
                try CSVWriter(path: $0, header: byColumns + ["deprivation_group", "population", "organisations", "numerator", "denominator", "value", "lowercl", "uppercl"])
            }
            for analysis in input.analyses {
                let result = try InequalityAnalysis.analyse(analysis.observations, options: options)
                let key = analysis.key.map(CSVValue.text)
                for estimate in result.estimates {
                    try writer.write(key + [
                        .text(estimate.measure), number(estimate.value), number(estimate.limits?.lower), number(estimate.limits?.upper),
                        estimate.confidence.map { .text(Table.formatNumber($0 * 100) + "%") } ?? .missing, .text(estimate.method),
                    ])
                }
                if let groupsWriter {
                    for group in result.groups {
                        let limits = group.limits(confidence: 0.95)
                        try groupsWriter.write(key + [
                            .wholeNumber(group.group), .number(group.population), .wholeNumber(group.organisationCount),
                            number(group.numerator), number(group.denominator), .number(group.value * multiplier),
                            .number(limits.lower * multiplier), .number(limits.upper * multiplier),
                        ])
                    }
                }
            }
            try writer.commit()
            try groupsWriter?.commit()
            if !input.notes.isEmpty { printError("note: \(indicatorPath): skipped \(input.notes.joined(separator: "; "))") }
        }
    }

    private func number(_ value: Double?) -> CSVValue {
        value.map(CSVValue.number) ?? .missing
    }

    /// The indicator file read and split into analyses, with organisations joined to their groups.
    struct IndicatorInput {
        var analyses: [(key: [String], observations: [IndicatorObservation])] = []
        var notes: [String] = []

        static func read(command: InequalityCommand) throws -> IndicatorInput {
            var columns = command.byColumns.map { ColumnSpec($0) }
            let organisationNames = ["org_code", "practice_code", "Area Code", "AreaCode", "Practice Code"]
            if let name = command.organisationColumn {
                columns.append(ColumnSpec(name))
            } else if command.statistic != .value {
                columns.append(ColumnSpec("org_code", aliases: Array(organisationNames.dropFirst()), optional: command.deprivationPath == nil))
            }
            let organisationKey = command.organisationColumn ?? "org_code"
            if command.deprivationPath == nil {
                columns.append(ColumnSpec("deprivation_group", .wholeNumber(), aliases: ["group", "decile", "quintile", "imd_decile", "imd_quintile"], allowsEmpty: true))
            }
            if command.statistic == .value {
                columns += [
                    ColumnSpec("value", .decimal(), aliases: ["Value"], allowsEmpty: true),
                    ColumnSpec("population", .decimal(minimum: 0), allowsEmpty: true),
                    ColumnSpec("lowercl", .decimal(), aliases: ["Lower CI 95.0 limit"], optional: true, allowsEmpty: true),
                    ColumnSpec("uppercl", .decimal(), aliases: ["Upper CI 95.0 limit"], optional: true, allowsEmpty: true),
                    ColumnSpec("se", .decimal(minimum: 0), aliases: ["standard_error"], optional: true, allowsEmpty: true),
                ]
            } else {
                // Amounts of a ratio (pounds) may be negative; counts may not.
                let numeratorType = ColumnType.decimal(minimum: command.statistic == .ratio ? nil : 0)
                columns.append(ColumnSpec(command.numeratorColumn ?? "numerator", numeratorType, aliases: command.numeratorColumn == nil ? ["Count"] : [], allowsEmpty: true))
                columns.append(ColumnSpec(command.denominatorColumn ?? "denominator", .decimal(minimum: 0), aliases: command.denominatorColumn == nil ? ["Denominator"] : [], allowsEmpty: true))
            }
            if command.areaType != nil { columns.append(ColumnSpec("area_type", aliases: ["Area Type"])) }
            let table = try TableReader.read(path: command.indicatorPath, schema: Schema(columns))
            let numeratorKey = command.numeratorColumn ?? "numerator", denominatorKey = command.denominatorColumn ?? "denominator"

            var input = IndicatorInput()
            var otherAreaTypes = 0
            var order: [[String]] = []
            var rowsByKey: [[String]: [Int]] = [:]
            let byValues = command.byColumns.map { table.text($0) }
            let areaTypes = command.areaType != nil ? table.text("area_type") : nil
            for row in 0..<table.rowCount {
                if let wanted = command.areaType, areaTypes![row] != wanted {
                    otherAreaTypes += 1
                    continue
                }
                let key = byValues.map { $0[row] }
                if rowsByKey[key] == nil { order.append(key) }
                rowsByKey[key, default: []].append(row)
            }
            if otherAreaTypes > 0 { input.notes.append("\(otherAreaTypes) rows of other area types") }
            guard !order.isEmpty else {
                throw DataError(.badData, at: SourceLocation(file: command.indicatorPath), "no rows to analyse\(command.areaType.map { " (none of Area Type \(DataError.quoted($0)))" } ?? "")")
            }
            let organisations = table.has(organisationKey) ? table.text(organisationKey) : nil
            var deprivation: DeprivationLookup?
            if let path = command.deprivationPath {
                deprivation = try DeprivationLookup(readDeprivation(path: path, decomposeBy: command.decomposeBy), name: path)
            }
            var skipped: [DeprivationJoin.SkipReason: Int] = [:]
            let numerators = command.statistic == .value ? [] : table.optionalDecimals(numeratorKey)
            let denominators = command.statistic == .value ? [] : table.optionalDecimals(denominatorKey)
            for key in order {
                let rows = rowsByKey[key]!
                if let deprivation {
                    let counts = rows.map { row in
                        OrganisationCounts(organisation: organisations![row], numerator: numerators[row],
                                           denominator: denominators[row], location: table.location(row: row))
                    }
                    let joined = try DeprivationJoin.attach(counts, to: deprivation, policy: command.onUnusable)
                    for (reason, count) in joined.skipped { skipped[reason, default: 0] += count }
                    input.analyses.append((key, joined.observations))
                    continue
                }
                let groups = table.optionalWholeNumbers("deprivation_group")
                var observations: [IndicatorObservation] = []
                for row in rows {
                    guard let group = groups[row] else {
                        throw table.error(row: row, column: "deprivation_group", "expected a deprivation group, found an empty field")
                    }
                    var observation = IndicatorObservation(organisation: organisations?[row], group: group, location: table.location(row: row))
                    if command.statistic == .value {
                        observation.value = table.optionalDecimals("value")[row]
                        observation.population = table.optionalDecimals("population")[row]
                        observation.lower95 = table.has("lowercl") ? table.optionalDecimals("lowercl")[row] : nil
                        observation.upper95 = table.has("uppercl") ? table.optionalDecimals("uppercl")[row] : nil
                        observation.standardError = table.has("se") ? table.optionalDecimals("se")[row] : nil
                    } else {
                        observation.numerator = numerators[row]
                        observation.denominator = denominators[row]
                    }
                    observations.append(observation)
                }
                input.analyses.append((key, observations))
            }
            for reason in skipped.keys.sorted() { input.notes.append("\(skipped[reason]!) rows \(reason.rawValue)") }
            return input
        }

        static func readDeprivation(path: String, decomposeBy: String?) throws -> [OrganisationDeprivation] {
            var columns = [
                ColumnSpec("org_code", aliases: ["practice_code", "Practice Code"]),
                ColumnSpec("deprivation_group", .wholeNumber(minimum: 1), aliases: ["group", "decile", "quintile", "imd_decile", "imd_quintile"]),
                ColumnSpec("imd_score", .decimal(), aliases: ["score"], optional: true),
            ]
            if let decomposeBy { columns.append(ColumnSpec(decomposeBy)) }
            let table = try TableReader.read(path: path, schema: Schema(columns))
            let codes = table.text("org_code"), groups = table.wholeNumbers("deprivation_group")
            let scores = table.has("imd_score") ? table.decimals("imd_score") : nil
            let partitions = decomposeBy.map { table.text($0) }
            return (0..<table.rowCount).map { row in
                OrganisationDeprivation(code: codes[row], group: groups[row], score: scores?[row], partition: partitions?[row],
                                        location: table.location(row: row, column: "org_code"))
            }
        }
    }
}
