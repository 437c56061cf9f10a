import Inequality
import Tables

/// The indicator file of an inequality step read and split into analyses, with organisations
/// joined to their deprivation groups.
struct InequalityInput {
    var analyses: [(key: [String], observations: [IndicatorObservation])] = []
    var notes: [String] = []

    static func read(_ options: InequalityStepOptions) throws -> InequalityInput {
        var columns = options.byColumns.map { ColumnSpec($0) }
        let organisationNames = ["org_code", "practice_code", "Area Code", "AreaCode", "Practice Code"]
        if let name = options.organisationColumn {
            columns.append(ColumnSpec(name))
        } else if options.statistic != .value {
            columns.append(ColumnSpec("org_code", aliases: Array(organisationNames.dropFirst()), optional: options.deprivation == nil))
        }
        let organisationKey = options.organisationColumn ?? "org_code"
        if options.deprivation == nil {
            columns.append(ColumnSpec("deprivation_group", .wholeNumber(), aliases: ["group", "decile", "quintile", "imd_decile", "imd_quintile"], allowsEmpty: true))
        }
        if options.statistic == .value {
            columns += [
                ColumnSpec("value", .decimal(), aliases: ["Value"], allowsEmpty: true),
                ColumnSpec("population", .decimal(minimum: 0), allowsEmpty: true),
                ColumnSpec("lowercl", .decimal(), aliases: ["Lower CI 95.0 limit"], optional: true, allowsEmpty: true),
                ColumnSpec("uppercl", .decimal(), aliases: ["Upper CI 95.0 limit"], optional: true, allowsEmpty: true),
                ColumnSpec("se", .decimal(minimum: 0), aliases: ["standard_error"], optional: true, allowsEmpty: true),
            ]
        } else {
            // Amounts of a ratio (pounds) may be negative; counts may not.
            let numeratorType = ColumnType.decimal(minimum: options.statistic == .ratio ? nil : 0)
            columns.append(ColumnSpec(options.numeratorColumn ?? "numerator", numeratorType, aliases: options.numeratorColumn == nil ? ["Count"] : [], allowsEmpty: true))
            columns.append(ColumnSpec(options.denominatorColumn ?? "denominator", .decimal(minimum: 0), aliases: options.denominatorColumn == nil ? ["Denominator"] : [], allowsEmpty: true))
        }
        if options.areaType != nil { columns.append(ColumnSpec("area_type", aliases: ["Area Type"])) }
        let table = try TableReader.read(path: options.indicator, schema: Schema(columns))
        let numeratorKey = options.numeratorColumn ?? "numerator", denominatorKey = options.denominatorColumn ?? "denominator"

        var input = InequalityInput()
        var otherAreaTypes = 0
        var order: [[String]] = []
        var rowsByKey: [[String]: [Int]] = [:]
        let byValues = options.byColumns.map { table.text($0) }
        let areaTypes = options.areaType != nil ? table.text("area_type") : nil
        for row in 0..<table.rowCount {
            if let wanted = options.areaType, areaTypes![row] != wanted {
                otherAreaTypes += 1
                continue
            }
            let key = byValues.map { $0[row] }
            if rowsByKey[key] == nil { order.append(key) }
            rowsByKey[key, default: []].append(row)
        }
        if otherAreaTypes > 0 { input.notes.append("\(otherAreaTypes) rows of other area types") }
        guard !order.isEmpty else {
            throw DataError(.badData, at: SourceLocation(file: options.indicator), "no rows to analyse\(options.areaType.map { " (none of Area Type \(DataError.quoted($0)))" } ?? "")")
        }
        let organisations = table.has(organisationKey) ? table.text(organisationKey) : nil
        var deprivation: DeprivationLookup?
        if let path = options.deprivation {
            deprivation = try DeprivationLookup(readDeprivation(path: path, decomposeBy: options.decomposeBy), name: path)
        }
        var skipped: [DeprivationJoin.SkipReason: Int] = [:]
        let numerators = options.statistic == .value ? [] : table.optionalDecimals(numeratorKey)
        let denominators = options.statistic == .value ? [] : table.optionalDecimals(denominatorKey)
        for key in order {
            let rows = rowsByKey[key]!
            if let deprivation {
                let counts = rows.map { row in
                    OrganisationCounts(organisation: organisations![row], numerator: numerators[row],
                                       denominator: denominators[row], location: table.location(row: row))
                }
                let joined = try DeprivationJoin.attach(counts, to: deprivation, policy: options.onUnusable)
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
                if options.statistic == .value {
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
