import Statistics

/// Proportions with Wilson score confidence limits.
public enum Proportions {
    /// The proportion `x / n` × `multiplier` with Wilson score limits at each level:
    ///
    ///     lower, upper = (2x + z² ∓ z √(z² + 4x(1 − x/n))) / (2(n + z²)),   z = Φ⁻¹(1 − α/2)
    ///
    /// each × `multiplier` (100 gives a percentage). Defined for 0 ≤ x ≤ n, n > 0, including
    /// x = 0 (lower limit 0) and x = n (upper limit 1 × multiplier). Non-integer counts are accepted.
    /// Accuracy: a few ulps of the formula; Fingertips' published practice limits agree to ~1e-9.
    ///
    /// Source: Wilson EB (1927) J Am Stat Assoc 22:209-212; Newcombe RG, Altman DG in *Statistics
    /// with Confidence* (2000) pp 46-48; PHEindicatormethods `phe_proportion`.
    public static func wilson(numerator x: Double, denominator n: Double, confidence levels: [ConfidenceLevel],
                              multiplier: Double = 100) -> IndicatorEstimate {
        precondition(x >= 0 && n > 0 && x <= n, "Proportions.wilson: needs 0 <= numerator <= denominator, denominator > 0")
        let limits = levels.map { level -> ConfidenceLimits in
            let interval = ConfidenceInterval.wilson(successes: x, trials: n, confidence: level).scaled(by: multiplier)
            return ConfidenceLimits(level: level, lower: interval.lower, upper: interval.upper)
        }
        return IndicatorEstimate(value: x / n * multiplier, limits: limits, method: "Wilson")
    }

    /// The proportion `x / n` × `multiplier` with limits by `method` (`LimitMethod`): Wilson as
    /// `wilson(numerator:denominator:confidence:multiplier:)`, Clopper–Pearson, or the Poisson
    /// limits of the count x divided by n (exact, or Byar's from 10).
    public static func estimate(numerator x: Double, denominator n: Double, confidence levels: [ConfidenceLevel],
                                multiplier: Double = 100, method: LimitMethod) -> IndicatorEstimate {
        if method == .wilson { return wilson(numerator: x, denominator: n, confidence: levels, multiplier: multiplier) }
        precondition(x >= 0 && n > 0 && x <= n, "Proportions.estimate: needs 0 <= numerator <= denominator, denominator > 0")
        let limits = levels.map { level -> ConfidenceLimits in
            let interval = method.proportionLimits(successes: x, trials: n, confidence: level).scaled(by: multiplier)
            return ConfidenceLimits(level: level, lower: interval.lower, upper: interval.upper)
        }
        return IndicatorEstimate(value: x / n * multiplier, limits: limits, method: method.label(observed: x))
    }
}
