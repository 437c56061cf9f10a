import Foundation
import Testing
@testable import Statistics

@Suite("Special functions")
struct SpecialFunctionsTests {
    @Test("log1pmx against mpmath values, small and large arguments, and at 0")
    func log1pmx() {
        // mpmath: log1p(1e-5) − 1e-5 = −4.99996666691666466668e-11 (≈ −t²/2 + t³/3).
        #expect(isClose(SpecialFunctions.log1pmx(1e-5), -4.999966666916665e-11, relative: 1e-15))
        // mpmath: log(1.25) − 0.25 = −0.026856448685790244233…
        #expect(isClose(SpecialFunctions.log1pmx(0.25), -0.026856448685790244, relative: 1e-15))
        // mpmath: log(0.1) + 0.9 = −1.40258509299404568401…
        #expect(isClose(SpecialFunctions.log1pmx(-0.9), -1.4025850929940457, relative: 1e-15))
        #expect(SpecialFunctions.log1pmx(0) == 0)
    }

    @Test("Stirling correction at the switch-over a = 10 agrees with the series")
    func stirlingCorrection() {
        // mpmath: log Γ(10) − (9.5 log 10 − 10 + ½ log 2π) = 0.00833056343336287125646…
        #expect(isClose(SpecialFunctions.stirlingCorrection(10), 0.008330563433362871, relative: 1e-14))
        // Both branches meet: below 10 (lgamma) and above (series) differ smoothly.
        let below = SpecialFunctions.stirlingCorrection(10.0.nextDown)
        #expect(isClose(below, 0.008330563433362871, relative: 1e-12))
    }

    @Test("Incomplete gamma edge cases: x = 0, x = ∞, invalid a")
    func incompleteGammaEdges() {
        #expect(SpecialFunctions.regularizedGammaP(3, 0) == 0)
        #expect(SpecialFunctions.regularizedGammaQ(3, 0) == 1)
        #expect(SpecialFunctions.regularizedGammaP(3, .infinity) == 1)
        #expect(SpecialFunctions.regularizedGammaQ(3, .infinity) == 0)
        #expect(SpecialFunctions.regularizedGammaP(0, 1).isNaN)
        #expect(SpecialFunctions.regularizedGammaP(2, -1).isNaN)
        #expect(SpecialFunctions.inverseRegularizedGammaP(2, 0) == 0)
        #expect(SpecialFunctions.inverseRegularizedGammaQ(2, 0) == .infinity)
    }

    @Test("Incomplete gamma with a = 1 is the exponential distribution: P(1, x) = 1 − e^(−x)")
    func exponentialCase() {
        for x in [1e-8, 0.01, 0.5, 1, 2, 10, 50] {
            #expect(isClose(SpecialFunctions.regularizedGammaQ(1, x), exp(-x), relative: 1e-14))
            #expect(isClose(SpecialFunctions.regularizedGammaP(1, x), -expm1(-x), relative: 1e-14))
        }
    }

    @Test("Temme branch and series/fraction branches agree across the switch-over at a = 20 and |x − a| = 0.3a")
    func branchContinuity() {
        let justBelow = SpecialFunctions.regularizedGammaP(20.0.nextDown, 20)
        let atTwenty = SpecialFunctions.regularizedGammaP(20, 20)
        #expect(isClose(justBelow, atTwenty, relative: 1e-13))
        let inside = SpecialFunctions.regularizedGammaQ(1000, 1300)
        let outside = SpecialFunctions.regularizedGammaQ(1000, 1300.0.nextUp)
        #expect(isClose(inside, outside, relative: 1e-12))
    }

    @Test("Incomplete beta edge cases and the closed form I_x(1, b) = 1 − (1 − x)^b")
    func incompleteBeta() {
        #expect(SpecialFunctions.regularizedBeta(0, 2, 3) == 0)
        #expect(SpecialFunctions.regularizedBeta(1, 2, 3) == 1)
        #expect(SpecialFunctions.regularizedBeta(0.5, -1, 3).isNaN)
        for x in [1e-9, 0.001, 0.3, 0.9] {
            let complement = exp(7 * log1p(-x))
            #expect(isClose(SpecialFunctions.regularizedBetaComplement(x, 1, 7), complement, relative: 1e-14))
        }
        // Symmetry I_x(a, b) = 1 − I_(1−x)(b, a).
        #expect(isClose(SpecialFunctions.regularizedBeta(0.25, 3.5, 2),
                        SpecialFunctions.regularizedBetaComplement(0.75, 2, 3.5), relative: 1e-14))
    }

    @Test("Inverse incomplete beta inverts the function in both tails")
    func inverseBetaRoundTrip() {
        for (a, b) in [(0.5, 0.5), (2.0, 9.0), (40.0, 3.0), (1000.0, 2000.0)] {
            for p in [1e-8, 0.01, 0.5, 0.9] {
                let x = SpecialFunctions.inverseRegularizedBeta(p, a, b)
                #expect(isClose(SpecialFunctions.regularizedBeta(x, a, b), p, relative: 1e-12))
                // Upper tail: check through the (x, 1 − x) pair, since near x = 1 the double x alone
                // cannot carry 1 − x to relative accuracy.
                let solution = SpecialFunctions.inverseIncompleteBeta(a, b, lower: 1 - p, upper: p)
                let upperTail = SpecialFunctions.incompleteBeta(a, b, x: solution.x, y: solution.y).upper
                #expect(isClose(upperTail, p, relative: 1e-12))
            }
        }
    }
}
