import Foundation

/// Gamma distribution with density `x^(k−1) e^(−x/θ) / (Γ(k) θ^k)`, shape `k > 0`, scale `θ > 0`.
/// Distribution functions are the regularised incomplete gamma functions of `x/θ`
/// (see ``SpecialFunctions/regularizedGammaP(_:_:)``).
public struct GammaDistribution: Hashable, Sendable {
    public let shape: Double
    public let scale: Double

    /// - Precondition: `shape > 0`, `scale > 0`.
    public init(shape: Double, scale: Double = 1) {
        precondition(shape > 0 && scale > 0, "GammaDistribution needs shape > 0 and scale > 0")
        self.shape = shape
        self.scale = scale
    }

    /// Density at `x` (0 for `x < 0`), `= [ (x/θ)^k e^(−x/θ) / Γ(k) ] / x`.
    public func density(_ x: Double) -> Double {
        if x < 0 { return 0 }
        if x == 0 { return shape < 1 ? .infinity : (shape == 1 ? 1 / scale : 0) }
        return SpecialFunctions.regularizedGammaPrefix(shape, x / scale) / x
    }

    /// `P(X ≤ x) = P(k, x/θ)`.
    public func cdf(_ x: Double) -> Double {
        x <= 0 ? 0 : SpecialFunctions.regularizedGammaP(shape, x / scale)
    }

    /// `P(X > x) = Q(k, x/θ)`, accurate relative to itself in the upper tail.
    public func complementaryCDF(_ x: Double) -> Double {
        x <= 0 ? 1 : SpecialFunctions.regularizedGammaQ(shape, x / scale)
    }

    /// The `x` with `P(X ≤ x) = p`; see ``SpecialFunctions/inverseRegularizedGammaP(_:_:)``.
    public func quantile(_ p: Double) -> Double {
        scale * SpecialFunctions.inverseRegularizedGammaP(shape, p)
    }

    /// The `x` with `P(X > x) = q`, accurate for tiny `q`.
    public func quantile(upperTail q: Double) -> Double {
        scale * SpecialFunctions.inverseRegularizedGammaQ(shape, q)
    }
}
