import ArgumentParser
import Pipeline

/// `consortium premium`: the quality premium's payment to each member practice, with a
/// per-measure breakdown, a summary of each measure's money and an explanation of one practice.
struct PremiumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "premium",
        abstract: "Quality premium: distribute the pot across member practices by achievement, exactly to the penny.",
        discussion: """
        The scheme (TOML, docs/premium-scheme.md; examples in datasets/schemes/) sets the pot (a fixed sum or pounds per head, less a percentage per failed national standard, less the financial gateway), the measures with their weights, polarity, thresholds (QOF-style linear scoring, on level or on improvement) and payment basis (list size, weighted list, prevalence-adjusted), eligibility, caps and floors, and whether unearned money is redistributed pro rata to earning practices or returned.

        Inputs: achievement (practice_code, measure_id, numerator, denominator, optional exceptions), registered lists (practice_code, sex, age_band, patients, or NHS Digital's layout), optionally practices (practice_code, consortium_code, weighted-list columns) and the baseline period's achievement for measures scored on improvement.

        Output columns: practice_code, payment, share, then per measure <id>_achievement (percent), <id>_score (0-1, empty when not eligible) and <id>_payment (the payment split across measures exactly), with <id>_baseline_achievement and <id>_improvement for improvement measures, then registered_patients, earned, floor, cap. Payments add up exactly to the amount distributed; what is returned is stated on standard error and in the summary.

        --summary FILE writes one row per measure and a total row: measure_id, available, earned, unearned, cut, redistributed, returned, paid, eligible_practices (available = earned + unearned = paid + returned). --explain PRACTICE prints the arithmetic of that practice's payment, line by line in pounds: to standard output when --out is given, otherwise to standard error (standard output then carries the CSV).

        Example:
          consortium premium --achievement exampleshire/achievement.csv --population exampleshire/population.csv --practices exampleshire/practices.csv --scheme datasets/schemes/exampleshire-redistribute.toml --summary summary.csv --explain P81001 --out premium.csv
        """
    )

    @Option(help: ArgumentHelp("Achievement CSV: practice_code, measure_id, numerator, denominator, optional exceptions.", valueName: "file"))
    var achievement: String

    @Option(help: ArgumentHelp("The premium scheme, in TOML (docs/premium-scheme.md).", valueName: "file"))
    var scheme: String

    @Option(help: ArgumentHelp("Registered lists CSV by practice, sex and age band (canonical or NHS Digital layout).", valueName: "file"))
    var population: String

    @Option(help: ArgumentHelp("Practices CSV: practice_code, consortium_code and any weighted-list column the scheme names; its practices (of the scheme's consortium) are the members.", valueName: "file"))
    var practices: String?

    @Option(help: ArgumentHelp("The baseline period's achievement CSV (same layout), for measures scored on improvement.", valueName: "file"))
    var baselineAchievement: String?

    @Option(help: ArgumentHelp("Print the arithmetic of this practice's payment (standard output with --out, standard error without).", valueName: "practice"))
    var explain: String?

    @Option(help: ArgumentHelp("Summary CSV: one row per measure and a total row.", valueName: "file"))
    var summary: String?

    @Option(help: ArgumentHelp("Output CSV (standard output when absent).", valueName: "file"))
    var out: String?

    func validate() throws {
        try refuseOutputsOverInputs()
    }

    func run() throws {
        try reportingErrors {
            let result = try PremiumStep.run(
                PremiumOptions(achievement: achievement, scheme: scheme, population: population, practices: practices,
                               baselineAchievement: baselineAchievement, explain: explain),
                note: { printError("note: \($0)") })
            var outputs: [(StepTable, String?)] = [(result.payments, out)]
            if let summary { outputs.append((result.summary, summary)) }
            try StepTable.write(outputs)
            printError("premium: \(result.outcome)")
            if let explanation = result.explanation {
                let text = explanation.joined(separator: "\n") + "\n"
                if out != nil { print(text, terminator: "") } else { printError(text.dropLast().description) }
            }
        }
    }
}

extension PremiumCommand: ReadsAndWritesFiles {
    var inputFiles: [FileOption] {
        [
            FileOption("--achievement", achievement),
            FileOption("--scheme", scheme),
            FileOption("--population", population),
            FileOption("--practices", practices),
            FileOption("--baseline-achievement", baselineAchievement),
        ]
    }

    var outputFiles: [FileOption] {
        [
            FileOption("--out", out),
            FileOption("--summary", summary),
        ]
    }
}
