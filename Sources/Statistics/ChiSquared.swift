import Foundation

/// Chi-squared distribution with `ν ≥ 0` degrees of freedom: Gamma(shape ν/2, scale 2).
///
/// `ν = 0` is the point mass at 0 (the limit as `ν → 0`), so that the exact Poisson limit
/// `χ²(α/2; 2O)/2` is 0 for `O = 0` without a special case.
public struct ChiSquared: Hashable, Sendable {
    public let degreesOfFreedom: Double

    /// - Precondition: `degreesOfFreedom ≥ 0`.
    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom >= 0, "ChiSquared needs degreesOfFreedom ≥ 0")
        self.degreesOfFreedom = degreesOfFreedom
    }

    var halfDegrees: Double { degreesOfFreedom / 2 }

    /// `P(X ≤ x) = P(ν/2, x/2)`.
    public func cdf(_ x: Double) -> Double {
        if x < 0 { return 0 }
        if degreesOfFreedom == 0 { return 1 }
        return SpecialFunctions.regularizedGammaP(halfDegrees, x / 2)
    }

    /// `P(X > x) = Q(ν/2, x/2)`, accurate relative to itself in the upper tail.
    public func complementaryCDF(_ x: Double) -> Double {
        if x < 0 { return 1 }
        if degreesOfFreedom == 0 { return 0 }
        return SpecialFunctions.regularizedGammaQ(halfDegrees, x / 2)
    }

    /// `χ²(p; ν)`: the `x` with `P(X ≤ x) = p` (0 for `ν = 0`).
    public func quantile(_ p: Double) -> Double {
        if degreesOfFreedom == 0 { return p.isNaN ? .nan : 0 }
        return 2 * SpecialFunctions.inverseRegularizedGammaP(halfDegrees, p)
    }

    /// The `x` with `P(X > x) = q`, accurate for tiny `q` (0 for `ν = 0`).
    public func quantile(upperTail q: Double) -> Double {
        if degreesOfFreedom == 0 { return q.isNaN ? .nan : 0 }
        return 2 * SpecialFunctions.inverseRegularizedGammaQ(halfDegrees, q)
    }
}
