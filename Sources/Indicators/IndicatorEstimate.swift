import Statistics

/// The confidence limits of an estimate at one level; nil where a limit is not defined or was
/// suppressed.
public struct ConfidenceLimits: Sendable, Equatable {
    public var level: ConfidenceLevel
    public var lower: Double?
    public var upper: Double?

    public init(level: ConfidenceLevel, lower: Double?, upper: Double?) {
        self.level = level
        self.lower = lower
        self.upper = upper
    }
}

/// One indicator value with its confidence limits, in the vocabulary of PHEindicatormethods:
/// `value`, `lowercl`/`uppercl` per level, `method`, and (when a value cannot be shown) the
/// reason it was suppressed.
public struct IndicatorEstimate: Sendable, Equatable {
    /// The statistic on its reporting scale (×multiplier); nil when suppressed or undefined.
    public var value: Double?
    /// One entry per requested confidence level, in the order requested.
    public var limits: [ConfidenceLimits]
    /// How the limits were computed: `Wilson`, `Byars`, `Exact`, `Dobson`, …
    public var method: String
    /// Why the value (and usually its limits) is empty; nil when shown.
    public var suppression: String?

    public init(value: Double?, limits: [ConfidenceLimits], method: String, suppression: String? = nil) {
        self.value = value
        self.limits = limits
        self.method = method
        self.suppression = suppression
    }

    /// The limits at `level`, if that level was requested.
    public func limits(at level: ConfidenceLevel) -> ConfidenceLimits? {
        limits.first { $0.level == level }
    }

    /// A copy with the value and every limit removed, for the reason given.
    public func suppressed(_ reason: String) -> IndicatorEstimate {
        IndicatorEstimate(value: nil, limits: limits.map { ConfidenceLimits(level: $0.level, lower: nil, upper: nil) },
                          method: method, suppression: reason)
    }
}
