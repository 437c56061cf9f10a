import Foundation

/// A two-sided confidence level such as 95% or 99.8%, with its normal deviate.
///
/// The level is read as a decimal: `α = 1 − level` is rounded to 12 significant digits, so
/// `ConfidenceLevel(percent: 99.8)` has `α/2` exactly the double nearest 0.001 and
/// `z = Φ⁻¹(1 − α/2)` is computed as `−Φ⁻¹(α/2)` by ``Normal/quantile(_:)``: 1.9599639845400543 for
/// 95% and 3.0902323061678136 for 99.8%, the true deviates correctly rounded to double (one ulp from
/// the 16-digit 1.959963984540054 and 3.090232306167813 quoted in methods.md; never the rounded 1.96).
public struct ConfidenceLevel: Hashable, Sendable, CustomStringConvertible {
    /// `α = 1 − level`, the two-sided error probability (0.05 for 95%).
    public let alpha: Double
    /// `z = Φ⁻¹(1 − α/2)`, the two-sided standard normal deviate.
    public let z: Double

    /// - Parameter percent: the level in percent, `0 < percent < 100` (e.g. 95 or 99.8).
    public init(percent: Double) {
        precondition(percent > 0 && percent < 100, "A confidence level must lie strictly between 0% and 100%")
        self.init(alpha: (100 - percent) / 100)
    }

    /// - Parameter fraction: the level as a fraction, `0 < fraction < 1` (e.g. 0.95).
    public init(fraction: Double) {
        precondition(fraction > 0 && fraction < 1, "A confidence level must lie strictly between 0 and 1")
        self.init(alpha: 1 - fraction)
    }

    /// The level `percent` with the normal deviate `z` given rather than computed, to reproduce
    /// figures published with a rounded deviate (Fingertips used z = 1.96 for 95% in some years).
    /// Methods that use a normal deviate (Wilson, Byar, Dobson) take `z`; exact methods take α.
    public init(percent: Double, z: Double) {
        precondition(percent > 0 && percent < 100 && z > 0 && z.isFinite, "A confidence level needs 0 < percent < 100 and z > 0")
        let level = ConfidenceLevel(percent: percent)
        alpha = level.alpha
        self.z = z
    }

    private init(alpha unrounded: Double) {
        let exponent = (log10(unrounded)).rounded(.down)
        let scale = pow(10, 11 - exponent)
        let rounded = (unrounded * scale).rounded() / scale
        alpha = rounded
        z = Normal.quantile(upperTail: rounded / 2)
    }

    /// 95%, the default of the methods.
    public static let ninetyFive = ConfidenceLevel(percent: 95)
    /// 99.8%, the outer funnel/benchmark level.
    public static let ninetyNinePointEight = ConfidenceLevel(percent: 99.8)

    /// The level as a fraction, `1 − α`.
    public var fraction: Double { 1 - alpha }
    /// The level in percent, `100 (1 − α)`.
    public var percent: Double { 100 - 100 * alpha }
    /// The probability in each tail, `α/2`.
    public var tailProbability: Double { alpha / 2 }

    public var description: String {
        let value = percent
        let text = value == value.rounded() ? String(Int(value)) : String(value)
        return text + "%"
    }
}
