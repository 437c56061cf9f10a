import Foundation
import Testing
@testable import Statistics

@Suite("Distributions: closed forms and edge cases")
struct DistributionTests {
    @Test("Chi-squared with 2 df: quantile(p) = −2 log(1 − p)")
    func chiSquaredTwoDegrees() {
        // 2 log 20 = 5.99146454710798198687… (mpmath), the tabulated 5.991.
        #expect(isClose(ChiSquared(degreesOfFreedom: 2).quantile(0.95), 5.991464547107982, relative: 1e-14))
        #expect(isClose(ChiSquared(degreesOfFreedom: 2).quantile(upperTail: 0.05), 5.991464547107982, relative: 1e-14))
        #expect(isClose(ChiSquared(degreesOfFreedom: 2).cdf(5.991464547107982), 0.95, relative: 1e-14))
    }

    @Test("Chi-squared with 0 df is the point mass at 0")
    func chiSquaredZeroDegrees() {
        let degenerate = ChiSquared(degreesOfFreedom: 0)
        #expect(degenerate.quantile(0.025) == 0)
        #expect(degenerate.quantile(upperTail: 0.025) == 0)
        #expect(degenerate.cdf(0) == 1)
        #expect(degenerate.complementaryCDF(0) == 0)
    }

    @Test("Gamma with scale: cdf(x) of Gamma(k, θ) is P(k, x/θ) and the quantile inverts it")
    func gammaScale() {
        let distribution = GammaDistribution(shape: 3, scale: 2)
        #expect(distribution.cdf(6) == SpecialFunctions.regularizedGammaP(3, 3))
        #expect(isClose(distribution.cdf(distribution.quantile(0.3)), 0.3, relative: 1e-13))
        #expect(isClose(distribution.complementaryCDF(distribution.quantile(upperTail: 1e-6)), 1e-6, relative: 1e-12))
        // Density of Gamma(3, 2) at 6: 6² e^(−3) / (Γ(3) 2³) = 36 · 0.0497870683678639 / 16 = 0.11202090382769...
        #expect(isClose(distribution.density(6), 36 * exp(-3.0) / 16, relative: 1e-14))
    }

    @Test("Student t closed forms: 1 df is Cauchy, 2 df has t = (2p − 1)/√(2p(1 − p))")
    func studentClosedForms() {
        // cot(0.025π) = 12.7062047361747046460… (mpmath), the tabulated 12.706.
        #expect(isClose(StudentT(degreesOfFreedom: 1).quantile(0.975), 12.706204736174705, relative: 1e-14))
        // 0.95 / √(2 · 0.975 · 0.025) = 4.30265272974946385… (mpmath), the tabulated 4.303.
        #expect(isClose(StudentT(degreesOfFreedom: 2).quantile(0.975), 4.302652729749464, relative: 1e-13))
        // Cauchy cdf(1) = ½ + atan(1)/π = 0.75.
        #expect(isClose(StudentT(degreesOfFreedom: 1).cdf(1), 0.75, relative: 1e-14))
        #expect(StudentT(degreesOfFreedom: 7).cdf(0) == 0.5)
        #expect(StudentT(degreesOfFreedom: 7).quantile(0.5) == 0)
        #expect(StudentT(degreesOfFreedom: .infinity).quantile(0.975) == Normal.quantile(0.975))
    }

    @Test("Beta(1, 1) is uniform; Clopper–Pearson closed forms for x = 0 and x = n")
    func betaClosedForms() {
        #expect(isClose(BetaDistribution(alpha: 1, beta: 1).quantile(0.3), 0.3, relative: 1e-14))
        // Upper limit for 0/10: 1 − 0.025^(1/10) = 0.30849710781876082390… (mpmath).
        #expect(isClose(BetaDistribution(alpha: 1, beta: 10).quantile(0.975), 0.3084971078187608, relative: 1e-13))
        #expect(isClose(BetaDistribution(alpha: 1, beta: 10).quantile(upperTail: 0.025), 0.3084971078187608, relative: 1e-13))
    }

    @Test("Poisson: mean 0, negative k, pmf sums to the cdf, P(X ≥ k) convention")
    func poissonConventions() {
        let empty = Poisson(mean: 0)
        #expect(empty.pmf(0) == 1 && empty.pmf(3) == 0)
        #expect(empty.cdf(0) == 1 && empty.complementaryCDF(0) == 0)
        #expect(empty.quantile(0.99) == 0)
        let poisson = Poisson(mean: 3.5)
        #expect(poisson.cdf(-1) == 0 && poisson.complementaryCDF(-1) == 1)
        #expect(poisson.probabilityAtLeast(0) == 1)
        #expect(poisson.probabilityAtLeast(4) == poisson.complementaryCDF(3))
        // Σ_{k=0..6} e^(−3.5) 3.5^k / k! accumulated here term by term.
        var term = exp(-3.5)
        var sum = term
        for k in 1...6 { term *= 3.5 / Double(k); sum += term }
        #expect(isClose(poisson.cdf(6), sum, relative: 1e-14))
        #expect(isClose(poisson.pmf(6), term, relative: 1e-14))
        // Quantile: smallest k with cdf(k) ≥ p.
        let k = poisson.quantile(0.9)
        #expect(poisson.cdf(k) >= 0.9 && poisson.cdf(k - 1) < 0.9)
        let upper = poisson.quantile(upperTail: 1e-9)
        #expect(poisson.complementaryCDF(upper) <= 1e-9 && poisson.complementaryCDF(upper - 1) > 1e-9)
    }

    @Test("Binomial: θ = 0 and 1, k outside 0…n, pmf against direct products, quantile definition")
    func binomialConventions() {
        #expect(Binomial(trials: 10, probability: 0).pmf(0) == 1)
        #expect(Binomial(trials: 10, probability: 1).pmf(10) == 1)
        #expect(Binomial(trials: 10, probability: 1).cdf(9) == 0)
        #expect(Binomial(trials: 10, probability: 0).quantile(0.5) == 0)
        #expect(Binomial(trials: 10, probability: 1).quantile(0.5) == 10)
        let binomial = Binomial(trials: 12, probability: 0.3)
        #expect(binomial.cdf(-1) == 0 && binomial.cdf(12) == 1 && binomial.complementaryCDF(12) == 0)
        // C(12, 4) 0.3⁴ 0.7⁸ = 495 · 0.0081 · 0.05764801 = 0.231139696095
        #expect(isClose(binomial.pmf(4), 495 * 0.0081 * 0.05764801, relative: 1e-13))
        var cumulative = 0.0
        var coefficient = 1.0
        for k in 0...12 {
            cumulative += coefficient * pow(0.3, Double(k)) * pow(0.7, Double(12 - k))
            #expect(isClose(binomial.cdf(k), cumulative, relative: 1e-13))
            coefficient = coefficient * Double(12 - k) / Double(k + 1)
        }
        let k = binomial.quantile(0.975)
        #expect(binomial.cdf(k) >= 0.975 && binomial.cdf(k - 1) < 0.975)
        #expect(binomial.probabilityAtLeast(0) == 1)
    }
}
