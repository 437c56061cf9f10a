import Foundation
import Population
@testable import Risk
import Testing

/// Draws of a person's cost given that it exceeds a threshold s, in every regime of the sampler,
/// against the exact conditional distribution: the mean E[Y; Y > s]/P(Y > s) and a conditional
/// tail probability P(Y > s₂)/P(Y > s), each within 4 standard errors of 100,000 draws.
@Suite struct ExceedanceSamplerTests {
    struct Case {
        let name: String
        let tail: CostTail
        let threshold: Double
        let secondThreshold: Double
        let regime: String
    }

    static let cases: [Case] = [
        Case(name: "lognormal from 0", tail: .lognormal(logMean: 6, logStandardDeviation: 1.3), threshold: 0, secondThreshold: 1000,
             regime: "lognormalAboveByNormalRejection"),
        Case(name: "lognormal just above the median", tail: .lognormal(logMean: 6, logStandardDeviation: 1.3), threshold: exp(6 + 1.3 * 0.2),
             secondThreshold: 2000, regime: "lognormalAboveByNormalRejection"),
        Case(name: "lognormal far tail", tail: .lognormal(logMean: 6, logStandardDeviation: 1.3), threshold: 22410.88367113358,
             secondThreshold: 40000, regime: "lognormalAboveByExponential"),
        Case(name: "gamma from 0", tail: .gamma(shape: 2.5, scale: 400), threshold: 0, secondThreshold: 1200, regime: "gammaAboveByRejection"),
        Case(name: "gamma near the median", tail: .gamma(shape: 2.5, scale: 400), threshold: 800, secondThreshold: 1500,
             regime: "gammaAboveByRejection"),
        Case(name: "gamma far tail, shape > 1", tail: .gamma(shape: 2.5, scale: 400), threshold: 4000, secondThreshold: 4800,
             regime: "gammaAboveByExponential"),
        Case(name: "gamma far tail, shape < 1", tail: .gamma(shape: 0.4, scale: 1000), threshold: 3000, secondThreshold: 5000,
             regime: "gammaAboveByExponential"),
    ]

    @Test(arguments: cases.indices)
    func parametricDrawsFollowTheConditionalDistribution(index: Int) {
        let testCase = Self.cases[index]
        let distribution = PersonCostDistribution.parametric(ParametricCost(zeroProbability: 0, tail: testCase.tail))
        let sampler = ExceedanceSampler(distribution: distribution, threshold: testCase.threshold)
        #expect(String(describing: sampler).hasPrefix(testCase.regime), "\(testCase.name): \(sampler)")

        let tail = testCase.tail
        let survival = tail.survival(testCase.threshold)
        let mean = tail.partialMoment(order: 1, above: testCase.threshold, upTo: .infinity) / survival
        let second = tail.partialMoment(order: 2, above: testCase.threshold, upTo: .infinity) / survival
        let deviation = (second - mean * mean).squareRoot()
        let conditional = tail.survival(testCase.secondThreshold) / survival

        var random = SyntheticRandom(seed: 5, stream: UInt64(index))
        let draws = 100_000
        var sum = 0.0
        var above = 0
        for _ in 0..<draws {
            let cost = sampler.draw(&random)
            #expect(cost > testCase.threshold || (testCase.threshold == 0 && cost >= 0))
            sum += cost
            if cost > testCase.secondThreshold { above += 1 }
        }
        let n = Double(draws)
        #expect(abs(sum / n - mean) <= 4 * deviation / n.squareRoot(), "\(testCase.name): mean \(sum / n) vs \(mean)")
        #expect(abs(Double(above) / n - conditional) <= 4 * TestModels.standardError(conditional, draws),
                "\(testCase.name): share \(Double(above) / n) vs \(conditional)")
    }

    @Test func empiricalDrawsAreUniformAmongTheCostsAbove() {
        // Costs above 40 are 100 and 500: each drawn with probability ½.
        let distribution = PersonCostDistribution.empirical(EmpiricalCost(costs: [0, 0, 10, 20, 30, 40, 100, 500]))
        let sampler = ExceedanceSampler(distribution: distribution, threshold: 40)
        var random = SyntheticRandom(seed: 6)
        var large = 0
        let draws = 40_000
        for _ in 0..<draws {
            let cost = sampler.draw(&random)
            #expect(cost == 100 || cost == 500)
            if cost == 500 { large += 1 }
        }
        #expect(abs(Double(large) / Double(draws) - 0.5) <= 4 * TestModels.standardError(0.5, draws))
    }

    @Test func gammaVariatesHaveTheirMeanAndVariance() {
        // Gamma(a): mean a, variance a — shapes below and above 1 and a very large shape (a sum).
        var random = SyntheticRandom(seed: 7)
        for shape in [0.3, 1.0, 4.5, 250_000.0] {
            let draws = 50_000
            var values: [Double] = []
            for _ in 0..<draws { values.append(random.gamma(shape: shape)) }
            // The sample mean within 4 standard errors √(a/R).
            #expect(abs(TestModels.mean(values) - shape) <= 4 * (shape / Double(draws)).squareRoot(), "shape \(shape)")
            // The sample variance within 4 of its standard errors, √((μ₄ − σ⁴)/R) with μ₄ = 3a² + 6a.
            let varianceError = ((3 * shape * shape + 6 * shape - shape * shape) / Double(draws)).squareRoot()
            #expect(abs(TestModels.variance(values) - shape) <= 4 * varianceError, "shape \(shape)")
        }
    }
}
