/// How the unadjusted funnel limits are computed.
public enum FunnelMethod: String, Sendable, CaseIterable {
    /// Exact binomial (proportions) or Poisson (rates, ratios) limits with Spiegelhalter's
    /// interpolation for the discreteness (`DiscreteControlLimit`). The default.
    case exact
    /// Normal approximation: θ ± z·sᵢ with sᵢ from `BenchmarkStatistic.standardError`, cut at 0
    /// (and at 1 for proportions).
    case normal
    /// The proportion funnel of the OHID Fingertips technical guidance and PHEindicatormethods'
    /// `calculate_funnel_limits(statistic = "proportion")` (its method column says `Wilson`): the
    /// observed proportions whose Wilson score interval at the level just reaches θ
    /// (`FunnelLimits.wilsonScoreLimits`), cut at 0 and 1. Proportions only.
    case wilson
}
