import Foundation
import Testing
@testable import Population

/// ln Γ(x) from the C library (Glibc's `lgamma`), the independent reference.
private func logGamma(_ x: Double) -> Double {
    var sign: Int32 = 0
    return lgamma_r(x, &sign)
}

/// ln P(X = k) for X ~ Binomial(n, p), from the C library's functions.
private func binomialLogMass(_ k: Int, _ n: Double, _ p: Double) -> Double {
    let kk = Double(k)
    let coefficient: Double = logGamma(n + 1) - logGamma(kk + 1) - logGamma(n - kk + 1)
    let powers: Double = kk * Foundation.log(p) + (n - kk) * Foundation.log(1 - p)
    return coefficient + powers
}

// Reference values: Reference/synthetic_random_reference.py (the published definitions written
// with Python integers). The SplitMix64 values for seed 1234567 are also the test vector of
// Vigna's splitmix64.c.

@Test func splitMix64MatchesThePublishedVector() {
    var generator = SplitMix64(seed: 1_234_567)
    #expect(generator.next() == 6_457_827_717_110_365_317)
    #expect(generator.next() == 3_203_168_211_198_807_973)
    #expect(generator.next() == 9_817_491_932_198_370_423)
}

@Test func xoshiroOutputsMatchTheReference() {
    var first = SyntheticRandom(seed: 1)
    #expect(first.next() == 12_966_619_160_104_079_557)
    #expect(first.next() == 9_600_361_134_598_540_522)
    #expect(first.next() == 10_590_380_919_521_690_900)
    var stream = SyntheticRandom(seed: 42, stream: 7)
    #expect(stream.next() == 12_324_983_354_704_563_866)
    #expect(stream.next() == 327_361_404_529_169_866)
    var unit = SyntheticRandom(seed: 1)
    #expect(unit.nextUnit() == 0.7029218331588505)
    #expect(unit.nextUnit() == 0.5204366199388569)
}

@Test func portableExpAndLogAgreeWithTheSystemLibrary() {
    // The system functions are accurate to < 1 ulp; ours must agree to 1e-15 relative.
    var x = -700.0
    while x <= 700 {
        let expected = Foundation.exp(x)
        #expect(abs(PortableMath.exp(x) - expected) <= 2e-15 * expected, "exp(\(x))")
        x += 0.37
    }
    for value in [1e-300, 1e-10, 0.1, 0.5, 0.7071, 0.99999, 1, 1.00001, 1.5, 2, 3, 10, 12345.678, 1e300] {
        let expected = Foundation.log(value)
        #expect(abs(PortableMath.log(value) - expected) <= 1e-15 * max(1, abs(expected)), "log(\(value))")
    }
    #expect(PortableMath.log(0) == -.infinity && PortableMath.log(-1).isNaN && PortableMath.exp(-800) == 0 && PortableMath.exp(800) == .infinity)
    #expect(PortableMath.exp(0) == 1 && PortableMath.log(1) == 0)
    for k in [0, 1, 2, 5, 15, 16, 17, 30, 100, 1000, 100_000] {
        let expected = logGamma(Double(k + 1))
        #expect(abs(PortableMath.logFactorial(k) - expected) <= 1e-13 * max(1, expected), "ln \(k)!")
    }
    // Φ⁻¹: methods.md's exact z values, 1.959963984540054 (95%) and 3.090232306167813 (99.8%),
    // to Acklam's 1.15e-9 relative; Φ⁻¹(0.01) = −2.326347874040841 (standard normal tables).
    #expect(abs(PortableMath.normalQuantile(0.975) / 1.959963984540054 - 1) < 1.2e-9)
    #expect(abs(PortableMath.normalQuantile(0.999) / 3.090232306167813 - 1) < 1.2e-9)
    #expect(abs(PortableMath.normalQuantile(0.01) / -2.326347874040841 - 1) < 1.2e-9)
    #expect(PortableMath.normalQuantile(0.5) == 0)
    #expect(abs(PortableMath.normalQuantile(1e-6) + PortableMath.normalQuantile(1 - 1e-6)) < 1e-8)
    // Φ(1.959963984540054) = 0.975 (methods.md's z for 95%), to A&S 26.2.17's 7.5e-8.
    #expect(abs(PortableMath.normalDistribution(1.959963984540054) - 0.975) < 7.5e-8)
    #expect(abs(PortableMath.normalDistribution(-1.959963984540054) - 0.025) < 7.5e-8)
}

