/// The population-weighted Gini coefficient of an indicator across units (organisations or
/// groups): half the weighted mean absolute difference between all pairs of people, relative to
/// the mean,
///
///     G = Σᵢ Σⱼ wᵢ wⱼ |yᵢ − yⱼ| / (2 W² μ),   W = Σ w,  μ = Σ w y / W,
///
/// computed in O(n log n) as G = 2 cov_w(y, F)/μ, where F is the weighted fractional rank of y
/// itself (ascending y; the order of equal values does not matter): the concentration index of y
/// ranked by y (Lerman and Yitzhaki, "A note on the calculation and interpretation of the Gini
/// index", Economics Letters 15, 1984). The population form: no n/(n − 1) small-sample factor.
/// 0 when all values are equal; at most 1 − (largest share) for y ≥ 0. Needs μ > 0.
public enum GiniCoefficient {
    /// G of `values` weighted by `weights` (≥ 0, positive total); needs a positive weighted mean.
    public static func value(values: [Double], weights: [Double]) -> Double {
        precondition(values.count == weights.count, "GiniCoefficient: lengths differ")
        let ranks = FractionalRank.ranks(keys: values, weights: weights)
        let total = weights.reduce(0, +)
        var mean = 0.0
        for index in values.indices { mean += weights[index] * values[index] }
        mean /= total
        var covariance = 0.0
        for index in values.indices { covariance += weights[index] * (values[index] - mean) * (ranks[index] - 0.5) }
        covariance /= total
        return 2 * covariance / mean
    }
}
