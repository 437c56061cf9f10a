import Statistics

/// Crude rates (and counts) with Poisson confidence limits.
public enum CrudeRates {
    /// The rate `O / n` × `multiplier` with limits for the count O divided by n (× multiplier):
    ///
    /// - O ≥ 10, Byar: lower = O (1 − 1/(9O) − z/(3√O))³, upper = (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³;
    /// - O < 10, exact: lower = χ²(α/2; 2O)/2 (0 when O = 0), upper = χ²(1 − α/2; 2O + 2)/2.
    ///
    /// `method` is `Byars` or `Exact` accordingly. Needs O ≥ 0 and n > 0 (O may exceed n).
    ///
    /// Source: Breslow NE, Day NE, *Statistical Methods in Cancer Research* vol II (1987);
    /// Armitage P, Berry G, *Statistical Methods in Medical Research* (2002); PHEindicatormethods
    /// `phe_rate` (the switch at 10, `ConfidenceInterval.poissonCount`).
    ///
    /// `method` `.exactPoisson` gives the exact limits at every count (`LimitMethod`).
    public static func rate(count observed: Double, denominator: Double, confidence levels: [ConfidenceLevel],
                            multiplier: Double = 100_000, method: LimitMethod = .byar) -> IndicatorEstimate {
        precondition(observed >= 0 && denominator > 0, "CrudeRates.rate: needs count >= 0 and denominator > 0")
        let scale = multiplier / denominator
        let limits = levels.map { level -> ConfidenceLimits in
            let interval = method.countLimits(observed: observed, confidence: level).scaled(by: scale)
            return ConfidenceLimits(level: level, lower: interval.lower, upper: interval.upper)
        }
        return IndicatorEstimate(value: observed * scale, limits: limits, method: method.label(observed: observed))
    }

    /// `Exact` below `ConfidenceInterval.byarThreshold` (10), `Byars` from it on: the method label
    /// PHEindicatormethods writes for the limits of a count.
    public static func countMethod(observed: Double) -> String {
        observed < ConfidenceInterval.byarThreshold ? "Exact" : "Byars"
    }
}
