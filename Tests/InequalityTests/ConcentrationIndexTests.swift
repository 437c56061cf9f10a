import Testing
@testable import Inequality

// The five quintiles of SlopeIndexTests ranked most deprived first (keys 1…5):
//   f = .1 .2 .3 .2 .2, y = 30 26 20 16 12, μ = 19.8, R = .05 .2 .45 .7 .9
//   C = 2 Σ f (y − μ)(R − ½) / μ = 2 · (−1.61) / 19.8 = −161/990 = −0.16262626…
//   concentration-curve ordinates q = cumulative f·y/μ = 5/33, 41/99, 71/99, 29/33, 1
//   aₜ = (yₜ/μ)(2Rₜ − 1 − C) + 2 − qₜ₋₁ − qₜ = 2389/3267, 8429/9801, 9134/9801, 8416/9801, 2302/3267
//   Σ f a² = 680795623/960596010 = 0.7087221016043987; (1 + C)² = 0.7011947760432609
//   n = 1000: Var(C) = (0.7087221016043987 − 0.7011947760432609)/1000 = 72307189/9605960100000
//   SE = 0.002743597193674359
private let populations: [Double] = [100, 200, 300, 200, 200]
private let values: [Double] = [30, 26, 20, 16, 12]

@Test func handExampleIndexAndStandardError() {
    let index = ConcentrationIndex(values: values, weights: populations, keys: [1, 2, 3, 4, 5])
    expectClose(index.index, -161.0 / 990, relative: 1e-14)
    expectClose(index.mean, 19.8, relative: 1e-15)
    expectClose(index.standardError, (72307189.0 / 9605960100000).squareRoot(), relative: 1e-10)
    #expect(index.rankClassCount == 5)
}

@Test func reversingTheRankingFlipsTheSign() {
    let forward = ConcentrationIndex(values: values, weights: populations, keys: [1, 2, 3, 4, 5])
    let reversed = ConcentrationIndex(values: values, weights: populations, keys: [5, 4, 3, 2, 1])
    expectClose(reversed.index, -forward.index, relative: 1e-14)
}

@Test func unitsSharingARankEqualTheirGroupAndTheOrderOfTiesDoesNotMatter() {
    // Split quintile 3 (300 people, mean 20) into two practices of 100 (y 14) and 200 (y 23):
    // (100·14 + 200·23)/300 = 20, so C is unchanged when both carry the quintile's key.
    let split = ConcentrationIndex(values: [30, 26, 14, 23, 16, 12], weights: [100, 200, 100, 200, 200, 200],
                                   keys: [1, 2, 3, 3, 4, 5])
    let swapped = ConcentrationIndex(values: [30, 26, 23, 14, 16, 12], weights: [100, 200, 200, 100, 200, 200],
                                     keys: [1, 2, 3, 3, 4, 5])
    expectClose(split.index, -161.0 / 990, relative: 1e-14)
    #expect(split.index == swapped.index)
    #expect(split.standardError == swapped.standardError)
    // Within the tied class the spread about 20 is (100·36 + 200·9)/300 = 18, which adds
    // f₃ · 18 · (2·.45 − 1 + 161/990)² / (n μ²) = .3 · 18 · (0.0626262626…)² / (1000 · 392.04) to Var(C).
    let extra = 0.3 * 18 * (2 * 0.45 - 1 + 161.0 / 990) * (2 * 0.45 - 1 + 161.0 / 990) / (1000 * 19.8 * 19.8)
    expectClose(split.standardError * split.standardError, 72307189.0 / 9605960100000 + extra, relative: 1e-10)
}

@Test func boundedCorrections() {
    // A proportion: y = .2 .1 with equal weights, ranked 1, 2: μ = .15, R = .25 .75,
    // C = 2 (½(.05)(−.25) + ½(−.05)(.25)) / .15 = 2 · (−.0125) / .15 = −1/6.
    let index = ConcentrationIndex(values: [0.2, 0.1], weights: [1, 1], keys: [1, 2])
    expectClose(index.index, -1.0 / 6, relative: 1e-14)
    // Erreygers: 4 · .15 / 1 · (−1/6) = −0.1; Wagstaff: C / (1 − μ) = (−1/6) / .85 = −0.19607843137254902.
    expectClose(index.erreygers(lowerBound: 0, upperBound: 1), -0.1, relative: 1e-14)
    expectClose(index.wagstaff(lowerBound: 0, upperBound: 1), -1.0 / 6 / 0.85, relative: 1e-14)
    // On a percentage scale [0, 100] the corrections are the same numbers.
    let percent = ConcentrationIndex(values: [20, 10], weights: [1, 1], keys: [1, 2])
    expectClose(percent.erreygers(lowerBound: 0, upperBound: 100), -0.1, relative: 1e-14)
    expectClose(percent.wagstaff(lowerBound: 0, upperBound: 100), -1.0 / 6 / 0.85, relative: 1e-14)
}

@Test func equalValuesHaveZeroIndex() {
    let index = ConcentrationIndex(values: [4, 4, 4], weights: [1, 2, 3], keys: [3, 1, 2])
    #expect(abs(index.index) < 1e-15)
}

@Test func kakwaniWagstaffVanDoorslaerStandardErrorAgreesWithTheJackknife() {
    // 2,000 individuals (unit weights) ranked by i with y_i = (7919 i mod 11) + 4 i / 2000: the
    // reference script's delete-one jackknife standard error is an independent estimate of what the
    // KWV formula approximates; they agree to 0.07% here (tolerance 0.5%). C itself to 1e-12.
    let count = 2000
    let values = (0..<count).map { Double(($0 * 7919) % 11) + 4 * Double($0) / Double(count) }
    let index = ConcentrationIndex(values: values, weights: Array(repeating: 1, count: count), keys: (0..<count).map(Double.init))
    expectClose(index.index, individualConcentration[0], relative: 1e-12)
    expectClose(index.standardError, individualConcentration[1], relative: 5e-3)
}
