import Foundation
import Testing
@testable import Inequality

// Values (1, 3) with weights (1, 3): W = 4, shares s = ¼, ¾, μ = (1 + 9)/4 = 2.5, y/μ = .4, 1.2.

@Test func giniByHand() {
    // Equal weights 1 2 3 4: mean |difference| over all 16 ordered pairs = 2·(1+2+3+1+2+1)/16 = 1.25,
    // G = 1.25 / (2 · 2.5) = 0.25.
    expectClose(GiniCoefficient.value(values: [3, 1, 4, 2], weights: [1, 1, 1, 1]), 0.25, relative: 1e-15)
    // Weighted: Σ wᵢ wⱼ |yᵢ − yⱼ| = 2 · 1 · 3 · 2 = 12; G = 12 / (2 · 4² · 2.5) = 0.15.
    expectClose(GiniCoefficient.value(values: [1, 3], weights: [1, 3]), 0.15, relative: 1e-15)
    // A weight of 3 is the same as three units of weight 1.
    expectClose(GiniCoefficient.value(values: [1, 3, 3, 3], weights: [1, 1, 1, 1]), 0.15, relative: 1e-15)
}

@Test func giniOfEqualValuesIsZeroAndTiesDoNotMatter() {
    #expect(GiniCoefficient.value(values: [7, 7, 7], weights: [1, 5, 2]) == 0)
    let one = GiniCoefficient.value(values: [2, 2, 5], weights: [1, 3, 2])
    let other = GiniCoefficient.value(values: [2, 5, 2], weights: [3, 2, 1])
    expectClose(one, other, relative: 1e-15)
}

@Test func theilByHand() {
    // T = ¼ · .4 ln .4 + ¾ · 1.2 ln 1.2 = .1 ln .4 + .9 ln 1.2 = 0.07246032792714363
    // L = ¼ ln 2.5 + ¾ ln(2.5/3) = 0.09233151537307283
    expectClose(TheilIndex.theilT(values: [1, 3], weights: [1, 3]).total, 0.07246032792714363, relative: 1e-14)
    expectClose(TheilIndex.theilL(values: [1, 3], weights: [1, 3]).total, 0.09233151537307283, relative: 1e-14)
    // A zero contributes nothing to T (limit of v ln v): values (0, 2) equal weights, μ = 1: T = ½ · 2 ln 2 = ln 2.
    expectClose(TheilIndex.theilT(values: [0, 2], weights: [1, 1]).total, 0.6931471805599453, relative: 1e-15)
}

@Test func theilDecompositionByHand() {
    // Subgroup A: y (1, 3), w (1, 3) → s_A = ½, μ_A = 2.5, T_A = 0.07246032792714363, L_A = 0.09233151537307283.
    // Subgroup B: y (2, 6), w (2, 2) → s_B = ½, μ_B = 4, T_B = ½·½ ln ½ + ½·1.5 ln 1.5 = 0.13081203594113697,
    //   L_B = ½ ln 2 + ½ ln(4/6) = 0.14384103622589042. Overall μ = (1 + 9 + 4 + 12)/8 = 3.25.
    // T within = ½(2.5/3.25) T_A + ½(4/3.25) T_B; between = ½(2.5/3.25) ln(2.5/3.25) + ½(4/3.25) ln(4/3.25).
    // L within = ½ L_A + ½ L_B; between = ½ ln(3.25/2.5) + ½ ln(3.25/4).
    let values: [Double] = [1, 3, 2, 6], weights: [Double] = [1, 3, 2, 2]
    let labels = ["A", "A", "B", "B"]
    let t = TheilIndex.theilT(values: values, weights: weights, subgroups: labels)
    let ratioA: Double = 2.5 / 3.25, ratioB: Double = 4 / 3.25
    let tWithin: Double = 0.5 * ratioA * 0.07246032792714363 + 0.5 * ratioB * 0.13081203594113697
    let tBetween: Double = 0.5 * ratioA * log(ratioA) + 0.5 * ratioB * log(ratioB)
    expectClose(t.within, tWithin, relative: 1e-14)
    expectClose(t.between, tBetween, relative: 1e-13)
    expectClose(t.total, 0.13523780946563962, relative: 1e-14)
    expectClose(t.within + t.between, t.total, relative: 1e-14)
    let l = TheilIndex.theilL(values: values, weights: weights, subgroups: labels)
    expectClose(l.within, 0.5 * 0.09233151537307283 + 0.5 * 0.14384103622589042, relative: 1e-14)
    expectClose(l.between, -0.5 * log(ratioA) - 0.5 * log(ratioB), relative: 1e-13)
    expectClose(l.total, 0.1454487256441049, relative: 1e-14)
}

@Test func atkinsonByHand() {
    // ε = 2: 1 − 1/(μ Σ s/y) = 1 − 1/(2.5 · (¼ + ¼)) = 0.2
    // ε = 1: 1 − exp(¼ ln 1 + ¾ ln 3)/2.5 = 1 − 3^¾/2.5 = 0.08819717721808895
    // ε = ½: 1 − (¼ √.4 + ¾ √1.2)² = 0.04019237886466842
    expectClose(AtkinsonIndex.value(values: [1, 3], weights: [1, 3], aversion: 2), 0.2, relative: 1e-14)
    expectClose(AtkinsonIndex.value(values: [1, 3], weights: [1, 3], aversion: 1), 0.08819717721808895, relative: 1e-14)
    expectClose(AtkinsonIndex.value(values: [1, 3], weights: [1, 3], aversion: 0.5), 0.04019237886466842, relative: 1e-13)
    #expect(AtkinsonIndex.isDefined(values: [0, 1], aversion: 0.5))
    #expect(!AtkinsonIndex.isDefined(values: [0, 1], aversion: 1))
}
