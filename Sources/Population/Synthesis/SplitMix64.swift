/// SplitMix64 (Steele, Lea and Flood, *Fast splittable pseudorandom number generators*, OOPSLA
/// 2014): a 64-bit state advanced by the golden-ratio increment 0x9E3779B97F4A7C15 and mixed by
/// two xor-shift-multiply rounds. Used only to expand a seed into the 256-bit state of
/// `SyntheticRandom`, as the authors of xoshiro recommend.
///
/// Only integer arithmetic with wrapping, so the sequence is the same on every machine.
public struct SplitMix64: Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64-bit output.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
