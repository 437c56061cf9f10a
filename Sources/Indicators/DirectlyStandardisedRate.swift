import Statistics

/// One stratum (age band) of a directly standardised rate: the observed count, the population at
/// risk and the standard population's weight.
public struct StandardisationStratum: Sendable, Equatable {
    public var count: Double
    public var population: Double
    public var weight: Double

    public init(count: Double, population: Double, weight: Double) {
        self.count = count
        self.population = population
        self.weight = weight
    }
}

/// A directly standardised rate with the totals it came from (`total_count`, `total_pop`).
public struct DirectlyStandardisedRateEstimate: Sendable, Equatable {
    public var totalCount: Double
    public var totalPopulation: Double
    public var estimate: IndicatorEstimate
}

/// Directly standardised rates with Dobson confidence limits.
public enum DirectlyStandardisedRate {
    /// A DSR is not published when the total count is below this (PHEindicatormethods:
    /// "dsr NA for total count < 10"; methods.md).
    public static let minimumTotalCount = 10.0

    /// The DSR over the strata i with counts Oᵢ, populations nᵢ and standard weights wᵢ:
    ///
    ///     DSR = Σ wᵢ Oᵢ/nᵢ / Σ wᵢ × multiplier,   Var = Σ (wᵢ/nᵢ)² Oᵢ / (Σ wᵢ)²,
    ///     limits = DSR + √(Var/O) (O_L − O) × multiplier,   O = Σ Oᵢ,
    ///
    /// with O_L, O_U the limits for the total count O (`ConfidenceInterval.dobson`; Byar's, as O ≥ 10).
    /// When O < 10 the value and limits are suppressed ("total count below 10"); the totals are
    /// still reported.
    /// Needs every nᵢ > 0, Oᵢ ≥ 0, wᵢ ≥ 0 with Σ wᵢ > 0.
    ///
    /// Source: Dobson AJ, Kuulasmaa K, Eberle E, Scherer J (1991) Confidence intervals for weighted
    /// sums of Poisson parameters, Stat Med 10:457-462; Breslow & Day (1987) for Byar's limits;
    /// PHEindicatormethods `calculate_dsr` (suppression below 10).
    public static func dobson(strata: [StandardisationStratum], confidence levels: [ConfidenceLevel],
                              multiplier: Double = 100_000) -> DirectlyStandardisedRateEstimate {
        var sums = DobsonSums()
        for stratum in strata {
            precondition(stratum.population > 0 && stratum.count >= 0 && stratum.weight >= 0,
                         "DirectlyStandardisedRate.dobson: needs populations > 0, counts >= 0, weights >= 0")
            sums.add(count: stratum.count, population: stratum.population, weight: stratum.weight)
        }
        precondition(sums.totalWeight > 0, "DirectlyStandardisedRate.dobson: the weights sum to zero")
        return dobson(sums, confidence: levels, multiplier: multiplier)
    }

    /// The same from sums already accumulated (the engine's one-pass path).
    static func dobson(_ sums: DobsonSums, confidence levels: [ConfidenceLevel], multiplier: Double) -> DirectlyStandardisedRateEstimate {
        let observed = sums.totalCount
        let value = sums.weightedRateSum / sums.totalWeight * multiplier
        let estimate: IndicatorEstimate
        if observed < minimumTotalCount {
            estimate = IndicatorEstimate(value: value, limits: levels.map { ConfidenceLimits(level: $0, lower: nil, upper: nil) }, method: "Dobson")
                .suppressed("total count below \(IndicatorStatistic.plainNumber(minimumTotalCount))")
        } else {
            let variance = sums.weightedVarianceSum / (sums.totalWeight * sums.totalWeight) * multiplier * multiplier
            let limits = levels.map { level -> ConfidenceLimits in
                let interval = ConfidenceInterval.dobson(observedTotal: observed, weightedSum: value, variance: variance, confidence: level)
                return ConfidenceLimits(level: level, lower: interval.lower, upper: interval.upper)
            }
            estimate = IndicatorEstimate(value: value, limits: limits, method: "Dobson")
        }
        return DirectlyStandardisedRateEstimate(totalCount: observed, totalPopulation: sums.totalPopulation, estimate: estimate)
    }
}

/// The running sums of a DSR: Σ Oᵢ, Σ nᵢ, Σ wᵢ, Σ wᵢ Oᵢ/nᵢ and Σ (wᵢ/nᵢ)² Oᵢ.
struct DobsonSums {
    var totalCount = 0.0
    var totalPopulation = 0.0
    var totalWeight = 0.0
    var weightedRateSum = 0.0
    var weightedVarianceSum = 0.0

    mutating func add(count: Double, population: Double, weight: Double) {
        let ratio = weight / population
        totalCount += count
        totalPopulation += population
        totalWeight += weight
        weightedRateSum += ratio * count
        weightedVarianceSum += ratio * ratio * count
    }
}
