import Apportionment

/// Probability of overspend and the reserve needed as functions of list size, for a fixed
/// age-sex (and need) mix: for each size N the persons per cell are N × the mix's shares,
/// rounded by largest remainder so they sum to N, the budget is E[S]·(1 + margin), and the spend
/// is simulated as for a consortium (and approximated by the normal).
public struct SizeCurveRequest: Sendable {
    public var model: CostModel
    /// Persons per cell of the reference population whose mix is used (any positive total).
    public var mix: [Int]
    public var sizes: [Int]
    public var margin: Double
    public var settings: SimulationSettings
    public var breakEvenProbability: Double

    public init(model: CostModel, mix: [Int], sizes: [Int], margin: Double, settings: SimulationSettings, breakEvenProbability: Double = 0.95) {
        precondition(mix.count == model.count && mix.reduce(0, +) > 0, "SizeCurveRequest: a mix needs persons")
        precondition(!sizes.isEmpty && sizes.allSatisfy { $0 > 0 }, "SizeCurveRequest: sizes must be positive")
        self.model = model
        self.mix = mix
        self.sizes = sizes
        self.margin = margin
        self.settings = settings
        self.breakEvenProbability = breakEvenProbability
    }
}

/// One point of the size curve.
public struct SizeCurvePoint: Sendable {
    public let listSize: Int
    public let arrangement: PoolingArrangement
    /// The budget margin m: budget = E[S]·(1 + m).
    public let margin: Double
    public let budget: Double
    public let expectedSpend: Double
    public let simulated: SpendSummary
    public let normal: NormalApproximation
    public let approximationBound: Double

    /// The margin that would give the break-even probability π: (Q(π) − E[S]) / E[S], from the
    /// simulation. The reserve is E[S]·max(0, this − m).
    public var marginNeeded: Double {
        expectedSpend > 0 ? (simulated.breakEvenSpend - expectedSpend) / expectedSpend : 0
    }

    /// The same by the normal approximation: Φ⁻¹(π)·sd / E[S].
    public var normalMarginNeeded: Double {
        expectedSpend > 0 ? normal.overspend(atProbability: simulated.breakEvenProbability, budget: expectedSpend) / expectedSpend : 0
    }
}

public enum SizeCurve {
    /// 1,000 to 2,000,000 persons, three sizes a decade (1, 2, 5).
    public static let defaultSizes = [1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000]

    /// Persons per cell for a list of `size` with the shares of `mix` (largest remainder, ties by cell order).
    public static func counts(size: Int, mix: [Int]) -> [Int] {
        let total = Double(mix.reduce(0, +))
        return LargestRemainder.apportion(quotas: mix.map { Double($0) / total * Double(size) }, total: size)
    }

    /// The curve: for each size, the arrangement `none` and, with a high-cost pool, `high_cost_pool`.
    public static func compute(_ request: SizeCurveRequest) -> [SizeCurvePoint] {
        let plans = request.sizes.map { size in
            GroupSimulationPlan(code: "size-curve \(size)", counts: counts(size: size, mix: request.mix),
                                model: request.model, settings: request.settings)
        }
        let spends = MonteCarloSimulation.run(plans: plans, settings: request.settings)
        var points: [SizeCurvePoint] = []
        for (index, plan) in plans.enumerated() {
            let budget = plan.expectedSpend * (1 + request.margin)
            points.append(SizeCurvePoint(
                listSize: request.sizes[index], arrangement: .none, margin: request.margin, budget: budget, expectedSpend: plan.expectedSpend,
                simulated: SpendSummary(spends: spends[index].gross, budget: budget, breakEvenProbability: request.breakEvenProbability),
                normal: NormalApproximation(mean: plan.expectedSpend, variance: plan.spendVariance),
                approximationBound: plan.approximationBound))
            if let threshold = request.settings.highCostThreshold {
                let kept = HighCostPool(threshold: threshold).spends(gross: spends[index].gross, excess: spends[index].excess!,
                                                                     contribution: plan.expectedExcess!)
                points.append(SizeCurvePoint(
                    listSize: request.sizes[index], arrangement: .highCostPool, margin: request.margin, budget: budget, expectedSpend: plan.expectedSpend,
                    simulated: SpendSummary(spends: kept, budget: budget, breakEvenProbability: request.breakEvenProbability),
                    normal: NormalApproximation(mean: plan.expectedSpend, variance: plan.keptVariance!),
                    approximationBound: plan.approximationBound))
            }
        }
        return points
    }
}
