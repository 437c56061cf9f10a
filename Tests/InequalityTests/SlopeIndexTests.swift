import Linear
import Testing
@testable import Inequality

// Worked example by hand (exact fractions), five quintiles, most deprived first:
//   populations 100, 200, 300, 200, 200 (shares f = .1 .2 .3 .2 .2), values y = 30 26 20 16 12.
//   ranks x = cumulative midpoints = .05, .2, .45, .7, .9 (.1/2; .1 + .2/2; .3 + .3/2; .6 + .2/2; .8 + .2/2)
//   x̄ = Σ f x = .005 + .04 + .135 + .14 + .18 = 1/2
//   ȳ = Σ f y = 3 + 5.2 + 6 + 3.2 + 2.4 = 19.8 = 99/5
//   Sxx = Σ f (x − ½)² = .02025 + .018 + .00075 + .008 + .032 = .079 = 79/1000
//   Sxy = Σ f (x − ½)(y − 19.8) = −.459 − .372 − .003 − .152 − .624 = −1.61
//   b = −1.61 / .079 = −1610/79 = −20.379746835443038
//   a = 19.8 − b/2 = 11846/395 = 29.989873417721519
//   SII (most − least) = −b = 1610/79; RII = SII / 19.8 = 8050/7821; ratio RII = a/(a + b) = 5923/1898
//   residuals e = y − a − b x = 1.02911392, 0.08607595, −0.81898734, 0.27594937, 0.35189873
//   Σ w e² (w = populations) = 27540/79; σ̂² = that / (5 − 2) = 9180/79
//   Σ w (x − ½)² = 1000 · .079 = 79; Var(b) = σ̂² / 79 = 9180/6241; SE(b) = 1.2128141333674414
//   Var(a) = σ̂² (1/1000 + ¼ / 79) = 0.4839320621695241; Cov(a, b) = −σ̂² · ½ / 79 = −0.735459061047909
private let handPopulations: [Double] = [100, 200, 300, 200, 200]
private let handValues: [Double] = [30, 26, 20, 16, 12]

@Test func handExampleRanksAndLine() {
    let sii = SlopeIndexOfInequality(orderedValues: handValues, populations: handPopulations, direction: .mostMinusLeast)
    for (rank, expected) in zip(sii.ranks, [0.05, 0.2, 0.45, 0.7, 0.9]) { expectClose(rank, expected, relative: 1e-15) }
    expectClose(sii.fit.slope, -1610.0 / 79, relative: 1e-14)
    expectClose(sii.fit.intercept, 11846.0 / 395, relative: 1e-14)
    expectClose(sii.fit.meanY, 19.8, relative: 1e-15)
}

@Test func handExampleMeasuresInBothDirections() {
    let most = SlopeIndexOfInequality(orderedValues: handValues, populations: handPopulations, direction: .mostMinusLeast)
    expectClose(most.value(.sii), 1610.0 / 79, relative: 1e-14)
    expectClose(most.value(.rii), 8050.0 / 7821, relative: 1e-14)
    expectClose(most.value(.riiRatio), 5923.0 / 1898, relative: 1e-14)
    let least = SlopeIndexOfInequality(orderedValues: handValues, populations: handPopulations, direction: .leastMinusMost)
    // phe_sii's convention: the slope itself, and RII = fitted(least)/fitted(most) = (a + b)/a = 1898/5923.
    expectClose(least.value(.sii), -1610.0 / 79, relative: 1e-14)
    expectClose(least.value(.rii), -8050.0 / 7821, relative: 1e-14)
    expectClose(least.value(.riiRatio), 1898.0 / 5923, relative: 1e-14)
}

