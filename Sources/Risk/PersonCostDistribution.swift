/// The distribution of one person's annual cost in a cell of the cost model: parametric (a zero
/// probability and a lognormal or gamma tail) or empirical (resampled observed costs).
public enum PersonCostDistribution: Hashable, Sendable {
    case parametric(ParametricCost)
    case empirical(EmpiricalCost)

    /// E[X].
    public var mean: Double {
        switch self {
        case .parametric(let cost): return cost.mean
        case .empirical(let cost): return cost.mean
        }
    }

    /// Var X.
    public var variance: Double {
        switch self {
        case .parametric(let cost): return cost.variance
        case .empirical(let cost): return cost.variance
        }
    }

    /// P(X = 0).
    public var zeroProbability: Double {
        switch self {
        case .parametric(let cost): return cost.zeroProbability
        case .empirical(let cost): return cost.zeroProbability
        }
    }

    /// P(X > s).
    public func survival(_ s: Double) -> Double {
        switch self {
        case .parametric(let cost): return cost.survival(s)
        case .empirical(let cost): return cost.survival(s)
        }
    }

    /// The moments of X over (lower, upper].
    public func layer(above lower: Double, upTo upper: Double) -> LayerMoments {
        switch self {
        case .parametric(let cost): return cost.layer(above: lower, upTo: upper)
        case .empirical(let cost): return cost.layer(above: lower, upTo: upper)
        }
    }

    /// A threshold s with P(X > s) = q (parametric; at most q for empirical, because of ties);
    /// −∞ when every person must be above it.
    public func threshold(exceedance q: Double) -> Double {
        switch self {
        case .parametric(let cost): return cost.threshold(exceedance: q)
        case .empirical(let cost): return cost.threshold(exceedance: q)
        }
    }

    /// The cost of a person kept by a high-cost pool with threshold T, min(X, T), and the excess
    /// the pool pays, (X − T)⁺:
    /// E[min(X, T)] = E[X; X ≤ T] + T·P(X > T), E[min(X, T)²] = E[X²; X ≤ T] + T²·P(X > T),
    /// E[(X − T)⁺] = E[X] − E[min(X, T)].
    public func capped(at threshold: Double) -> CappedCost {
        let below = layer(above: -.infinity, upTo: threshold)
        let above = survival(threshold)
        let keptMean = below.first + threshold * above
        let keptSecond = below.second + threshold * threshold * above
        return CappedCost(keptMean: keptMean, keptVariance: max(0, keptSecond - keptMean * keptMean),
                          expectedExcess: max(0, mean - keptMean))
    }

    /// The distribution of X given X ≤ s (the bulk the simulation approximates): its probability,
    /// mean, variance and third absolute central moment ρ = E[|X − m|³ | X ≤ s], the last from the
    /// raw moments of the two layers either side of the mean m.
    public func bulk(upTo s: Double) -> BulkMoments {
        let whole = layer(above: -.infinity, upTo: s)
        guard whole.probability > 0 else {
            return BulkMoments(probability: 0, mean: 0, variance: 0, thirdAbsoluteCentralMoment: 0)
        }
        let mean = whole.conditionalMean
        let low = layer(above: -.infinity, upTo: min(mean, s))
        let high = mean < s ? layer(above: mean, upTo: s) : .empty
        let third = (high.centralThird(about: mean) - low.centralThird(about: mean)) / whole.probability
        return BulkMoments(probability: whole.probability, mean: mean, variance: whole.conditionalVariance,
                           thirdAbsoluteCentralMoment: max(0, third))
    }
}

/// Moments of a person's cost under a high-cost pool: what the consortium keeps, min(X, T), and
/// what the pool pays, (X − T)⁺.
public struct CappedCost: Hashable, Sendable {
    public let keptMean: Double
    public let keptVariance: Double
    public let expectedExcess: Double
}

/// The conditional distribution of a person's cost below the simulation threshold.
public struct BulkMoments: Hashable, Sendable {
    /// P(X ≤ s).
    public let probability: Double
    /// E[X | X ≤ s].
    public let mean: Double
    /// Var(X | X ≤ s).
    public let variance: Double
    /// E[|X − mean|³ | X ≤ s], for the Berry–Esseen bound.
    public let thirdAbsoluteCentralMoment: Double
}
