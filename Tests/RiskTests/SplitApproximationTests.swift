import Foundation
import Population
@testable import Risk
import Testing

/// The split method (persons above a high quantile drawn exactly, the bulk below as one normal)
/// against full person-by-person simulation of the same consortium, for a lognormal and an
/// empirical cost distribution. Two independent runs of R replications: their shares above a
/// budget differ by at most 4·√(2p(1 − p)/R) plus the Berry–Esseen bound of the split run.
@Suite struct SplitApproximationTests {
    func compare(_ distribution: PersonCostDistribution, persons: Int, replications: Int) {
        let model = TestModels.model([(.female, "0+", distribution)])
        let split = SimulationSettings(replications: replications, seed: 21, threads: 2, exactTailProbability: 0.001, exactPersonsPerReplication: 0)
        let full = SimulationSettings(replications: replications, seed: 22, threads: 2, exactTailProbability: 1, exactPersonsPerReplication: 0)
        let (approximate, splitPlan) = TestModels.simulate(model, counts: [persons], settings: split)
        let (exact, fullPlan) = TestModels.simulate(model, counts: [persons], settings: full)
        #expect(fullPlan.approximationBound == 0)
        // The bound is C₀Σρ/(Σσ²)^(3/2), 0.031 (lognormal, 10,000 persons) and 0.053 (the
        // heavier empirical tail, 8,000 persons): a worst case over all distributions, far above
        // the differences actually seen below.
        #expect(splitPlan.approximationBound > 0 && splitPlan.approximationBound < 0.1, "bound \(splitPlan.approximationBound)")
        #expect(splitPlan.expectedExactDraws < fullPlan.expectedExactDraws / 50)

        let mean = splitPlan.expectedSpend
        let deviation = splitPlan.spendVariance.squareRoot()
        // Both means within 4 standard errors of the analytic mean.
        for values in [approximate.gross, exact.gross] {
            #expect(abs(TestModels.mean(values) - mean) <= 4 * deviation / Double(replications).squareRoot())
        }
        for z in [-1.0, 0, 1, 2.5] {
            let budget = mean + z * deviation
            let p = TestModels.shareAbove(exact.gross, budget)
            let q = TestModels.shareAbove(approximate.gross, budget)
            let pooled = (p + q) / 2
            let tolerance = 4 * (2 * pooled * (1 - pooled) / Double(replications)).squareRoot() + splitPlan.approximationBound
            #expect(abs(p - q) <= tolerance, "budget at mean + \(z) sd: full \(p), split \(q)")
        }
    }

    @Test func lognormalSplitAgreesWithFullSimulation() {
        compare(TestModels.parametric(zero: 0.3, .lognormal(logMean: 6, logStandardDeviation: 1.3)), persons: 10_000, replications: 4_000)
    }

    @Test func empiricalSplitAgreesWithFullResampling() {
        // 2,000 observed costs: zero for a quarter, lognormal(6.5, 1.5) otherwise (seeded).
        var random = SyntheticRandom(seed: 31)
        var costs: [Double] = []
        for _ in 0..<2_000 {
            costs.append(random.nextUnit() < 0.25 ? 0 : (random.logNormal(logMedian: 6.5, sigma: 1.5) * 100).rounded() / 100)
        }
        compare(.empirical(EmpiricalCost(costs: costs)), persons: 8_000, replications: 4_000)
    }

    @Test func smallGroupsAreSimulatedPersonByPerson() {
        // N = 800 ≤ D = 1,000: q = 1, every person with a cost is drawn, nothing is approximated.
        let model = TestModels.model([(.male, "0+", TestModels.parametric(zero: 0.3, .lognormal(logMean: 6, logStandardDeviation: 1.3)))])
        let plan = GroupSimulationPlan(code: "small", counts: [800], model: model, settings: SimulationSettings(replications: 10, seed: 1))
        #expect(plan.exceedanceProbability == 1)
        #expect(plan.approximationBound == 0)
        #expect(abs(plan.expectedExactDraws - 560) < 1e-9)
    }
}
