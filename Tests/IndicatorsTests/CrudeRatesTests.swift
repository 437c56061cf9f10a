import Indicators
import Statistics
import Testing

/// Crude rates against indicator_reference.py (scipy.stats.chi2 for the exact limits) and hand
/// calculations of the exact/Byar switch.
@Suite struct CrudeRatesTests {
    @Test func zeroCountIsExactWithLowerLimitZero() {
        // O = 0: lower 0; upper = χ²(0.975; 2)/2 = −ln(0.025) = 3.68887945411394 per 1000, i.e.
        // 368.887945411394 per 100,000 (script R1 prints 368.8879454113935).
        let estimate = CrudeRates.rate(count: 0, denominator: 1000, confidence: levels)
        expectEstimate(estimate, [0.0, 0.0, 368.8879454113935, 0.0, 690.7755278982137])
        #expect(estimate.method == "Exact")
    }

    @Test func smallCountsUseExactLimits() {
        // Script R2 (1/2500), R3 (9/40000: the last count below the switch).
        expectEstimate(CrudeRates.rate(count: 1, denominator: 2500, confidence: levels),
                       [40.0, 1.012712319371596, 222.8657356375559, 0.04002001334334138, 369.3365390580634])
        let nine = CrudeRates.rate(count: 9, denominator: 40000, confidence: levels)
        expectEstimate(nine, [22.5, 10.288432743445835, 42.71200862854791, 6.131061010909437, 56.643433272657326])
        #expect(nine.method == "Exact")
    }

    @Test func countOfTenSwitchesToByar() {
        // Script R4: Byar for O = 10, z = 1.959963984540054: lower = 10(1 − 1/90 − z/(3√10))³
        // = 4.787449913967563 → /40000 × 1e5 = 11.968624784918907.
        let ten = CrudeRates.rate(count: 10, denominator: 40000, confidence: levels)
        expectEstimate(ten, [25.0, 11.968624784918907, 45.97864651439119, 7.290795936739215, 60.484312319701374])
        #expect(ten.method == "Byars")
        // Script R5, R6, R7.
        expectEstimate(CrudeRates.rate(count: 11, denominator: 5000, confidence: levels),
                       [220.0, 109.6738039689995, 393.6647423229278, 68.96740476801763, 512.9304103311486])
        expectEstimate(CrudeRates.rate(count: 250, denominator: 123_456, confidence: levels),
                       [202.50129600829447, 178.17431655628184, 229.22216718833207, 165.2102872259404, 245.296075514551])
        expectEstimate(CrudeRates.rate(count: 12345, denominator: 6_789_012, confidence: levels),
                       [181.8379463757024, 178.64426764098653, 185.07438698490654, 176.82243691036192, 186.9523442385131])
    }

    @Test func decimalDenominatorAndMultiplier() {
        // Script R8: 4 per 37.5 person-years, per 1000.
        expectEstimate(CrudeRates.rate(count: 4, denominator: 37.5, confidence: levels, multiplier: 1000),
                       [106.66666666666667, 29.063076630035336, 273.1090313440985, 11.428064363424612, 394.5106459343256])
        #expect(IndicatorStatistic.rate.label(multiplier: 1000) == "rate per 1000")
    }
}
