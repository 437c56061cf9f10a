import Indicators
import Statistics
import Testing

/// Indirectly standardised ratios and rates against indicator_reference.py (reference counts
/// 40, 120, 600, 2400, 5200 in populations 200000, 180000, 150000, 90000, 40000).
@Suite struct IndirectStandardisationTests {
    static let referenceRates: [Double] = [40.0 / 200_000, 120.0 / 180_000, 600.0 / 150_000, 2400.0 / 90000, 5200.0 / 40000]
    /// Σ reference events / Σ reference population = 8360 / 660000.
    static let referenceCrudeRate = 8360.0 / 660_000

    /// Script columns: observed expected | ratio×1 and its four limits | ratio×100 and limits |
    /// ref_rate per 1e5 | rate and limits.
    func check(populations: [Double], observed: Double, _ reference: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = IndirectStandardisation.expected(populations: populations, referenceRates: Self.referenceRates)
        expectClose(expected, reference[1], sourceLocation: sourceLocation)
        expectEstimate(IndirectStandardisation.ratio(observed: observed, expected: expected, confidence: levels),
                       Array(reference[2...6]), sourceLocation: sourceLocation)
        expectEstimate(IndirectStandardisation.ratio(observed: observed, expected: expected, confidence: levels, multiplier: 100),
                       Array(reference[7...11]), sourceLocation: sourceLocation)
        expectClose(Self.referenceCrudeRate * 100_000, reference[12], sourceLocation: sourceLocation)
        expectEstimate(IndirectStandardisation.rate(observed: observed, expected: expected, referenceRate: Self.referenceCrudeRate,
                                                    confidence: levels),
                       Array(reference[13...17]), sourceLocation: sourceLocation)
    }

    @Test func zeroObservedHasExactLimitsFromZero() {
        // Script I1. By hand: E = 900·0.0002 + 800·0.000666… + 700·0.004 + 300·0.02666… + 100·0.13
        // = 0.18 + 0.5333… + 2.8 + 8 + 13 = 24.51333…; upper 95% = −ln(0.025)/E = 3.68887945/24.51333
        // = 0.150484612.
        check(populations: [900, 800, 700, 300, 100], observed: 0,
              [0.0, 24.513333333333335, 0.0, 0.0, 0.15048461194372864, 0.0, 0.28179583678197456, 0.0, 0.0, 15.048461194372864, 0.0,
               28.179583678197456, 1266.6666666666667, 0.0, 0.0, 190.61384179538962, 0.0, 356.9413932571678])
        let estimate = IndirectStandardisation.ratio(observed: 0, expected: 24.5, confidence: levels)
        #expect(estimate.method == "Exact")
    }

    @Test func smallObservedCounts() {
        // Script I2 (3) and I3 (9).
        check(populations: [900, 800, 700, 300, 100], observed: 3,
              [3.0, 24.513333333333335, 0.12238237693772096, 0.025238188315023176, 0.35765323917904496, 0.007772642544264479,
               0.5328626915632881, 12.238237693772096, 2.5238188315023176, 35.765323917904496, 0.7772642544264479,
               53.286269156328814, 1266.6666666666667, 155.01767745444656, 31.968371865696025, 453.02743629345696,
               9.845347222735008, 674.9594093134983])
        check(populations: [1900, 1800, 1500, 700, 300], observed: 9,
              [9.0, 65.24666666666667, 0.13793808112802697, 0.06307407424203025, 0.26184944494869467, 0.03758696849438707,
               0.34725717751705726, 13.793808112802697, 6.307407424203025, 26.184944494869466, 3.758696849438707,
               34.72571775170572, 1266.6666666666667, 174.72156942883416, 79.89382737323832, 331.67596360167994,
               47.61016009289029, 439.8590915216059])
    }

    @Test func byarFromTen() {
        // Script I4 (10) and I5 (250).
        check(populations: [1900, 1800, 1500, 700, 300], observed: 10,
              [10.0, 65.24666666666667, 0.15326453458669664, 0.07337462829213592, 0.2818758343581762, 0.04469681784043659,
               0.3708039990990173, 15.326453458669665, 7.337462829213592, 28.187583435817622, 4.469681784043659,
               37.08039990990173, 1266.6666666666667, 194.1350771431491, 92.9411958367055, 357.04272352035656,
               56.615969264553016, 469.6850655254219])
        check(populations: [9000, 8500, 7000, 4200, 2100], observed: 250,
              [250.0, 420.4666666666667, 0.5945774536229586, 0.5231493996695495, 0.6730343714698602, 0.4850848553931908,
               0.7202300372298496, 59.45774536229585, 52.31493996695495, 67.30343714698603, 48.50848553931908,
               72.02300372298495, 1266.6666666666667, 753.1314412557475, 662.6559062480961, 852.510203861823,
               614.4408168313751, 912.2913804911428])
        #expect(IndirectStandardisation.ratio(observed: 10, expected: 5, confidence: levels).method == "Byars")
    }

    @Test func zeroExpectedIsSuppressed() {
        let estimate = IndirectStandardisation.ratio(observed: 2, expected: 0, confidence: levels, multiplier: 100)
        #expect(estimate.value == nil)
        #expect(estimate.suppression == "expected count is zero")
    }
}
