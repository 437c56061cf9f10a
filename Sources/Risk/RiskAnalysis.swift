/// What `consortium risk` computes: the distribution of each group's annual spend against its
/// budget, by Monte Carlo and by the normal approximation, without and with the pools asked for.
public struct RiskRequest: Sendable {
    public var model: CostModel
    public var population: GroupPopulation
    public var budgets: BudgetRule
    /// Risk sharing of overspends among pools of groups (nil: none).
    public var riskShare: RiskShareArrangement?
    /// Replications, seed, threads, method settings and the high-cost pool threshold.
    public var settings: SimulationSettings
    /// π for the contingency reserve, e.g. 0.95.
    public var breakEvenProbability: Double

    public init(model: CostModel, population: GroupPopulation, budgets: BudgetRule, riskShare: RiskShareArrangement? = nil,
                settings: SimulationSettings, breakEvenProbability: Double = 0.95) {
        precondition(population.cellCount == model.count, "RiskRequest: population and model cells differ")
        self.model = model
        self.population = population
        self.budgets = budgets
        self.riskShare = riskShare
        self.settings = settings
        self.breakEvenProbability = breakEvenProbability
    }
}

/// The figures of one group under one arrangement.
public struct RiskRow: Sendable {
    public let code: String
    public let arrangement: PoolingArrangement
    /// The risk-sharing pool, for the arrangements that use it.
    public let poolCode: String?
    public let persons: Int
    public let budget: Double
    /// E[S] = Σ n_b μ_b (the same under every arrangement: the pools are priced at cost).
    public let expectedSpend: Double
    public let simulated: SpendSummary
    /// The normal approximation, where the arrangement keeps the spend a sum of independent person
    /// costs (none, high-cost pool); nil for risk sharing, which is not linear in the costs.
    public let normal: NormalApproximation?
    /// The Berry–Esseen bound on the Kolmogorov distance between the simulated and the exact
    /// distribution of this spend (for risk sharing, the sum of the pool members' bounds, since
    /// the net spend is nondecreasing in each member's spend).
    public let approximationBound: Double
}

public struct RiskResult: Sendable {
    public let rows: [RiskRow]
    public let plans: [GroupSimulationPlan]
    public let budgets: [Double]
}

public enum RiskAnalysis {
    /// Plans, simulates and summarises every group of the request.
    public static func run(_ request: RiskRequest) -> RiskResult {
        let population = request.population
        let plans = (0..<population.count).map { group in
            GroupSimulationPlan(code: population.codes[group], counts: Array(population.cells(ofGroup: group)),
                                model: request.model, settings: request.settings)
        }
        let budgets: [Double]
        switch request.budgets {
        case .given(let values):
            precondition(values.count == population.count, "RiskAnalysis: one budget per group")
            budgets = values
        case .expectedSpendWithMargin(let margin):
            budgets = GroupBudgets.fromExpectedSpend(plans.map(\.expectedSpend), margin: margin)
        }
        let spends = MonteCarloSimulation.run(plans: plans, settings: request.settings)
        let pool = request.settings.highCostThreshold.map { HighCostPool(threshold: $0) }

        var series: [(PoolingArrangement, [[Double]])] = [(.none, spends.map(\.gross))]
        var kept: [[Double]]?
        if let pool {
            kept = (0..<plans.count).map { group in
                pool.spends(gross: spends[group].gross, excess: spends[group].excess!, contribution: plans[group].expectedExcess!)
            }
            series.append((.highCostPool, kept!))
        }
        var riskShareBound: [Double]?
        if let share = request.riskShare {
            series.append((.riskShare, shared(spends.map(\.gross), budgets: budgets, arrangement: share)))
            if let kept { series.append((.highCostPoolAndRiskShare, shared(kept, budgets: budgets, arrangement: share))) }
            var bounds = [Double](repeating: 0, count: plans.count)
            for members in share.membership.members {
                let sum = min(1, members.map { plans[$0].approximationBound }.reduce(0, +))
                for member in members { bounds[member] = sum }
            }
            riskShareBound = bounds
        }

        var rows: [RiskRow] = []
        for group in 0..<plans.count {
            let plan = plans[group]
            for (arrangement, values) in series {
                let usesShare = arrangement == .riskShare || arrangement == .highCostPoolAndRiskShare
                let normal: NormalApproximation?
                switch arrangement {
                case .none: normal = NormalApproximation(mean: plan.expectedSpend, variance: plan.spendVariance)
                case .highCostPool: normal = NormalApproximation(mean: plan.expectedSpend, variance: plan.keptVariance!)
                case .riskShare, .highCostPoolAndRiskShare: normal = nil
                }
                rows.append(RiskRow(
                    code: plan.code, arrangement: arrangement,
                    poolCode: usesShare ? request.riskShare!.membership.poolOfGroup[group] : nil,
                    persons: plan.persons, budget: budgets[group], expectedSpend: plan.expectedSpend,
                    simulated: SpendSummary(spends: values[group], budget: budgets[group], breakEvenProbability: request.breakEvenProbability),
                    normal: normal,
                    approximationBound: usesShare ? riskShareBound![group] : plan.approximationBound))
            }
        }
        return RiskResult(rows: rows, plans: plans, budgets: budgets)
    }

    /// Net spends of every group after risk sharing within its pool.
    static func shared(_ spends: [[Double]], budgets: [Double], arrangement: RiskShareArrangement) -> [[Double]] {
        var net = spends
        for members in arrangement.membership.members {
            let pooled = arrangement.pool.netSpends(spends: members.map { spends[$0] }, budgets: members.map { budgets[$0] })
            for (position, member) in members.enumerated() { net[member] = pooled[position] }
        }
        return net
    }
}
