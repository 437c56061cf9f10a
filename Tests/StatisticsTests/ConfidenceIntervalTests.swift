import Foundation
import Testing
@testable import Statistics

// z for 95% = 1.9599639845400543 (z² = 3.841458820694126); for 99.8% z = 3.090232306167813.
// Reference values quoted as "mpmath" were evaluated from the same formula at 30 digits with the exact z.

@Suite("Confidence levels")
struct ConfidenceLevelTests {
    @Test("z is exact for 95% and 99.8%, from percent or fraction; α and tail probability")
    func deviates() {
        // The true deviates rounded to double (mpmath): 1.9599639845400543 and 3.0902323061678136,
        // within one ulp of methods.md's 16-digit 1.959963984540054 and 3.090232306167813.
        #expect(ConfidenceLevel(percent: 95).z == 1.9599639845400543)
        #expect(ConfidenceLevel(fraction: 0.95).z == 1.9599639845400543)
        #expect(ConfidenceLevel(percent: 99.8).z == 3.0902323061678136)
        #expect(ConfidenceLevel(fraction: 0.998).z == 3.0902323061678136)
        #expect(abs(ConfidenceLevel.ninetyFive.z - 1.959963984540054) <= 1.959963984540054.ulp)
        #expect(abs(ConfidenceLevel.ninetyNinePointEight.z - 3.090232306167813) <= 3.090232306167813.ulp)
        #expect(ConfidenceLevel.ninetyNinePointEight.alpha == 0.002)
        #expect(ConfidenceLevel.ninetyFive.tailProbability == 0.025)
        #expect(ConfidenceLevel(percent: 99.8).description == "99.8%")
        #expect(ConfidenceLevel(percent: 95).description == "95%")
    }
}

@Suite("Confidence intervals")
struct ConfidenceIntervalTests {
    @Test("Wilson: x = 0 gives lower 0 and upper z²/(n + z²); x = n gives upper 1")
    func wilsonBoundaries() {
        let none = ConfidenceInterval.wilson(successes: 0, trials: 10, confidence: .ninetyFive)
        #expect(none.lower == 0)
        // (0 + z² + z·√(z²)) / (2(10 + z²)) = z²/(10 + z²) = 3.841458820694126 / 13.841458820694126
        //   = 0.27753279986288925 (mpmath 0.2775327998628892527…)
        #expect(isClose(none.upper, 0.27753279986288925, relative: 1e-14))
        let all = ConfidenceInterval.wilson(successes: 10, trials: 10, confidence: .ninetyFive)
        #expect(all.upper == 1)
        // By symmetry lower(10/10) = 1 − upper(0/10) = 0.7224672001371107
        #expect(isClose(all.lower, 0.7224672001371107, relative: 1e-14))
    }

    @Test("Wilson 5/10 at 95%: (0.2366, 0.7634)")
    func wilsonHalf() {
        // p = 0.5: z² + 4·5·0.5 = 13.841458820694126, √ = 3.720410028031..., z·√ = 7.291869...
        // lower = (10 + 3.841459 − 7.291869)/(2·13.841459) = 6.549590/27.682918 = 0.2365930905125640
        // upper = (13.841459 + 7.291869)/27.682918 = 0.7634069094874360 (mpmath)
        let interval = ConfidenceInterval.wilson(successes: 5, trials: 10, confidence: .ninetyFive)
        #expect(isClose(interval.lower, 0.236593090512564, relative: 1e-13))
        #expect(isClose(interval.upper, 0.763406909487436, relative: 1e-13))
    }

    @Test("Wilson 1/10 at 99.8%")
    func wilsonStrict() {
        // z = 3.090232306167813, z² = 9.549535736...; p = 0.1: z² + 4·1·0.9 = 13.149535736
        // lower = 0.008789112824549930, upper = 0.5819940075382199 (mpmath)
        let interval = ConfidenceInterval.wilson(successes: 1, trials: 10, confidence: .ninetyNinePointEight)
        #expect(isClose(interval.lower, 0.00878911282454993, relative: 1e-13))
        #expect(isClose(interval.upper, 0.5819940075382199, relative: 1e-13))
    }

