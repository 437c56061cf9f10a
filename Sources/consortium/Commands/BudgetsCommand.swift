import Allocation
import ArgumentParser
import Pipeline

/// `consortium budgets`: practice or consortium budgets from registered lists, needs and a formula.
struct BudgetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budgets",
        abstract: "Practice and consortium budgets: weighted capitation, targets, distance from target, pace of change.",
        discussion: """
        Each practice's weighted population is its registered list weighted by the formula's age-sex cost weights, times one index per need or cost component (each normalised so the population-weighted mean is 1). Target share = weighted population / the sum of weighted populations; target budget = share x total, rounded to pence by largest remainder (ties to the smaller code), so budgets add up to the total exactly. With baselines and a [pace_of_change] rule, budgets move from baselines towards targets: the common growth that spends exactly the total is solved and printed on standard error.

        The formula is TOML (see docs/formula.md; presets in datasets/formulas/). Inputs are CSV: practices (practice_code, consortium_code, and the practice variables the formula names), registered lists (practice_code, sex, age_band, patients, or NHS Digital's layout), attribution (practice_code, lsoa_code, patients) and areas (lsoa_code, variables) for small-area needs, baselines (practice_code or consortium_code, baseline), a mapping (practice_code, consortium_code) to regroup practices.

        Output columns: practice_code, consortium_code, registered_patients, weighted_population, need_index, target_share, target_budget, baseline, distance_from_target, budget, one <component>_index per formula component, growth. With --level consortium the rows are consortia (consortium_code, practices, ...), and --running-cost-allowance / --planned-spend add running_cost_allowance, planned_spend, planned_running_costs, surplus, over_allocation, over_running_cost_allowance. --explain PRACTICE writes instead the practice's budget split into equal_share, one amount per factor, pace_of_change, adding up to its budget to the penny.

        Examples:
          consortium budgets --practices practices.csv --population lists.csv --attribution attribution.csv --areas areas.csv --baseline baseline.csv --formula datasets/formulas/consortium-allocation-structure-illustrative.toml --total 125000000 --out budgets.csv
          consortium budgets --payments datasets/england-2022-23/nhs-payments-to-general-practice-2022-23.csv --only contract_type=GMS --formula datasets/formulas/published-weighted-patients.toml --baseline-payment "Global Sum" --total baseline --level consortium
        """
    )

    @Option(help: ArgumentHelp("Practices CSV: practice_code, consortium_code, and the practice variables the formula names.", valueName: "file"))
    var practices: String?

    @Option(help: ArgumentHelp("NHS Digital's Payments to General Practice CSV, used as the practices instead of --practices (sub-ICB as consortium; registered_patients, weighted_patients; labels contract_type, dispensing, rurality, practice_type).", valueName: "file"))
    var payments: String?

    @Option(help: ArgumentHelp("With --payments: the payment column taken as each practice's baseline, e.g. 'Global Sum'.", valueName: "column"))
    var baselinePayment: String?

    @Option(help: ArgumentHelp("Registered lists CSV by practice, sex and age band (canonical or NHS Digital layout).", valueName: "file"))
    var population: String?

    @Option(help: ArgumentHelp("Attribution CSV: practice_code, lsoa_code, patients (for small-area need variables).", valueName: "file"))
    var attribution: String?

    @Option(help: ArgumentHelp("Areas CSV: lsoa_code and the small-area variables the formula names.", valueName: "file"))
    var areas: String?

    @Option(help: ArgumentHelp("Baseline budgets CSV: practice_code (or consortium_code) and baseline in pounds.", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("The formula, in TOML (docs/formula.md).", valueName: "file"))
    var formula: String

    @Option(help: ArgumentHelp("The total to allocate in pounds (e.g. 125000000.00), or 'baseline' for the sum of the baselines. Default: the formula's total.", valueName: "pounds"))
    var total: String?

    @Option(help: ArgumentHelp("practice or consortium.", valueName: "level"))
    var level: String = "practice"

    @Option(help: ArgumentHelp("Mapping CSV (practice_code, consortium_code) giving every practice its group, replacing the practices file's consortium_code.", valueName: "file"))
    var mapping: String?

    @Option(help: ArgumentHelp("Running-cost allowance in pounds per registered patient; gives each consortium its running-cost limit (with --level consortium).", valueName: "pounds"))
    var runningCostAllowance: Double?

    @Option(help: ArgumentHelp("Planned spend CSV: consortium_code, planned_spend, optional running_costs; flags consortia over their allocation or allowance (with --level consortium).", valueName: "file"))
    var plannedSpend: String?

    @Option(help: ArgumentHelp("Write, instead of the budgets, how this practice's budget differs from the average per head, factor by factor.", valueName: "practice"))
    var explain: String?

    @Option(help: ArgumentHelp("Keep only practices whose text variable has this value, e.g. contract_type=GMS (repeat to require several); the count left out is reported.", valueName: "variable=value"))
    var only: [String] = []

    @Option(help: ArgumentHelp("Output CSV (standard output when absent).", valueName: "file"))
    var out: String?

    /// The step's options from the command line.
    var options: BudgetsOptions {
        BudgetsOptions(practices: practices, payments: payments, baselinePayment: baselinePayment, population: population,
                       attribution: attribution, areas: areas, baseline: baseline, formula: formula, total: total, level: level,
                       mapping: mapping, runningCostAllowance: runningCostAllowance, plannedSpend: plannedSpend, explain: explain, only: only)
    }

    func validate() throws {
        try refuseOutputsOverInputs()
        try validatingOptions { try options.validate() }
    }

    func run() throws {
        try reportingErrors {
            let result = try BudgetsStep.run(options)
            for note in result.notes { printError("note: \(note)") }
            if let pace = result.paceOfChange { printError("pace of change: \(pace)") }
            if let explanation = result.explanationTable {
                try StepTable.write([(explanation, out)])
            } else {
                try StepTable.write([(result.budgets, out)])
            }
        }
    }
}

extension BudgetsCommand: ReadsAndWritesFiles {
    var inputFiles: [FileOption] {
        [
            FileOption("--practices", practices),
            FileOption("--payments", payments),
            FileOption("--population", population),
            FileOption("--attribution", attribution),
            FileOption("--areas", areas),
            FileOption("--baseline", baseline),
            FileOption("--formula", formula),
            FileOption("--mapping", mapping),
            FileOption("--planned-spend", plannedSpend),
        ] + FormulaReader.namedFiles(path: formula).map { FileOption("--formula's \($0.key)", $0.path) }
    }

    var outputFiles: [FileOption] {
        [
            FileOption("--out", out),
        ]
    }
}
