import Statistics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One deprivation group's value and uncertainty, on the natural scale (a proportion as a
/// fraction, a rate per person, a ratio per unit of denominator; multiply by the analysis'
/// multiplier to report).
public struct GroupEstimate: Sendable, Equatable {
    /// 1 = most deprived.
    public var group: Int
    public var statistic: InequalityStatistic
    /// The group's population (Σ denominators, or the population given): its share of the
    /// cumulative distribution and its regression weight.
    public var population: Double
    /// How many input rows (organisations) the group pools.
    public var organisationCount: Int
    /// Σ numerators (proportion, rate, ratio).
    public var numerator: Double?
    /// Σ denominators (proportion, rate, ratio).
    public var denominator: Double?
    /// The value, unmultiplied.
    public var value: Double
    /// The scale on which the value is treated as normal for simulation and limits.
    public var scale: IndicatorScale
    /// Its standard error on that scale: for proportions and rates (t(U₉₅) − t(L₉₅)) / (2 z₀.₉₇₅)
    /// from the group's own 95% limits, as phe_sii derives it; for ratios the ratio estimator's
    /// standard error; for given values from the given limits the same way, or the given standard
    /// error carried to the scale by the delta method (SE / (dt⁻¹/ds)).
    public var scaleStandardError: Double

    /// The group's limits at a confidence level, unmultiplied: Wilson (proportion), Byar or exact
    /// Poisson divided by the denominator (rate), value ∓ z·SE (ratio), t⁻¹(t(v) ∓ z·s) (value).
    public func limits(confidence: Double) -> Interval {
        switch statistic {
        case .proportion:
            return GroupIntervals.wilson(successes: numerator!, trials: denominator!, confidence: confidence)
        case .rate:
            let count = GroupIntervals.poissonCount(observed: numerator!, confidence: confidence)
            return Interval(lower: count.lower / denominator!, upper: count.upper / denominator!)
        case .ratio, .value:
            let z = GroupIntervals.normalCriticalValue(confidence: confidence)
            let centre = scale.transform(value)
            return Interval(lower: scale.inverse(centre - z * scaleStandardError),
                                    upper: scale.inverse(centre + z * scaleStandardError))
        }
    }

    /// The standard error of the value on its natural scale: √(p(1 − p)/n) (proportion), √O / n
    /// (rate), the ratio estimator's SE (ratio), s · dt⁻¹/ds (value).
    public var naturalStandardError: Double {
        switch statistic {
        case .proportion: return (value * (1 - value) / denominator!).squareRoot()
        case .rate: return numerator!.squareRoot() / denominator!
        case .ratio, .value: return scaleStandardError * scale.inverseSlope(atValue: value)
        }
    }

    /// The standard error of ln(value), for ratios between groups: √((1 − p)/x) (proportion,
    /// Katz et al. 1978), 1/√O (rate), SE/value otherwise.
    public var logStandardError: Double {
        switch statistic {
        case .proportion: return ((1 - value) / numerator!).squareRoot()
        case .rate: return 1 / numerator!.squareRoot()
        case .ratio, .value: return naturalStandardError / value
        }
    }

    /// The variance of the indicator among the group's individuals, for the concentration
    /// index's standard error: p(1 − p) (proportion: one Bernoulli trial per person), the rate
    /// (Poisson per person), and otherwise population · SE² (the variance that makes the group
    /// mean's standard error what it is).
    public var individualVariance: Double {
        switch statistic {
        case .proportion: return value * (1 - value)
        case .rate: return value
        case .ratio, .value: return population * naturalStandardError * naturalStandardError
        }
    }
}
