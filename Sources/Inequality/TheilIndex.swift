#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Theil's entropy indices of an indicator across population-weighted units, and their exact
/// decomposition into between- and within-subgroup parts (Theil, *Economics and Information
/// Theory*, 1967; Shorrocks, "The class of additively decomposable inequality measures",
/// Econometrica 48, 1980). With population shares sᵢ = wᵢ/W and mean μ = Σ sᵢ yᵢ:
///
///     T = Σ sᵢ (yᵢ/μ) ln(yᵢ/μ)      (Theil T, GE(1); yᵢ ≥ 0, a zero contributes 0)
///     L = Σ sᵢ ln(μ/yᵢ)             (Theil L, mean log deviation, GE(0); yᵢ > 0)
///
/// For subgroups g (e.g. consortia) with shares s_g, means μ_g and indices T_g, L_g:
///
///     T = Σ s_g (μ_g/μ) T_g  +  Σ s_g (μ_g/μ) ln(μ_g/μ)     (within + between)
///     L = Σ s_g L_g          +  Σ s_g ln(μ/μ_g)
public struct TheilIndex: Sendable, Equatable {
    /// The index over all units.
    public var total: Double
    /// The part due to differences between subgroup means.
    public var between: Double
    /// The weighted sum of the subgroups' own indices.
    public var within: Double

    /// Theil T of `values` with `weights`; `subgroups` (one label per unit) for the decomposition
    /// (nil: one subgroup, so between = 0). Needs μ > 0 and every yᵢ ≥ 0.
    public static func theilT(values: [Double], weights: [Double], subgroups: [String]? = nil) -> TheilIndex {
        decompose(values: values, weights: weights, subgroups: subgroups) { share, ratio in
            ratio > 0 ? share * ratio * log(ratio) : 0
        } groupWeight: { share, ratio in share * ratio }
    }

    /// Theil L (mean log deviation); needs every yᵢ > 0.
    public static func theilL(values: [Double], weights: [Double], subgroups: [String]? = nil) -> TheilIndex {
        decompose(values: values, weights: weights, subgroups: subgroups) { share, ratio in
            -share * log(ratio)
        } groupWeight: { share, _ in share }
    }

    /// `term(share, y/μ)` summed gives the index; `groupWeight(s_g, μ_g/μ)` weights a subgroup's own
    /// index in the within part; the between part is the index of the subgroup means.
    private static func decompose(
        values: [Double], weights: [Double], subgroups: [String]?,
        term: (Double, Double) -> Double, groupWeight: (Double, Double) -> Double
    ) -> TheilIndex {
        precondition(values.count == weights.count, "TheilIndex: lengths differ")
        let total = weights.reduce(0, +)
        var mean = 0.0
        for index in values.indices { mean += weights[index] * values[index] }
        mean /= total
        var overall = 0.0
        for index in values.indices { overall += term(weights[index] / total, values[index] / mean) }
        guard let subgroups else { return TheilIndex(total: overall, between: 0, within: overall) }
        precondition(subgroups.count == values.count, "TheilIndex: one subgroup label per unit")
        var members: [String: [Int]] = [:]
        for (index, label) in subgroups.enumerated() { members[label, default: []].append(index) }
        var between = 0.0, within = 0.0
        for label in members.keys.sorted() {
            let indices = members[label]!
            var groupTotal = 0.0, groupSum = 0.0
            for index in indices {
                groupTotal += weights[index]
                groupSum += weights[index] * values[index]
            }
            guard groupTotal > 0 else { continue }
            let groupMean = groupSum / groupTotal
            var own = 0.0
            for index in indices { own += term(weights[index] / groupTotal, values[index] / groupMean) }
            let share = groupTotal / total
            between += term(share, groupMean / mean)
            within += groupWeight(share, groupMean / mean) * own
        }
        return TheilIndex(total: overall, between: between, within: within)
    }
}
