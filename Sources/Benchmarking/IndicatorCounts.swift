import Tables

/// One organisation's counts for one indicator in one period.
public struct OrganisationCounts: Sendable, Equatable {
    /// The organisation's code (practice, PCN, consortium …), kept as text.
    public var organisationCode: String
    /// The organisation's consortium (parent) code, when the input has one.
    public var parentCode: String?
    /// Events: the numerator of a proportion, the events of a rate, the observed count of a ratio.
    public var numerator: Double
    /// Trials (proportion), person-time or population (rate), expected count (ratio).
    public var denominator: Double
    /// Where the row came from (file and line), for messages.
    public var location: SourceLocation?
    /// The 1-based positions of the numerator and denominator columns in the file, so that a
    /// message about a count can name its column.
    public var numeratorColumn: Int?
    public var denominatorColumn: Int?

    /// Counts of one organisation; the locations are optional (tests, generated data).
    public init(organisationCode: String, parentCode: String? = nil, numerator: Double, denominator: Double, location: SourceLocation? = nil,
                numeratorColumn: Int? = nil, denominatorColumn: Int? = nil) {
        self.organisationCode = organisationCode
        self.parentCode = parentCode
        self.numerator = numerator
        self.denominator = denominator
        self.location = location
        self.numeratorColumn = numeratorColumn
        self.denominatorColumn = denominatorColumn
    }

    /// Where `field` of this row came from: the row's location with the column's position and name.
    public func location(of field: BenchmarkStatistic.Field, fallback: String) -> SourceLocation {
        var found = location ?? SourceLocation(file: fallback)
        found.column = field == .numerator ? numeratorColumn : denominatorColumn
        found.columnName = field.rawValue
        return found
    }
}

/// The value England is compared with when the comparator is England.
public enum EnglandReference: Sendable, Equatable {
    /// Pooled over every organisation of the indicator: Σ numerator / Σ denominator.
    case pooled
    /// England's own counts (the England row of a Fingertips export).
    case counts(OrganisationCounts)
    /// A value given by the user, on the natural scale (a proportion, not a percentage).
    case value(Double)
}

/// Everything known about one indicator (in one period) before benchmarking.
public struct IndicatorCounts: Sendable {
    /// The indicator's identifier as in the input.
    public var indicatorId: String
    /// A readable name (Fingertips' `Indicator Name`, or the metadata's `name`), for chart titles.
    public var name: String?
    /// The period benchmarked, when the input has periods.
    public var period: String?
    /// The area type, sex, age and category of the group, as far as the input has them.
    public var breakdown: Breakdown
    /// Proportion, rate or ratio.
    public var statistic: BenchmarkStatistic
    /// The factor applied to values, limits and comparator values in the output (100 for percent).
    public var multiplier: Double
    /// Which direction is better, for the significance words.
    public var polarity: Polarity
    /// The organisations compared, in input order; codes are unique.
    public var organisations: [OrganisationCounts]
    /// England's value when the comparator is England.
    public var england: EnglandReference
    /// The same indicator's counts in an earlier period, by organisation code, for the change columns.
    public var previous: [String: OrganisationCounts]?
    /// The name of the earlier period.
    public var previousPeriod: String?
    /// Organisations of the group whose counts are empty in the input, written through with an
    /// empty value and the reason.
    public var suppressed: [SuppressedOrganisation]

    /// An indicator's counts; the multiplier defaults to the statistic's (`defaultMultiplier`).
    public init(indicatorId: String, name: String? = nil, period: String? = nil, breakdown: Breakdown = Breakdown(), statistic: BenchmarkStatistic, multiplier: Double? = nil, polarity: Polarity = .noJudgement,
                organisations: [OrganisationCounts], england: EnglandReference = .pooled, previous: [String: OrganisationCounts]? = nil, previousPeriod: String? = nil,
                suppressed: [SuppressedOrganisation] = []) {
        self.indicatorId = indicatorId
        self.name = name
        self.period = period
        self.breakdown = breakdown
        self.statistic = statistic
        self.multiplier = multiplier ?? statistic.defaultMultiplier
        self.polarity = polarity
        self.organisations = organisations
        self.england = england
        self.previous = previous
        self.previousPeriod = previousPeriod
        self.suppressed = suppressed
    }
}
