import Statistics

/// Indirectly standardised ratios (standardised mortality/admission ratios) and rates.
public enum IndirectStandardisation {
    /// The expected count E = Σ nᵢ rᵢ for populations nᵢ and reference rates rᵢ (events per unit
    /// of population) of the same strata.
    public static func expected(populations: [Double], referenceRates: [Double]) -> Double {
        precondition(populations.count == referenceRates.count, "IndirectStandardisation.expected: one rate per population")
        var total = 0.0
        for (population, rate) in zip(populations, referenceRates) { total += population * rate }
        return total
    }

    /// The ratio O/E × `multiplier` (100 for the usual SMR scale). Limits are the limits for the
    /// observed count O divided by E (× multiplier): Byar's for O ≥ 10, exact Poisson below
    /// (`method` `Byars` or `Exact`). When E = 0 the ratio is undefined and suppressed.
    ///
    /// Source: Breslow & Day (1987); Armitage & Berry (2002); PHEindicatormethods `calculate_ISRatio`.
    /// `method` `.exactPoisson` gives exact limits at every count (`LimitMethod`).
    public static func ratio(observed: Double, expected: Double, confidence levels: [ConfidenceLevel],
                             multiplier: Double = 1, method: LimitMethod = .byar) -> IndicatorEstimate {
        scaled(observed: observed, expected: expected, scale: multiplier, levels: levels, method: method)
    }

    /// The indirectly standardised rate O/E × R × `multiplier`, R the reference crude rate
    /// (Σ reference events / Σ reference population, per unit); limits likewise from O's limits.
    ///
    /// Source: PHEindicatormethods `calculate_ISRate`.
    public static func rate(observed: Double, expected: Double, referenceRate: Double, confidence levels: [ConfidenceLevel],
                            multiplier: Double = 100_000, method: LimitMethod = .byar) -> IndicatorEstimate {
        scaled(observed: observed, expected: expected, scale: referenceRate * multiplier, levels: levels, method: method)
    }

    private static func scaled(observed: Double, expected: Double, scale: Double, levels: [ConfidenceLevel],
                               method limitMethod: LimitMethod) -> IndicatorEstimate {
        precondition(observed >= 0 && expected >= 0, "IndirectStandardisation: needs observed >= 0 and expected >= 0")
        let method = limitMethod.label(observed: observed)
        let limits = levels.map { level -> ConfidenceLimits in
            let count = limitMethod.countLimits(observed: observed, confidence: level)
            return ConfidenceLimits(level: level, lower: count.lower / expected * scale, upper: count.upper / expected * scale)
        }
        let estimate = IndicatorEstimate(value: observed / expected * scale, limits: limits, method: method)
        if expected == 0 { return estimate.suppressed("expected count is zero") }
        return estimate
    }
}
