import Statistics
import Population

/// Monte Carlo confidence limits for the SII, RII and ratio RII, by the simulation method of
/// PHEindicatormethods' `phe_sii` (the method Fingertips' inequality indicators use).
///
/// For each of `repetitions` draws, every group's value is drawn independently from a normal
/// distribution on its scale t (identity, log for rates, logit for proportions),
/// t(yᵢ*) ~ N(t(yᵢ), sᵢ²), where sᵢ is the group's standard error on that scale (phe_sii takes
/// sᵢ = (t(U₉₅) − t(L₉₅)) / (2 · 1.959963984540054) from the group's 95% limits); the draws are
/// transformed back, multiplied by the multiplier, and the weighted line is refitted with the
/// same ranks and weights as the point estimate. The limits at confidence c are order statistics
/// of the sorted simulated measures: positions round(R α/2) and round(R (1 − α/2)) (1-based,
/// rounding half to even), as phe_sii takes them. All confidence levels share the same draws.
///
/// Draws are standard normal deviates from the project's portable generator
/// (`Population.SyntheticRandom(seed:)`, xoshiro256** seeded by SplitMix64, normals by
/// Marsaglia's polar method), one per group in group order within each repetition, and the scales
/// use `PortableMath`, so the limits are the same for a given seed on every machine.
/// Cost: O(R · groups) time, O(R) memory per measure.
public enum SlopeIndexSimulation {
    /// One group's value on its simulation scale.
    public struct Group: Sendable, Equatable {
        /// t(y): the value (without multiplier) on the scale.
        public var transformedValue: Double
        /// s: its standard error on the scale (≥ 0).
        public var transformedStandardError: Double

        public init(transformedValue: Double, transformedStandardError: Double) {
            self.transformedValue = transformedValue
            self.transformedStandardError = transformedStandardError
        }
    }

    /// The 1-based positions of the lower and upper limits among `repetitions` sorted draws.
    /// α is the confidence level's, rounded to 12 significant digits (`ConfidenceLevel`), so that
    /// 0.95 gives exactly 250 and 9,750 of 10,000.
    public static func orderStatisticPositions(repetitions: Int, confidence: Double) -> (lower: Int, upper: Int) {
        let count = Double(repetitions)
        let tail = ConfidenceLevel(fraction: confidence).tailProbability
        let lower = Int((count * tail).rounded(.toNearestOrEven))
        let upper = Int((count * (1 - tail)).rounded(.toNearestOrEven))
        return (min(max(lower, 1), repetitions), min(max(upper, 1), repetitions))
    }

    /// Simulated limits of each measure at each confidence level (in the order given); nil for a
    /// measure when any simulated value is not finite (a ratio whose denominator crossed zero).
    ///
    /// - Parameters:
    ///   - groups: most deprived first.
    ///   - populations: the groups' populations (they fix the ranks).
    ///   - inverseVarianceWeights: regression weights instead of the populations, as in the fit.
    public static func limits(
        groups: [Group], scale: IndicatorScale, multiplier: Double, populations: [Double],
        inverseVarianceWeights: [Double]? = nil, direction: InequalityDirection,
        repetitions: Int, seed: UInt64, confidences: [Double]
    ) -> [SlopeIndexMeasure: [Interval?]] {
        precondition(groups.count == populations.count && groups.count >= 3, "SlopeIndexSimulation: needs ≥ 3 groups")
        precondition(repetitions >= 1, "SlopeIndexSimulation: needs at least one repetition")
        let ranks = FractionalRank.midpoints(orderedPopulations: populations)
        let weights = inverseVarianceWeights ?? populations
        // The fitted line is linear in y: b = Σ slopeCoefficientᵢ yᵢ and ȳ = Σ meanCoefficientᵢ yᵢ.
        let totalWeight = weights.reduce(0, +)
        var meanRank = 0.0
        for index in ranks.indices { meanRank += weights[index] * ranks[index] }
        meanRank /= totalWeight
        var spread = 0.0
        for index in ranks.indices { spread += weights[index] * (ranks[index] - meanRank) * (ranks[index] - meanRank) }
        let slopeCoefficients = ranks.indices.map { weights[$0] * (ranks[$0] - meanRank) / spread }
        let meanCoefficients = weights.map { $0 / totalWeight }

        let measures = SlopeIndexMeasure.allCases
        var draws = [[Double]](repeating: [Double](repeating: 0, count: repetitions), count: measures.count)
        var generator = SyntheticRandom(seed: seed)
        for repetition in 0..<repetitions {
            var slope = 0.0
            var mean = 0.0
            for (index, group) in groups.enumerated() {
                let drawn = scale.inverse(group.transformedValue + group.transformedStandardError * generator.normal()) * multiplier
                slope += slopeCoefficients[index] * drawn
                mean += meanCoefficients[index] * drawn
            }
            let intercept = mean - slope * meanRank
            for (position, measure) in measures.enumerated() {
                draws[position][repetition] = measure.value(intercept: intercept, slope: slope, direction: direction)
            }
        }
        var result: [SlopeIndexMeasure: [Interval?]] = [:]
        for (position, measure) in measures.enumerated() {
            guard draws[position].allSatisfy({ $0.isFinite }) else {
                result[measure] = confidences.map { _ in nil }
                continue
            }
            draws[position].sort()
            result[measure] = confidences.map { confidence in
                let (lower, upper) = orderStatisticPositions(repetitions: repetitions, confidence: confidence)
                return Interval(lower: draws[position][lower - 1], upper: draws[position][upper - 1])
            }
        }
        return result
    }
}
