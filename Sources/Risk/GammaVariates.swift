import Foundation
import Population

/// Uniform, exponential and gamma variates from the engine's seeded generator (xoshiro256**,
/// `Population.SyntheticRandom`). They use the platform's `log`, `exp` and `pow`, so a seed
/// gives the same numbers on the same platform (and any thread count), not necessarily the same
/// last bits on another C library.
extension SyntheticRandom {
    /// A double uniform on the open interval (0, 1): (top 53 bits + ½) × 2⁻⁵³, never 0 or 1, so
    /// that its logarithm is finite.
    @inline(__always)
    mutating func openUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// A standard exponential variate, −ln U with U uniform on (0, 1) (inversion).
    @inline(__always)
    mutating func standardExponential() -> Double {
        -log(openUnit())
    }

    /// A Gamma(shape, 1) variate.
    ///
    /// Shape ≥ 1: Marsaglia and Tsang, *A simple method for generating gamma variables*, ACM
    /// TOMS 26(3), 2000: with d = a − 1/3 and c = 1/√(9d), draw Z normal and U uniform, set
    /// V = (1 + cZ)³ and accept dV when V > 0 and U < 1 − 0.0331 Z⁴ (the squeeze) or
    /// ln U < Z²/2 + d(1 − V + ln V). Exact for every shape ≥ 1 (acceptance ≥ 0.95), so the sum
    /// of k independent Gamma(α) variates can be drawn as one Gamma(kα).
    /// Shape < 1: Gamma(a + 1)·U^(1/a) (Stuart's theorem, as used in the same paper).
    public mutating func gamma(shape: Double) -> Double {
        precondition(shape > 0 && shape.isFinite, "gamma: shape \(shape)")
        if shape < 1 {
            return gamma(shape: shape + 1) * pow(openUnit(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var z: Double
            var v: Double
            repeat {
                z = normal()
                v = 1 + c * z
            } while v <= 0
            v = v * v * v
            let u = openUnit()
            let zSquared = z * z
            if u < 1 - 0.0331 * zSquared * zSquared { return d * v }
            if log(u) < 0.5 * zSquared + d * (1 - v + log(v)) { return d * v }
        }
    }
}
