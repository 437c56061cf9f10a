import Testing
@testable import Statistics

@Suite("Normal distribution")
struct NormalTests {
    // Published deviates, quoted in methods.md to 16 digits: z(0.975) = 1.959963984540054,
    // z(0.999) = 3.090232306167813. The true values (mpmath) are 1.95996398454005423552… and
    // 3.09023230616781354154…, whose nearest doubles are 1.9599639845400543 and 3.0902323061678136,
    // one ulp above the doubles nearest the 16-digit strings. Φ⁻¹ of the double 0.025 is
    // −1.95996398454005421… (nearest double −1.9599639845400543) and of the double 0.975 is
    // 1.95996398454005385… (nearest 1.9599639845400538), both from mpmath.
    @Test("Quantiles are the correctly rounded values at 95% and 99.8%, within one ulp of the published digits")
    func publishedDeviates() {
        #expect(Normal.quantile(0.025) == -1.9599639845400543)
        #expect(Normal.quantile(0.975) == 1.9599639845400538)
        #expect(Normal.quantile(upperTail: 0.001) == 3.0902323061678136)
        #expect(Normal.quantile(0.999) == 3.090232306167813)
        for (computed, published) in [(Normal.quantile(upperTail: 0.025), 1.959963984540054),
                                      (Normal.quantile(0.975), 1.959963984540054),
                                      (Normal.quantile(upperTail: 0.001), 3.090232306167813),
                                      (Normal.quantile(0.999), 3.090232306167813)] {
            #expect(abs(computed - published) <= published.ulp)
        }
    }

    @Test("Quantile edge cases: 0, 1, ½, outside [0, 1], NaN")
    func quantileEdges() {
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(0.5) == 0)
        #expect(Normal.quantile(-0.1).isNaN)
        #expect(Normal.quantile(1.1).isNaN)
        #expect(Normal.quantile(.nan).isNaN)
    }

    @Test("cdf(0) = ½, density(0) = 1/√(2π), cdf(±∞), symmetry cdf(x) + cdf(−x) = 1")
    func cdfBasics() {
        #expect(Normal.cdf(0) == 0.5)
        // 1/√(2π) = 0.398942280401432677939… (mpmath).
        #expect(isClose(Normal.density(0), 0.3989422804014327, relative: 2e-16))
        #expect(Normal.cdf(-.infinity) == 0)
        #expect(Normal.cdf(.infinity) == 1)
        #expect(Normal.complementaryCDF(.infinity) == 0)
        for x in stride(from: -8.0, through: 8.0, by: 0.37) {
            #expect(abs(Normal.cdf(x) + Normal.cdf(-x) - 1) <= 2e-16)
        }
        #expect(Normal.cdf(.nan).isNaN)
    }

    @Test("Far tail: cdf(−38) is positive and quantile inverts cdf in the tail")
    func farTail() {
        #expect(Normal.cdf(-38) > 0)
        #expect(Normal.cdf(-40) == 0)
        for x in [-30.0, -20, -10, -5, -2] {
            #expect(isClose(Normal.quantile(Normal.cdf(x)), x, relative: 1e-14))
        }
    }
}
