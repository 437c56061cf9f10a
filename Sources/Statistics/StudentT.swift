import Foundation

/// Student's t distribution with `ν > 0` degrees of freedom (`ν = ∞` is the standard normal).
///
/// `P(T > t) = ½ I_(ν/(ν+t²))(ν/2, ½)` for `t ≥ 0` (Abramowitz & Stegun 26.7.1 with 26.5.27); the
/// pair `x = ν/(ν+t²)`, `y = t²/(ν+t²)` is passed to the incomplete beta together so that neither
/// loses accuracy.
public struct StudentT: Hashable, Sendable {
    public let degreesOfFreedom: Double

    /// - Precondition: `degreesOfFreedom > 0` (may be `.infinity`).
    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "StudentT needs degreesOfFreedom > 0")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// `P(T > |t|)`.
    func tailBeyond(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        if nu == .infinity { return Normal.complementaryCDF(abs(t)) }
        let square = t * t
        if square == .infinity { return 0 }
        let total = nu + square
        let value = SpecialFunctions.incompleteBeta(nu / 2, 0.5, x: nu / total, y: square / total)
        return 0.5 * value.lower
    }

    /// `P(T ≤ t)`.
    public func cdf(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        let tail = tailBeyond(t)
        return t < 0 ? tail : 1 - tail
    }

    /// `P(T > t)`, accurate relative to itself in the upper tail.
    public func complementaryCDF(_ t: Double) -> Double {
        cdf(-t)
    }

    /// The `t` with `P(T ≤ t) = p`.
    ///
    /// `ν = 1`: `−cot(πp)` (Cauchy); `ν = ∞`: the normal quantile; otherwise from the inverse
    /// incomplete beta: with `q = min(p, 1 − p)`, `x = I⁻¹_(2q)(ν/2, ½)` and `|t| = sqrt(ν y / x)`,
    /// solving on `I_y(½, ν/2) = 1 − 2q` instead when `2q > ½` so `y` stays accurate near `t = 0`.
    public func quantile(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        let nu = degreesOfFreedom
        if nu == .infinity { return Normal.quantile(p) }
        let smallerTail = min(p, 1 - p)
        let magnitude: Double
        if nu == 1 {
            magnitude = 1 / tan(Double.pi * smallerTail)
        } else {
            let twoTail = 2 * smallerTail
            let central = abs(2 * p - 1)
            let solution = SpecialFunctions.inverseIncompleteBeta(nu / 2, 0.5, lower: twoTail, upper: central)
            magnitude = (nu * solution.y / solution.x).squareRoot()
        }
        return p < 0.5 ? -magnitude : magnitude
    }

    /// The `t` with `P(T > t) = q`, accurate for tiny `q`.
    public func quantile(upperTail q: Double) -> Double {
        -quantile(q)
    }
}
