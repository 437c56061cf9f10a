import Statistics
import Tables

/// One indicator's inequality across deprivation groups: the groups, then every measure with its
/// limits where they are defined (design `methods.md`, Inequality).
///
/// Measures, in output order:
/// - `mean`: Σ population · value / Σ population (the ratio of sums for counts).
/// - `sii`, `rii`, `rii_ratio` (`SlopeIndexOfInequality`), with simulated and/or analytic limits.
/// - `gap`, `ratio` between group 1 (most deprived) and group k (least), in the analysis'
///   direction (`GroupComparison`).
/// - `concentration_index` with normal limits C ∓ z·SE (`ConcentrationIndex`), and for bounded
///   indicators `concentration_index_erreygers` and `concentration_index_wagstaff` (no limits).
///   Units are the organisations when the rows are organisations (ranked by their deprivation
///   score when every row has one, else by group), otherwise the groups. The rank runs from the
///   first end of the direction to the other, so a positive index has the same meaning as a
///   positive SII.
/// - `gini`, `theil_t` and `theil_l` (with `_between` and `_within` parts when the rows carry a
///   partition such as the consortium), `atkinson_<ε>` over the same units, weighted by
///   population; no limits. A measure whose domain the values leave (a zero for Theil L) is
///   reported without a value, and the method says why.
public enum InequalityAnalysis {
    /// The groups and all measures of one indicator. Throws `DataError` (bad data, naming file and
    /// line where a row is at fault) for the inputs `GroupAggregation` rejects: a group with no rows
    /// or zero population, fewer than `options.minimumGroups` groups, a row without its numbers, a
    /// value outside its scale, an organisation given twice.
    public static func analyse(_ observations: [IndicatorObservation], options: InequalityOptions) throws -> InequalityResult {
        let groups = try GroupAggregation.groups(observations, options: options)
        let multiplier = options.multiplier
        var estimates: [InequalityEstimate] = []

        let populations = groups.map(\.population)
        let totalPopulation = populations.reduce(0, +)
        let mean = groups.reduce(0) { $0 + $1.population * $1.value } / totalPopulation
        estimates.append(InequalityEstimate(measure: "mean", value: mean * multiplier,
                                            method: "population-weighted mean of the \(groups.count) groups"))

        try appendSlopeIndices(groups: groups, options: options, to: &estimates)
        appendComparisons(groups: groups, options: options, to: &estimates)
        let units = try InequalityUnits(observations: observations, groups: groups, options: options)
        appendConcentration(units: units, options: options, to: &estimates)
        appendDistribution(units: units, options: options, to: &estimates)
        return InequalityResult(groups: groups, estimates: estimates)
    }

