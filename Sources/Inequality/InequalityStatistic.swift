/// How a deprivation group's value and its uncertainty are formed from the input rows.
public enum InequalityStatistic: String, Sendable, CaseIterable {
    /// Σ numerator / Σ denominator (a proportion: 0 ≤ numerator ≤ denominator). Limits: Wilson
    /// score. Simulated and rebuilt on the logit scale.
    case proportion
    /// Σ numerator / Σ denominator (a crude rate: events per person). Limits: Byar's
    /// approximation for 10 or more events, exact Poisson below. Simulated on the log scale.
    case rate
    /// Σ numerator / Σ denominator for any amounts (e.g. pounds per weighted patient), from
    /// organisation rows. Limits: normal, with the standard error of a ratio estimator from the
    /// organisations of the group (Cochran, *Sampling Techniques*, 3rd ed. 1977, §6.3, without a
    /// finite-population correction): SE(R)² = m/(m − 1) · Σⱼ (yⱼ − R xⱼ)² / (Σⱼ xⱼ)², for m ≥ 2
    /// organisations. Simulated on the natural scale.
    case ratio
    /// One row per group with a value, a population, and 95% limits or a standard error
    /// (PHEindicatormethods `phe_sii` style input). Simulated on the scale given (identity, log or
    /// logit).
    case value

    /// The simulation scale of a count-based statistic; `value` uses the scale given by the caller.
    public var defaultScale: IndicatorScale {
        switch self {
        case .proportion: return .logit
        case .rate: return .log
        case .ratio, .value: return .identity
        }
    }
}
