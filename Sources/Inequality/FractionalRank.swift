/// Population-weighted fractional ranks: where each unit sits, between 0 and 1, in the population
/// ordered by a ranking key.
///
/// With the units sorted by key and weights wᵢ (total W), the fractional rank of unit i is the
/// midpoint of its share of the cumulative distribution,
///
///     Rᵢ = (Σ_{j before i} wⱼ + wᵢ / 2) / W,
///
/// so that the weighted mean of R is exactly 1/2 (Kakwani, Wagstaff and van Doorslaer, "Socioeconomic
/// inequalities in health: measurement, computation, and statistical inference", Journal of
/// Econometrics 77, 1997; O'Donnell et al., *Analyzing Health Equity Using Household Survey
/// Data*, World Bank 2008, chapter 8). Units with equal keys form one block and share the block's
/// midpoint, so the result does not depend on the order of tied units. The SII's "cumulative
/// population rank midpoints" of ordered groups are the same quantity with one unit per group.
public enum FractionalRank {
    /// Rᵢ for units ranked by ascending `keys`, weighted by `weights` (≥ 0, positive total).
    /// Equal keys share a rank. O(n log n).
    public static func ranks(keys: [Double], weights: [Double]) -> [Double] {
        precondition(keys.count == weights.count, "FractionalRank: keys and weights differ in length")
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        let total = weights.reduce(0, +)
        precondition(total > 0, "FractionalRank: the weights sum to zero")
        var ranks = [Double](repeating: 0, count: keys.count)
        var before = 0.0
        var start = 0
        while start < order.count {
            var end = start
            var blockWeight = 0.0
            while end < order.count && keys[order[end]] == keys[order[start]] {
                blockWeight += weights[order[end]]
                end += 1
            }
            let midpoint = (before + blockWeight / 2) / total
            for position in start..<end { ranks[order[position]] = midpoint }
            before += blockWeight
            start = end
        }
        return ranks
    }

    /// The cumulative population midpoints of groups already in rank order (first group lowest):
    /// xᵢ = (Σ_{j<i} pⱼ + pᵢ / 2) / Σ p. For deprivation groups ordered from most to least deprived
    /// these are the SII's relative ranks (PHEindicatormethods `phe_sii`; Low and Low, "Measuring the
    /// gap: quantifying and comparing local health inequalities", J Public Health 26, 2004).
    public static func midpoints(orderedPopulations populations: [Double]) -> [Double] {
        let total = populations.reduce(0, +)
        precondition(total > 0, "FractionalRank: the populations sum to zero")
        var before = 0.0
        return populations.map { population in
            let midpoint = (before + population / 2) / total
            before += population
            return midpoint
        }
    }
}
