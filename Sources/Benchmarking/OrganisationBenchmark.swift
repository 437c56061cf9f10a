/// One output row of `consortium benchmark`: an organisation's value for one indicator, compared
/// with its comparator by confidence interval and by funnel. Values, limits and comparator values
/// are on the output scale (times the indicator's multiplier); z-scores are unitless.
public struct OrganisationBenchmark: Sendable {
    /// The organisation and its parent (consortium) code.
    public var organisationCode: String
    public var parentCode: String?
    /// The counts as read.
    public var numerator: Double
    public var denominator: Double
    /// numerator / denominator × multiplier.
    public var value: Double
    /// Confidence limits at 95% and 99.8% (`ValueInterval`).
    public var lower95: Double
    public var upper95: Double
    public var lower998: Double
    public var upper998: Double
    /// The interval method ("Wilson", "Byar", "exact Poisson").
    public var intervalMethod: String
    /// What the organisation was compared with (code, θ, contributing organisations).
    public var comparator: ResolvedComparator
    /// θ × multiplier, or nil when the comparator has no value.
    public var comparatorValue: Double?
    /// (y − θ)/s with s the standard error under θ; nil when s is 0 or there is no θ.
    public var z: Double?
    /// The confidence interval against the comparator value at 95% and at 99.8%.
    public var significance95: Significance?
    public var significance998: Significance?
    /// Unadjusted funnel limits around θ for this denominator (`FunnelLimits`).
    public var funnel: ControlLimits?
    /// Limits after the over-dispersion model (the unadjusted ones when no model was applied).
    public var adjusted: ControlLimits?
    /// (y − θ)/s* with s* the adjusted standard error (equal to `z` without adjustment).
    public var adjustedZ: Double?
    /// Where the value lies against the adjusted limits (the flag analysts act on).
    public var position: FunnelPosition?
    /// Where the value lies against the unadjusted funnel limits, in PHEindicatormethods' words
    /// (`High (0.001)` … `Not significant`); nil without funnel limits.
    public var funnelSignificance: FunnelSignificance?
    /// Quintile and decile of the value among the indicator's organisations (`QuantileGroups`).
    public var quintile: Int
    public var decile: Int
    /// The change from the earlier period, when one was asked for and is defined.
    public var change: PeriodChange?
    /// Why a field is empty or how a value was obtained, in words; empty when nothing to say.
    public var notes: [String]
}
