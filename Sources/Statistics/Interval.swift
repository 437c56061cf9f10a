/// A confidence interval (or any closed interval) `[lower, upper]`.
public struct Interval: Hashable, Sendable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// Both limits multiplied by `factor` (e.g. 100 for percentages, `multiplier / denominator`
    /// for rates); a negative factor swaps them so `lower ≤ upper` is kept.
    public func scaled(by factor: Double) -> Interval {
        factor >= 0
            ? Interval(lower: lower * factor, upper: upper * factor)
            : Interval(lower: upper * factor, upper: lower * factor)
    }

    /// Whether `value` lies inside the closed interval.
    public func contains(_ value: Double) -> Bool {
        lower <= value && value <= upper
    }

    /// `upper − lower`.
    public var width: Double { upper - lower }
}