/// Pearson's chi-square of observed counts against expected probabilities, pooling the tails
/// where the expected count is below 5.
private func chiSquare(observed: [Int: Int], probability: (Int) -> Double, support: ClosedRange<Int>, draws: Int) -> (statistic: Double, cells: Int) {
    var statistic = 0.0
    var cells = 0
    var pooledExpected = 0.0
    var pooledObserved = 0
    for k in support {
        pooledExpected += Double(draws) * probability(k)
        pooledObserved += observed[k] ?? 0
        if pooledExpected >= 5 {
            statistic += pow(Double(pooledObserved) - pooledExpected, 2) / pooledExpected
            cells += 1
            pooledExpected = 0
            pooledObserved = 0
        }
    }
    return (statistic, cells)
}

@Test(arguments: [3.5, 9.9, 10, 42.0, 1234.5])
func poissonDrawsFollowThePoissonDistribution(mean: Double) {
    var random = SyntheticRandom(seed: 2024, stream: UInt64(mean * 10))
    let draws = 100_000
    var counts: [Int: Int] = [:]
    var sum = 0.0
    var squares = 0.0
    for _ in 0..<draws {
        let k = random.poisson(mean: mean)
        counts[k, default: 0] += 1
        sum += Double(k)
        squares += Double(k) * Double(k)
    }
    let sampleMean = sum / Double(draws)
    let sampleVariance = squares / Double(draws) - sampleMean * sampleMean
    // Mean within 5 standard errors (√(λ/n)); variance within 5% of λ.
    #expect(abs(sampleMean - mean) < 5 * (mean / Double(draws)).squareRoot())
    #expect(abs(sampleVariance / mean - 1) < 0.05)
    let width = Int(8 * mean.squareRoot()) + 10
    let support = max(0, Int(mean) - width)...(Int(mean) + width)
    let test = chiSquare(observed: counts, probability: { k in
        Foundation.exp(-mean + Double(k) * Foundation.log(mean) - logGamma(Double(k + 1)))
    }, support: support, draws: draws)
    // 99.9% point of chi-square with `cells` degrees of freedom, conservatively cells + 4√(2·cells) + 10.
    #expect(test.cells >= 5)
    #expect(test.statistic < Double(test.cells) + 4 * (2 * Double(test.cells)).squareRoot() + 10, "chi-square \(test.statistic) on \(test.cells) cells")
}

@Test(arguments: [(20, 0.2), (40, 0.3), (1000, 0.05), (5000, 0.5), (300, 0.93), (7, 1.0), (9, 0.0)])
func binomialDrawsFollowTheBinomialDistribution(trials: Int, probability: Double) {
    var random = SyntheticRandom(seed: 99, stream: UInt64(trials))
    let draws = 100_000
    var counts: [Int: Int] = [:]
    var sum = 0.0
    var squares = 0.0
    for _ in 0..<draws {
        let k = random.binomial(trials: trials, probability: probability)
        #expect(k >= 0 && k <= trials)
        counts[k, default: 0] += 1
        sum += Double(k)
        squares += Double(k) * Double(k)
    }
    let n = Double(trials)
    let mean = n * probability
    let variance = n * probability * (1 - probability)
    if variance == 0 {
        #expect(counts == [Int(mean): draws])
        return
    }
    let sampleMean = sum / Double(draws)
    #expect(abs(sampleMean - mean) < 5 * (variance / Double(draws)).squareRoot())
    let sampleVariance = squares / Double(draws) - sampleMean * sampleMean
    #expect(abs(sampleVariance / variance - 1) < 0.05)
    let test = chiSquare(observed: counts, probability: { k in
        Foundation.exp(binomialLogMass(k, n, probability))
    }, support: 0...trials, draws: draws)
    #expect(test.cells >= 5)
    #expect(test.statistic < Double(test.cells) + 4 * (2 * Double(test.cells)).squareRoot() + 10, "chi-square \(test.statistic) on \(test.cells) cells")
}

@Test func normalAndBoundedIntegers() {
    var random = SyntheticRandom(seed: 5)
    let draws = 200_000
    var sum = 0.0
    var squares = 0.0
    var beyondTwo = 0
    for _ in 0..<draws {
        let z = random.normal()
        sum += z
        squares += z * z
        if abs(z) > 1.959963984540054 { beyondTwo += 1 }
    }
    #expect(abs(sum / Double(draws)) < 5 / Double(draws).squareRoot())
    #expect(abs(squares / Double(draws) - 1) < 0.02)
    // 5% of a normal lies beyond ±1.96; binomial standard error √(0.05·0.95/n) ≈ 0.00049.
    #expect(abs(Double(beyondTwo) / Double(draws) - 0.05) < 0.0025)
    var faces = Array(repeating: 0, count: 7)
    for _ in 0..<70_000 { faces[random.nextInt(below: 7)] += 1 }
    #expect(faces.allSatisfy { abs($0 - 10_000) < 500 })
}

