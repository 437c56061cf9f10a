/// A parametric distribution of one person's annual cost: zero with probability
/// `zeroProbability` (p₀), otherwise drawn from `tail` (a two-part, or hurdle, cost model:
/// Duan, Manning, Morris and Newhouse, *A comparison of alternative models for the demand for
/// medical care*, Journal of Business & Economic Statistics 1(2), 1983).
///
/// Moments: E[X] = (1 − p₀)E[Y], E[X²] = (1 − p₀)E[Y²], Var X = E[X²] − E[X]².
public struct ParametricCost: Hashable, Sendable {
    /// P(X = 0), in [0, 1].
    public let zeroProbability: Double
    /// The cost of a person with a cost; nil only when `zeroProbability` is 1.
    public let tail: CostTail?

    /// Requires 0 ≤ p₀ ≤ 1 and a tail unless p₀ = 1.
    public init(zeroProbability: Double, tail: CostTail?) {
        precondition(zeroProbability >= 0 && zeroProbability <= 1, "ParametricCost: p0 = \(zeroProbability)")
        precondition(tail != nil || zeroProbability == 1, "ParametricCost: no tail with p0 < 1")
        self.zeroProbability = zeroProbability
        self.tail = zeroProbability == 1 ? nil : tail
    }

    /// 1 − p₀.
    public var positiveProbability: Double { 1 - zeroProbability }

    /// E[X] = (1 − p₀)E[Y].
    public var mean: Double { tail.map { positiveProbability * $0.mean } ?? 0 }

    /// Var X = (1 − p₀)E[Y²] − ((1 − p₀)E[Y])² = (1 − p₀)Var Y + p₀(1 − p₀)E[Y]².
    public var variance: Double {
        guard let tail else { return 0 }
        let tailMean = tail.mean
        return positiveProbability * tail.variance + zeroProbability * positiveProbability * tailMean * tailMean
    }

    /// P(X > s): 1 for s < 0, (1 − p₀)P(Y > s) for s ≥ 0.
    public func survival(_ s: Double) -> Double {
        if s < 0 { return 1 }
        guard let tail else { return 0 }
        return positiveProbability * tail.survival(s)
    }

    /// The moments of X over (lower, upper]; the zero atom counts when lower < 0 ≤ upper.
    public func layer(above lower: Double, upTo upper: Double) -> LayerMoments {
        var moments = LayerMoments.empty
        if lower < 0 && upper >= 0 { moments.probability = zeroProbability }
        guard let tail, upper > 0, upper > lower else { return moments }
        let from = max(lower, 0)
        moments.probability += positiveProbability * tail.partialMoment(order: 0, above: from, upTo: upper)
        moments.first = positiveProbability * tail.partialMoment(order: 1, above: from, upTo: upper)
        moments.second = positiveProbability * tail.partialMoment(order: 2, above: from, upTo: upper)
        moments.third = positiveProbability * tail.partialMoment(order: 3, above: from, upTo: upper)
        return moments
    }

    /// The threshold s ≥ 0 with P(X > s) = q: 0 when q ≥ 1 − p₀ (every person with a cost is
    /// above it), else the tail's upper quantile at q/(1 − p₀).
    public func threshold(exceedance q: Double) -> Double {
        guard let tail, q < positiveProbability else { return 0 }
        if q <= 0 { return .infinity }
        return tail.quantile(upperTail: q / positiveProbability)
    }
}
