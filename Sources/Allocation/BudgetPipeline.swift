import Tables

/// Where the total to allocate comes from.
public enum BudgetTotal: Sendable, Equatable {
    /// A stated amount, in pence.
    case pence(Int)
    /// The sum of the baselines: the same money, redistributed.
    case sumOfBaselines
}

/// Everything one budget run needs, as the CLI collects it from its options.
public struct BudgetRequest: Sendable {
    public var files: BudgetInputFiles
    public var formula: AllocationFormula
    /// nil: the formula's `total`.
    public var total: BudgetTotal?
    public var level: BudgetLevel
    /// Pounds per registered patient for running costs, at consortium level.
    public var runningCostPerHead: Double?
    /// `consortium_code`, `planned_spend`, optional `running_costs`.
    public var plannedSpendFile: String?

    public init(files: BudgetInputFiles, formula: AllocationFormula, total: BudgetTotal?, level: BudgetLevel,
                runningCostPerHead: Double? = nil, plannedSpendFile: String? = nil) {
        self.files = files
        self.formula = formula
        self.total = total
        self.level = level
        self.runningCostPerHead = runningCostPerHead
        self.plannedSpendFile = plannedSpendFile
    }
}

/// A finished budget run.
public struct BudgetOutcome: Sendable {
    public var loaded: LoadedBudgetInput
    public var targets: CapitationTargets
    public var result: BudgetResult
    /// One per consortium line when running costs or planned spend were asked for.
    public var runningCosts: [RunningCostCheck]?
}

/// Runs a budget from files to results: load and cross-check the inputs, compute targets,
/// budgets in pence, pace of change, and the running-cost checks.
public enum BudgetPipeline {
    public static func run(_ request: BudgetRequest) throws -> BudgetOutcome {
        let formula = request.formula
        let loaded = try BudgetInputLoader.load(files: request.files, formula: formula)
        if formula.paceOfChange != nil && loaded.baselines == nil {
            throw DataError(.badData, at: formula.paceOfChange?.location ?? formula.location,
                            "the formula has a pace-of-change rule, which moves baselines towards targets, but no baselines were given (--baseline)")
        }
        let totalPence: Int
        switch request.total {
        case .pence(let pence)?:
            totalPence = pence
        case .sumOfBaselines?:
            guard let baselines = loaded.baselines else {
                throw DataError(.badData, at: formula.location, "the total is the sum of the baselines, but no baselines were given (--baseline)")
            }
            switch baselines {
            case .practices(let amounts, _): totalPence = amounts.reduce(0, +)
            case .consortia(let amounts, _): totalPence = amounts.values.reduce(0, +)
            }
            guard totalPence >= 0 else {
                throw DataError(.badData, at: SourceLocation(file: request.files.baseline ?? "baseline"), "the baselines add up to a negative total")
            }
        case nil:
            guard let stated = formula.totalPence else {
                throw DataError(.badData, at: formula.location, "no total to allocate: give --total or a `total` in the formula")
            }
            totalPence = stated
        }
        let targets = try CapitationModel.targets(input: loaded.input, formula: formula)
        let result = try BudgetCalculator.budgets(input: loaded.input, targets: targets, formula: formula, totalPence: totalPence,
                                                  baselines: loaded.baselines, level: request.level, paceRule: formula.paceOfChange)
        var checks: [RunningCostCheck]?
        if request.runningCostPerHead != nil || request.plannedSpendFile != nil {
            precondition(request.level == .consortium, "BudgetPipeline: running costs are per consortium")
            let plans = try request.plannedSpendFile.map { try PlannedSpendFile.read(path: $0) }
            checks = try RunningCosts.check(lines: result.lines, perHead: request.runningCostPerHead, plans: plans, plansFile: request.plannedSpendFile)
        }
        return BudgetOutcome(loaded: loaded, targets: targets, result: result, runningCosts: checks)
    }
}
