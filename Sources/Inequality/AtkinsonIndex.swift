#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Atkinson's inequality index with inequality aversion ε ≥ 0 (Atkinson, "On the measurement of
/// inequality", J Economic Theory 2, 1970), population-weighted, shares sᵢ = wᵢ/W, mean μ:
///
///     A(ε) = 1 − (Σ sᵢ (yᵢ/μ)^(1−ε))^(1/(1−ε))    for ε ≠ 1
///     A(1) = 1 − exp(Σ sᵢ ln yᵢ) / μ                (one minus geometric over arithmetic mean)
///
/// A(ε) is one minus the ratio of the equally distributed equivalent to the mean: 0 for equal
/// values, towards 1 as inequality grows. Domain: yᵢ ≥ 0 for ε < 1; yᵢ > 0 for ε ≥ 1. The project
/// reports ε = 0.5, 1 and 2 (A(2) = 1 − harmonic mean / μ).
public enum AtkinsonIndex {
    /// The inequality aversions reported by default.
    public static let standardAversions: [Double] = [0.5, 1, 2]

    /// A(ε) of `values` weighted by `weights` (see above); callers check `isDefined` first.
    public static func value(values: [Double], weights: [Double], aversion epsilon: Double) -> Double {
        precondition(values.count == weights.count, "AtkinsonIndex: lengths differ")
        let total = weights.reduce(0, +)
        var mean = 0.0
        for index in values.indices { mean += weights[index] * values[index] }
        mean /= total
        if epsilon == 1 {
            var meanLog = 0.0
            for index in values.indices { meanLog += weights[index] / total * log(values[index] / mean) }
            return 1 - exp(meanLog)
        }
        var sum = 0.0
        for index in values.indices { sum += weights[index] / total * pow(values[index] / mean, 1 - epsilon) }
        return 1 - pow(sum, 1 / (1 - epsilon))
    }

    /// Whether A(ε) is defined for these values (see the domain above).
    public static func isDefined(values: [Double], aversion epsilon: Double) -> Bool {
        epsilon < 1 ? values.allSatisfy { $0 >= 0 } : values.allSatisfy { $0 > 0 }
    }
}
