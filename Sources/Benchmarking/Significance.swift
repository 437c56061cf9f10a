/// The published comparison of an organisation with a comparator value.
///
/// Rule (OHID Fingertips technical guidance, and `methods.md`): the organisation is *higher* when
/// the lower limit of its confidence interval is above the comparator value, *lower* when the
/// upper limit is below it, and *similar* when the interval contains the value (a limit exactly
/// equal to the value counts as containing it). With a polarity, higher and lower become better or
/// worse. The 2022/23 Fingertips smoking-prevalence labels follow this rule for all 6,378 practices
/// (tested in `FingertipsSmokingLabelTests`).
public enum Significance: String, Sendable, CaseIterable {
    case lower
    case similar
    case higher
    case better
    case worse

    /// Compares an interval `lower...upper` with `comparator`; all three on the same scale.
    /// Returns nil when any of them is not finite (no comparison can be made).
    public static func compare(lower: Double, upper: Double, comparator: Double, polarity: Polarity) -> Significance? {
        guard lower.isFinite, upper.isFinite, comparator.isFinite else { return nil }
        let direction: Significance
        if lower > comparator {
            direction = .higher
        } else if upper < comparator {
            direction = .lower
        } else {
            return .similar
        }
        switch (polarity, direction) {
        case (.noJudgement, _): return direction
        case (.higherIsBetter, .higher), (.lowerIsBetter, .lower): return .better
        default: return .worse
        }
    }
}
