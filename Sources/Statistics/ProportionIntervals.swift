import Foundation

extension ConfidenceInterval {
    /// Wilson score interval for a proportion `p = x/n` (Wilson 1927, JASA 22:209; as used by the
    /// Fingertips/PHE technical guide):
    ///
    ///     lower, upper = (2x + z² ∓ z·sqrt(z² + 4x(1 − p))) / (2(n + z²))
    ///
    /// Valid for `x = 0` (lower exactly 0) and `x = n` (upper exactly 1). The lower limit is evaluated
    /// in the algebraically equal form `2x(x + z²p) / ((2x + z² + z·sqrt(…))(n + z²))` that has no
    /// cancellation. Limits are proportions (multiply by 100 for percentages).
    /// - Precondition: `n > 0`, `0 ≤ x ≤ n`.
    public static func wilson(successes x: Double, trials n: Double, confidence: ConfidenceLevel) -> Interval {
        precondition(n > 0 && x >= 0 && x <= n, "Wilson interval needs n > 0 and 0 ≤ x ≤ n")
        let z = confidence.z
        let zSquared = z * z
        let proportion = x / n
        let root = z * (zSquared + 4 * x * (1 - proportion)).squareRoot()
        let centre = 2 * x + zSquared
        let lower = x == 0 ? 0 : 2 * x * (x + zSquared * proportion) / ((centre + root) * (n + zSquared))
        let upper = x == n ? 1 : (centre + root) / (2 * (n + zSquared))
        return Interval(lower: lower, upper: upper)
    }

    /// Exact (Clopper–Pearson) interval for a binomial proportion (Clopper & Pearson 1934,
    /// Biometrika 26:404):
    ///
    ///     lower = B⁻¹(α/2; x, n − x + 1)   (0 when x = 0)
    ///     upper = B⁻¹(1 − α/2; x + 1, n − x)   (1 when x = n)
    ///
    /// with `B⁻¹` the beta quantile; the upper limit is solved on the upper tail so it stays accurate.
    /// - Precondition: `n > 0`, `0 ≤ x ≤ n`.
    public static func exactBinomial(successes x: Double, trials n: Double, confidence: ConfidenceLevel) -> Interval {
        precondition(n > 0 && x >= 0 && x <= n, "Clopper–Pearson interval needs n > 0 and 0 ≤ x ≤ n")
        let tail = confidence.tailProbability
        let lower = x == 0 ? 0 : SpecialFunctions.inverseIncompleteBeta(x, n - x + 1, lower: tail, upper: 1 - tail).x
        let upper = x == n ? 1 : SpecialFunctions.inverseIncompleteBeta(x + 1, n - x, lower: 1 - tail, upper: tail).x
        return Interval(lower: lower, upper: upper)
    }

    /// Newcombe's hybrid score interval for the difference of two independent proportions
    /// `D = p₁ − p₂` (Newcombe 1998, Statistics in Medicine 17:873, method 10):
    ///
    ///     lower = D − sqrt((p₁ − l₁)² + (u₂ − p₂)²)
    ///     upper = D + sqrt((u₁ − p₁)² + (p₂ − l₂)²)
    ///
    /// where `(lᵢ, uᵢ)` are the Wilson score limits of `pᵢ` at the same confidence level.
    /// - Precondition: `nᵢ > 0`, `0 ≤ xᵢ ≤ nᵢ`.
    public static func newcombeDifference(
        successes1 x1: Double, trials1 n1: Double,
        successes2 x2: Double, trials2 n2: Double,
        confidence: ConfidenceLevel
    ) -> Interval {
        let first = wilson(successes: x1, trials: n1, confidence: confidence)
        let second = wilson(successes: x2, trials: n2, confidence: confidence)
        let p1 = x1 / n1
        let p2 = x2 / n2
        let difference = p1 - p2
        let belowFirst = p1 - first.lower
        let aboveFirst = first.upper - p1
        let belowSecond = p2 - second.lower
        let aboveSecond = second.upper - p2
        return Interval(
            lower: difference - (belowFirst * belowFirst + aboveSecond * aboveSecond).squareRoot(),
            upper: difference + (aboveFirst * aboveFirst + belowSecond * belowSecond).squareRoot()
        )
    }
}
