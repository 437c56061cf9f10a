import Inequality
import Layouts
import Tables

/// The indicator file of an inequality step read and split into analyses, with organisations
/// joined to their deprivation groups.
///
/// The file may be in the canonical layout, an OHID Fingertips export or a data frame written for
/// PHEindicatormethods' `phe_sii` (docs/layouts/inequality.md); the columns are found by
/// `InequalityColumns`. Before the analyses are formed, exact repeats are read once, rows of
/// other area types (`--area-type`), breakdown rows (`Category Type`) and rows of other periods
/// (`--period`) are left out, each counted in `readingNotes`; an identity column with several
/// values (indicator, period, sex, age) makes one analysis per value, and so does the area of
/// `phe_sii` input (rows = area × deprivation group).
struct InequalityInput {
    var analyses: [(key: [String], observations: [IndicatorObservation])] = []
    /// The columns of the analyses' keys, as written: the `--by` columns, then those found to vary.
    var keyColumns: [String] = []
    /// Counts of organisation rows skipped under `--on-unusable skip` (`3 rows not in the
    /// deprivation file`).
    var notes: [String] = []
    /// Sentences about rows read differently (`ReadingNotes`).
    var readingNotes: [String] = []

    /// Identity columns that, varying within the file and not named by `--by`, give separate
    /// analyses: the internal name, how they are written, how the note describes them.
    static let separating: [(column: KnownColumn, written: String, described: String)] = [
        (FingertipsColumns.indicatorID, "indicator_id", "indicators"),
        (FingertipsColumns.period, "period", "periods"),
        (FingertipsColumns.sex, "sex", "sexes"),
        (FingertipsColumns.age, "age_band", "age groups"),
    ]

    static let categoryType = FingertipsColumns.categoryType
    static let category = KnownColumn("category", headers: FingertipsColumns.category.headers)

    /// The columns read: those named by the `--…-column` options (as phe_sii takes its columns
    /// by argument), the others by `InequalityColumns`.
    struct Columns {
        var organisation, numerator, denominator, group, value, population, lower95, upper95, standardError: KnownColumn

        init(_ options: InequalityStepOptions) {
            func chosen(_ name: String?, _ known: KnownColumn) -> KnownColumn { name.map { KnownColumn($0) } ?? known }
            organisation = chosen(options.organisationColumn, InequalityColumns.organisation)
            numerator = chosen(options.numeratorColumn, InequalityColumns.numerator)
            denominator = chosen(options.denominatorColumn, InequalityColumns.denominator)
            group = chosen(options.groupColumn, InequalityColumns.group)
            value = chosen(options.valueColumn, InequalityColumns.value)
            population = chosen(options.populationColumn, InequalityColumns.population)
            lower95 = chosen(options.lowerColumn, InequalityColumns.lower95)
            upper95 = chosen(options.upperColumn, InequalityColumns.upper95)
            standardError = chosen(options.seColumn, InequalityColumns.standardError)
        }
    }

