#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Axis ticks at "nice" numbers — 1, 2 or 5 times a power of ten — after Heckbert's loose
/// labelling (P. S. Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990): the spacing
/// d = nice(range / (n − 1)) is the nice number nearest to the raw spacing, and the axis runs
/// from ⌊min/d⌋·d to ⌈max/d⌉·d, so every data value lies inside the labelled range. Heckbert
/// first rounds the range itself up to a nice number, which can double the spacing and leave
/// half the axis empty (0.71…1.24 would get 0.6…1.4 by 0.2); taking the raw range gives 0.7…1.3
/// by 0.1, at the price of up to about 1.5·n ticks. Tick k is written k·d (never summed step by
/// step, so no rounding drift).
public struct NiceTicks: Sendable, Equatable {
    /// The first and last tick: the axis range.
    public let lower: Double
    public let upper: Double
    /// The spacing between ticks.
    public let step: Double
    /// Decimals needed to tell ticks apart: max(0, −⌊log₁₀ step⌋).
    public let decimals: Int

    /// Ticks covering `minimum...maximum` with about `count` ticks (at least 2). An empty range
    /// (minimum = maximum) is widened by 1 (or 10% of the value) on each side; non-finite bounds
    /// give the range 0...1.
    public init(minimum: Double, maximum: Double, count: Int = 6) {
        var low = min(minimum, maximum), high = max(minimum, maximum)
        if !low.isFinite || !high.isFinite { low = 0; high = 1 }
        if high == low {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let step = Self.niceNumber((high - low) / Double(max(2, count) - 1), rounding: true)
        self.step = step
        lower = (low / step).rounded(.down) * step
        upper = (high / step).rounded(.up) * step
        decimals = max(0, -Int(log10(step).rounded(.down)))
    }

    /// The tick values from `lower` to `upper`.
    public var values: [Double] {
        let first = Int((lower / step).rounded()), last = Int((upper / step).rounded())
        return (first...last).map { index in
            let value = Double(index) * step
            return value == 0 ? 0 : value
        }
    }

    /// The nice number nearest to x (`rounding`) or the smallest nice number ≥ x: 1, 2, 5 or 10
    /// times 10^⌊log₁₀ x⌋ (Heckbert's `nicenum`).
    public static func niceNumber(_ x: Double, rounding: Bool) -> Double {
        let exponent = log10(x).rounded(.down)
        let power = pow(10, exponent)
        let fraction = x / power
        let nice: Double
        if rounding {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return nice * power
    }
}
