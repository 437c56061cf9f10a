/// How the SII's confidence limits are computed.
public enum SlopeIndexIntervalMethod: String, Sendable, CaseIterable {
    /// Monte Carlo, as PHEindicatormethods' `phe_sii` (`SlopeIndexSimulation`).
    case simulation
    /// The WLS covariance and the delta method (`SlopeIndexOfInequality.analyticLimits`).
    case analytic
}

/// The regression weights of the SII.
public enum SlopeIndexWeights: String, Sendable, CaseIterable {
    /// The groups' populations (design default; phe_sii).
    case population
    /// 1 / variance of each group's value (natural-scale standard error squared).
    case inverseVariance = "inverse-variance"
}

/// Everything an inequality analysis needs besides its rows.
public struct InequalityOptions: Sendable {
    public var statistic: InequalityStatistic
    /// Reported values are natural values × multiplier (100 for percentages, 100,000 for rates per
    /// 100,000). Given values (`statistic == .value`) are divided by it on the way in.
    public var multiplier: Double
    /// The scale of given values (`statistic == .value`); count statistics use their own.
    public var scale: IndicatorScale
    public var direction: InequalityDirection
    public var weights: SlopeIndexWeights
    /// Confidence levels as fractions (0.95, 0.998).
    public var confidences: [Double]
    public var intervalMethods: [SlopeIndexIntervalMethod]
    /// Monte Carlo repetitions (phe_sii's default is 100,000; the project's 10,000).
    public var repetitions: Int
    public var seed: UInt64
    /// The fewest groups accepted (phe_sii: 5).
    public var minimumGroups: Int
    /// When set, groups must run from 1 to this number.
    public var expectedGroupCount: Int?
    /// Bounds [a, b] of the indicator (reported scale) for the Erreygers and Wagstaff corrections;
    /// nil uses [0, multiplier] for proportions and skips them otherwise.
    public var bounds: ClosedRange<Double>?
    /// Which end of the organisations' deprivation scores is deprived (concentration-index ranking).
    public var scoreOrder: DeprivationOrder
    /// Inequality aversions of the Atkinson indices.
    public var atkinsonAversions: [Double]
    /// The input's name, for errors that belong to no single row.
    public var source: String

    public init(statistic: InequalityStatistic = .proportion, multiplier: Double = 1, scale: IndicatorScale = .identity,
                direction: InequalityDirection = .mostMinusLeast, weights: SlopeIndexWeights = .population,
                confidences: [Double] = [0.95], intervalMethods: [SlopeIndexIntervalMethod] = [.simulation],
                repetitions: Int = 10_000, seed: UInt64 = 1, minimumGroups: Int = 5, expectedGroupCount: Int? = nil,
                bounds: ClosedRange<Double>? = nil, scoreOrder: DeprivationOrder = .higherIsMoreDeprived,
                atkinsonAversions: [Double] = AtkinsonIndex.standardAversions, source: String = "input") {
        self.statistic = statistic
        self.multiplier = multiplier
        self.scale = scale
        self.direction = direction
        self.weights = weights
        self.confidences = confidences
        self.intervalMethods = intervalMethods
        self.repetitions = repetitions
        self.seed = seed
        self.minimumGroups = minimumGroups
        self.expectedGroupCount = expectedGroupCount
        self.bounds = bounds
        self.scoreOrder = scoreOrder
        self.atkinsonAversions = atkinsonAversions
        self.source = source
    }
}
