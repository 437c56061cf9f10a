/// The pseudo-random generator of the synthetic data: xoshiro256** (Blackman and Vigna,
/// *Scrambled linear pseudorandom number generators*, ACM TOMS 47(4), 2021), period 2²⁵⁶ − 1,
/// seeded through `SplitMix64`.
///
/// The engine never uses the system generator or Foundation's random functions for synthetic
/// data: every output is a function of (seed, stream) through integer arithmetic and IEEE 754
/// operations that are correctly rounded (+, −, ×, ÷, √) plus `PortableMath`, so the same seed
/// gives the same bytes on every machine.
///
/// `stream` separates independent parts of a data set (geography, lists, each indicator), so
/// that adding a file or an indicator does not change the others.
public struct SyntheticRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for `seed` and `stream`: the state is four SplitMix64 outputs from
    /// `seed` xor (`stream` × 0xD1B54A32D192ED03).
    public init(seed: UInt64, stream: UInt64 = 0) {
        var expander = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// The next 64 bits: result = rotl(s1 × 5, 7) × 9, then the xoshiro state transition.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let shifted = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= shifted
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A double uniform on [0, 1): the top 53 bits × 2⁻⁵³.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A whole number uniform on 0..<bound, without modulo bias (Lemire's multiply-and-reject,
    /// *Fast random integer generation in an interval*, ACM TOMACS 29(1), 2019).
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0)
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    private func rotateLeft(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}
