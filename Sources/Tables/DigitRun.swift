/// Reads up to eight ASCII digits at once from one 64-bit load (SIMD within a register), so that
/// a number's digits are found and converted without a branch per digit.
///
/// With the bytes b0…b7 loaded little-endian (b0 in the low byte) and t = bytes XOR 0x30 per
/// byte, a byte is a digit exactly when its t is below 10. Per byte, with no carry between bytes,
/// (t AND 0x7F) + 0x76 sets the high bit when t AND 0x7F ≥ 10; OR-ing t adds the bytes whose own
/// high bit is set. The first such byte ends the run. The n digits are then moved to the top of
/// the word (zeros in front do not change a number) and combined pairwise:
/// 10·b(2i) + b(2i+1) in 16-bit lanes, 100·pair + pair in 32-bit lanes, and 10^4·high + low.
enum DigitRun {
    /// 10^0 … 10^8 as integers.
    static let powersOfTen: UnsafePointer<UInt64> = {
        let powers = UnsafeMutablePointer<UInt64>.allocate(capacity: 9)
        var value: UInt64 = 1
        for exponent in 0...8 {
            powers[exponent] = value
            value *= 10
        }
        return UnsafePointer(powers)
    }()

    /// The number of leading digits among the 8 bytes at `start` (0…8) and their value. Reads 8
    /// bytes: the caller guarantees they are readable.
    @inline(__always)
    static func read(_ start: UnsafePointer<UInt8>) -> (count: Int, value: UInt64) {
        let word = UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(as: UInt64.self))
        let digits = word ^ 0x3030_3030_3030_3030
        let notDigit = (((digits & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676) | digits) & 0x8080_8080_8080_8080
        let count = notDigit == 0 ? 8 : notDigit.trailingZeroBitCount >> 3
        // Shift by 64 - 8·count in two steps of at most 32 bits, so that no digits (a shift by
        // 64) gives 0 without a branch.
        let shift = UInt64(64 - 8 * count)
        var lanes = (digits &<< (shift >> 1)) &<< (shift - (shift >> 1))
        lanes = ((lanes &* 10) &+ (lanes >> 8)) & 0x00FF_00FF_00FF_00FF
        lanes = ((lanes &* 100) &+ (lanes >> 16)) & 0x0000_FFFF_0000_FFFF
        return (count, (lanes & 0xFFFF) &* 10_000 &+ (lanes >> 32))
    }
}
