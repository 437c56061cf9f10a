import Statistics

/// Funnel-plot control limits around a target θ for an organisation with a given denominator, on
/// the natural scale of the statistic (a proportion, a rate per unit of person-time, a ratio).
///
/// Exact limits (Spiegelhalter 2005, Appendix A.1, with `DiscreteControlLimit`'s interpolation):
/// - proportion: R ~ Binomial(n, θ), limit (r_p − α)/n, n the (whole) denominator;
/// - rate: R ~ Poisson(θ·n), limit (r_p − α)/n, n the person-time;
/// - ratio: R ~ Poisson(θ·E), limit (r_p − α)/E, E the expected count.
/// Normal limits: θ ± z_p·sᵢ. Wilson-score limits (proportions, `wilsonScoreLimit`): the
/// proportions y whose Wilson score interval for n trials has θ as its edge. Every limit is cut at 0, and proportions also at 1 (an interpolated
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
        case .wilson:
            precondition(statistic == .proportion, "FunnelLimits: Wilson-score funnel limits are for proportions")
            values = ControlLimits.probabilities.map { wilsonScoreLimit(target: target, trials: denominator, probability: $0) }
        case .exact:
            switch statistic {
            case .proportion: values = exactBinomialLimits(target: target, trials: Int(denominator))
            case .rate, .ratio: values = exactPoissonLimits(target: target, exposure: denominator)
            }
        }
        for index in 0..<4 { values[index] = clamp(values[index], statistic: statistic) }
        return ControlLimits(lower95: values[1], upper95: values[2], lower998: values[0], upper998: values[3])
    }

    /// The Wilson-score funnel limit of PHEindicatormethods' `calculate_funnel_limits` for a
    /// proportion θ and n trials at cumulative probability p (0.001, 0.025, 0.975, 0.999), on the
    /// natural scale and not cut at 0 or 1.
    ///
    /// The package (after the Fingertips technical guidance) takes the value y at which the Wilson
    /// score interval of y with n trials, at z = Φ⁻¹(p), just reaches θ: the root of
    /// (θ(1 + z²/n) − y − z²/(2n))² = z²(y(1 − y)/n + z²/(4n²)) on the side of p. Writing its
    /// quadratic out, the discriminant is θ(1 − θ)(n/z² + 1)²·z²/n and the roots reduce to
    /// y = θ ± |z|·√(θ(1 − θ)/n): the score test's limits, which the Wilson interval inverts.
    /// The package's expression (`sigma_adjustment`) is the unreduced form of the same roots; its
    /// published curve for θ = 80.642448% (`testdata_funnel_prop_outputs.csv`) is reproduced in
    /// `FunnelLimitsTests`.
    public static func wilsonScoreLimit(target: Double, trials: Double, probability: Double) -> Double {
        let z = normalQuantile(probability)
        let root = (target * (1 - target) / trials).squareRoot()
        return target + z * root
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
