/// A count distribution as the interpolated control limits need it: both tails, the probability
/// function, and the ratio of successive probabilities (to step without re-evaluating).
protocol CountDistribution {
    /// P(R ≤ r).
    func cumulative(_ count: Int) -> Double
    /// P(R > r).
    func survival(_ count: Int) -> Double
    /// P(R = r).
    func mass(_ count: Int) -> Double
    /// P(R = r + 1) / P(R = r).
    func ratioUp(_ count: Int) -> Double
    /// P(R = r − 1) / P(R = r), for r ≥ 1.
    func ratioDown(_ count: Int) -> Double
    /// The largest possible count (n for a binomial), or nil when unbounded.
    var largest: Int? { get }
}

/// Spiegelhalter's interpolated control limit for a discrete count (Spiegelhalter 2005, "Funnel
/// plots for comparing institutional performance", Statistics in Medicine 24:1185, Appendix A.1):
///
/// for a count R with distribution function F and a cumulative probability p, let r_p be the
/// smallest r with F(r) ≥ p and
///
///     α = (F(r_p) − p) / (F(r_p) − F(r_p − 1));
///
/// the plotted limit on the count scale is r_p − α, which moves continuously with the target and
/// the denominator instead of jumping between whole counts. For an upper limit (p > 0.5) the same
/// quantities are computed from the survival function S(r) = 1 − F(r), α = (q − S(r_p)) / P(R = r_p)
/// with q = 1 − p, so that no accuracy is lost near p = 0.999.
///
/// The quantile is found by starting at a Cornish–Fisher estimate and stepping with the ratio of
/// successive probabilities; several limits in the same tail are found in one walk, so the four
/// published limits cost two evaluations of the distribution function (one per tail), two of the
/// probability function and about 1.1 standard deviations of steps per tail.
struct DiscreteControlLimit<Distribution: CountDistribution> {
    let distribution: Distribution

    /// r_p − α for cumulative probability `probability` in (0, 1), starting the search at `start`.
    func position(probability: Double, start: Int) -> Double {
        positions(ascending: [probability], start: start)[0]
    }

    /// r_p − α for ascending cumulative probabilities all in the same tail (all ≤ 0.5, or all
    /// > 0.5), starting the search for the first one at `start`. The sums carry an absolute error
    /// of about (steps × 2⁻⁵³), negligible against P(R = r_p) at the published probabilities.
    func positions(ascending probabilities: [Double], start: Int) -> [Double] {
        guard let first = probabilities.first else { return [] }
        var count = max(0, start)
        if let largest = distribution.largest { count = min(count, largest) }
        var probabilityOfCount = distribution.mass(count)
        guard probabilityOfCount > 0 && probabilityOfCount.isFinite else {
            return probabilities.map { positionBySearch(probability: $0) }
        }
        var result: [Double] = []
        result.reserveCapacity(probabilities.count)
        if first <= 0.5 {
            // Lower tail: track F(count).
            var below = distribution.cumulative(count)
            if below >= first {
                while count > 0 {
                    let previous = below - probabilityOfCount
                    if previous < first { break }
                    below = previous
                    probabilityOfCount *= distribution.ratioDown(count)
                    count -= 1
                }
            }
            for probability in probabilities {
                while below < probability {
                    if let largest = distribution.largest, count >= largest { break }
                    probabilityOfCount *= distribution.ratioUp(count)
                    count += 1
                    below += probabilityOfCount
                }
                result.append(Double(count) - (below - probability) / probabilityOfCount)
            }
        } else {
            // Upper tail: track S(count) = 1 − F(count); F(count) ≥ p ⇔ S(count) ≤ 1 − p.
            var above = distribution.survival(count)
            let firstTail = 1 - first
            if above <= firstTail {
                while count > 0 {
                    let previous = above + probabilityOfCount
                    if previous > firstTail { break }
                    above = previous
                    probabilityOfCount *= distribution.ratioDown(count)
                    count -= 1
                }
            }
            for probability in probabilities {
                let tail = 1 - probability
                while above > tail {
                    if let largest = distribution.largest, count >= largest { break }
                    probabilityOfCount *= distribution.ratioUp(count)
                    count += 1
                    above -= probabilityOfCount
                }
                result.append(Double(count) - (tail - above) / probabilityOfCount)
            }
        }
        return result
    }

    /// The same position by bisection on the distribution function alone (used when the start is so
    /// far in a tail that its probability underflows).
    func positionBySearch(probability: Double) -> Double {
        var low = 0
        var high = distribution.largest ?? 1
        if distribution.largest == nil {
            while distribution.cumulative(high) < probability { high *= 2 }
        }
        // Invariant: the answer lies in low...high.
        while low < high {
            let middle = low + (high - low) / 2
            if distribution.cumulative(middle) >= probability { high = middle } else { low = middle + 1 }
        }
        let atCount = distribution.cumulative(low)
        let belowCount = low > 0 ? distribution.cumulative(low - 1) : 0
        return Double(low) - (atCount - probability) / (atCount - belowCount)
    }
}
