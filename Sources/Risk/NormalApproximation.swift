import Statistics

/// The analytic normal approximation of a group's spend: the sum of independent person costs
/// has mean Σ_b n_b μ_b and variance Σ_b n_b σ_b² (exactly), and is taken as normal with them
/// (the central limit theorem; its error is of order skewness/√N).
///
/// P(S > B) ≈ 1 − Φ((B − mean)/sd); the p-quantile ≈ mean + sd·Φ⁻¹(p); the reserve for a
/// break-even probability π ≈ max(0, mean + sd·Φ⁻¹(π) − B).
public struct NormalApproximation: Hashable, Sendable {
    public let mean: Double
    public let standardDeviation: Double

    public init(mean: Double, variance: Double) {
        precondition(variance >= 0, "NormalApproximation: variance \(variance)")
        self.mean = mean
        standardDeviation = variance.squareRoot()
    }

    /// 1 − Φ((B − mean)/sd); with sd = 0, 1 when mean > B else 0.
    public func probabilityOfOverspend(budget: Double) -> Double {
        guard standardDeviation > 0 else { return mean > budget ? 1 : 0 }
        return Normal.complementaryCDF((budget - mean) / standardDeviation)
    }

    /// mean + sd·Φ⁻¹(p) − B.
    public func overspend(atProbability p: Double, budget: Double) -> Double {
        mean + standardDeviation * Normal.quantile(p) - budget
    }

    /// max(0, mean + sd·Φ⁻¹(π) − B).
    public func reserve(breakEvenProbability: Double, budget: Double) -> Double {
        max(0, overspend(atProbability: breakEvenProbability, budget: budget))
    }
}
