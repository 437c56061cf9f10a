/// One measure of a quality-premium scheme: its share of the pot, how achievement is scored, and
/// the basis on which the measure's money is shared among practices.
public struct QualityMeasure: Sendable, Equatable {
    /// The `measure_id` of the achievement file.
    public var id: String
    public var name: String
    /// Its share of the pot is weight / the scheme's weight total.
    public var weight: Double
    public var polarity: Polarity
    public var scoring: Scoring
    /// Thresholds in percent: achievement (0–100) for `.level`, percentage points of improvement
    /// for `.improvement`. Lower is below upper.
    public var lowerThreshold: Double
    public var upperThreshold: Double
    public var basis: PaymentBasis
    /// Overrides the scheme's minimum denominator for this measure.
    public var minimumDenominator: Int?

    public init(id: String, name: String? = nil, weight: Double, polarity: Polarity = .higherIsBetter, scoring: Scoring = .level,
                lowerThreshold: Double, upperThreshold: Double, basis: PaymentBasis = .listSize, minimumDenominator: Int? = nil) {
        self.id = id
        self.name = name ?? id
        self.weight = weight
        self.polarity = polarity
        self.scoring = scoring
        self.lowerThreshold = lowerThreshold
        self.upperThreshold = upperThreshold
        self.basis = basis
        self.minimumDenominator = minimumDenominator
    }

    public enum Polarity: String, Sendable, Equatable, CaseIterable {
        case higherIsBetter = "higher_is_better"
        case lowerIsBetter = "lower_is_better"
    }

    public enum Scoring: String, Sendable, Equatable, CaseIterable {
        /// The score is set by this period's achievement.
        case level
        /// The score is set by the change from the baseline period, in percentage points,
        /// counted in the direction of the polarity (a fall is an improvement when lower is better).
        case improvement
    }
}

/// What a practice's share of a measure's money is proportional to (before its score).
public enum PaymentBasis: Sendable, Equatable {
    /// Registered patients (the population file).
    case listSize
    /// A weighted list: a numeric column of the practices file, or of the population file summed
    /// over the practice's rows.
    case weightedListSize(column: String, source: WeightedListSource)
    /// QOF-style prevalence adjustment: (practice prevalence / consortium prevalence)^power, where
    /// prevalence = patients eligible for the measure (denominator before exceptions are taken
    /// out) / registered patients, and the consortium's is Σ eligible / Σ registered over member
    /// practices; times the practice's population index (list / mean list of the member
    /// practices) when `populationIndex` is true.
    case prevalenceAdjusted(power: Double, populationIndex: Bool)

    public enum WeightedListSource: String, Sendable, Equatable, CaseIterable {
        case practices
        case population
    }
}
