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

    /// Finds the cut points of `values` (finite, at least one).
    public init(values: [Double], percent: Double) {
        precondition(percent >= 0 && percent < 50, "Winsorisation: percent in [0, 50)")
        precondition(!values.isEmpty, "Winsorisation: at least one value")
        let sorted = values.sorted()
        self.percent = percent
        lowerCut = Winsorisation.percentile(sorted: sorted, fraction: percent / 100)
        upperCut = Winsorisation.percentile(sorted: sorted, fraction: 1 - percent / 100)
    }

    /// `value` pulled into `lowerCut...upperCut`.
    public func apply(_ value: Double) -> Double {
        min(max(value, lowerCut), upperCut)
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
