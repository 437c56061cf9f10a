import Statistics

/// The confidence interval of an organisation's value, by the method analysts publish
/// (`methods.md`, Confidence intervals), on the natural scale:
/// - proportion: Wilson score interval for x successes in n trials;
/// - rate and ratio: the interval for the count O (Byar's approximation when O ≥ 10, exact
///   Poisson limits χ²(α/2; 2O)/2 and χ²(1 − α/2; 2O + 2)/2 when O < 10) divided by the
///   denominator (person-time, or the expected count E).
/// The interval methods themselves live in the Statistics module (`ConfidenceInterval`).
public enum ValueInterval {
    /// (lower, upper) at two-sided confidence `level` (0.95 or 0.998).
    public static func interval(statistic: BenchmarkStatistic, numerator: Double, denominator: Double, level: Double) -> (lower: Double, upper: Double) {
        let confidence = confidenceLevel(level)
        switch statistic {
        case .proportion:
            let interval = ConfidenceInterval.wilson(successes: numerator, trials: denominator, confidence: confidence)
            return (interval.lower, interval.upper)
        case .rate, .ratio:
            let interval = ConfidenceInterval.poissonCount(observed: numerator, confidence: confidence)
            return (interval.lower / denominator, interval.upper / denominator)
        }
    }

    /// The Statistics module's level for a fraction, shared for the two published levels.
    static func confidenceLevel(_ level: Double) -> ConfidenceLevel {
        switch level {
        case 0.95: return .ninetyFive
        case 0.998: return .ninetyNinePointEight
        default: return ConfidenceLevel(fraction: level)
        }
    }

    /// The name of the method, for the `method` column.
    public static func methodName(statistic: BenchmarkStatistic, numerator: Double) -> String {
        switch statistic {
        case .proportion: return "Wilson"
        case .rate, .ratio: return numerator < ConfidenceInterval.byarThreshold ? "exact Poisson" : "Byar"
        }
    }
}
