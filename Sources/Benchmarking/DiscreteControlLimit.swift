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
/// successive probabilities, so that each limit costs one evaluation of the distribution function
/// and a few multiplications.
struct DiscreteControlLimit {
    /// P(R ≤ r).
    let cumulative: (Int) -> Double
    /// P(R > r).
    let survival: (Int) -> Double
    /// P(R = r).
    let mass: (Int) -> Double
    /// P(R = r + 1) / P(R = r).
    let ratioUp: (Int) -> Double
    /// P(R = r − 1) / P(R = r), for r ≥ 1.
    let ratioDown: (Int) -> Double
    /// The largest possible count (n for a binomial), or nil when unbounded.
    let largest: Int?

    /// r_p − α for cumulative probability `probability` in (0, 1), starting the search at `start`.
    func position(probability: Double, start: Int) -> Double {
        var count = max(0, start)
        if let largest { count = min(count, largest) }
        var probabilityOfCount = mass(count)
        guard probabilityOfCount > 0 && probabilityOfCount.isFinite else {
            return positionBySearch(probability: probability)
        }
        if probability <= 0.5 {
            var below = cumulative(count)
            if below >= probability {
                while count > 0 {
                    let previous = below - probabilityOfCount
                    if previous < probability { break }
                    below = previous
                    probabilityOfCount *= ratioDown(count)
                    count -= 1
                }
            } else {
                while below < probability {
                    if let largest, count >= largest { break }
                    probabilityOfCount *= ratioUp(count)
                    count += 1
                    below += probabilityOfCount
                }
            }
            return Double(count) - (below - probability) / probabilityOfCount
        } else {
            let tail = 1 - probability
            var above = survival(count)
            if above <= tail {
                while count > 0 {
                    let previous = above + probabilityOfCount
                    if previous > tail { break }
                    above = previous
                    probabilityOfCount *= ratioDown(count)
                    count -= 1
                }
            } else {
                while above > tail {
                    if let largest, count >= largest { break }
                    probabilityOfCount *= ratioUp(count)
                    count += 1
                    above -= probabilityOfCount
                }
            }
            return Double(count) - (tail - above) / probabilityOfCount
        }
    }

    /// The same position by bisection on the distribution function alone (used when the start is so
    /// far in a tail that its probability underflows).
    func positionBySearch(probability: Double) -> Double {
        var low = 0
        var high = largest ?? 1
        if largest == nil {
            while cumulative(high) < probability { high *= 2 }
        }
        // Invariant: the answer lies in low...high.
        while low < high {
            let middle = low + (high - low) / 2
            if cumulative(middle) >= probability { high = middle } else { low = middle + 1 }
        }
        let atCount = cumulative(low)
        let belowCount = low > 0 ? cumulative(low - 1) : 0
        return Double(low) - (atCount - probability) / (atCount - belowCount)
    }
}
