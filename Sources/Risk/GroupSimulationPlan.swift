/// How one group's annual spend is drawn in a replication, cell by cell, and what is known
/// about it analytically.
///
/// For a cell of n persons with cost distribution X:
/// - **Gamma sum** (gamma tail, no high-cost pool): K ~ Binomial(n, 1 − p₀) persons have a cost
///   and their total is one Gamma(K·α, θ) draw — exact, because a sum of independent gammas with
///   a common scale is gamma with the summed shape.
/// - **Split** (lognormal or empirical tails, or any tail under a high-cost pool): with the
///   threshold s of upper-tail probability q (see `SimulationSettings`; s ≤ the pool threshold
///   T), K ~ Binomial(n, P(X > s)) persons are above s and each is drawn exactly
///   (`ExceedanceSampler`); the n − K persons below s are summed as a normal variate with mean
///   (n − K)·E[X | X ≤ s] and variance (n − K)·Var(X | X ≤ s). All cells' bulks of a replication
///   are drawn as one normal (a sum of independent normals).
///
/// The approximation is only in the bulk: conditional on the counts the simulated total and the
/// true total differ in distribution by at most the Berry–Esseen bound of the bulk sum (adding
/// an independent exact part cannot increase a Kolmogorov distance), which `approximationBound`
/// evaluates at the expected bulk counts n·P(X ≤ s).
public struct GroupSimulationPlan: Sendable {
    public let code: String
    public let persons: Int
    /// q for this group (see `SimulationSettings.exceedanceProbability(persons:)`).
    public let exceedanceProbability: Double
    let cells: [CellPlan]
    let streamHash: UInt64
    /// E[S] = Σ n_c μ_c.
    public let expectedSpend: Double
    /// Var S = Σ n_c σ_c².
    public let spendVariance: Double
    /// Under a high-cost pool with threshold T: Var Σ min(X, T) and E Σ (X − T)⁺.
    public let keptVariance: Double?
    public let expectedExcess: Double?
    /// The Berry–Esseen bound on the Kolmogorov distance between the simulated and the exact
    /// distribution of the group's total (0 when nothing is approximated).
    public let approximationBound: Double
    /// Persons drawn one by one per replication, in expectation: Σ n_c P(X > s_c) over split cells.
    public let expectedExactDraws: Double

    /// The plan of a group with `counts` persons per cell of `model`.
    public init(code: String, counts: [Int], model: CostModel, settings: SimulationSettings) {
        precondition(counts.count == model.count, "GroupSimulationPlan: counts for \(counts.count) cells, model has \(model.count)")
        self.code = code
        persons = counts.reduce(0, +)
        let q = settings.exceedanceProbability(persons: persons)
        exceedanceProbability = q
        streamHash = StreamKey.hash(code)
        let poolThreshold = settings.highCostThreshold

        var plans: [CellPlan] = []
        var mean = 0.0
        var variance = 0.0
        var keptVariance = 0.0
        var excess = 0.0
        var bulkThird = 0.0
        var bulkVariance = 0.0
        var exactDraws = 0.0
        for (cell, n) in counts.enumerated() where n > 0 {
            let distribution = model.distributions[cell]
            let count = Double(n)
            mean += count * distribution.mean
            variance += count * distribution.variance
            if let poolThreshold {
                let capped = distribution.capped(at: poolThreshold)
                keptVariance += count * capped.keptVariance
                excess += count * capped.expectedExcess
            }
            if case .parametric(let cost) = distribution {
                guard let tail = cost.tail else { continue }
                if case let .gamma(shape, scale) = tail, poolThreshold == nil {
                    plans.append(CellPlan(persons: n, kind: .gammaSum(positiveProbability: cost.positiveProbability, shape: shape, scale: scale)))
                    continue
                }
            }
            var threshold = distribution.threshold(exceedance: q)
            if let poolThreshold { threshold = min(threshold, poolThreshold) }
            let bulk = distribution.bulk(upTo: threshold)
            let above = distribution.survival(threshold)
            let sampler = above > 0 ? ExceedanceSampler(distribution: distribution, threshold: threshold) : nil
            plans.append(CellPlan(persons: n, kind: .split(exceedance: min(1, above), bulkMean: bulk.mean,
                                                           bulkVariance: bulk.variance, sampler: sampler)))
            let bulkCount = count * bulk.probability
            bulkThird += bulkCount * bulk.thirdAbsoluteCentralMoment
            bulkVariance += bulkCount * bulk.variance
            exactDraws += count * above
        }
        cells = plans
        expectedSpend = mean
        spendVariance = variance
        self.keptVariance = poolThreshold == nil ? nil : keptVariance
        expectedExcess = poolThreshold == nil ? nil : excess
        approximationBound = BerryEsseenBound.bound(sumOfThirdAbsoluteMoments: bulkThird, sumOfVariances: bulkVariance)
        expectedExactDraws = exactDraws
    }
}

/// One cell's part of a group plan.
struct CellPlan: Sendable {
    enum Kind: Sendable {
        case gammaSum(positiveProbability: Double, shape: Double, scale: Double)
        case split(exceedance: Double, bulkMean: Double, bulkVariance: Double, sampler: ExceedanceSampler?)
    }

    let persons: Int
    let kind: Kind
}
