import Testing
import Premium

// Hand calculations of the QOF-style linear score between thresholds L = 40 and U = 90.
private let higher = QualityMeasure(id: "h", weight: 1, polarity: .higherIsBetter, lowerThreshold: 40, upperThreshold: 90)
private let lower = QualityMeasure(id: "l", weight: 1, polarity: .lowerIsBetter, lowerThreshold: 40, upperThreshold: 90)
private let improving = QualityMeasure(id: "i", weight: 1, polarity: .lowerIsBetter, scoring: .improvement, lowerThreshold: 0, upperThreshold: 5)

@Test func scoreIsZeroAtAndBelowTheLowerThreshold() {
    #expect(ThresholdScore.score(40, measure: higher) == 0)  // (40 − 40)/50
    #expect(ThresholdScore.score(12, measure: higher) == 0)  // (12 − 40)/50 < 0 → 0
}

@Test func scoreIsOneAtAndAboveTheUpperThreshold() {
    #expect(ThresholdScore.score(90, measure: higher) == 1)  // (90 − 40)/50
    #expect(ThresholdScore.score(100, measure: higher) == 1)  // 1.2 → 1
}

@Test func scoreIsLinearBetweenThresholds() {
    #expect(ThresholdScore.score(65, measure: higher) == 0.5)  // (65 − 40)/50
    #expect(ThresholdScore.score(52.5, measure: higher) == 0.25)  // (52.5 − 40)/50
}

@Test func lowerIsBetterRunsTheOtherWay() {
    #expect(ThresholdScore.score(40, measure: lower) == 1)  // (90 − 40)/50
    #expect(ThresholdScore.score(77.5, measure: lower) == 0.25)  // (90 − 77.5)/50
    #expect(ThresholdScore.score(95, measure: lower) == 0)  // −0.1 → 0
    #expect(ThresholdScore.score(10, measure: lower) == 1)  // 1.6 → 1
}

@Test func improvementCountsAFallAsImprovementWhenLowerIsBetter() {
    // Baseline 30%, now 27%: 3 percentage points better; score (3 − 0)/5 = 0.6.
    let change = ThresholdScore.improvement(current: 27, baseline: 30, polarity: .lowerIsBetter)
    #expect(change == 3)
    #expect(ThresholdScore.score(change, measure: improving) == 0.6)
    // A rise is a worsening: −2 points scores 0.
    #expect(ThresholdScore.score(ThresholdScore.improvement(current: 32, baseline: 30, polarity: .lowerIsBetter), measure: improving) == 0)
    #expect(ThresholdScore.improvement(current: 70, baseline: 64, polarity: .higherIsBetter) == 6)
}