    @Test("Byar for O = 10 and O = 20 at 95%, O = 1000 at 99.8%")
    func byar() {
        // O = 10: 1 − 1/90 − z/(3√10) = 1 − 0.0111111 − 0.2065983 = 0.7822906; 10 · 0.7822906³ = 4.787449913967562
        // O + 1 = 11: 1 − 1/99 + z/(3√11) = 1 − 0.0101010 + 0.1969833 = 1.1868823; 11 · 1.1868823³ = 18.39145860575648
        let ten = ConfidenceInterval.byar(observed: 10, confidence: .ninetyFive)
        #expect(isClose(ten.lower, 4.787449913967562, relative: 1e-13))
        #expect(isClose(ten.upper, 18.39145860575648, relative: 1e-13))
        // O = 20: 20 · (1 − 1/180 − z/(3√20))³ = 12.21142883487593; 21 · (1 − 1/189 + z/(3√21))³ = 30.88988036919706
        let twenty = ConfidenceInterval.byar(observed: 20, confidence: .ninetyFive)
        #expect(isClose(twenty.lower, 12.21142883487593, relative: 1e-13))
        #expect(isClose(twenty.upper, 30.88988036919706, relative: 1e-13))
        // O = 1000, z = 3.090232: 905.1149545959668 and 1101.632945122775 (mpmath)
        let thousand = ConfidenceInterval.byar(observed: 1000, confidence: .ninetyNinePointEight)
        #expect(isClose(thousand.lower, 905.1149545959668, relative: 1e-13))
        #expect(isClose(thousand.upper, 1101.632945122775, relative: 1e-13))
        #expect(ConfidenceInterval.byar(observed: 0, confidence: .ninetyFive).lower == 0)
    }

