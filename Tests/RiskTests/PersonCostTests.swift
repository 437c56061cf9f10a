import Foundation
@testable import Risk
import Testing

/// One person's cost: a zero probability and a tail, or resampled observations.
@Suite struct PersonCostTests {
    @Test func parametricMeanAndVarianceByHand() {
        // p₀ = 0.25, Y ~ Gamma(2, 100): E[Y] = 200, E[Y²] = 2·3·100² = 60,000.
        // E[X] = 0.75·200 = 150; E[X²] = 0.75·60,000 = 45,000; Var X = 45,000 − 150² = 22,500.
        let cost = ParametricCost(zeroProbability: 0.25, tail: .gamma(shape: 2, scale: 100))
        #expect(cost.mean == 150)
        #expect(abs(cost.variance - 22_500) < 1e-9)
        let layer = cost.layer(above: -.infinity, upTo: .infinity)
        #expect(abs(layer.probability - 1) < 1e-15)
        #expect(abs(layer.conditionalVariance - 22_500) < 1e-6)
    }

    @Test func thresholdBelowTheZeroShareIsZero() {
        // P(X > 0) = 0.75, so any q ≥ 0.75 puts every person with a cost above the threshold 0.
        let cost = ParametricCost(zeroProbability: 0.25, tail: .gamma(shape: 2, scale: 100))
        #expect(cost.threshold(exceedance: 0.8) == 0)
        #expect(cost.threshold(exceedance: 0.75) == 0)
        // q = 0.075 → the tail's upper 0.1 quantile; P(X > s) = 0.75 × 0.1.
        let s = cost.threshold(exceedance: 0.075)
        #expect(abs(cost.survival(s) - 0.075) < 1e-12)
    }

    @Test func cappedExponentialByHand() {
        // Y exponential with mean θ = 1000, p₀ = 0.5, T = 2000:
        // E[min(Y, T)] = θ(1 − e^(−T/θ)) = 1000(1 − e⁻²); E[(Y − T)⁺] = θe^(−T/θ) = 1000e⁻².
        // E[min(Y, T)²] = ∫₀ᵀ 2y·P(Y > y) dy = 2θ²(1 − e^(−T/θ)(1 + T/θ)) = 2θ²(1 − 3e⁻²);
        // each of these is halved by p₀ = 0.5.
        let distribution = PersonCostDistribution.parametric(ParametricCost(zeroProbability: 0.5, tail: .gamma(shape: 1, scale: 1000)))
        let capped = distribution.capped(at: 2000)
        let keptMean = 0.5 * 1000 * (1 - exp(-2))
        let keptSecond = 0.5 * 2 * 1000 * 1000 * (1 - 3 * exp(-2))
        #expect(abs(capped.keptMean - keptMean) < 1e-9)
        #expect(abs(capped.expectedExcess - 0.5 * 1000 * exp(-2)) < 1e-9)
        #expect(abs(capped.keptVariance - (keptSecond - keptMean * keptMean)) < 1e-6)
    }

    @Test func empiricalCostsByHand() {
        // Costs 0, 0, 10, 20, 30, 40, 100, 500: mean 700/8 = 87.5, zero share 2/8.
        let cost = EmpiricalCost(costs: [500, 0, 30, 10, 0, 100, 40, 20])
        #expect(cost.sortedCosts == [0, 0, 10, 20, 30, 40, 100, 500])
        #expect(cost.mean == 87.5)
        #expect(cost.zeroProbability == 0.25)
        // Variance with divisor m: (2·87.5² + 77.5² + 67.5² + 57.5² + 47.5² + 12.5² + 412.5²)/8
        // = (15,312.5 + 6,006.25 + 4,556.25 + 3,306.25 + 2,256.25 + 156.25 + 170,156.25)/8 = 201,750/8 = 25,218.75.
        #expect(abs(cost.variance - 25_218.75) < 1e-9)
        // q = 0.25: h = 2 costs above the 6th smallest (40).
        #expect(cost.threshold(exceedance: 0.25) == 40)
        #expect(cost.survival(40) == 0.25)
        // q = 0.3: h = ⌈2.4⌉ = 3 costs above 30.
        #expect(cost.threshold(exceedance: 0.3) == 30)
        // q = 1: everyone, zeros included.
        #expect(cost.threshold(exceedance: 1) == -.infinity)
    }

    @Test func empiricalTiesStayBelowTheThreshold() {
        // Five equal costs of 10 and one of 50, q = 0.5: h = 3, s = the 3rd smallest = 10, and
        // only the one cost above 10 is above it (P = 1/6 ≤ q).
        let cost = EmpiricalCost(costs: [10, 10, 10, 10, 10, 50])
        #expect(cost.threshold(exceedance: 0.5) == 10)
        #expect(abs(cost.survival(10) - 1.0 / 6) < 1e-15)
    }

    @Test func bulkThirdAbsoluteMomentMatchesDirectSum() {
        // Bulk below 40 of the costs above: 0, 0, 10, 20, 30, 40 (P = 6/8), mean 100/6.
        // ρ = (1/6)Σ|x − 100/6|³ summed directly here, against the engine's raw-moment expansion.
        let distribution = PersonCostDistribution.empirical(EmpiricalCost(costs: [0, 0, 10, 20, 30, 40, 100, 500]))
        let bulk = distribution.bulk(upTo: 40)
        let values: [Double] = [0, 0, 10, 20, 30, 40]
        let mean = 100.0 / 6
        let rho = values.reduce(0) { $0 + pow(abs($1 - mean), 3) } / 6
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 6
        #expect(abs(bulk.probability - 0.75) < 1e-15)
        #expect(abs(bulk.mean - mean) < 1e-12)
        #expect(abs(bulk.variance - variance) < 1e-9)
        #expect(abs(bulk.thirdAbsoluteCentralMoment - rho) < 1e-7)
    }

    @Test func parametricBulkThirdAbsoluteMomentMatchesQuadrature() {
        // X | X ≤ 3000 for p₀ = 0.4 and Y ~ Gamma(1.5, 800): ρ by a midpoint sum of |x − m|³ f(x)
        // over (0, 3000] with 300,000 steps (error ~1e-9 relative), plus the zero atom.
        let cost = ParametricCost(zeroProbability: 0.4, tail: .gamma(shape: 1.5, scale: 800))
        let bulk = PersonCostDistribution.parametric(cost).bulk(upTo: 3000)
        let density = { (x: Double) in 0.6 * sqrt(x / 800) * exp(-x / 800) / (800 * tgamma(1.5)) }
        let steps = 300_000
        let width = 3000.0 / Double(steps)
        var mass = 0.4
        var first = 0.0
        for step in 0..<steps {
            let x = (Double(step) + 0.5) * width
            mass += density(x) * width
            first += x * density(x) * width
        }
        let mean = first / mass
        var rho = 0.4 * pow(mean, 3)
        for step in 0..<steps {
            let x = (Double(step) + 0.5) * width
            rho += pow(abs(x - mean), 3) * density(x) * width
        }
        rho /= mass
        #expect(abs(bulk.probability - mass) < 1e-8)
        #expect(abs(bulk.mean - mean) < 1e-6 * mean)
        #expect(abs(bulk.thirdAbsoluteCentralMoment - rho) < 1e-6 * rho)
    }

    @Test func certainZeroCost() {
        let cost = ParametricCost(zeroProbability: 1, tail: nil)
        #expect(cost.mean == 0 && cost.variance == 0)
        #expect(cost.threshold(exceedance: 0.001) == 0)
        #expect(cost.survival(0) == 0)
    }
}
