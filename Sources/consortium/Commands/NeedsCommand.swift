import ArgumentParser
import Inequality
import Population
import Tables

extension DeprivationOrder: ExpressibleByArgument {}
extension UnusableRowPolicy: ExpressibleByArgument {}

/// `consortium needs`: practice deprivation scores and population-weighted deprivation groups.
struct NeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needs",
        abstract: "Practice deprivation: patient-weighted small-area scores and population-weighted deciles or quintiles.",
        discussion: """
        Scores, either attributed or given:
          --attribution FILE --areas FILE: a practice's score is the patient-weighted mean of its small areas' imd_score (attribution: practice_code, lsoa_code, patients; areas: lsoa_code, imd_score). A small area missing from the areas file is an error naming the attribution's line.
          --scores FILE: practice scores as given (practice_code or AreaCode, imd_score or Value; an OHID Fingertips practice deprivation file is read as it is, choose its year with --year).

        Populations: --population FILE (practice_code, patients; NHS Digital's payments file is read as it is: Practice Code, Number of Registered Patients (Last Known Figure), and CCG Code as the consortium). Without it, the attributed patients.

        Groups (--groups 10 for deciles, 5 for quintiles) are population-weighted: each holds about 1/k of the patients, nationally or, with --within-consortium, within each consortium. Practices are ordered from most to least deprived (higher score first; --score-order lower for ranks), equal scores by practice code; each practice's cumulative population midpoint m = (patients before it + half its own)/total; it goes to group floor(k*m) + 1, the group its midpoint falls in (a midpoint exactly on a cut goes to the less deprived side). Group 1 is the most deprived.

        Output columns: practice_code, consortium_code (when known), patients, imd_score, deprivation_group, cumulative_population_midpoint; by consortium, then most deprived first.

        Example:
          consortium needs --scores fingertips-practice-imd-score.csv --year 2019 --population nhs-payments-to-general-practice-2022-23.csv --groups 10 --on-unusable skip --out practice-deciles.csv
        """
    )

    @Option(name: .customLong("attribution"), help: "Patients by practice and small area: practice_code, lsoa_code, patients.")
    var attributionPath: String?

    @Option(name: .customLong("areas"), help: "Small areas: lsoa_code, imd_score.")
    var areasPath: String?

    @Option(name: .customLong("scores"), help: "Practice scores: practice_code (or AreaCode), imd_score (or Value), optional Year.")
    var scoresPath: String?

    @Option(help: "With --scores: keep only rows of this year (the others are counted on standard error).")
    var year: String?

    @Option(name: .customLong("population"), help: "Practice populations: practice_code, patients, optional consortium_code.")
    var populationPath: String?

    @Option(help: "Number of groups: 10 for deciles, 5 for quintiles.")
    var groups: Int = 10

    @Flag(name: .customLong("within-consortium"), help: "Form groups within each consortium (consortium_code of the population file) instead of nationally.")
    var withinConsortium = false

    @Option(name: .customLong("score-order"), help: "Which scores are deprived: higher (IMD scores) or lower (IMD ranks).")
    var scoreOrder: DeprivationOrder = .higherIsMoreDeprived

    @Option(name: .customLong("on-unusable"), help: "A practice without a score or a population: error, or skip and count it on standard error.")
    var onUnusable: UnusableRowPolicy = .error

    @Option(name: .customLong("out"), help: "Output CSV (standard output when absent).")
    var outputPath: String?

    func validate() throws {
        let attributed = attributionPath != nil || areasPath != nil
        guard attributed != (scoresPath != nil) else {
            throw ValidationError("give either --attribution with --areas, or --scores")
        }
        if attributed && (attributionPath == nil || areasPath == nil) {
            throw ValidationError("--attribution and --areas go together")
        }
        if year != nil && scoresPath == nil { throw ValidationError("--year applies to --scores") }
        if withinConsortium && populationPath == nil { throw ValidationError("--within-consortium needs --population with a consortium_code column") }
        guard (2...100).contains(groups) else { throw ValidationError("--groups must be from 2 to 100") }
    }

    func run() throws {
        try reportingErrors {
            var notes: [String] = []
            var practices = try readScores(notes: &notes)
            var consortia: [String: String] = [:]
            if let populationPath {
                let population = try readPopulation(path: populationPath)
                consortia = population.consortia
                var kept: [ScoredPractice] = []
                var missing = 0
                for practice in practices {
                    guard let patients = population.patients[practice.code] else {
                        if onUnusable == .error {
                            throw DataError(.badData, at: practice.location, "the practice \(DataError.quoted(practice.code)) is not in \(populationPath)")
                        }
                        missing += 1
                        continue
                    }
                    kept.append(ScoredPractice(code: practice.code, score: practice.score, patients: patients, location: practice.location))
                }
                let scored = Set(practices.map(\.code))
                let unscored = population.order.filter { !scored.contains($0) }
                if let first = unscored.first, onUnusable == .error {
                    throw DataError(.badData, at: population.locations[first]!, "the practice \(DataError.quoted(first)) has no deprivation score")
                }
                if missing > 0 { notes.append("\(missing) scored practices not in \(populationPath)") }
                if !unscored.isEmpty { notes.append("\(unscored.count) practices of \(populationPath) without a score") }
                practices = kept
            }
            if withinConsortium, let practice = practices.first(where: { consortia[$0.code] == nil }) {
                throw DataError(.badData, at: practice.location, "no consortium_code for \(DataError.quoted(practice.code))")
            }
            let units = practices.map {
                DeprivationRankingUnit(code: $0.code, score: $0.score, population: $0.patients,
                                       partition: withinConsortium ? consortia[$0.code]! : "", location: $0.location)
            }
            let assigned = try PopulationWeightedGroups.assign(units, groupCount: groups, order: scoreOrder)
            let hasConsortium = !consortia.isEmpty
            var header = ["practice_code"]
            if hasConsortium { header.append("consortium_code") }
            header += ["patients", "imd_score", "deprivation_group", "cumulative_population_midpoint"]
            let writer = try CSVWriter(path: outputPath, header: header)
            for unit in assigned {
                var row: [CSVValue] = [.text(unit.code)]
                if hasConsortium { row.append(consortia[unit.code].map(CSVValue.text) ?? .missing) }
                row += [.number(unit.population), .number(unit.score), .wholeNumber(unit.group), .number(unit.cumulativeMidpoint)]
                try writer.write(row)
            }
            try writer.commit()
            if !notes.isEmpty { printError("note: skipped \(notes.joined(separator: "; "))") }
        }
    }

    struct ScoredPractice {
        var code: String
        var score: Double
        var patients: Double
        var location: SourceLocation
    }

    /// Scores from the attribution (with attributed patients) or from the scores file (patients 0
    /// until the population file gives them).
    private func readScores(notes: inout [String]) throws -> [ScoredPractice] {
        if let attributionPath, let areasPath {
            let areas = try SmallAreas.read(path: areasPath)
            guard areas.values("imd_score") != nil else {
                throw DataError(.badData, at: SourceLocation(file: areasPath, line: 1), "missing column \"imd_score\"")
            }
            let attribution = try Attribution.read(path: attributionPath, areas: areas)
            let means = try attribution.practiceMeans(of: "imd_score", in: areas)
            let patients = attribution.patientsByPractice
            var practices: [ScoredPractice] = []
            var empty = 0
            for (index, code) in attribution.practiceCodes.enumerated() {
                guard let mean = means[index] else {
                    if onUnusable == .error {
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
        let path = scoresPath!
        let table = try TableReader.read(path: path, schema: Schema([
            ColumnSpec("practice_code", aliases: ["AreaCode", "Area Code", "org_code"]),
            ColumnSpec("imd_score", .decimal(), aliases: ["Value", "score"], allowsEmpty: true),
            ColumnSpec("year", aliases: ["Year", "Time period"], optional: true),
        ]))
        let codes = table.text("practice_code")
        let scores = table.optionalDecimals("imd_score")
        let years = table.has("year") ? table.text("year") : nil
        if year != nil && years == nil {
            throw DataError(.badData, at: SourceLocation(file: path, line: 1), "--year needs a Year column, and the file has none")
        }
        var practices: [ScoredPractice] = []
        var otherYears = 0, empty = 0
        for row in 0..<table.rowCount {
            if let year, years![row] != year {
                otherYears += 1
                continue
            }
            guard let score = scores[row] else {
                if onUnusable == .error { throw table.error(row: row, column: "imd_score", "expected a score, found an empty field") }
                empty += 1
                continue
            }
            practices.append(ScoredPractice(code: codes[row], score: score, patients: 0, location: table.location(row: row, column: "practice_code")))
        }
        if otherYears > 0 { notes.append("\(otherYears) rows of other years") }
        if empty > 0 { notes.append("\(empty) practices with an empty score") }
        return practices
    }

    private func readPopulation(path: String) throws -> (patients: [String: Double], consortia: [String: String], order: [String], locations: [String: SourceLocation]) {
        let table = try TableReader.read(path: path, schema: Schema([
            ColumnSpec("practice_code", aliases: ["Practice Code", "org_code"]),
            ColumnSpec("patients", .decimal(minimum: 0), aliases: ["registered_patients", "Number of Registered Patients (Last Known Figure)"]),
            ColumnSpec("consortium_code", aliases: ["CCG Code", "parent_code"], optional: true),
        ]))
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
}