@Test func handExampleAnalyticStandardErrors() {
    let sii = SlopeIndexOfInequality(orderedValues: handValues, populations: handPopulations, direction: .mostMinusLeast)
    let covariance = sii.fit.covariance(knownUnitVariance: false)
    expectClose(covariance.slope, 9180.0 / 6241, relative: 1e-13)
    expectClose(covariance.intercept, 0.4839320621695241, relative: 1e-13)
    expectClose(covariance.interceptSlope, -0.735459061047909, relative: 1e-13)
    expectClose(sii.standardError(.sii), 1.2128141333674414, relative: 1e-13)
    #expect(sii.degreesOfFreedom == 3)
    // With critical value 3.182446305284263 (t, 3 df, 97.5%): 1610/79 ∓ 3.182446305284263 · 1.2128141333674414.
    let limits = sii.analyticLimits(.sii, criticalValue: 3.182446305284263)
    expectClose(limits.lower, 1610.0 / 79 - 3.182446305284263 * 1.2128141333674414, relative: 1e-13)
    expectClose(limits.upper, 1610.0 / 79 + 3.182446305284263 * 1.2128141333674414, relative: 1e-13)
}

@Test func ratioMeasuresAreInvariantToTheWeightsScale() {
    let base = SlopeIndexOfInequality(orderedValues: handValues, populations: handPopulations, direction: .mostMinusLeast)
    let scaled = SlopeIndexOfInequality(orderedValues: handValues, populations: handPopulations.map { $0 * 37.5 }, direction: .mostMinusLeast)
    for measure in SlopeIndexMeasure.allCases {
        expectClose(scaled.value(measure), base.value(measure), relative: 1e-13)
        expectClose(scaled.standardError(measure), base.standardError(measure), relative: 1e-12)
    }
}

@Test func equalValuesGiveZeroSlopeAndUnitRatio() {
    let flat = SlopeIndexOfInequality(orderedValues: [5, 5, 5, 5, 5], populations: handPopulations, direction: .mostMinusLeast)
    #expect(abs(flat.value(.sii)) < 1e-14)
    #expect(abs(flat.value(.riiRatio) - 1) < 1e-14)
    #expect(flat.standardError(.sii) < 1e-14)
}

@Test func inverseVarianceWeightsUseKnownVariance() {
    // Equal inverse-variance weights 4 (SE 0.5 each) and equal populations: x = .1 .3 .5 .7 .9,
    // Sxx = 4 · (.16 + .04 + 0 + .04 + .16) = 1.6, so Var(b) = 1/1.6 = 0.625 exactly, whatever the residuals.
    let sii = SlopeIndexOfInequality(orderedValues: [9, 7, 6, 2, 1], populations: [1, 1, 1, 1, 1],
                                     inverseVarianceWeights: [4, 4, 4, 4, 4], direction: .leastMinusMost)
    #expect(sii.degreesOfFreedom == nil)
    expectClose(sii.standardError(.sii), 0.625.squareRoot(), relative: 1e-14)
    // b = Σ (x − .5) y / Σ (x − .5)² = (−.4·9 − .2·7 + 0 + .2·2 + .4·1) / .4 = −4.2 / .4 = −10.5
    expectClose(sii.value(.sii), -10.5, relative: 1e-14)
}

@Test func closedFormLineAgreesWithTheLinearModulesQRLeastSquares() throws {
    // The SII's closed-form weighted line against Linear's LeastSquares.weighted (Householder QR,
    // an independent algorithm), on the hand example and on the reference proportion deciles.
    for (values, populations) in [(handValues, handPopulations),
                                  (proportionGroupValues, [1.0, 1.3, 0.9, 1.1, 1.0, 0.8, 1.2, 1.0, 0.95, 1.05])] {
        let sii = SlopeIndexOfInequality(orderedValues: values, populations: populations, direction: .leastMinusMost)
        let design = try Matrix(columns: [Array(repeating: 1, count: values.count), sii.ranks])
        let fit = try LeastSquares.weighted(design: design, response: values, weights: populations, columnNames: ["intercept", "rank"])
        expectClose(sii.fit.intercept, fit.coefficients[0], relative: 1e-12)
        expectClose(sii.fit.slope, fit.coefficients[1], relative: 1e-12)
        expectClose(sii.standardError(.sii), fit.standardErrors[1], relative: 1e-10)
        let covariance = sii.fit.covariance(knownUnitVariance: false)
        expectClose(covariance.interceptSlope, fit.covariance[0, 1], relative: 1e-10)
    }
}
