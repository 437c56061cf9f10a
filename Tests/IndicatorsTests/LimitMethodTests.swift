import Indicators
import Statistics
import Testing

/// `--method`: each limit method against values computed independently with scipy 1.17
/// (chi2.ppf, beta.ppf/isf, norm.ppf and Byar's formula written out), for 514 smokers of 3,336
/// (practice A81001 in Fingertips 91547, 2022/23).
@Suite struct LimitMethodTests {
    // scipy: chi2.ppf(a/2, 2x)/2/n*100, chi2.ppf(1-a/2, 2x+2)/2/n*100 at 95% and 99.8%.
    @Test func exactPoissonLimitsOfAProportion() {
        let estimate = Proportions.estimate(numerator: 514, denominator: 3336, confidence: levels, method: .exactPoisson)
        expectEstimate(estimate, [15.407673860911272, 14.104290928319468, 16.799103930275997, 13.392655306719847, 17.625517427352815])
        #expect(estimate.method == "Exact")
    }

    // scipy: beta.ppf(a/2, x, n-x+1)*100, beta.isf(a/2, x+1, n-x)*100.
    @Test func clopperPearsonLimitsOfAProportion() {
        let estimate = Proportions.estimate(numerator: 514, denominator: 3336, confidence: levels, method: .exactBinomial)
        expectEstimate(estimate, [15.407673860911272, 14.19831451143214, 16.67799923529452, 13.532142134664602, 17.423524103984477])
        #expect(estimate.method == "Exact binomial")
    }

    // Byar: x(1-1/(9x)-z/(3√x))³/n·100 and (x+1)(1-1/(9(x+1))+z/(3√(x+1)))³/n·100, z = norm.ppf(1-a/2).
    @Test func byarLimitsOfAProportion() {
        let estimate = Proportions.estimate(numerator: 514, denominator: 3336, confidence: levels, method: .byar)
        expectEstimate(estimate, [15.407673860911272, 14.10426860079034, 16.799121915786642, 13.392412907447177, 17.625769382074203])
        #expect(estimate.method == "Byars")
    }

    @Test func wilsonIsTheProportionDefault() {
        let standard = Proportions.wilson(numerator: 514, denominator: 3336, confidence: levels)
        #expect(Proportions.estimate(numerator: 514, denominator: 3336, confidence: levels, method: .wilson) == standard)
        #expect(LimitMethod.standard(for: .proportion) == .wilson)
        #expect(LimitMethod.standard(for: .rate) == .byar)
        #expect(LimitMethod.standard(for: .dsr) == nil)
    }

    // A count of 25 in 40,000: exact limits at 95%, scipy chi2.ppf(0.025, 50)/2/40000*1e5 and
    // chi2.ppf(0.975, 52)/2/40000*1e5; Byar's (the default from 10) differ.
    @Test func exactPoissonRateAtEveryCount() {
        let exact = CrudeRates.rate(count: 25, denominator: 40_000, confidence: [.ninetyFive], method: .exactPoisson)
        expectClose(exact.limits[0].lower, 40.44670461957332)
        expectClose(exact.limits[0].upper, 92.26232924382592)
        #expect(exact.method == "Exact")
        let byar = CrudeRates.rate(count: 25, denominator: 40_000, confidence: [.ninetyFive])
        #expect(byar.method == "Byars")
        #expect(abs(byar.limits[0].lower! - 40.44670461957332) > 1e-3)
    }

    @Test func methodsAreCheckedAgainstTheStatistic() {
        var request = IndicatorRequest(statistic: .rate)
        request.method = .wilson
        #expect(request.problem == "rate takes the limit methods byar, exact-poisson, not wilson")
        request = IndicatorRequest(statistic: .dsr)
        request.method = .byar
        #expect(request.problem?.contains("dsr has a limit method of its own") == true)
        request = IndicatorRequest(statistic: .isratio)
        request.method = .exactPoisson
        #expect(request.problem == nil)
    }

    // isratio with exact limits: O = 12, E = 8 → 1.5; scipy chi2.ppf(0.025, 24)/2/8 and chi2.ppf(0.975, 26)/2/8.
    @Test func exactPoissonIndirectRatio() {
        let ratio = IndirectStandardisation.ratio(observed: 12, expected: 8, confidence: [.ninetyFive], method: .exactPoisson)
        expectClose(ratio.value, 1.5)
        expectClose(ratio.limits[0].lower, 0.7750718885902772)
        expectClose(ratio.limits[0].upper, 2.62019813102212)
    }
}
