/// The random stream of one piece of simulation work: a 64-bit FNV-1a hash of the group's code
/// (Fowler, Noll and Vo; offset basis 0xCBF29CE484222325, prime 0x100000001B3), combined with
/// the block of replications. Keyed by code rather than position, so adding or reordering groups
/// does not change the draws of the others.
enum StreamKey {
    static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        return value
    }

    /// The stream of block `block` of a group whose code hashes to `groupHash`: the block number
    /// spread by the odd constant 0x9E3779B97F4A7C15 (2⁶⁴/φ) and added.
    static func stream(groupHash: UInt64, block: Int) -> UInt64 {
        groupHash &+ UInt64(block) &* 0x9E37_79B9_7F4A_7C15
    }
}
