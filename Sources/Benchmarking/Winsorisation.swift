/// Winsorisation of z-scores before estimating over-dispersion (Spiegelhalter 2005, "Funnel plots
/// for comparing institutional performance", Statistics in Medicine 24:1185, §6.3): the most
/// extreme `percent`% of the scores in each tail are pulled in to the `percent`th and
/// `(100 − percent)`th percentiles, so that a few genuine outliers do not inflate the estimate.
///
/// Percentiles are the linear interpolation between order statistics (Hyndman & Fan's type 7, the
/// default of R's `quantile` and numpy's `percentile`): for sorted values x₁ ≤ … ≤ x_I and a
/// fraction q, h = (I − 1)·q, and the percentile is x₍⌊h⌋+1₎ + (h − ⌊h⌋)(x₍⌊h⌋+2₎ − x₍⌊h⌋+1₎).
/// This is the reading of "shrunk to the 10th and 90th percentiles" also used by NHS-R's
/// FunnelPlotR.
public struct Winsorisation: Sendable, Equatable {
    /// The share cut in each tail, in percent (0 ≤ percent < 50).
    public let percent: Double
    /// The lower and upper cut points (the percentiles).
    public let lowerCut: Double
    public let upperCut: Double

    /// Finds the cut points of `values` (finite, at least one). Only the four order statistics
    /// the two percentiles need are placed (by selection, in linear expected time), not a full sort.
    public init(values: [Double], percent: Double) {
        precondition(percent >= 0 && percent < 50, "Winsorisation: percent in [0, 50)")
        precondition(!values.isEmpty, "Winsorisation: at least one value")
        self.percent = percent
        var work = values
        lowerCut = Winsorisation.percentile(selecting: &work, fraction: percent / 100)
        upperCut = Winsorisation.percentile(selecting: &work, fraction: 1 - percent / 100)
    }

    /// `value` pulled into `lowerCut...upperCut`.
    public func apply(_ value: Double) -> Double {
        min(max(value, lowerCut), upperCut)
    }

    /// The type-7 percentile of `values` at `fraction` in [0, 1], reordering `values` in place so
    /// that the order statistics it needs are in their sorted positions.
    static func percentile(selecting values: inout [Double], fraction: Double) -> Double {
        let position = Double(values.count - 1) * fraction
        let below = Int(position.rounded(.down))
        let weight = position - Double(below)
        let lower = select(&values, rank: below)
        if below + 1 >= values.count || weight == 0 { return lower }
        // The next order statistic is the smallest value to the right of the selected one.
        var upper = Double.infinity
        for index in (below + 1)..<values.count { upper = min(upper, values[index]) }
        return lower + weight * (upper - lower)
    }

    /// Hoare's selection ("Find", Communications of the ACM 4:321, 1961) with a median-of-three
    /// pivot: afterwards `values[rank]` holds the value of that rank in ascending order, smaller or
    /// equal values to its left and larger or equal to its right.
    static func select(_ values: inout [Double], rank: Int) -> Double {
        var low = 0
        var high = values.count - 1
        while low < high {
            let middle = low + (high - low) / 2
            if values[middle] < values[low] { values.swapAt(middle, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[middle] { values.swapAt(high, middle) }
            let pivot = values[middle]
            var left = low
            var right = high
            while left <= right {
                while values[left] < pivot { left += 1 }
                while values[right] > pivot { right -= 1 }
                if left <= right {
                    values.swapAt(left, right)
                    left += 1
                    right -= 1
                }
            }
            if rank <= right {
                high = right
            } else if rank >= left {
                low = left
            } else {
                break
            }
        }
        return values[rank]
    }

    /// The type-7 percentile of ascending `sorted` values at `fraction` in [0, 1].
    public static func percentile(sorted: [Double], fraction: Double) -> Double {
        let position = Double(sorted.count - 1) * fraction
        let below = Int(position.rounded(.down))
        let weight = position - Double(below)
        if below + 1 >= sorted.count || weight == 0 { return sorted[below] }
        return sorted[below] + weight * (sorted[below + 1] - sorted[below])
    }
}
