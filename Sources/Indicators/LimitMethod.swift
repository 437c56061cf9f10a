import Statistics

/// How the confidence limits of a proportion, a crude rate or an indirectly standardised figure
/// are computed (`consortium indicators --method`), so that a year Fingertips published with
/// another method can be reproduced.
///
/// - `wilson`: Wilson score limits of x/n (proportions only; their default).
/// - `exactBinomial`: Clopper–Pearson limits of x/n from beta quantiles (proportions only).
/// - `exactPoisson`: exact Poisson limits of the count, χ²(α/2; 2O)/2 and χ²(1 − α/2; 2O + 2)/2,
///   divided by the denominator (for a proportion, as Fingertips published a prevalence in at
///   least one year; the upper limit of a proportion is then not capped at 1).
/// - `byar`: PHEindicatormethods' convention for counts: Byar's approximation from a count of 10,
///   exact Poisson below (the default for rates and indirect standardisation).
///
/// Sources: Wilson (1927); Clopper & Pearson (1934) Biometrika 26:404; Breslow & Day (1987)
/// *Statistical Methods in Cancer Research* II; PHEindicatormethods `phe_proportion`, `phe_rate`.
public enum LimitMethod: String, CaseIterable, Sendable {
    case wilson
    case exactBinomial = "exact-binomial"
    case exactPoisson = "exact-poisson"
    case byar

    /// The method used when none is asked for: Wilson for a proportion, Byar/exact for counts;
    /// nil for the statistics with a method of their own (Dobson, Student t, Chiang/Silcocks).
    public static func standard(for statistic: IndicatorStatistic) -> LimitMethod? {
        switch statistic {
        case .proportion: return .wilson
        case .rate, .isratio, .israte: return .byar
        case .dsr, .mean, .lifeExpectancy: return nil
        }
    }

    /// The methods a statistic can take.
    public static func choices(for statistic: IndicatorStatistic) -> [LimitMethod] {
        switch statistic {
        case .proportion: return [.wilson, .exactBinomial, .exactPoisson, .byar]
        case .rate, .isratio, .israte: return [.byar, .exactPoisson]
        case .dsr, .mean, .lifeExpectancy: return []
        }
    }

    /// Limits of a proportion x/n (0 ≤ x ≤ n, n > 0) at one level, as a proportion of 1.
    public func proportionLimits(successes x: Double, trials n: Double, confidence level: ConfidenceLevel) -> Interval {
        switch self {
        case .wilson: return ConfidenceInterval.wilson(successes: x, trials: n, confidence: level)
        case .exactBinomial: return ConfidenceInterval.exactBinomial(successes: x, trials: n, confidence: level)
        case .exactPoisson, .byar: return countLimits(observed: x, confidence: level).scaled(by: 1 / n)
        }
    }

    /// Limits of a Poisson count O ≥ 0 at one level (`exactPoisson` or `byar`; the proportion
    /// methods are not defined for a count alone).
    public func countLimits(observed: Double, confidence level: ConfidenceLevel) -> Interval {
        switch self {
        case .exactPoisson: return ConfidenceInterval.exactPoisson(observed: observed, confidence: level)
        case .byar: return ConfidenceInterval.poissonCount(observed: observed, confidence: level)
        case .wilson, .exactBinomial: preconditionFailure("LimitMethod.countLimits: \(rawValue) is a method for proportions")
        }
    }

    /// The `method` label written beside the limits, in PHEindicatormethods' words: `Wilson`,
    /// `Exact` (Poisson), `Byars`, and `Exact binomial` for Clopper–Pearson.
    public func label(observed: Double) -> String {
        switch self {
        case .wilson: return "Wilson"
        case .exactBinomial: return "Exact binomial"
        case .exactPoisson: return "Exact"
        case .byar: return CrudeRates.countMethod(observed: observed)
        }
    }
}
