import Indicators
import Statistics
import Testing

/// Wilson proportions against Tests/IndicatorsTests/Reference/indicator_reference.py (numpy and
/// scipy.stats.norm, printed to 17 digits) and hand calculations.
@Suite struct ProportionsTests {
    @Test func zeroNumeratorHasLowerLimitZero() {
        // Hand calculation: x = 0 gives lower 0 and upper = (z² + z·√z²)/(2(n + z²)) = z²/(n + z²);
        // z = 1.959963984540054, z² = 3.841458820694124, n = 10: 3.841458820694124/13.841458820694124
        // = 0.2775327998628892 → 27.75327998628892 %. Script line P1.
        let estimate = Proportions.wilson(numerator: 0, denominator: 10, confidence: levels)
        expectEstimate(estimate, [0.0, 0.0, 27.75327998628892, 0.0, 48.84789004534622])
        #expect(estimate.method == "Wilson")
    }

    @Test func numeratorEqualToDenominatorHasUpperLimitOne() {
        // x = n: upper = 1 exactly, lower = n/(n + z²) = 10/13.841458820694124 = 0.7224672001371107. Script P2.
        expectEstimate(Proportions.wilson(numerator: 10, denominator: 10, confidence: levels),
                       [100.0, 72.24672001371107, 100.0, 51.15210995465378, 100.0])
    }

    @Test func smallCounts() {
        // Script P3 (1/2) and P4 (3/50).
        expectEstimate(Proportions.wilson(numerator: 1, denominator: 2, confidence: levels),
                       [50.0, 9.453120573423071, 90.54687942657694, 4.53482470719585, 95.46517529280416])
        expectEstimate(Proportions.wilson(numerator: 3, denominator: 50, confidence: levels),
                       [6.0, 2.061497034897395, 16.21709168883817, 1.2140356168797959, 24.89789879488555])
    }

    @Test func publishedPracticeAndEngland() {
        // Script P5: The Densham Surgery A81001, 514/3336; Fingertips publishes 15.40767386,
        // 14.22242703-16.67249633 (95%), 13.57506973-17.43775864 (99.8%).
        expectEstimate(Proportions.wilson(numerator: 514, denominator: 3336, confidence: levels),
                       [15.407673860911272, 14.22242702644467, 16.672496326744664, 13.575069731075956, 17.437758643832765])
        // Script P6: England 7664426/52100343; published 14.71089355, 14.70127795-14.72051436.
        expectEstimate(Proportions.wilson(numerator: 7_664_426, denominator: 52_100_343, confidence: levels),
                       [14.71089355400213, 14.701277949183956, 14.720514362687743, 14.695735206170326, 14.726064838198683])
    }

    @Test func multiplierOneGivesAProportion() {
        // Script P7: 37/120 as a proportion of 1.
        expectEstimate(Proportions.wilson(numerator: 37, denominator: 120, confidence: levels, multiplier: 1),
                       [0.30833333333333335, 0.23272736988916295, 0.3958299772380067, 0.19628718639908788, 0.44863628052585003])
        #expect(IndicatorStatistic.proportion.label(multiplier: 1) == "proportion of 1")
        #expect(IndicatorStatistic.proportion.label(multiplier: 100) == "percentage")
    }
}
