import Foundation
import Population
@testable import Risk
import Statistics
import Testing

/// Monte Carlo against totals whose distribution is known exactly. A Monte Carlo proportion p̂
/// from R replications has standard error √(p(1 − p)/R); each check allows 4 standard errors
/// (a correct simulation fails one such check with probability 6e-5), plus, where the bulk is
/// approximated, the Berry–Esseen bound the engine reports. Reference values from
/// Reference/risk_reference.py (scipy).
@Suite struct ExactDistributionTests {
    @Test func gammaTailsWithCommonScaleSumToGammaWithSummedShape() throws {
        // 300 persons Gamma(0.5, 1000) and 200 persons Gamma(1.5, 1000), no zeros: the total is
        // Gamma(300·0.5 + 200·1.5 = 450, 1000) exactly. scipy: P(S > 480,000) = 0.08081901845478034,
        // Q(0.95) = 485,451.8124886756, Q(0.99) = 500,814.79074057017.
        // The specification is read from TOML, as `consortium risk --costs` reads it.
        let model = try CostSpecificationReader.read(text: """
            [[band]]
            age_band = "0-64"
            sex = "M"
            zero_probability = 0
            tail = "gamma"
            shape = 0.5
            scale = 1000

            [[band]]
            age_band = "65+"
            sex = "M"
            zero_probability = 0
            tail = "gamma"
            shape = 1.5
            scale = 1000
            """, name: "exact.toml")
        let replications = 40_000
        let settings = SimulationSettings(replications: replications, seed: 11, threads: 2)
        let (spend, plan) = TestModels.simulate(model, counts: [300, 200], settings: settings)
        #expect(plan.approximationBound == 0)
        let exact = GammaDistribution(shape: 450, scale: 1000)
        #expect(abs(exact.complementaryCDF(480_000) - 0.08081901845478034) < 1e-12)

        let summary = SpendSummary(spends: spend.gross, budget: 480_000, breakEvenProbability: 0.95)
        let p = 0.08081901845478034
        #expect(abs(summary.probabilityOfOverspend - p) <= 4 * TestModels.standardError(p, replications))
        // Mean 450,000 and sd √450·1000 = 21,213.2: the mean within 4 standard errors.
        #expect(abs(summary.mean - 450_000) <= 4 * 21_213.2 / Double(replications).squareRoot())
        // A sample quantile has standard error √(p(1 − p)/R)/f(Q(p)) (f the density there).
        for (probability, quantile) in [(0.95, 485_451.8124886756), (0.99, 500_814.79074057017)] {
            let error = TestModels.standardError(probability, replications) / exact.density(quantile)
            let estimate = (probability == 0.95 ? summary.overspendAt95 : summary.overspendAt99) + 480_000
            #expect(abs(estimate - quantile) <= 4 * error, "Q(\(probability))")
        }
    }

    @Test func gammaTailsWithZerosAreACompoundOfBinomialAndGamma() {
        // 400 persons, p₀ = 0.3, Y ~ Gamma(0.8, 500): S = Gamma(0.8K, 500) with K ~ Bin(400, 0.7).
        // scipy (sum over K): P(S > 120,000) = 0.1679747457133879, P(S > 100,000) = 0.9285744296684556.
        let model = TestModels.model([(.female, "0+", TestModels.parametric(zero: 0.3, .gamma(shape: 0.8, scale: 500)))])
        let replications = 40_000
        let settings = SimulationSettings(replications: replications, seed: 12, threads: 2)
        let (spend, _) = TestModels.simulate(model, counts: [400], settings: settings)
        for (budget, p) in [(120_000.0, 0.1679747457133879), (100_000.0, 0.9285744296684556)] {
            // The same mixture with the engine's own Statistics functions, as a check of the formula.
            var mixture = 0.0
            let binomial = Binomial(trials: 400, probability: 0.7)
            for k in 1...400 { mixture += binomial.pmf(k) * GammaDistribution(shape: 0.8 * Double(k), scale: 500).complementaryCDF(budget) }
            #expect(abs(mixture - p) < 1e-10)
            let share = TestModels.shareAbove(spend.gross, budget)
            #expect(abs(share - p) <= 4 * TestModels.standardError(p, replications), "budget \(budget)")
        }
    }

    @Test func splitSimulationOfExponentialCostsMatchesTheExactGammaTotal() {
        // 20,000 persons with exponential costs (Gamma(1, 1000)) under a high-cost pool at £3,000,
        // which forces the split method: persons above s = min(q-quantile, 3000) are drawn one by
        // one and the rest are a normal bulk. The gross total is exactly Gamma(20,000, 1000);
        // the excess is Gamma(K, 1000) with K ~ Bin(20,000, e⁻³) (memorylessness).
        // scipy: E[excess] = 995,741.3673572789, P(excess > 1,050,000) = 0.11012568964727172.
        let model = TestModels.model([(.male, "0+", TestModels.parametric(zero: 0, .gamma(shape: 1, scale: 1000)))])
        let replications = 20_000
        let settings = SimulationSettings(replications: replications, seed: 13, threads: 2, exactTailProbability: 0.01,
                                          exactPersonsPerReplication: 0, highCostThreshold: 3000)
        let (spend, plan) = TestModels.simulate(model, counts: [20_000], settings: settings)
        #expect(abs(plan.expectedExcess! - 995_741.3673572789) < 1e-6)
        // The bulk is X | X ≤ 3000, so the bound is positive and small.
        #expect(plan.approximationBound > 0 && plan.approximationBound < 0.02)

        let exact = GammaDistribution(shape: 20_000, scale: 1000)
        for budget in [20_100_000.0, 20_300_000.0] {
            let p = exact.complementaryCDF(budget)
            let share = TestModels.shareAbove(spend.gross, budget)
            #expect(abs(share - p) <= 4 * TestModels.standardError(p, replications) + plan.approximationBound, "budget \(budget)")
        }
        let excess = spend.excess!
        // Var(excess) = E[K]·Var(E) + Var(K)·E[E]² = nπθ² + nπ(1 − π)θ² = nπ(2 − π)θ² with π = e⁻³:
        // the mean of R replications within 4 of its standard errors.
        let pi = exp(-3.0)
        let excessSD = 1000 * (20_000 * pi * (2 - pi)).squareRoot()
        #expect(abs(TestModels.mean(excess) - 995_741.3673572789) <= 4 * excessSD / Double(replications).squareRoot())
        let p = 0.11012568964727172
        #expect(abs(TestModels.shareAbove(excess, 1_050_000) - p) <= 4 * TestModels.standardError(p, replications))
    }
}