    @Test("Exact Poisson: closed forms for O = 0 and O = 1, tabulated O = 5")
    func exactPoisson() {
        // O = 0: lower 0; upper solves e^(−x) = 0.025, x = log 40 = 3.6888794541139363 (99.8%: log 1000 = 6.907755278982137).
        let zero = ConfidenceInterval.exactPoisson(observed: 0, confidence: .ninetyFive)
        #expect(zero.lower == 0)
        #expect(isClose(zero.upper, 3.6888794541139363, relative: 1e-14))
        #expect(isClose(ConfidenceInterval.exactPoisson(observed: 0, confidence: .ninetyNinePointEight).upper,
                        6.907755278982137, relative: 1e-14))
        // O = 1: lower solves 1 − e^(−x) = 0.025, x = −log 0.975 = 0.025317807984289875;
        // upper solves e^(−x)(1 + x) = 0.025, x = 5.571643390938899 (mpmath).
        let one = ConfidenceInterval.exactPoisson(observed: 1, confidence: .ninetyFive)
        #expect(isClose(one.lower, 0.025317807984289875, relative: 1e-13))
        #expect(isClose(one.upper, 5.571643390938899, relative: 1e-13))
        // O = 5: (1.623486390118421, 11.66833207932267) (mpmath; tables give 1.6235, 11.6683).
        let five = ConfidenceInterval.exactPoisson(observed: 5, confidence: .ninetyFive)
        #expect(isClose(five.lower, 1.623486390118421, relative: 1e-13))
        #expect(isClose(five.upper, 11.66833207932267, relative: 1e-13))
    }

    @Test("poissonCount switches from exact to Byar at 10")
    func switchOver() {
        let nine = ConfidenceInterval.poissonCount(observed: 9, confidence: .ninetyFive)
        #expect(nine == ConfidenceInterval.exactPoisson(observed: 9, confidence: .ninetyFive))
        let ten = ConfidenceInterval.poissonCount(observed: 10, confidence: .ninetyFive)
        #expect(ten == ConfidenceInterval.byar(observed: 10, confidence: .ninetyFive))
    }

    @Test("Dobson: Byar branch (O = 20) and exact branch (O = 5)")
    func dobson() {
        // O = 20, DSR = 150, Var = 1200: √(Var/O) = √60 = 7.745966692414834;
        // Byar limits for 20 (above): 12.21142883487593, 30.88988036919706.
        // lower = 150 + 7.745967·(12.211429 − 20) = 89.66998717344638; upper = 150 + 7.745967·10.889880 = 234.3526506241826
        let byarCase = ConfidenceInterval.dobson(observedTotal: 20, weightedSum: 150, variance: 1200, confidence: .ninetyFive)
        #expect(isClose(byarCase.lower, 89.66998717344638, relative: 1e-13))
        #expect(isClose(byarCase.upper, 234.3526506241826, relative: 1e-13))
        // O = 5, DSR = 40, Var = 320: √(320/5) = 8; exact limits 1.623486390118421, 11.66833207932267;
        // lower = 40 + 8·(1.623486 − 5) = 12.98789112094736; upper = 40 + 8·6.668332 = 93.34665663458136
        let exactCase = ConfidenceInterval.dobson(observedTotal: 5, weightedSum: 40, variance: 320, confidence: .ninetyFive)
        #expect(isClose(exactCase.lower, 12.98789112094736, relative: 1e-13))
        #expect(isClose(exactCase.upper, 93.34665663458136, relative: 1e-13))
    }

    @Test("Newcombe method 10 reproduces Newcombe (1998) example: 56/70 − 48/80 gives 0.0524 to 0.3339")
    func newcombe() {
        // Wilson limits: 56/70 → (0.6918336, 0.8769526); 48/80 → (0.4904547, 0.7003817).
        // D = 0.8 − 0.6 = 0.2; lower = 0.2 − √(0.1081664² + 0.1003817²) = 0.05243147240236488;
        // upper = 0.2 + √(0.0769526² + 0.1095453²) = 0.3338726540369060 (mpmath); the paper's Table II prints 0.0524, 0.3339.
        let interval = ConfidenceInterval.newcombeDifference(
            successes1: 56, trials1: 70, successes2: 48, trials2: 80, confidence: .ninetyFive)
        #expect(isClose(interval.lower, 0.05243147240236488, relative: 1e-12))
        #expect(isClose(interval.upper, 0.333872654036906, relative: 1e-12))
        #expect((interval.lower * 10_000).rounded() == 524)
        #expect((interval.upper * 10_000).rounded() == 3339)
    }

    @Test("Clopper–Pearson closed forms for x = 0 and x = n")
    func clopperPearson() {
        // 0/10: upper = 1 − 0.025^(1/10) = 0.3084971078187608; 10/10: lower = 0.025^(1/10) = 0.6915028921812392.
        let none = ConfidenceInterval.exactBinomial(successes: 0, trials: 10, confidence: .ninetyFive)
        #expect(none.lower == 0)
        #expect(isClose(none.upper, 0.3084971078187608, relative: 1e-13))
        let all = ConfidenceInterval.exactBinomial(successes: 10, trials: 10, confidence: .ninetyFive)
        #expect(all.upper == 1)
        #expect(isClose(all.lower, 0.6915028921812392, relative: 1e-13))
    }

    @Test("t interval for a mean with n = 2 uses the Cauchy quantile 12.7062")
    func studentMean() {
        // n = 2, s = 1: half width = cot(0.025π)/√2 = 12.706204736174705/1.4142135623730951 = 8.984643532093761
        let interval = ConfidenceInterval.studentTMean(mean: 5, sd: 1, n: 2, confidence: .ninetyFive)
        #expect(isClose(interval.upper - 5, 8.984643532093761, relative: 1e-13))
        #expect(isClose(5 - interval.lower, 8.984643532093761, relative: 1e-13))
    }

    @Test("Rate ratio on the log scale: R·exp(∓z√(1/O₁ + 1/O₂))")
    func rateRatio() {
        // R = (40/1000)/(20/1000) = 2; √(1/40 + 1/20) = √0.075 = 0.27386127875258304;
        // z·√ = 0.5367582434169236; limits 2·e^(∓0.536758) = 1.169295..., 3.420825... (computed here from exp)
        let interval = ConfidenceInterval.rateRatio(
            observed1: 40, denominator1: 1000, observed2: 20, denominator2: 1000, confidence: .ninetyFive)
        let halfWidth = 1.959963984540054 * 0.075.squareRoot()
        #expect(isClose(interval.lower, 2 * exp(-halfWidth), relative: 1e-14))
        #expect(isClose(interval.upper, 2 * exp(halfWidth), relative: 1e-14))
    }

    @Test("Interval scaling and containment")
    func intervalHelpers() {
        let interval = Interval(lower: 0.1, upper: 0.3)
        #expect(interval.scaled(by: 100) == Interval(lower: 10, upper: 30))
        #expect(interval.scaled(by: -1) == Interval(lower: -0.3, upper: -0.1))
        #expect(interval.contains(0.2) && !interval.contains(0.31))
    }
}
