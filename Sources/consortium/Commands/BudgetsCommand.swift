import Allocation
import ArgumentParser
import Tables

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

    func validate() throws {
        guard (practices == nil) != (payments == nil) else {
            throw ValidationError("give the practices with --practices FILE or --payments FILE (one of them)")
        }
        if baselinePayment != nil && payments == nil {
            throw ValidationError("--baseline-payment takes a payment column of --payments")
        }
        if baselinePayment != nil && baseline != nil {
            throw ValidationError("--baseline and --baseline-payment both give baselines: use one")
        }
        guard BudgetLevel(rawValue: level) != nil else {
            throw ValidationError("--level: expected practice or consortium, found '\(level)'")
        }
        if (runningCostAllowance != nil || plannedSpend != nil) && level != BudgetLevel.consortium.rawValue {
            throw ValidationError("--running-cost-allowance and --planned-spend are per consortium: add --level consortium")
        }
        if let allowance = runningCostAllowance, !(allowance.isFinite && allowance >= 0) {
            throw ValidationError("--running-cost-allowance: expected pounds per head >= 0, found \(allowance)")
        }
        if explain != nil && level != BudgetLevel.practice.rawValue {
            throw ValidationError("--explain explains one practice's budget: use it with --level practice")
        }
        if (attribution == nil) != (areas == nil) {
            throw ValidationError("--attribution and --areas go together: small-area variables are averaged over the practice's patients")
        }
        if let total { _ = try parseTotal(total) }
        _ = try selection()
    }

    func selection() throws -> [(label: String, value: String)] {
        try only.map { condition in
            let parts = condition.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("--only: expected variable=value (e.g. contract_type=GMS), found '\(condition)'")
            }
            return (String(parts[0]), String(parts[1]))
        }
    }

    func parseTotal(_ text: String) throws -> BudgetTotal {
        if text == "baseline" { return .sumOfBaselines }
        guard let pence = Self.pence(fromPounds: text) else {
            throw ValidationError("--total: expected pounds with at most two decimals (e.g. 125000000.00) or 'baseline', found '\(text)'")
        }
        return .pence(pence)
    }

    /// Pounds written with at most two decimals, as whole pence; nil for anything else.
    static func pence(fromPounds text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              whole.count <= 13, let pounds = Int(whole) else { return nil }
        var pence = pounds * 100
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 2, fraction.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            pence += Int(fraction)! * (fraction.count == 1 ? 10 : 1)
        }
        return pence
    }

    func run() throws {
        try reportingErrors {
            let formulaValue = try FormulaReader.read(path: formula)
            let request = BudgetRequest(
                files: BudgetInputFiles(practices: practices, payments: payments, baselinePayment: baselinePayment, population: population,
                                        attribution: attribution, areas: areas, baseline: baseline, mapping: mapping,
                                        selection: try selection()),
                formula: formulaValue, total: try total.map(parseTotal), level: BudgetLevel(rawValue: level)!,
                runningCostPerHead: runningCostAllowance, plannedSpendFile: plannedSpend)
            let outcome = try BudgetPipeline.run(request)
            for note in outcome.loaded.notes { printError("note: \(note)") }
            if let rule = outcome.result.paceRule, let pace = outcome.result.pace {
                let cap = rule.maximumGrowthOverTarget.map { "\($0)" } ?? "none"
                printError("pace of change: common growth \(pace.commonGrowth) (minimum growth \(rule.minimumGrowth), gap closure \(rule.gapClosure), cap over target \(cap)); budgets add up to \(CSVWriter.format(.pence(outcome.result.totalPence)))")
            }
            if let practice = explain {
                let explanation = try BudgetExplanation.explain(practiceCode: practice, input: outcome.loaded.input, targets: outcome.targets,
                                                                formula: formulaValue, result: outcome.result)
                let writer = try CSVWriter(path: out, header: BudgetCSV.explanationHeader)
                for row in BudgetCSV.explanationRows(explanation) { try writer.write(row) }
                try writer.commit()
                return
            }
            let writer = try CSVWriter(path: out, header: BudgetCSV.header(result: outcome.result, runningCosts: outcome.runningCosts != nil))
            try BudgetCSV.write(outcome, to: writer)
            try writer.commit()
        }
    }
}
