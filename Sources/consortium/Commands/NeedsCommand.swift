import ArgumentParser
import Inequality
import Pipeline

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
          --scores FILE: practice scores as given (practice_code or AreaCode, imd_score or Value; an OHID Fingertips practice deprivation export is read as it is, long or compact: its GPs rows, breakdown (Category Type) rows left out, exact repeats read once; a file of several years needs --period, since a practice has one group). docs/layouts/needs.md lists the layouts and what is left out.

        Populations: --population FILE (practice_code, patients; NHS Digital's payments file is read as it is: Practice Code, Number of Registered Patients (Last Known Figure), and CCG Code, or from 2023/24 Sub ICB Location Code, as the consortium). Without it, the attributed patients. --areas also reads MHCLG's headers (LSOA code (2011), Index of Multiple Deprivation (IMD) Score).

        Groups (--groups 10 for deciles, 5 for quintiles) are population-weighted: each holds about 1/k of the patients, nationally or, with --within-consortium, within each consortium. Practices are ordered from most to least deprived (higher score first; --score-order lower for ranks), equal scores by practice code; each practice's cumulative population midpoint m = (patients before it + half its own)/total; it goes to group floor(k*m) + 1, the group its midpoint falls in (a midpoint exactly on a cut goes to the less deprived side). Group 1 is the most deprived.

        Output columns: practice_code, consortium_code (when known), patients, imd_score, deprivation_group, cumulative_population_midpoint; by consortium, then most deprived first.

        Example:
          consortium needs --scores fingertips-practice-imd-score.csv --period 2019 --population nhs-payments-to-general-practice-2022-23.csv --groups 10 --on-unusable skip --out practice-deciles.csv
        """
    )

    @Option(name: .customLong("attribution"), help: "Patients by practice and small area: practice_code, lsoa_code, patients.")
    var attributionPath: String?

    @Option(name: .customLong("areas"), help: "Small areas: lsoa_code, imd_score.")
    var areasPath: String?

    @Option(name: .customLong("scores"), help: "Practice scores: practice_code (or AreaCode), imd_score (or Value), optional Year.")
    var scoresPath: String?

    @Option(name: [.customLong("period"), .customLong("year")],
            help: "With --scores: read the scores of this period (Year or Time period); needed when the file has several. The others are counted on standard error.")
    var year: String?

    @Option(name: .customLong("area-type"), help: "With --scores from a Fingertips export: the Area Type to read (GPs by default).")
    var areaType: String?

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

    /// The step's options from the command line.
    var options: NeedsOptions {
        NeedsOptions(attribution: attributionPath, areas: areasPath, scores: scoresPath, year: year, population: populationPath,
                     groups: groups, withinConsortium: withinConsortium, scoreOrder: scoreOrder, onUnusable: onUnusable,
                     areaType: areaType)
    }

    func validate() throws {
        try refuseOutputsOverInputs()
        try validatingOptions { try options.validate() }
    }

    func run() throws {
        try reportingErrors {
            let result = try NeedsStep.run(options)
            try StepTable.write([(result.table, outputPath)])
            for note in result.readingNotes { printError("note: \(note)") }
            if !result.notes.isEmpty { printError("note: skipped \(result.notes.joined(separator: "; "))") }
        }
    }
}

extension NeedsCommand: ReadsAndWritesFiles {
    var inputFiles: [FileOption] {
        [
            FileOption("--attribution", attributionPath),
            FileOption("--areas", areasPath),
            FileOption("--scores", scoresPath),
            FileOption("--population", populationPath),
        ]
    }

    var outputFiles: [FileOption] {
        [
            FileOption("--out", outputPath),
        ]
    }
}
