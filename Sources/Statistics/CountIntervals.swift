import Foundation

extension ConfidenceInterval {
    /// Count at or above which ``poissonCount(observed:confidence:)`` switches from the exact method
    /// to Byar's approximation (methods.md: Byar "used when the count ≥ 10", exact for O < 10).
    public static let byarThreshold = 10.0

    /// Byar's approximation to the Poisson limits of an observed count `O`
    /// (Breslow & Day 1987, *Statistical Methods in Cancer Research* II, p. 69):
    ///
    ///     lower = O (1 − 1/(9O) − z/(3√O))³
    ///     upper = (O + 1)(1 − 1/(9(O + 1)) + z/(3√(O + 1)))³
    ///
    /// Limits for the count itself (divide by the denominator and multiply for a rate). Intended for
    /// `O ≥ 10`; the lower limit is 0 for `O = 0` and is floored at 0.
    /// - Precondition: `observed ≥ 0`.
    public static func byar(observed: Double, confidence: ConfidenceLevel) -> Interval {
        precondition(observed >= 0, "Byar's limits need a count ≥ 0")
        let z = confidence.z
        var lower = 0.0
        if observed > 0 {
            let base = 1 - 1 / (9 * observed) - z / (3 * observed.squareRoot())
            lower = max(0, observed * base * base * base)
        }
        let next = observed + 1
        let upperBase = 1 - 1 / (9 * next) + z / (3 * next.squareRoot())
        return Interval(lower: lower, upper: next * upperBase * upperBase * upperBase)
    }

    /// Exact Poisson limits of an observed count `O` (Garwood 1936; the chi-square form in
    /// Breslow & Day 1987):
    ///
    ///     lower = χ²(α/2; 2O) / 2   (0 when O = 0),   upper = χ²(1 − α/2; 2O + 2) / 2
    ///
    /// computed as gamma quantiles `P⁻¹(O, α/2)` and `Q⁻¹(O + 1, α/2)` (χ²_2k / 2 ~ Gamma(k)), the upper
    /// one solved on the upper tail.
    /// - Precondition: `observed ≥ 0`.
    public static func exactPoisson(observed: Double, confidence: ConfidenceLevel) -> Interval {
        precondition(observed >= 0, "Exact Poisson limits need a count ≥ 0")
        let tail = confidence.tailProbability
        let lower = observed == 0 ? 0 : SpecialFunctions.inverseIncompleteGamma(observed, lower: tail, upper: 1 - tail)
        let upper = SpecialFunctions.inverseIncompleteGamma(observed + 1, lower: 1 - tail, upper: tail)
        return Interval(lower: lower, upper: upper)
    }

    /// Limits for an observed Poisson count as the methods prescribe: exact for `O < 10`, Byar's
    /// approximation for `O ≥ 10` (``byarThreshold``).
    public static func poissonCount(observed: Double, confidence: ConfidenceLevel) -> Interval {
        observed < byarThreshold
            ? exactPoisson(observed: observed, confidence: confidence)
            : byar(observed: observed, confidence: confidence)
    }

    /// Dobson's method for a weighted sum of Poisson counts such as a directly standardised rate
    /// (Dobson, Kuulasmaa, Eberle & Scherer 1991, Statistics in Medicine 10:457):
    ///
    ///     lower = DSR + sqrt(Var(DSR) / O) · (O_L − O),   upper = DSR + sqrt(Var(DSR) / O) · (O_U − O)
    ///
    /// with `O = Σ Oᵢ` and `(O_L, O_U)` = ``poissonCount(observed:confidence:)`` of `O`. `weightedSum`
    /// is the DSR and `variance` its variance on the same scale (if the DSR is per 100,000, the
    /// variance is per 100,000²). The methods suppress the DSR when `O < 10`; that is the caller's
    /// decision.
    /// - Precondition: `observedTotal > 0`, `variance ≥ 0`.
    public static func dobson(
        observedTotal: Double, weightedSum: Double, variance: Double, confidence: ConfidenceLevel
    ) -> Interval {
        precondition(observedTotal > 0, "Dobson's method needs a total count > 0")
        precondition(variance >= 0, "Dobson's method needs a variance ≥ 0")
        let countLimits = poissonCount(observed: observedTotal, confidence: confidence)
        let scale = (variance / observedTotal).squareRoot()
        return Interval(
            lower: weightedSum + scale * (countLimits.lower - observedTotal),
            upper: weightedSum + scale * (countLimits.upper - observedTotal)
        )
    }

    /// Normal approximation on the log scale for the ratio of two rates `R = (O₁/d₁)/(O₂/d₂)`
    /// (methods.md "rates by normal approximation on the log ratio"; Breslow & Day 1987):
    ///
    ///     R · exp(∓ z · sqrt(1/O₁ + 1/O₂))
    ///
    /// - Precondition: `O₁, O₂ > 0`, `d₁, d₂ > 0`.
    public static func rateRatio(
        observed1: Double, denominator1: Double, observed2: Double, denominator2: Double,
        confidence: ConfidenceLevel
    ) -> Interval {
        precondition(observed1 > 0 && observed2 > 0, "A log rate ratio needs both counts > 0")
        precondition(denominator1 > 0 && denominator2 > 0, "A rate ratio needs both denominators > 0")
        let ratio = (observed1 / denominator1) / (observed2 / denominator2)
        let halfWidth = confidence.z * (1 / observed1 + 1 / observed2).squareRoot()
        return Interval(lower: ratio * exp(-halfWidth), upper: ratio * exp(halfWidth))
    }
}
