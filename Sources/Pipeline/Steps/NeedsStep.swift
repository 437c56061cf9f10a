import Inequality
import Layouts
import Population
import Tables

/// The options of a needs step (`consortium needs`): practice deprivation scores, attributed
/// from small areas or given, and population-weighted deprivation groups.
public struct NeedsOptions: Sendable {
    public var attribution: String?
    public var areas: String?
    public var scores: String?
    /// The period (`Year` or `Time period`) of `scores` to read; needed when the file has several.
    public var year: String?
    /// The `Area Type` of `scores` to read (`GPs` when nil and the file has an Area Type column).
    public var areaType: String?
    public var population: String?
    public var groups: Int
    public var withinConsortium: Bool
    public var scoreOrder: DeprivationOrder
    public var onUnusable: UnusableRowPolicy

    public init(attribution: String? = nil, areas: String? = nil, scores: String? = nil, year: String? = nil, population: String? = nil,
                groups: Int = 10, withinConsortium: Bool = false, scoreOrder: DeprivationOrder = .higherIsMoreDeprived,
                onUnusable: UnusableRowPolicy = .error, areaType: String? = nil) {
        self.attribution = attribution
        self.areas = areas
        self.scores = scores
        self.year = year
        self.population = population
        self.groups = groups
        self.withinConsortium = withinConsortium
        self.scoreOrder = scoreOrder
        self.onUnusable = onUnusable
        self.areaType = areaType
    }

    public func validate() throws {
        let attributed = attribution != nil || areas != nil
        guard attributed != (scores != nil) else {
            throw OptionError("give either --attribution with --areas, or --scores")
        }
        if attributed && (attribution == nil || areas == nil) {
            throw OptionError("--attribution and --areas go together")
        }
        if year != nil && scores == nil { throw OptionError("--period (--year) applies to --scores") }
        if areaType != nil && scores == nil { throw OptionError("--area-type applies to --scores") }
        if withinConsortium && population == nil { throw OptionError("--within-consortium needs --population with a consortium_code column") }
        guard (2...100).contains(groups) else { throw OptionError("--groups must be from 2 to 100") }
    }
}

/// A finished needs step.
public struct NeedsStepResult {
    /// Practices with their score, population, group and cumulative midpoint, by consortium
    /// then most deprived first.
    public var assigned: [DeprivationGroupAssignment]
    /// Each practice's consortium, when the population file gives one.
    public var consortia: [String: String]
    /// Counts of what was skipped (`--on-unusable skip`) or left aside.
    public var notes: [String]
    /// Sentences about rows of the scores file read differently (repeats read once, other area
    /// types and breakdown rows left out).
    public var readingNotes: [String] = []
    /// practice_code, consortium_code (when known), patients, imd_score, deprivation_group,
    /// cumulative_population_midpoint.
    public var table: StepTable
}

/// `consortium needs` and a run's needs step.
public enum NeedsStep {
    public static func run(_ options: NeedsOptions) throws -> NeedsStepResult {
        try options.validate()
        var notes: [String] = []
        var readingNotes: [String] = []
        var practices = try readScores(options, notes: &notes, readingNotes: &readingNotes)
        var consortia: [String: String] = [:]
        if let populationPath = options.population {
            let population = try readPopulation(path: populationPath)
            consortia = population.consortia
            var kept: [ScoredPractice] = []
            var missing = 0
            for practice in practices {
                guard let patients = population.patients[practice.code] else {
                    if options.onUnusable == .error {
                        throw DataError(.badData, at: practice.location, "the practice \(DataError.quoted(practice.code)) is not in \(populationPath)")
                    }
                    missing += 1
                    continue
                }
                kept.append(ScoredPractice(code: practice.code, score: practice.score, patients: patients, location: practice.location))
            }
            let scored = Set(practices.map(\.code))
            let unscored = population.order.filter { !scored.contains($0) }
            if let first = unscored.first, options.onUnusable == .error {
                throw DataError(.badData, at: population.locations[first]!, "the practice \(DataError.quoted(first)) has no deprivation score")
            }
            if missing > 0 { notes.append("\(missing) scored practices not in \(populationPath)") }
            if !unscored.isEmpty { notes.append("\(unscored.count) practices of \(populationPath) without a score") }
            practices = kept
        }
        if options.withinConsortium, let practice = practices.first(where: { consortia[$0.code] == nil }) {
            throw DataError(.badData, at: practice.location, "no consortium_code for \(DataError.quoted(practice.code))")
        }
        let units = practices.map {
            DeprivationRankingUnit(code: $0.code, score: $0.score, population: $0.patients,
                                   partition: options.withinConsortium ? consortia[$0.code]! : "", location: $0.location)
        }
        let assigned = try PopulationWeightedGroups.assign(units, groupCount: options.groups, order: options.scoreOrder)
        let hasConsortium = !consortia.isEmpty
        var header = ["practice_code"]
        if hasConsortium { header.append("consortium_code") }
        header += ["patients", "imd_score", "deprivation_group", "cumulative_population_midpoint"]
        let table = StepTable(header: header) { emit in
            for unit in assigned {
                var row: [CSVValue] = [.text(unit.code)]
                if hasConsortium { row.append(consortia[unit.code].map(CSVValue.text) ?? .missing) }
                row += [.number(unit.population), .number(unit.score), .wholeNumber(unit.group), .number(unit.cumulativeMidpoint)]
                try emit(row)
            }
        }
        return NeedsStepResult(assigned: assigned, consortia: consortia, notes: notes, readingNotes: readingNotes, table: table)
    }

