import Allocation
import Tables

/// The options of a budget step, spelled as `consortium budgets` spells them (see that command's
/// help and docs/formula.md). File options hold paths.
public struct BudgetsOptions: Sendable {
    public var practices: String?
    public var payments: String?
    public var baselinePayment: String?
    public var population: String?
    public var attribution: String?
    public var areas: String?
    public var baseline: String?
    public var formula: String
    /// Pounds with at most two decimals, or `baseline`; nil: the formula's total.
    public var total: String?
    /// `practice` or `consortium`.
    public var level: String
    public var mapping: String?
    public var runningCostAllowance: Double?
    public var plannedSpend: String?
    /// A practice whose budget is explained factor by factor.
    public var explain: String?
    /// Conditions `variable=value` keeping only some practices.
    public var only: [String]

    public init(practices: String? = nil, payments: String? = nil, baselinePayment: String? = nil, population: String? = nil,
                attribution: String? = nil, areas: String? = nil, baseline: String? = nil, formula: String, total: String? = nil,
                level: String = "practice", mapping: String? = nil, runningCostAllowance: Double? = nil, plannedSpend: String? = nil,
                explain: String? = nil, only: [String] = []) {
        self.practices = practices
        self.payments = payments
        self.baselinePayment = baselinePayment
        self.population = population
        self.attribution = attribution
        self.areas = areas
        self.baseline = baseline
        self.formula = formula
        self.total = total
        self.level = level
        self.mapping = mapping
        self.runningCostAllowance = runningCostAllowance
        self.plannedSpend = plannedSpend
        self.explain = explain
        self.only = only
    }

    /// Checks that the options fit together.
    public func validate() throws {
        guard (practices == nil) != (payments == nil) else {
            throw OptionError("give the practices with --practices FILE or --payments FILE (one of them)")
        }
        if baselinePayment != nil && payments == nil {
            throw OptionError("--baseline-payment takes a payment column of --payments")
        }
        if baselinePayment != nil && baseline != nil {
            throw OptionError("--baseline and --baseline-payment both give baselines: use one")
        }
        guard BudgetLevel(rawValue: level) != nil else {
            throw OptionError("--level: expected practice or consortium, found '\(level)'")
        }
        if (runningCostAllowance != nil || plannedSpend != nil) && level != BudgetLevel.consortium.rawValue {
            throw OptionError("--running-cost-allowance and --planned-spend are per consortium: add --level consortium")
        }
        if let allowance = runningCostAllowance, !(allowance.isFinite && allowance >= 0) {
            throw OptionError("--running-cost-allowance: expected pounds per head >= 0, found \(allowance)")
        }
        if explain != nil && level != BudgetLevel.practice.rawValue {
            throw OptionError("--explain explains one practice's budget: use it with --level practice")
        }
        if (attribution == nil) != (areas == nil) {
            throw OptionError("--attribution and --areas go together: small-area variables are averaged over the practice's patients")
        }
        _ = try parsedTotal()
        _ = try selection()
    }

    /// The `--only` conditions as (variable, value) pairs.
    public func selection() throws -> [(label: String, value: String)] {
        try only.map { condition in
            let parts = condition.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw OptionError("--only: expected variable=value (e.g. contract_type=GMS), found '\(condition)'")
            }
            return (String(parts[0]), String(parts[1]))
        }
    }

    /// The total as pence or the sum of the baselines; nil when the formula's total applies.
    public func parsedTotal() throws -> BudgetTotal? {
        guard let total else { return nil }
        if total == "baseline" { return .sumOfBaselines }
        guard let pence = Self.pence(fromPounds: total) else {
            throw OptionError("--total: expected pounds with at most two decimals (e.g. 125000000.00) or 'baseline', found '\(total)'")
        }
        return .pence(pence)
    }

    /// Pounds written with at most two decimals, as whole pence; nil for anything else.
    public static func pence(fromPounds text: String) -> Int? {
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
}

/// A finished budget step: the module's outcome, the explanation when asked for, what to tell
/// the user, and the rows of the outputs.
public struct BudgetsStepResult {
    public var formula: AllocationFormula
    public var outcome: BudgetOutcome
    public var explanation: BudgetExplanation?
    /// Notes of the loader (practices left out by `--only`, …).
    public var notes: [String]
    /// The pace-of-change solution in words, when budgets moved from baselines.
    public var paceOfChange: String?
    /// The budgets (`BudgetCSV`).
    public var budgets: StepTable
    /// The explanation of `--explain`'s practice.
    public var explanationTable: StepTable?
}

/// `consortium budgets` and a run's budgets step: read the formula and the files, compute targets
/// and budgets (Allocation's `BudgetPipeline`), and lay out the rows.
public enum BudgetsStep {
    public static func run(_ options: BudgetsOptions) throws -> BudgetsStepResult {
        try options.validate()
        let formula = try FormulaReader.read(path: options.formula)
        let request = BudgetRequest(
            files: BudgetInputFiles(practices: options.practices, payments: options.payments, baselinePayment: options.baselinePayment,
                                    population: options.population, attribution: options.attribution, areas: options.areas,
                                    baseline: options.baseline, mapping: options.mapping, selection: try options.selection()),
            formula: formula, total: try options.parsedTotal(), level: BudgetLevel(rawValue: options.level)!,
            runningCostPerHead: options.runningCostAllowance, plannedSpendFile: options.plannedSpend)
        let outcome = try BudgetPipeline.run(request)
        var pace: String?
        if let rule = outcome.result.paceRule, let solution = outcome.result.pace {
            let cap = rule.maximumGrowthOverTarget.map { "\($0)" } ?? "none"
            pace = "common growth \(solution.commonGrowth) (minimum growth \(rule.minimumGrowth), gap closure \(rule.gapClosure), cap over target \(cap)); budgets add up to \(CSVWriter.format(.pence(outcome.result.totalPence)))"
        }
        var explanation: BudgetExplanation?
        var explanationTable: StepTable?
        if let practice = options.explain {
            let explained = try BudgetExplanation.explain(practiceCode: practice, input: outcome.loaded.input, targets: outcome.targets,
                                                          formula: formula, result: outcome.result)
            explanation = explained
            explanationTable = StepTable(header: BudgetCSV.explanationHeader) { emit in
                for row in BudgetCSV.explanationRows(explained) { try emit(row) }
            }
        }
        let budgets = StepTable(header: BudgetCSV.header(result: outcome.result, runningCosts: outcome.runningCosts != nil)) { emit in
            let runningCosts = outcome.runningCosts != nil
            for (index, line) in outcome.result.lines.enumerated() {
                try emit(BudgetCSV.row(line, level: outcome.result.level, check: outcome.runningCosts?[index], runningCosts: runningCosts))
            }
        }
        return BudgetsStepResult(formula: formula, outcome: outcome, explanation: explanation, notes: outcome.loaded.notes,
                                 paceOfChange: pace, budgets: budgets, explanationTable: explanationTable)
    }
}
