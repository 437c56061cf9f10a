/// The kind of statistic an indicator is, which decides its sampling model, its confidence
/// interval and its funnel limits (Spiegelhalter 2005, Table I).
///
/// | statistic | y | model under target θ | standard error sᵢ |
/// | --- | --- | --- | --- |
/// | proportion | numerator / denominator | numerator ~ Binomial(n, θ) | √(θ(1 − θ)/n) |
/// | rate | events / person-time (or population) | events ~ Poisson(θ·n) | √(θ/n) |
/// | ratio | observed / expected (an indirectly standardised ratio) | observed ~ Poisson(θ·E) | √(θ/E) |
public enum BenchmarkStatistic: String, Sendable, CaseIterable {
    case proportion
    case rate
    case ratio

    /// The multiplier used when none is given: proportions as percentages (Fingertips' practice),
    /// rates per 100,000, ratios as ratios (1 = as expected).
    public var defaultMultiplier: Double {
        switch self {
        case .proportion: return 100
        case .rate: return 100_000
        case .ratio: return 1
        }
    }

    /// The standard error of y under the target θ for an organisation with `denominator`
    /// (trials, person-time or expected count).
    public func standardError(target: Double, denominator: Double) -> Double {
        switch self {
        case .proportion: return (target * (1 - target) / denominator).squareRoot()
        case .rate, .ratio: return (target / denominator).squareRoot()
        }
    }

    /// The count a problem is about.
    public enum Field: String, Sendable {
        case numerator
        case denominator
    }

    /// Why `numerator` and `denominator` cannot be this statistic's counts (and which of them is at
    /// fault), or nil when they can. Proportions need whole numbers with 0 ≤ numerator ≤
    /// denominator and denominator ≥ 1; rates and ratios need a whole number of events ≥ 0 and a
    /// denominator > 0.
    public func problem(numerator: Double, denominator: Double) -> (field: Field, message: String)? {
        let numeratorIsWhole = numerator >= 0 && numerator == numerator.rounded() && numerator < 9.0e15
        switch self {
        case .proportion:
            if !(denominator >= 1 && denominator == denominator.rounded() && denominator < 9.0e15) {
                return (.denominator, "a proportion's denominator must be a whole number >= 1")
            }
            if !numeratorIsWhole { return (.numerator, "a proportion's numerator must be a whole number >= 0") }
            if numerator > denominator { return (.numerator, "a proportion's numerator must not exceed its denominator") }
        case .rate:
            if !numeratorIsWhole { return (.numerator, "a rate's numerator (events) must be a whole number >= 0") }
            if !(denominator > 0 && denominator.isFinite) { return (.denominator, "a rate's denominator must be > 0") }
        case .ratio:
            if !numeratorIsWhole { return (.numerator, "a ratio's numerator (observed events) must be a whole number >= 0") }
            if !(denominator > 0 && denominator.isFinite) { return (.denominator, "a ratio's denominator (expected events) must be > 0") }
        }
        return nil
    }
}
