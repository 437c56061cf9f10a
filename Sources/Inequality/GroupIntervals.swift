import Statistics

/// The interval methods a deprivation group's value uses, on the Statistics module's
/// distributions. Formulas as in the design's `methods.md` (Confidence intervals).
enum GroupIntervals {
    /// z = Φ⁻¹(½ + c/2): 1.959963984540054 for c = 0.95, 3.090232306167813 for c = 0.998.
    static func normalCriticalValue(confidence: Double) -> Double {
        Normal.quantile(0.5 + confidence / 2)
    }

    /// t(½ + c/2; ν).
    static func studentCriticalValue(confidence: Double, degreesOfFreedom: Int) -> Double {
        StudentT(degreesOfFreedom: Double(degreesOfFreedom)).quantile(0.5 + confidence / 2)
    }

    /// Wilson score limits for x successes in n trials, as proportions:
    /// (2x + z² ∓ z √(z² + 4x(1 − x/n))) / (2(n + z²)). Valid for x = 0 and x = n.
    static func wilson(successes x: Double, trials n: Double, confidence: Double) -> ConfidenceLimits {
        let z = normalCriticalValue(confidence: confidence)
        let centre = 2 * x + z * z
        let half = z * (z * z + 4 * x * (1 - x / n)).squareRoot()
        let denominator = 2 * (n + z * z)
        return ConfidenceLimits(lower: (centre - half) / denominator, upper: (centre + half) / denominator)
    }

    /// Limits for a Poisson count O: Byar's approximation when O ≥ 10,
    /// O (1 − 1/(9O) − z/(3√O))³ and (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³; exact below,
    /// χ²(α/2; 2O)/2 (0 when O = 0) and χ²(1 − α/2; 2O + 2)/2.
    static func poissonCount(observed: Double, confidence: Double) -> ConfidenceLimits {
        if observed >= 10 {
            let z = normalCriticalValue(confidence: confidence)
            let lowerBase = 1 - 1 / (9 * observed) - z / (3 * observed.squareRoot())
            let next = observed + 1
            let upperBase = 1 - 1 / (9 * next) + z / (3 * next.squareRoot())
            return ConfidenceLimits(lower: observed * lowerBase * lowerBase * lowerBase,
                                    upper: next * upperBase * upperBase * upperBase)
        }
        let alpha = 1 - confidence
        let lower = observed == 0 ? 0 : ChiSquared(degreesOfFreedom: 2 * observed).quantile(alpha / 2) / 2
        let upper = ChiSquared(degreesOfFreedom: 2 * observed + 2).quantile(1 - alpha / 2) / 2
        return ConfidenceLimits(lower: lower, upper: upper)
    }
}
