import Population
import Statistics

/// What to compute over grouped indicator input: the statistic and its options.
public struct IndicatorRequest: Sendable {
    public var statistic: IndicatorStatistic
    /// One or more levels; output has one row per level (long) or columns per level (wide).
    public var confidence: [ConfidenceLevel]
    /// The reporting scale (`statistic.defaultMultiplier` unless given).
    public var multiplier: Double
    /// The grouping columns; nil for the default: every identity column present in the input,
    /// except `age_band` for the statistics standardised by age.
    public var grouping: [IndicatorColumn]?
    /// Values whose count (numerator, total count, observed count, number of values, deaths from
    /// the age on) is below this are blanked, with the reason.
    public var suppressBelow: Double?
    public var missingValues: MissingValuePolicy
    /// The standard population of a DSR (European Standard Population 2013 unless given).
    public var standard: StandardPopulation
    /// Reference rates for indirect standardisation; nil to use the input's own totals (per group
    /// of rows that share every grouping value except `org_code`).
    public var reference: ReferenceRates?
    /// Ages (band starts of `LifeExpectancy.bands`) at which life expectancy is given.
    public var ages: [Int]
    /// The limit method of a proportion, rate or indirectly standardised figure; nil for the
    /// statistic's standard one (`LimitMethod.standard(for:)`).
    public var method: LimitMethod?
    /// Whether each group's published value and limits (a Fingertips export's `Value`, `Lower CI
    /// 95.0 limit`, …) are read and written beside the computed ones with the differences
    /// (`PublishedFigures`). Proportions and rates only, one input row per group.
    public var comparesPublished = false

    /// The method the limits are computed with.
    public var limitMethod: LimitMethod { method ?? LimitMethod.standard(for: statistic) ?? .byar }

    public init(statistic: IndicatorStatistic, confidence: [ConfidenceLevel] = [.ninetyFive], multiplier: Double? = nil,
                grouping: [IndicatorColumn]? = nil, suppressBelow: Double? = nil, missingValues: MissingValuePolicy = .error,
                standard: StandardPopulation = .europe2013, reference: ReferenceRates? = nil, ages: [Int] = [0]) {
        self.statistic = statistic
        self.confidence = confidence
        self.multiplier = multiplier ?? statistic.defaultMultiplier
        self.grouping = grouping
        self.suppressBelow = suppressBelow
        self.missingValues = missingValues
        self.standard = standard
        self.reference = reference
        self.ages = ages
    }

    /// Why the request cannot be run, or nil: no confidence level; a level given twice; a
    /// multiplier that is not a positive number or given where it means nothing; an age that is
    /// not a band start; `age_band` as a grouping column of a statistic standardised by age; a
    /// grouping column named twice; a negative suppression threshold.
    public var problem: String? {
        if confidence.isEmpty { return "at least one confidence level is needed" }
        if Set(confidence.map(\.percent)).count != confidence.count { return "a confidence level is given twice" }
        if !(multiplier > 0 && multiplier.isFinite) { return "the multiplier must be a positive number" }
        if !statistic.takesMultiplier && multiplier != 1 { return "\(statistic.rawValue) takes no multiplier" }
        if statistic == .lifeExpectancy {
            if ages.isEmpty { return "at least one age is needed" }
            if let age = ages.first(where: { !LifeExpectancy.ages.contains($0) }) {
                return "life expectancy is given at the start of a band (\(LifeExpectancy.ages.map(String.init).joined(separator: ", "))), not at \(age)"
            }
        }
        if let grouping {
            if grouping.isEmpty { return "at least one grouping column is needed" }
            if Set(grouping).count != grouping.count { return "a grouping column is named twice" }
            if statistic.isStratifiedByAge && grouping.contains(.ageBand) {
                return "\(statistic.rawValue) standardises over age bands, so age_band cannot be a grouping column"
            }
        }
        if let suppressBelow, !(suppressBelow >= 0 && suppressBelow.isFinite) { return "the suppression threshold must be a number >= 0" }
        if let method, !LimitMethod.choices(for: statistic).contains(method) {
            let choices = LimitMethod.choices(for: statistic)
            return choices.isEmpty
                ? "\(statistic.rawValue) has a limit method of its own; --method is for proportion, rate, isratio and israte"
                : "\(statistic.rawValue) takes the limit methods \(choices.map(\.rawValue).joined(separator: ", ")), not \(method.rawValue)"
        }
        if comparesPublished && statistic != .proportion && statistic != .rate {
            return "published figures can be compared for proportions and rates, whose input rows carry them (one row per group); \(statistic.rawValue) is computed from several rows per group"
        }
        return nil
    }
}
