/// Two-sided control limits at the two levels analysts publish: 95% (cumulative probabilities
/// 0.025 and 0.975, "2 sigma") and 99.8% (0.001 and 0.999, "3 sigma").
public struct ControlLimits: Sendable, Equatable {
    /// Cumulative probability 0.025.
    public var lower95: Double
    /// Cumulative probability 0.975.
    public var upper95: Double
    /// Cumulative probability 0.001.
    public var lower998: Double
    /// Cumulative probability 0.999.
    public var upper998: Double

    /// Four limits on one scale.
    public init(lower95: Double, upper95: Double, lower998: Double, upper998: Double) {
        self.lower95 = lower95
        self.upper95 = upper95
        self.lower998 = lower998
        self.upper998 = upper998
    }

    /// The cumulative probabilities of the four limits, in the order lower 99.8%, lower 95%,
    /// upper 95%, upper 99.8%.
    public static let probabilities: [Double] = [0.001, 0.025, 0.975, 0.999]

    /// Every limit multiplied by `factor` (to report on the scale of the indicator's multiplier).
    public func scaled(by factor: Double) -> ControlLimits {
        ControlLimits(lower95: lower95 * factor, upper95: upper95 * factor, lower998: lower998 * factor, upper998: upper998 * factor)
    }

    /// Where `value` lies: beyond a 99.8% limit, beyond a 95% limit, or within both.
    public func position(of value: Double) -> FunnelPosition {
        if value > upper998 { return .above998 }
        if value > upper95 { return .above95 }
        if value < lower998 { return .below998 }
        if value < lower95 { return .below95 }
        return .within
    }
}

/// An organisation's place in its funnel. A value exactly on a limit is within it.
public enum FunnelPosition: String, Sendable, CaseIterable {
    case above998 = "above_99.8"
    case above95 = "above_95"
    case within
    case below95 = "below_95"
    case below998 = "below_99.8"

    /// Outside the 99.8% limits.
    public var isBeyond998: Bool { self == .above998 || self == .below998 }
    /// Outside the 95% limits (including beyond 99.8%).
    public var isBeyond95: Bool { self != .within }
}
