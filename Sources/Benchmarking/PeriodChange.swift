import Statistics

/// The change of an organisation's value between an earlier and a later period, with its 95%
/// confidence interval (`methods.md`, Difference between two groups):
///
/// - proportions: the difference d = p₂ − p₁ with Newcombe's hybrid score interval (Newcombe 1998,
///   Statistics in Medicine 17:873, method 10): with Wilson limits lᵢ, uᵢ of each period,
///   lower = d − √((p₂ − l₂)² + (u₁ − p₁)²), upper = d + √((u₂ − p₂)² + (p₁ − l₁)²)
///   (`ConfidenceInterval.newcombeDifference`);
/// - rates and ratios: the ratio R = (O₂/n₂)/(O₁/n₁) with the normal approximation on the log
///   scale, R·exp(±z·√(1/O₁ + 1/O₂)) (`ConfidenceInterval.rateRatio`); undefined when either
///   count is 0.
///
/// The change is reported on the output scale: a difference times the multiplier, or a ratio.
public struct PeriodChange: Sendable, Equatable {
    /// How the change is expressed.
    public enum Measure: String, Sendable {
        /// Later minus earlier (proportions), times the multiplier.
        case difference
        /// Later over earlier (rates and ratios).
        case ratio
    }

    /// Difference or ratio.
    public let measure: Measure
    /// The earlier period's value (times the multiplier).
    public let previousValue: Double
    /// Later minus earlier (times the multiplier), or later over earlier.
    public let change: Double
    /// The 95% limits of the change, on the same scale.
    public let lower: Double
    public let upper: Double
    /// Increase / decrease (higher / lower, or better / worse with a polarity) when the interval
    /// excludes no change (0 for a difference, 1 for a ratio); similar otherwise.
    public let significance: Significance

    /// A change with its interval and judgement.
    public init(measure: Measure, previousValue: Double, change: Double, lower: Double, upper: Double, significance: Significance) {
        self.measure = measure
        self.previousValue = previousValue
        self.change = change
        self.lower = lower
        self.upper = upper
        self.significance = significance
    }

    /// The change from `earlier` to `later` counts, or nil (with the reason) when it is undefined.
    public static func between(earlier: OrganisationCounts, later: OrganisationCounts, statistic: BenchmarkStatistic, multiplier: Double,
                               polarity: Polarity, level: Double = 0.95) -> Result<PeriodChange, UndefinedChange> {
        let confidence = ValueInterval.confidenceLevel(level)
        switch statistic {
        case .proportion:
            let earlierValue = earlier.numerator / earlier.denominator
            let interval = ConfidenceInterval.newcombeDifference(successes1: later.numerator, trials1: later.denominator,
                                                                 successes2: earlier.numerator, trials2: earlier.denominator, confidence: confidence)
            let difference = later.numerator / later.denominator - earlierValue
            let significance = Significance.compare(lower: interval.lower, upper: interval.upper, comparator: 0, polarity: polarity) ?? .similar
            return .success(PeriodChange(measure: .difference, previousValue: earlierValue * multiplier, change: difference * multiplier,
                                         lower: interval.lower * multiplier, upper: interval.upper * multiplier, significance: significance))
        case .rate, .ratio:
            guard earlier.numerator > 0, later.numerator > 0 else {
                return .failure(UndefinedChange(reason: "no events in \(earlier.numerator == 0 ? "the earlier" : "the later") period: the log rate ratio is undefined"))
            }
            let earlierValue = earlier.numerator / earlier.denominator
            let ratio = (later.numerator / later.denominator) / earlierValue
            let interval = ConfidenceInterval.rateRatio(observed1: later.numerator, denominator1: later.denominator,
                                                        observed2: earlier.numerator, denominator2: earlier.denominator, confidence: confidence)
            let significance = Significance.compare(lower: interval.lower, upper: interval.upper, comparator: 1, polarity: polarity) ?? .similar
            return .success(PeriodChange(measure: .ratio, previousValue: earlierValue * multiplier, change: ratio, lower: interval.lower,
                                         upper: interval.upper, significance: significance))
        }
    }
}

/// Why a change between periods could not be computed.
public struct UndefinedChange: Error, Sendable, Equatable {
    /// Why, in words (written to the notes column).
    public let reason: String
    /// An undefined change and its reason.
    public init(reason: String) { self.reason = reason }
}
