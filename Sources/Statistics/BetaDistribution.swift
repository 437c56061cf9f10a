import Foundation

/// Beta distribution on [0, 1] with density `x^(α−1) (1−x)^(β−1) / B(α, β)`, `α, β > 0`.
/// Distribution functions are the regularised incomplete beta function
/// (see ``SpecialFunctions/regularizedBeta(_:_:_:)``).
public struct BetaDistribution: Hashable, Sendable {
    public let alpha: Double
    public let beta: Double

    /// - Precondition: `alpha > 0`, `beta > 0`.
    public init(alpha: Double, beta: Double) {
        precondition(alpha > 0 && beta > 0, "BetaDistribution needs alpha > 0 and beta > 0")
        self.alpha = alpha
        self.beta = beta
    }

    /// Density at `x` (0 outside [0, 1]).
    public func density(_ x: Double) -> Double {
        if x < 0 || x > 1 { return 0 }
        if x == 0 || x == 1 {
            let exponent = x == 0 ? alpha : beta
            return exponent < 1 ? .infinity : (exponent == 1 ? exp(-SpecialFunctions.logBeta(alpha, beta)) : 0)
        }
        return SpecialFunctions.betaPrefix(alpha, beta, x: x, y: 1 - x) / (x * (1 - x))
    }

    /// `P(X ≤ x) = I_x(α, β)`.
    public func cdf(_ x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        return SpecialFunctions.regularizedBeta(x, alpha, beta)
    }

    /// `P(X > x) = 1 − I_x(α, β)`, accurate relative to itself.
    public func complementaryCDF(_ x: Double) -> Double {
        if x <= 0 { return 1 }
        if x >= 1 { return 0 }
        return SpecialFunctions.regularizedBetaComplement(x, alpha, beta)
    }

    /// The `x` with `I_x(α, β) = p`.
    public func quantile(_ p: Double) -> Double {
        SpecialFunctions.inverseRegularizedBeta(p, alpha, beta)
    }

    /// The `x` with `1 − I_x(α, β) = q`, accurate for tiny `q`.
    public func quantile(upperTail q: Double) -> Double {
        SpecialFunctions.inverseRegularizedBetaComplement(q, alpha, beta)
    }
}

extension SpecialFunctions {
    /// `log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b)`, via the Stirling correction so that large
    /// arguments keep their accuracy:
    /// `log B = ½ log 2π + (a−½) log a + (b−½) log b − (a+b−½) log(a+b) + μ(a) + μ(b) − μ(a+b)`.
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        let total = a + b
        return halfLogTwoPi + (a - 0.5) * log(a) + (b - 0.5) * log(b) - (total - 0.5) * log(total)
            + stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(total)
    }
}
