/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014),
/// the seeded generator the random test data of several test targets are drawn from, chosen because
/// it is exactly specified and easy to reproduce with numpy's uint64 arithmetic
/// (LinearTests/Reference/make_lstsq_reference.py compares its draws with committed numpy values).
///
/// Each output adds γ = 0x9E3779B97F4A7C15 to the state (mod 2⁶⁴) and mixes the new state:
/// z ← (z ⊕ z≫30)·0xBF58476D1CE4E5B9, z ← (z ⊕ z≫27)·0x94D049BB133111EB, output z ⊕ z≫31.
public struct SplitMix64: RandomNumberGenerator {
    public private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A uniform double in [0, 1): the top 53 bits of the next output times 2⁻⁵³ (exact).
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
