/// Where a value lies against its unadjusted funnel limits, in the words of
/// PHEindicatormethods' `assign_funnel_significance` (Fingertips technical guidance): below the
/// 99.8% limit is `Low (0.001)`, else below the 95% limit `Low (0.025)`, above the 99.8% limit
/// `High (0.001)`, else above the 95% limit `High (0.025)`, otherwise `Not significant`. The
/// comparisons are strict, so a value on a limit is not significant.
public enum FunnelSignificance: String, Sendable, CaseIterable {
    case high001 = "High (0.001)"
    case high025 = "High (0.025)"
    case notSignificant = "Not significant"
    case low025 = "Low (0.025)"
    case low001 = "Low (0.001)"

    /// The label of `value` against `limits` (both on the same scale).
    public init(value: Double, limits: ControlLimits) {
        if value < limits.lower998 {
            self = .low001
        } else if value < limits.lower95 {
            self = .low025
        } else if value > limits.upper998 {
            self = .high001
        } else if value > limits.upper95 {
            self = .high025
        } else {
            self = .notSignificant
        }
    }
}