    private static func appendSlopeIndices(groups: [GroupEstimate], options: InequalityOptions,
                                           to estimates: inout [InequalityEstimate]) throws {
        let multiplier = options.multiplier
        let populations = groups.map(\.population)
        var inverseVariances: [Double]?
        if options.weights == .inverseVariance {
            inverseVariances = try groups.map { group in
                let standardError = group.naturalStandardError * multiplier
                guard standardError > 0 && standardError.isFinite else {
                    throw DataError(.badData, at: SourceLocation(file: options.source),
                                    "deprivation group \(group.group) has a standard error of \(Table.formatNumber(standardError)); inverse-variance weights need positive standard errors")
                }
                return 1 / (standardError * standardError)
            }
        }
        let fit = SlopeIndexOfInequality(orderedValues: groups.map { $0.value * multiplier }, populations: populations,
                                         inverseVarianceWeights: inverseVariances, direction: options.direction)
        let scale = groups[0].scale
        let weightsText = options.weights == .population ? "population" : "inverse-variance"
        var simulated: [SlopeIndexMeasure: [Interval?]] = [:]
        if options.intervalMethods.contains(.simulation) {
            simulated = SlopeIndexSimulation.limits(
                groups: groups.map { .init(transformedValue: $0.scale.transform($0.value), transformedStandardError: $0.scaleStandardError) },
                scale: scale, multiplier: multiplier, populations: populations, inverseVarianceWeights: inverseVariances,
                direction: options.direction, repetitions: options.repetitions, seed: options.seed, confidences: options.confidences)
        }
        for measure in SlopeIndexMeasure.allCases {
            let value = fit.value(measure)
            let definition = "\(measure.definitionText(direction: options.direction)); \(weightsText)-weighted regression on cumulative population midpoints"
            for method in options.intervalMethods {
                for (position, confidence) in options.confidences.enumerated() {
                    switch method {
                    case .simulation:
                        let limits = simulated[measure]![position]
                        let note = limits == nil ? "; no limits: a simulated denominator crossed zero" : ""
                        estimates.append(InequalityEstimate(
                            measure: measure.rawValue, value: value, limits: limits, confidence: limits == nil ? nil : confidence,
                            method: "simulation (\(options.repetitions) repetitions, seed \(options.seed), \(scale.rawValue) scale); \(definition)\(note)"))
                    case .analytic:
                        let critical: Double
                        let distribution: String
                        if let degrees = fit.degreesOfFreedom {
                            critical = GroupIntervals.studentCriticalValue(confidence: confidence, degreesOfFreedom: degrees)
                            distribution = "t with \(degrees) df"
                        } else {
                            critical = GroupIntervals.normalCriticalValue(confidence: confidence)
                            distribution = "normal, known variances"
                        }
                        let limits = fit.analyticLimits(measure, criticalValue: critical)
                        estimates.append(InequalityEstimate(
                            measure: measure.rawValue, value: value, limits: Interval(lower: limits.lower, upper: limits.upper),
                            confidence: confidence,
                            method: "analytic (WLS covariance, delta method, \(distribution)); \(definition)"))
                    }
                }
            }
        }
    }

    private static func appendComparisons(groups: [GroupEstimate], options: InequalityOptions,
                                          to estimates: inout [InequalityEstimate]) {
        let (first, second) = options.direction == .mostMinusLeast ? (groups.first!, groups.last!) : (groups.last!, groups.first!)
        let ends = "group 1 (most deprived) and group \(groups.count) (least deprived)"
        for confidence in options.confidences {
            let gap = GroupComparison.gap(first: first, second: second, confidence: confidence)
            let method: String
            switch options.statistic {
            case .proportion: method = "Newcombe hybrid score (Wilson limits)"
            case .rate: method = "MOVER from the groups' Byar/exact Poisson limits"
            case .ratio, .value: method = "MOVER from the groups' limits"
            }
            estimates.append(InequalityEstimate(
                measure: "gap", value: gap.value * options.multiplier,
                limits: Interval(lower: gap.limits.lower * options.multiplier, upper: gap.limits.upper * options.multiplier),
                confidence: confidence, method: "\(method); \(options.direction.differenceText), \(ends)"))
        }
        for confidence in options.confidences {
            let ratio = GroupComparison.ratio(first: first, second: second, confidence: confidence)
            estimates.append(InequalityEstimate(
                measure: "ratio", value: ratio.value, limits: ratio.limits, confidence: confidence,
                method: "normal on the log ratio; \(options.direction.ratioText), \(ends)"))
        }
    }

