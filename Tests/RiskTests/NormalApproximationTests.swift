import Foundation
@testable import Risk
import Testing

/// The normal approximation: mean Σ n_b μ_b and variance Σ n_b σ_b², by hand.
@Suite struct NormalApproximationTests {
    // Cell 1: 100 persons, p₀ = 0.5, Y ~ Gamma(2, 50): E[Y] = 100, E[Y²] = 2·3·50² = 15,000, so
    //   μ = 50, E[X²] = 7,500, σ² = 7,500 − 2,500 = 5,000.
    // Cell 2: 50 persons, no zeros, Y ~ Gamma(1, 200): μ = 200, σ² = 40,000.
    // Total: mean = 100·50 + 50·200 = 15,000; variance = 100·5,000 + 50·40,000 = 2,500,000,
    // sd = 1,581.1388300841897.
    let model = TestModels.model([
        (.male, "0-64", TestModels.parametric(zero: 0.5, .gamma(shape: 2, scale: 50))),
        (.male, "65+", TestModels.parametric(zero: 0, .gamma(shape: 1, scale: 200))),
    ])

    @Test func meanAndVarianceByHand() {
        let plan = GroupSimulationPlan(code: "G", counts: [100, 50], model: model, settings: SimulationSettings(replications: 1, seed: 1))
        #expect(abs(plan.expectedSpend - 15_000) < 1e-9)
        #expect(abs(plan.spendVariance - 2_500_000) < 1e-6)
    }

    @Test func probabilitiesAndPercentilesByHand() {
        // scipy (Reference/risk_reference.py): P(S > 16,000) = norm.sf(1000/1581.1388) = 0.26354462843276905;
        // overspend at p95 = 15,000 + 1581.1388·1.6448536 − 16,000 = 1600.7419393777855, at p99 2678.278955929778.
        let normal = NormalApproximation(mean: 15_000, variance: 2_500_000)
        #expect(abs(normal.standardDeviation - 1581.1388300841897) < 1e-9)
        #expect(abs(normal.probabilityOfOverspend(budget: 16_000) - 0.26354462843276905) < 1e-14)
        #expect(abs(normal.overspend(atProbability: 0.95, budget: 16_000) - 1600.7419393777855) < 1e-8)
        #expect(abs(normal.overspend(atProbability: 0.99, budget: 16_000) - 2678.278955929778) < 1e-8)
        #expect(abs(normal.reserve(breakEvenProbability: 0.95, budget: 16_000) - 1600.7419393777855) < 1e-8)
        // A budget above the 95th percentile needs no reserve.
        #expect(normal.reserve(breakEvenProbability: 0.95, budget: 20_000) == 0)
    }

    @Test func zeroVarianceIsAStep() {
        let certain = NormalApproximation(mean: 100, variance: 0)
        #expect(certain.probabilityOfOverspend(budget: 99) == 1)
        #expect(certain.probabilityOfOverspend(budget: 100) == 0)
    }

    @Test func highCostPoolVarianceIsTheKeptVariance() {
        // Under a pool at T = 300, cell 2 keeps min(Y, 300) with Y exponential(200):
        // E[min] = 200(1 − e^(−1.5)), E[min²] = 2·200²(1 − 2.5e^(−1.5)); the plan's kept variance adds
        // cell 1's capped variance, and the expected excess is Σ n·E[(X − T)⁺].
        var settings = SimulationSettings(replications: 1, seed: 1)
        settings.highCostThreshold = 300
        let plan = GroupSimulationPlan(code: "G", counts: [100, 50], model: model, settings: settings)
        let keptMean2 = 200 * (1 - exp(-1.5))
        let keptSecond2 = 2 * 200 * 200 * (1 - 2.5 * exp(-1.5))
        let capped1 = model.distributions[0].capped(at: 300)
        let expectedVariance = 100 * capped1.keptVariance + 50 * (keptSecond2 - keptMean2 * keptMean2)
        #expect(abs(plan.keptVariance! - expectedVariance) < 1e-6)
        #expect(abs(plan.expectedExcess! - (100 * capped1.expectedExcess + 50 * 200 * exp(-1.5))) < 1e-8)
        #expect(plan.keptVariance! < plan.spendVariance)
    }
}
