import Statistics

/// Funnel-plot control limits around a target θ for an organisation with a given denominator, on
/// the natural scale of the statistic (a proportion, a rate per unit of person-time, a ratio).
///
/// Exact limits (Spiegelhalter 2005, Appendix A.1, with `DiscreteControlLimit`'s interpolation):
/// - proportion: R ~ Binomial(n, θ), limit (r_p − α)/n, n the (whole) denominator;
/// - rate: R ~ Poisson(θ·n), limit (r_p − α)/n, n the person-time;
/// - ratio: R ~ Poisson(θ·E), limit (r_p − α)/E, E the expected count.
/// Normal limits: θ ± z_p·sᵢ. Every limit is cut at 0, and proportions also at 1 (an interpolated
/// lower limit can fall below 0 when r_p = 0, and a normal one whenever z·s > θ).
///
/// z_p = Φ⁻¹(p) exactly (1.959963984540054 and 3.090232306167813), never 1.96 and 3.09. Accuracy of
/// the exact limits: that of the Statistics module's binomial and Poisson distribution functions
/// (relative 1e-12 or better), divided by the probability of r_p.
public enum FunnelLimits {
    /// Φ⁻¹ of `ControlLimits.probabilities`.
    public static let normalQuantiles: [Double] = ControlLimits.probabilities.map { Normal.quantile($0) }

    /// The four limits for `statistic` by `method`.
    public static func limits(statistic: BenchmarkStatistic, method: FunnelMethod, target: Double, denominator: Double) -> ControlLimits {
        var values = [Double](repeating: 0, count: 4)
        switch method {
        case .normal:
            let standardError = statistic.standardError(target: target, denominator: denominator)
            for index in 0..<4 { values[index] = target + normalQuantiles[index] * standardError }
        case .exact:
            switch statistic {
            case .proportion: values = exactBinomialLimits(target: target, trials: Int(denominator))
            case .rate, .ratio: values = exactPoissonLimits(target: target, exposure: denominator)
            }
        }
        for index in 0..<4 { values[index] = clamp(values[index], statistic: statistic) }
        return ControlLimits(lower95: values[1], upper95: values[2], lower998: values[0], upper998: values[3])
    }

    /// Limits θ ± z·s for a given standard error (used for the over-dispersion-adjusted limits).
    public static func normalLimits(statistic: BenchmarkStatistic, target: Double, standardError: Double) -> ControlLimits {
        let values = normalQuantiles.map { clamp(target + $0 * standardError, statistic: statistic) }
        return ControlLimits(lower95: values[1], upper95: values[2], lower998: values[0], upper998: values[3])
    }

    /// The exact binomial limit (r_p − α)/n for cumulative probability `probability` in (0, 1).
    /// Degenerate targets give θ itself (0 for θ ≤ 0, 1 for θ ≥ 1).
    public static func exactBinomial(target: Double, trials: Int, probability: Double) -> Double {
        precondition(trials >= 1, "FunnelLimits: at least one trial")
        if target <= 0 { return 0 }
        if target >= 1 { return 1 }
        let limit = DiscreteControlLimit(distribution: BinomialCounts(trials: trials, probability: target))
        let start = binomialStart(target: target, trials: trials, probability: probability)
        return max(0, limit.position(probability: probability, start: start) / Double(trials))
    }

    /// The exact Poisson limit (r_p − α)/E for a count with mean θ·E.
    public static func exactPoisson(target: Double, exposure: Double, probability: Double) -> Double {
        precondition(exposure > 0, "FunnelLimits: exposure must be positive")
        if target <= 0 { return 0 }
        let mean = target * exposure
        let limit = DiscreteControlLimit(distribution: PoissonCounts(mean: mean))
        return max(0, limit.position(probability: probability, start: poissonStart(mean: mean, probability: probability)) / exposure)
    }

    /// The four exact binomial limits (at `ControlLimits.probabilities`), one walk per tail.
    static func exactBinomialLimits(target: Double, trials: Int) -> [Double] {
        precondition(trials >= 1, "FunnelLimits: at least one trial")
        if target <= 0 { return [0, 0, 0, 0] }
        if target >= 1 { return [1, 1, 1, 1] }
        let limit = DiscreteControlLimit(distribution: BinomialCounts(trials: trials, probability: target))
        let probabilities = ControlLimits.probabilities
        let lower = limit.positions(ascending: [probabilities[0], probabilities[1]],
                                    start: binomialStart(target: target, trials: trials, probability: probabilities[0]))
        let upper = limit.positions(ascending: [probabilities[2], probabilities[3]],
                                    start: binomialStart(target: target, trials: trials, probability: probabilities[2]))
        return (lower + upper).map { max(0, $0 / Double(trials)) }
    }

    /// The four exact Poisson limits (at `ControlLimits.probabilities`), one walk per tail.
    static func exactPoissonLimits(target: Double, exposure: Double) -> [Double] {
        precondition(exposure > 0, "FunnelLimits: exposure must be positive")
        if target <= 0 { return [0, 0, 0, 0] }
        let mean = target * exposure
        let limit = DiscreteControlLimit(distribution: PoissonCounts(mean: mean))
        let probabilities = ControlLimits.probabilities
        let lower = limit.positions(ascending: [probabilities[0], probabilities[1]], start: poissonStart(mean: mean, probability: probabilities[0]))
        let upper = limit.positions(ascending: [probabilities[2], probabilities[3]], start: poissonStart(mean: mean, probability: probabilities[2]))
        return (lower + upper).map { max(0, $0 / exposure) }
    }

    static func binomialStart(target: Double, trials: Int, probability: Double) -> Int {
        let mean = Double(trials) * target
        let deviation = (mean * (1 - target)).squareRoot()
        return cornishFisherStart(mean: mean, deviation: deviation, skewness: (1 - 2 * target) / deviation, probability: probability)
    }

    static func poissonStart(mean: Double, probability: Double) -> Int {
        let deviation = mean.squareRoot()
        return cornishFisherStart(mean: mean, deviation: deviation, skewness: 1 / deviation, probability: probability)
    }

    /// A first guess of r_p: the Cornish–Fisher quantile μ + σ(z + (z² − 1)γ/6) with a continuity
    /// correction of one half, rounded up.
    static func cornishFisherStart(mean: Double, deviation: Double, skewness: Double, probability: Double) -> Int {
        let z = normalQuantile(probability)
        let estimate = mean + deviation * (z + (z * z - 1) * skewness / 6) - 0.5
        guard estimate.isFinite else { return 0 }
        return Int(max(0, min(estimate.rounded(.up), 9.0e15)))
    }

    /// Φ⁻¹(p), from the table for the four published probabilities.
    static func normalQuantile(_ probability: Double) -> Double {
        if let index = ControlLimits.probabilities.firstIndex(of: probability) { return normalQuantiles[index] }
        return Normal.quantile(probability)
    }

    static func clamp(_ value: Double, statistic: BenchmarkStatistic) -> Double {
        switch statistic {
        case .proportion: return min(max(value, 0), 1)
        case .rate, .ratio: return max(value, 0)
        }
    }
}
