import Tables

/// One input row of an inequality analysis: an organisation's (or a whole group's) numbers for
/// one indicator, with the deprivation group it belongs to.
public struct IndicatorObservation: Sendable, Equatable {
    /// The organisation (practice) code; nil when the row is a whole deprivation group.
    public var organisation: String?
    /// The deprivation group: 1 = most deprived, …, k = least deprived.
    public var group: Int
    /// The organisation's deprivation score (used to rank organisations for the concentration
    /// index when every row has one); nil otherwise.
    public var deprivationScore: Double?
    /// The organisation's consortium (or other subgroup) for the Theil decomposition.
    public var partition: String?
    /// Events or amounts (proportion, rate, ratio).
    public var numerator: Double?
    /// People or the amount's base (proportion, rate, ratio).
    public var denominator: Double?
    /// For `InequalityStatistic.value`: the group's value, as reported (multiplied).
    public var value: Double?
    /// For `value`: the 95% limits, as reported.
    public var lower95: Double?
    public var upper95: Double?
    /// For `value` (instead of the limits): the standard error of the value, as reported.
    public var standardError: Double?
    /// For `value`: the group's population.
    public var population: Double?
    /// Where the row came from, for error messages.
    public var location: SourceLocation?

    public init(organisation: String? = nil, group: Int, deprivationScore: Double? = nil, partition: String? = nil,
                numerator: Double? = nil, denominator: Double? = nil, value: Double? = nil,
                lower95: Double? = nil, upper95: Double? = nil, standardError: Double? = nil,
                population: Double? = nil, location: SourceLocation? = nil) {
        self.organisation = organisation
        self.group = group
        self.deprivationScore = deprivationScore
        self.partition = partition
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.lower95 = lower95
        self.upper95 = upper95
        self.standardError = standardError
        self.population = population
        self.location = location
    }
}
