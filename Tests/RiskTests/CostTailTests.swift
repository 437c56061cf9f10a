import Foundation
@testable import Risk
import Testing

/// Partial moments, tails and quantiles of the two tail families, against numerical integration
/// by scipy (Reference/risk_reference.py, which integrates yᵏ·density with quad rather than
/// using the closed forms).
@Suite struct CostTailTests {
    let lognormal = CostTail.lognormal(logMean: 6, logStandardDeviation: 1.3)
    let gamma = CostTail.gamma(shape: 2.5, scale: 400)

    func close(_ value: Double, _ expected: Double, relative: Double = 1e-9) -> Bool {
        abs(value - expected) <= relative * abs(expected)
    }

    @Test func lognormalPartialMomentsMatchNumericalIntegration() {
        // risk_reference.py: quad of y^k × lognorm(s=1.3, scale=e^6).pdf.
        #expect(close(lognormal.partialMoment(order: 1, above: 0, upTo: 1000), 257.0310973592575))
        #expect(close(lognormal.partialMoment(order: 2, above: 500, upTo: 5000), 1175910.4852804665))
        #expect(close(lognormal.partialMoment(order: 3, above: 0, upTo: 20000), 24364247525.496387, relative: 1e-8))
        #expect(close(lognormal.survival(20000), 0.00133805629734886))
        #expect(close(lognormal.quantile(upperTail: 0.001), 22410.88367113358))
    }

    @Test func gammaPartialMomentsMatchNumericalIntegration() {
        // risk_reference.py: quad of y^k × gamma(2.5, scale=400).pdf.
        #expect(close(gamma.partialMoment(order: 1, above: 0, upTo: 1000), 340.0367703057173))
        #expect(close(gamma.partialMoment(order: 2, above: 3000, upTo: 8000), 127299.7292764061, relative: 1e-8))
        #expect(close(gamma.partialMoment(order: 3, above: 4000, upTo: .infinity), 114258499.5738322, relative: 1e-8))
        #expect(close(gamma.survival(6000), 1.4748581038443073e-05))
    }

    @Test func fullMomentsByHand() {
        // Gamma(2.5, 400): E[Y] = 1000, E[Y²] = 2.5·3.5·400² = 1,400,000, Var = 2.5·400² = 400,000.
        #expect(gamma.mean == 1000)
        #expect(abs(gamma.moment(order: 2) - 1_400_000) < 1e-6)
        #expect(gamma.variance == 400_000)
        // Lognormal(6, 1.3): E[Y] = e^(6 + 0.845), Var = e^(12 + 1.69)(e^1.69 − 1).
        #expect(close(lognormal.mean, exp(6.845), relative: 1e-14))
        #expect(close(lognormal.variance, exp(13.69) * (exp(1.69) - 1), relative: 1e-13))
    }

    @Test func layersAddUpToTheWhole() {
        for tail in [lognormal, gamma] {
            for order in 0...3 {
                let parts = tail.partialMoment(order: order, above: 0, upTo: 700) + tail.partialMoment(order: order, above: 700, upTo: 9000)
                    + tail.partialMoment(order: order, above: 9000, upTo: .infinity)
                #expect(close(parts, tail.moment(order: order), relative: 1e-12), "\(tail) order \(order)")
            }
        }
    }

    @Test func emptyAndWholeLayers() {
        #expect(lognormal.partialMoment(order: 2, above: 500, upTo: 500) == 0)
        #expect(gamma.partialMoment(order: 0, above: 0, upTo: .infinity) == 1)
        #expect(lognormal.survival(0) == 1)
        #expect(gamma.survival(.infinity) == 0)
    }
}
