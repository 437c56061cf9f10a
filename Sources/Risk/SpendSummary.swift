/// Monte Carlo figures of a group's annual spend S against its budget B, from R replications.
///
/// - mean S̄ = ΣSᵣ/R, standard deviation s with divisor R − 1, standard error of the mean s/√R;
/// - probability of overspend p̂ = #{Sᵣ > B}/R, standard error √(p̂(1 − p̂)/R);
/// - overspend at the 95th and 99th percentiles: Q(0.95) − B and Q(0.99) − B (negative when the
///   budget covers that percentile);
/// - the contingency reserve for a break-even probability π: max(0, Q(π) − B), the amount that
///   added to the budget covers the spend in a share π of years (Q(π) itself is `breakEvenSpend`).
/// Q is the sample quantile by linear interpolation between order statistics (Hyndman and Fan's
/// type 7, the default of R and NumPy): with h = (R − 1)p, Q(p) = S₍⌊h⌋₎ + (h − ⌊h⌋)(S₍⌊h⌋+1₎ − S₍⌊h⌋₎).
public struct SpendSummary: Hashable, Sendable {
    public let replications: Int
    public let mean: Double
    public let standardDeviation: Double
    public let meanStandardError: Double
    public let probabilityOfOverspend: Double
    public let probabilityOfOverspendStandardError: Double
    public let overspendAt95: Double
    public let overspendAt99: Double
    public let breakEvenProbability: Double
    /// Q(π): the spend covered in a share π of years.
    public let breakEvenSpend: Double
    public let reserve: Double

    public init(spends: [Double], budget: Double, breakEvenProbability: Double) {
        precondition(!spends.isEmpty, "SpendSummary: no replications")
        precondition(breakEvenProbability > 0 && breakEvenProbability < 1, "SpendSummary: probability \(breakEvenProbability)")
        let count = Double(spends.count)
        var sum = 0.0
        var over = 0
        for spend in spends {
            sum += spend
            if spend > budget { over += 1 }
        }
        let mean = sum / count
        var squares = 0.0
        for spend in spends {
            let deviation = spend - mean
            squares += deviation * deviation
        }
        let sorted = spends.sorted()
        replications = spends.count
        self.mean = mean
        standardDeviation = spends.count > 1 ? (squares / (count - 1)).squareRoot() : 0
        meanStandardError = standardDeviation / count.squareRoot()
        let probability = Double(over) / count
        probabilityOfOverspend = probability
        probabilityOfOverspendStandardError = (probability * (1 - probability) / count).squareRoot()
        overspendAt95 = SpendSummary.quantile(sorted: sorted, 0.95) - budget
        overspendAt99 = SpendSummary.quantile(sorted: sorted, 0.99) - budget
        self.breakEvenProbability = breakEvenProbability
        breakEvenSpend = SpendSummary.quantile(sorted: sorted, breakEvenProbability)
        reserve = max(0, breakEvenSpend - budget)
    }

    /// The type-7 sample quantile of ascending values at probability p in [0, 1].
    public static func quantile(sorted values: [Double], _ p: Double) -> Double {
        precondition(!values.isEmpty && p >= 0 && p <= 1, "SpendSummary.quantile: p = \(p)")
        let position = Double(values.count - 1) * p
        let lower = Int(position.rounded(.down))
        let fraction = position - Double(lower)
        guard lower + 1 < values.count, fraction > 0 else { return values[lower] }
        return values[lower] + fraction * (values[lower + 1] - values[lower])
    }
}
