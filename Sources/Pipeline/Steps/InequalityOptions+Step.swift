import Inequality

/// The options of an inequality step (`consortium inequality`), as the command line spells them.
public struct InequalityStepOptions: Sendable {
    public var indicator: String
    public var deprivation: String?
    public var statistic: InequalityStatistic
    public var multiplier: Double
    public var scale: IndicatorScale
    public var direction: InequalityDirection
    public var weights: SlopeIndexWeights
    /// Levels in percent, comma-separated.
    public var confidence: String
    /// `simulation`, `analytic` or both, comma-separated.
    public var interval: String
    public var reps: Int
    public var seed: UInt64
    public var groups: Int?
    public var minimumGroups: Int
    /// `a,b` on the reported scale.
    public var bounds: String?
    public var scoreOrder: DeprivationOrder
    /// Columns whose values make separate analyses, comma-separated.
    public var by: String?
    public var decomposeBy: String?
    public var areaType: String?
    /// The period (`Time period`, `Year` or `period`) to analyse; nil for every period, one
    /// analysis each.
    public var period: String?
    /// The columns of group rows, named as phe_sii's arguments name them (`quantile`, `value`, `population`,
    /// `lower_cl`, `upper_cl`, `se`), when the file heads them otherwise (`Decile`, `LifeExp`, `Pop`).
    public var groupColumn: String?
    public var valueColumn: String?
    public var populationColumn: String?
    public var lowerColumn: String?
    public var upperColumn: String?
    public var seColumn: String?
    public var organisationColumn: String?
    public var numeratorColumn: String?
    public var denominatorColumn: String?
    public var onUnusable: UnusableRowPolicy

    public init(indicator: String, deprivation: String? = nil, statistic: InequalityStatistic = .proportion, multiplier: Double = 1,
                scale: IndicatorScale = .identity, direction: InequalityDirection = .mostMinusLeast, weights: SlopeIndexWeights = .population,
                confidence: String = "95", interval: String = "simulation", reps: Int = 10_000, seed: UInt64 = 1, groups: Int? = nil,
                minimumGroups: Int = 5, bounds: String? = nil, scoreOrder: DeprivationOrder = .higherIsMoreDeprived, by: String? = nil,
                decomposeBy: String? = nil, areaType: String? = nil, organisationColumn: String? = nil, numeratorColumn: String? = nil,
                denominatorColumn: String? = nil, onUnusable: UnusableRowPolicy = .error, period: String? = nil) {
        self.indicator = indicator
        self.deprivation = deprivation
        self.statistic = statistic
        self.multiplier = multiplier
        self.scale = scale
        self.direction = direction
        self.weights = weights
        self.confidence = confidence
        self.interval = interval
        self.reps = reps
        self.seed = seed
        self.groups = groups
        self.minimumGroups = minimumGroups
        self.bounds = bounds
        self.scoreOrder = scoreOrder
        self.by = by
        self.decomposeBy = decomposeBy
        self.areaType = areaType
        self.organisationColumn = organisationColumn
        self.numeratorColumn = numeratorColumn
        self.denominatorColumn = denominatorColumn
        self.onUnusable = onUnusable
        self.period = period
    }

    public func validate() throws {
        _ = try confidences()
        _ = try intervalMethods()
        _ = try parsedBounds()
        guard reps >= 1000 else { throw OptionError("--reps must be at least 1000") }
        guard multiplier > 0 && multiplier.isFinite else { throw OptionError("--multiplier must be a positive number") }
        guard minimumGroups >= 3 else { throw OptionError("--minimum-groups must be at least 3 (a line needs residual degrees of freedom)") }
        if statistic == .value && deprivation != nil {
            throw OptionError("--statistic value takes one row per group, so --deprivation does not apply")
        }
        if decomposeBy != nil && deprivation == nil { throw OptionError("--decompose-by names a column of --deprivation") }
        if groupColumn != nil && deprivation != nil { throw OptionError("--group-column names the group column of group rows; with --deprivation the groups come from that file") }
        for (column, option) in [(valueColumn, "--value-column"), (populationColumn, "--population-column"), (lowerColumn, "--lower-column"),
                                 (upperColumn, "--upper-column"), (seColumn, "--se-column")] where column != nil && statistic != .value {
            throw OptionError("\(option) applies to --statistic value")
        }
        if (lowerColumn == nil) != (upperColumn == nil) { throw OptionError("--lower-column and --upper-column go together") }
    }

    /// Confidence levels as fractions.
    public func confidences() throws -> [Double] {
        try confidence.split(separator: ",").map { text in
            guard let percent = Double(text.trimmingCharacters(in: .whitespaces)), percent > 0, percent < 100 else {
                throw OptionError("--confidence: expected percentages between 0 and 100 such as 95,99.8, found \"\(text)\"")
            }
            return percent / 100
        }
    }

    public func intervalMethods() throws -> [SlopeIndexIntervalMethod] {
        try interval.split(separator: ",").map { text in
            guard let method = SlopeIndexIntervalMethod(rawValue: text.trimmingCharacters(in: .whitespaces)) else {
                throw OptionError("--interval: expected simulation and/or analytic, found \"\(text)\"")
            }
            return method
        }
    }

    public func parsedBounds() throws -> ClosedRange<Double>? {
        guard let bounds else { return nil }
        let parts = bounds.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, parts[0] < parts[1] else { throw OptionError("--bounds: expected a,b with a < b, found \"\(bounds)\"") }
        return parts[0]...parts[1]
    }

    /// The `--by` column names.
    public var byColumns: [String] {
        by.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } ?? []
    }

    /// The module's options.
    public func analysisOptions() throws -> InequalityOptions {
        InequalityOptions(
            statistic: statistic, multiplier: multiplier, scale: scale, direction: direction, weights: weights,
            confidences: try confidences(), intervalMethods: try intervalMethods(), repetitions: reps, seed: seed,
            minimumGroups: minimumGroups, expectedGroupCount: groups, bounds: try parsedBounds(),
            scoreOrder: scoreOrder, source: indicator)
    }
}
