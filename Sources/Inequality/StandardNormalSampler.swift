#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard normal deviates from a `SeededRandomSource` by the Box–Muller transform (Box and
/// Muller, "A note on the generation of random normal deviates", Annals of Mathematical
/// Statistics 29, 1958):
///
///     r = √(−2 ln(1 − u₁)),  z₁ = r cos(2π u₂),  z₂ = r sin(2π u₂)
///
/// for two successive uniforms u₁, u₂ in [0, 1) (so 1 − u₁ is in (0, 1] and the logarithm is
/// finite). Deviates are returned in the order z₁, z₂, z₁, z₂, … — the order the Python reference
/// reproduces. Exact in distribution; the largest possible |z| is √(−2 ln 2⁻⁵³) ≈ 8.57.
public struct StandardNormalSampler: Sendable {
    private var source: SeededRandomSource
    private var pending: Double?

    public init(seed: UInt64) {
        source = SeededRandomSource(seed: seed)
    }

    /// The next standard normal deviate.
    public mutating func next() -> Double {
        if let waiting = pending {
            pending = nil
            return waiting
        }
        let first = source.nextUniform()
        let second = source.nextUniform()
        let radius = (-2 * log(1 - first)).squareRoot()
        let angle = 2 * Double.pi * second
        pending = radius * sin(angle)
        return radius * cos(angle)
    }
}