    private static func appendConcentration(units: InequalityUnits, options: InequalityOptions,
                                            to estimates: inout [InequalityEstimate]) {
        let endText = options.direction == .mostMinusLeast
            ? "rank from least to most deprived (C > 0: higher among the more deprived)"
            : "rank from most to least deprived (C > 0: higher among the less deprived)"
        let rankedBy = "\(units.rankingDescription); \(endText)"
        let mean = units.weightedMean
        guard mean > 0 else {
            estimates.append(InequalityEstimate(measure: "concentration_index", value: nil,
                                                method: "not defined: needs a positive mean"))
            return
        }
        let negatives = units.values.filter { $0 < 0 }.count
        let negativeNote = negatives == 0 ? "" : "; \(negatives) values are negative, so C is not bounded by -1 and 1"
        let index = ConcentrationIndex(values: units.values, weights: units.weights, keys: units.rankKeys,
                                       individualVariances: units.individualVariances)
        for confidence in options.confidences {
            let z = GroupIntervals.normalCriticalValue(confidence: confidence)
            estimates.append(InequalityEstimate(
                measure: "concentration_index", value: index.index,
                limits: Interval(lower: index.index - z * index.standardError, upper: index.index + z * index.standardError),
                confidence: confidence,
                method: "2 cov(y, R)/mean, standard error of Kakwani, Wagstaff and van Doorslaer (1997); \(rankedBy)\(negativeNote)"))
        }
        let bounds = options.bounds ?? (options.statistic == .proportion ? 0...options.multiplier : nil)
        guard let bounds, negatives == 0 else { return }
        let boundsText = "bounds \(Table.formatNumber(bounds.lowerBound)) to \(Table.formatNumber(bounds.upperBound))"
        estimates.append(InequalityEstimate(
            measure: "concentration_index_erreygers",
            value: index.erreygers(lowerBound: bounds.lowerBound, upperBound: bounds.upperBound),
            method: "Erreygers (2009) 4·mean/(b − a)·C, \(boundsText); no limits"))
        let inside = bounds.lowerBound < mean && mean < bounds.upperBound
        estimates.append(InequalityEstimate(
            measure: "concentration_index_wagstaff",
            value: inside ? index.wagstaff(lowerBound: bounds.lowerBound, upperBound: bounds.upperBound) : nil,
            method: inside ? "Wagstaff (2005) (b − a)·mean·C/((b − mean)(mean − a)), \(boundsText); no limits"
                           : "not defined: the mean is on a bound (\(boundsText))"))
    }

    private static func appendDistribution(units: InequalityUnits, options: InequalityOptions,
                                           to estimates: inout [InequalityEstimate]) {
        let values = units.values, weights = units.weights
        let over = "population-weighted over \(units.unitDescription)"
        let negatives = values.filter { $0 < 0 }.count
        let nonNegative = negatives == 0 && units.weightedMean > 0
        let positive = values.allSatisfy { $0 > 0 }
        let zeros = values.filter { $0 == 0 }.count
        let domain = negatives > 0 ? "not defined: \(negatives) of the values are negative" : "not defined: needs values >= 0 with a positive mean"
        estimates.append(InequalityEstimate(
            measure: "gini", value: nonNegative ? GiniCoefficient.value(values: values, weights: weights) : nil,
            method: nonNegative ? "Gini, \(over); no limits" : domain))
        let theilT = nonNegative ? TheilIndex.theilT(values: values, weights: weights, subgroups: units.partitions) : nil
        let theilL = positive ? TheilIndex.theilL(values: values, weights: weights, subgroups: units.partitions) : nil
        let undefinedL = nonNegative ? "not defined: \(zeros) of the values are 0 (Theil L needs values > 0)" : domain
        for (name, index, reason) in [("theil_t", theilT, domain), ("theil_l", theilL, undefinedL)] {
            estimates.append(InequalityEstimate(measure: name, value: index?.total,
                                                method: index == nil ? reason : "Theil, \(over); no limits"))
            if units.partitions != nil {
                estimates.append(InequalityEstimate(measure: "\(name)_between", value: index?.between,
                                                    method: index == nil ? reason : "between \(units.partitionCount) subgroups (\(units.partitionName)); no limits"))
                estimates.append(InequalityEstimate(measure: "\(name)_within", value: index?.within,
                                                    method: index == nil ? reason : "within \(units.partitionCount) subgroups (\(units.partitionName)); no limits"))
            }
        }
        for aversion in options.atkinsonAversions {
            let defined = nonNegative && AtkinsonIndex.isDefined(values: values, aversion: aversion)
            estimates.append(InequalityEstimate(
                measure: "atkinson_\(Table.formatNumber(aversion))",
                value: defined ? AtkinsonIndex.value(values: values, weights: weights, aversion: aversion) : nil,
                method: defined ? "Atkinson, epsilon \(Table.formatNumber(aversion)), \(over); no limits"
                                : (nonNegative ? "not defined: \(zeros) of the values are 0 (epsilon >= 1 needs values > 0)" : domain)))
        }
    }
}
