/// How the unadjusted funnel limits are computed.
public enum FunnelMethod: String, Sendable, CaseIterable {
    /// Exact binomial (proportions) or Poisson (rates, ratios) limits with Spiegelhalter's
    /// interpolation for the discreteness (`DiscreteControlLimit`). The default.
    case exact
    /// Normal approximation: θ ± z·sᵢ with sᵢ from `BenchmarkStatistic.standardError`, cut at 0
    /// (and at 1 for proportions).
    case normal
}
