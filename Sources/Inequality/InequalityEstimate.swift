import Statistics
/// One row of an inequality analysis' output (design README: `measure`, `value`, `lowercl`,
/// `uppercl`, `confidence`, `method`).
public struct InequalityEstimate: Sendable, Equatable {
    /// `mean`, `sii`, `rii`, `rii_ratio`, `gap`, `ratio`, `concentration_index`,
    /// `concentration_index_erreygers`, `concentration_index_wagstaff`, `gini`, `theil_t`,
    /// `theil_t_between`, `theil_t_within`, `theil_l`, `theil_l_between`, `theil_l_within`,
    /// `atkinson_0.5`, `atkinson_1`, `atkinson_2`.
    public var measure: String
    /// nil when the measure is not defined for these data (the method says why).
    public var value: Double?
    public var limits: Interval?
    /// The confidence level of the limits (a fraction), nil when there are none.
    public var confidence: Double?
    /// How it was computed, including the sign convention.
    public var method: String

    public init(measure: String, value: Double?, limits: Interval? = nil, confidence: Double? = nil, method: String) {
        self.measure = measure
        self.value = value
        self.limits = limits
        self.confidence = confidence
        self.method = method
    }
}

/// The result of one analysis: the groups and the measures.
public struct InequalityResult: Sendable {
    public var groups: [GroupEstimate]
    public var estimates: [InequalityEstimate]
}
