/// The empirical distribution of one person's annual cost in a cell: the observed costs of the
/// persons of a persons file, each with probability 1/m. Drawing from it is resampling with
/// replacement (Efron's bootstrap).
///
/// Moments are plain averages over the observations, summed in ascending order.
public struct EmpiricalCost: Hashable, Sendable {
    /// The observed costs, ascending, all ≥ 0 and finite.
    public let sortedCosts: [Double]

    /// Requires at least one cost; every cost finite and ≥ 0.
    public init(costs: [Double]) {
        precondition(!costs.isEmpty, "EmpiricalCost: no costs")
        precondition(costs.allSatisfy { $0 >= 0 && $0.isFinite }, "EmpiricalCost: a negative or infinite cost")
        sortedCosts = costs.sorted()
    }

    /// m, the number of observations.
    public var count: Int { sortedCosts.count }

    /// P(X = 0): the share of zero costs.
    public var zeroProbability: Double {
        Double(firstIndex(above: 0)) / Double(count)
    }

    /// The sample mean (1/m)Σx.
    public var mean: Double { layer(above: -.infinity, upTo: .infinity).first }

    /// The variance of the resampling distribution, (1/m)Σ(x − x̄)² (divisor m, not m − 1: it is
    /// the distribution being drawn from, not an estimate).
    public var variance: Double { layer(above: -.infinity, upTo: .infinity).conditionalVariance }

    /// The position of the first cost greater than `value` (binary search).
    public func firstIndex(above value: Double) -> Int {
        var low = 0
        var high = sortedCosts.count
        while low < high {
            let middle = (low + high) / 2
            if sortedCosts[middle] > value { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// P(X > s).
    public func survival(_ s: Double) -> Double {
        Double(count - firstIndex(above: s)) / Double(count)
    }

    /// The moments over (lower, upper]: sums over the costs in the layer, divided by m.
    public func layer(above lower: Double, upTo upper: Double) -> LayerMoments {
        let start = firstIndex(above: lower)
        let end = max(start, firstIndex(above: upper))
        var moments = LayerMoments.empty
        for index in start..<end {
            let cost = sortedCosts[index]
            let square = cost * cost
            moments.first += cost
            moments.second += square
            moments.third += square * cost
        }
        let scale = 1 / Double(count)
        moments.probability = Double(end - start) * scale
        moments.first *= scale
        moments.second *= scale
        moments.third *= scale
        return moments
    }

    /// A threshold s with P(X > s) ≤ q, as close to q as ties allow: with h = ⌈q·m⌉ the s is the
    /// (m − h)-th smallest cost, so at most h costs lie above it. −∞ when h ≥ m (every person,
    /// zeros included, is above it).
    public func threshold(exceedance q: Double) -> Double {
        let wanted = min(Double(count), (q * Double(count)).rounded(.up))
        let above = Int(wanted)
        if above >= count { return -.infinity }
        return sortedCosts[count - above - 1]
    }
}