    struct ScoredPractice {
        var code: String
        var score: Double
        var patients: Double
        var location: SourceLocation
    }

    /// Scores from the attribution (with attributed patients) or from the scores file (patients 0
    /// until the population file gives them).
    static func readScores(_ options: NeedsOptions, notes: inout [String], readingNotes: inout [String]) throws -> [ScoredPractice] {
        if let attributionPath = options.attribution, let areasPath = options.areas {
            let areas = try SmallAreas.read(path: areasPath)
            guard areas.values("imd_score") != nil else {
                throw DataError(.badData, at: SourceLocation(file: areasPath, line: 1),
                                "missing column \"imd_score\" (or \"Index of Multiple Deprivation (IMD) Score\", as in MHCLG's File 5 or File 7; File 1 has ranks and deciles only)")
            }
            let attribution = try Attribution.read(path: attributionPath, areas: areas)
            let means = try attribution.practiceMeans(of: "imd_score", in: areas)
            let patients = attribution.patientsByPractice
            var practices: [ScoredPractice] = []
            var empty = 0
            for (index, code) in attribution.practiceCodes.enumerated() {
                guard let mean = means[index] else {
                    if options.onUnusable == .error {
                        throw DataError(.badData, at: SourceLocation(file: attributionPath), "the practice \(DataError.quoted(code)) has no attributed patients, so its score is undefined")
                    }
                    empty += 1
                    continue
                }
                practices.append(ScoredPractice(code: code, score: mean, patients: Double(patients[index]), location: SourceLocation(file: attributionPath)))
            }
            if empty > 0 { notes.append("\(empty) practices with no attributed patients") }
            return practices
        }
        return try PracticeScores.read(options, notes: &notes, readingNotes: &readingNotes)
    }

    static func readPopulation(path: String) throws -> (patients: [String: Double], consortia: [String: String], order: [String], locations: [String: SourceLocation]) {
        let table = try TableReader.read(path: path, schema: Schema(try populationColumns(path: path)))
        let codes = table.text("practice_code")
        let patients = table.decimals("patients")
        let consortia = table.has("consortium_code") ? table.text("consortium_code") : nil
        var byCode: [String: Double] = [:], consortiumByCode: [String: String] = [:], locations: [String: SourceLocation] = [:]
        var order: [String] = []
        for row in 0..<table.rowCount {
            if byCode[codes[row]] != nil {
                throw table.error(row: row, column: "practice_code", "the practice \(DataError.quoted(codes[row])) appears twice\(locations[codes[row]]?.line.map { " (also line \($0))" } ?? "")")
            }
            byCode[codes[row]] = patients[row]
            if let consortia { consortiumByCode[codes[row]] = consortia[row] }
            locations[codes[row]] = table.location(row: row, column: "practice_code")
            order.append(codes[row])
        }
        return (byCode, consortiumByCode, order, locations)
    }

    /// The design's practice populations: `practice_code, patients`, optional `consortium_code`.
    static let populationLayout = FileLayout(
        id: "practice-population", name: "practice populations",
        identifying: [[KnownColumn("practice_code", headers: ["practice_code", "org_code"])],
                      [KnownColumn("patients", headers: ["patients", "registered_patients"])]],
        documentation: "docs/layouts/needs.md")

    /// The columns to read from a population file: NHS Digital's payments file of any edition
    /// (recognised by `PaymentsColumns.layouts`, its consortium column as that edition names it:
    /// `CCG Code`, or `Sub ICB Location Code` from 2023/24), or the design's layout.
    ///
    /// - Throws: `DataError` (line 1) for a header of neither, naming the columns each needs.
    static func populationColumns(path: String) throws -> [ColumnSpec] {
        let header = try TableReader(path: path, schema: Schema([])).header
        let layout = try LayoutDetection.detect(header: header, source: path, among: PaymentsColumns.layouts + [populationLayout],
                                                reading: "practice populations")
        guard layout.id != populationLayout.id else {
            return [ColumnSpec("practice_code", aliases: ["Practice Code", "org_code"]),
                    ColumnSpec("patients", .decimal(minimum: 0), aliases: ["registered_patients", "Number of Registered Patients (Last Known Figure)"]),
                    ColumnSpec("consortium_code", aliases: ["CCG Code", "parent_code"], optional: true)]
        }
        let consortium = PaymentsColumns.organisationColumns(of: layout).first { $0.name == "consortium_code" }!
        return [KnownColumn("practice_code", headers: PaymentsColumns.practiceCode.headers).spec(),
                KnownColumn("patients", headers: PaymentsColumns.registeredPatients.headers).spec(.decimal(minimum: 0)),
                consortium.spec(optional: true)]
    }
}