    static func read(_ options: InequalityStepOptions) throws -> InequalityInput {
        let path = options.indicator
        let keys = HeaderKeys(try TableReader(path: path, schema: Schema([])).header)
        let fingertips = keys.contains(FingertipsColumns.indicatorID) && keys.contains(FingertipsColumns.orgCode)
        let columns = Columns(options)
        let organisation = columns.organisation, numerator = columns.numerator, denominator = columns.denominator
        try checkLayout(keys, options, columns)

        var specs: [ColumnSpec] = [organisation.spec(optional: options.deprivation == nil)]
        if options.deprivation == nil { specs.append(columns.group.spec(.wholeNumber(), allowsEmpty: true)) }
        if options.statistic == .value {
            specs += [
                columns.value.spec(.decimal(), allowsEmpty: true),
                columns.population.spec(.decimal(minimum: 0), allowsEmpty: true),
                columns.lower95.spec(.decimal(), optional: options.lowerColumn == nil, allowsEmpty: true),
                columns.upper95.spec(.decimal(), optional: options.upperColumn == nil, allowsEmpty: true),
                columns.standardError.spec(.decimal(minimum: 0), optional: options.seColumn == nil, allowsEmpty: true),
            ]
        } else {
            // Amounts of a ratio (pounds) may be negative; counts may not.
            specs.append(numerator.spec(.decimal(minimum: options.statistic == .ratio ? nil : 0), allowsEmpty: true))
            specs.append(denominator.spec(.decimal(minimum: 0), allowsEmpty: true))
        }
        var identity = separating.map(\.column) + [FingertipsColumns.areaType]
        if fingertips { identity += [categoryType, category] }
        for column in identity where !specs.contains(where: { claims($0, column) }) {
            specs.append(column.spec(optional: true, allowsEmpty: true))
        }
        // A --by column the reader already reads under another name is taken from there.
        var byInternal: [String] = []
        for name in options.byColumns {
            if let spec = specs.first(where: { claims($0, KnownColumn(name)) }) {
                byInternal.append(spec.name)
            } else {
                specs.append(ColumnSpec(name))
                byInternal.append(name)
            }
        }
        let read = try TableReader.read(path: path, schema: Schema(specs))
        var selection = RowSelection(read)
        let organisationKey = organisation.name
        let figures = [numerator, denominator, columns.value, columns.population, columns.lower95, columns.upper95, columns.standardError].map(\.name)
        if read.has(organisationKey) {
            let identityNames = byInternal + identity.map(\.name) + [organisationKey, columns.group.name]
            try selection.collapseRepeats(identity: identityNames, figures: figures)
        }
        if let period = options.period {
            try selection.choosePeriod(period, column: FingertipsColumns.period.name, header: "Time period, Year or period", option: "--period")
        }
        if let wanted = options.areaType {
            guard read.has(FingertipsColumns.areaType.name) else {
                throw DataError(.badData, at: SourceLocation(file: path, line: 1), "--area-type needs an Area Type column, and the file has none")
            }
            selection.keep(FingertipsColumns.areaType.name, equalTo: wanted, otherwise: "an Area Type other than \(wanted)")
        }
        let byKeys = Set(options.byColumns.map(headerKey))
        if fingertips && byKeys.isDisjoint(with: Set(categoryType.candidates.map(headerKey) + category.candidates.map(headerKey))) {
            selection.keepEmpty(categoryType.name,
                                otherwise: "a Category Type (a breakdown such as deprivation deciles or ethnic groups, not the all-persons rows; --by \"Category Type,Category\" analyses each)")
        }
        var input = InequalityInput()
        input.keyColumns = options.byColumns
        var keyInternal = byInternal
        for separate in separating where read.has(separate.column.name) && !byInternal.contains(separate.column.name) {
            if selection.distinctValues(separate.column.name).count > 1 {
                keyInternal.append(separate.column.name)
                input.keyColumns.append(separate.written)
                selection.noteSeparate(separate.column.name, described: separate.described)
            }
        }
        let table = selection.table
        guard table.rowCount > 0 else {
            throw DataError(.badData, at: SourceLocation(file: path), "no rows to analyse\(options.areaType.map { " (none of Area Type \(DataError.quoted($0)))" } ?? "")")
        }
        let organisations = table.has(organisationKey) ? table.text(organisationKey) : nil
        let areaTypes = selection.distinctValues(FingertipsColumns.areaType.name)
        // phe_sii input: one row per area × group. An organisation column whose codes each come
        // with several groups names areas, and each area is its own analysis.
        var areaRows = false
        if options.deprivation == nil, let organisations {
            let groups = table.optionalWholeNumbers(columns.group.name)
            var firstGroup: [String: Int?] = [:]
            for row in 0..<table.rowCount {
                if let earlier = firstGroup[organisations[row]], earlier != groups[row] {
                    areaRows = true
                    break
                }
                if firstGroup[organisations[row]] == nil { firstGroup[organisations[row]] = groups[row] }
            }
            if areaRows && !keyInternal.contains(organisationKey) {
                let written = keys.headerName(of: organisation) ?? organisationKey
                keyInternal.append(organisationKey)
                input.keyColumns.append(written)
                let areas = selection.distinctValues(organisationKey)
                selection.note("\(path): the rows are area × deprivation group (as phe_sii takes them): one analysis for each of the \(areas.count) areas of \(written) (\(areas.prefix(12).joined(separator: ", "))\(areas.count > 12 ? ", …" : ""))")
            }
        }
        input.readingNotes = selection.notes

        var order: [[String]] = []
        var rowsByKey: [[String]: [Int]] = [:]
        let keyValues = keyInternal.map { table.text($0) }
        for row in 0..<table.rowCount {
            let key = keyValues.map { $0[row] }
            if rowsByKey[key] == nil { order.append(key) }
            rowsByKey[key, default: []].append(row)
        }
        var deprivation: DeprivationLookup?
        if let path = options.deprivation {
            deprivation = try DeprivationLookup(readDeprivation(path: path, decomposeBy: options.decomposeBy), name: path)
        }
        var skipped: [DeprivationJoin.SkipReason: Int] = [:]
        let numerators = options.statistic == .value ? [] : table.optionalDecimals(numerator.name)
        let denominators = options.statistic == .value ? [] : table.optionalDecimals(denominator.name)
        for key in order {
            let rows = rowsByKey[key]!
            if let deprivation {
                let counts = rows.map { row in
                    OrganisationCounts(organisation: organisations![row], numerator: numerators[row],
                                       denominator: denominators[row], location: table.location(row: row))
                }
                let joined: (observations: [IndicatorObservation], skipped: [DeprivationJoin.SkipReason: Int])
                do {
                    joined = try DeprivationJoin.attach(counts, to: deprivation, policy: options.onUnusable)
                } catch var failure as DataError where options.areaType == nil && areaTypes.count > 1 {
                    failure.message += " (the file has rows of Area Type \(ReadingNotes.list(areaTypes)); --area-type GPs keeps the practices)"
                    throw failure
                }
                for (reason, count) in joined.skipped { skipped[reason, default: 0] += count }
                input.analyses.append((key, joined.observations))
                continue
            }
            let groupName = columns.group.name
            let groups = table.optionalWholeNumbers(groupName)
            var observations: [IndicatorObservation] = []
            for row in rows {
                guard let group = groups[row] else {
                    throw table.error(row: row, column: groupName, "expected a deprivation group, found an empty field")
                }
                var observation = IndicatorObservation(organisation: areaRows ? nil : organisations?[row], group: group, location: table.location(row: row))
                if options.statistic == .value {
                    observation.value = table.optionalDecimals(columns.value.name)[row]
                    observation.population = table.optionalDecimals(columns.population.name)[row]
                    observation.lower95 = table.has(columns.lower95.name) ? table.optionalDecimals(columns.lower95.name)[row] : nil
                    observation.upper95 = table.has(columns.upper95.name) ? table.optionalDecimals(columns.upper95.name)[row] : nil
                    observation.standardError = table.has(columns.standardError.name) ? table.optionalDecimals(columns.standardError.name)[row] : nil
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

    /// Whether a spec already reads a column known as `column` (by any name).
    static func claims(_ spec: ColumnSpec, _ column: KnownColumn) -> Bool {
        let wanted = Set(column.candidates.map(headerKey))
        return ([spec.name] + spec.aliases).contains { wanted.contains(headerKey($0)) }
    }

    /// Checks that the header has the columns the options need, before anything is read.
    ///
    /// - Throws: `DataError` (line 1): a column named by an option that the file lacks; otherwise
    ///   the columns found, what each layout of the situation needs, and the closest layout.
    static func checkLayout(_ keys: HeaderKeys, _ options: InequalityStepOptions, _ columns: Columns) throws {
        let required: [[KnownColumn]]
        let layouts: [FileLayout]
        if options.deprivation != nil {
            required = [[columns.organisation], [columns.numerator], [columns.denominator]]
            layouts = [InequalityColumns.organisationCounts, InequalityColumns.fingertips]
        } else if options.statistic == .value {
            required = [[columns.group], [columns.value], [columns.population], [columns.lower95, columns.standardError]]
            layouts = [InequalityColumns.groupValues, InequalityColumns.pheValues]
        } else {
            required = [[columns.group], [columns.numerator], [columns.denominator]]
            layouts = [InequalityColumns.groupCounts, InequalityColumns.pheCounts]
        }
        let missing = required.filter { alternatives in !alternatives.contains { keys.contains($0) } }.flatMap { $0 }
        guard !missing.isEmpty else { return }
        let named = [(options.organisationColumn, "--organisation-column"), (options.numeratorColumn, "--numerator-column"),
                     (options.denominatorColumn, "--denominator-column"), (options.groupColumn, "--group-column"),
                     (options.valueColumn, "--value-column"), (options.populationColumn, "--population-column"),
                     (options.lowerColumn, "--lower-column"), (options.seColumn, "--se-column")]
        for (name, option) in named {
            if let name, missing.contains(where: { $0.name == name }) {
                throw DataError(.badData, at: SourceLocation(file: options.indicator, line: 1),
                                "no column \(DataError.quoted(name)) (named by \(option)); the header has \(keys.header.count) columns: \(keys.header.prefix(15).joined(separator: ", "))\(keys.header.count > 15 ? ", …" : "")")
            }
        }
        throw LayoutDetection.unrecognised(keys, source: options.indicator, among: layouts,
                                           reading: options.deprivation != nil ? "organisation counts joined to --deprivation" : "inequality input")
    }

    static func readDeprivation(path: String, decomposeBy: String?) throws -> [OrganisationDeprivation] {
        var columns = [
            ColumnSpec("org_code", aliases: ["practice_code", "Practice Code"]),
            InequalityColumns.group.spec(.wholeNumber(minimum: 1)),
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
