/// 128-bit approximations of the powers of five 5^q for q in -342...308, as used by the
/// Eisel–Lemire conversion (Lemire, "Number parsing at a gigabyte per second", Software: Practice
/// and Experience 51(8), 2021).
///
/// For every q the table holds an integer T in [2^127, 2^128) and a scale E such that
/// |T - 5^q · 2^E| < 1:
/// - q ≥ 0: 5^q has L bits; T = ⌊5^q · 2^(128-L)⌋, which is exact while L ≤ 128 (q ≤ 55).
/// - q < 0: 5^-q has L bits; E = L + 127 and T = ⌊2^E / 5^-q⌋.
///
/// The table is computed once, exactly, with the small arbitrary-precision arithmetic below
/// (about 800-bit integers), instead of being pasted in as constants.
struct PowersOfFive: Sendable {
    static let smallestExponent = -342
    static let largestExponent = 308

    /// High and low 64-bit halves of T, and the binary scale E, indexed by q - smallestExponent.
    let high: [UInt64]
    let low: [UInt64]
    let scale: [Int]

    static let shared = PowersOfFive()

    private init() {
        let count = Self.largestExponent - Self.smallestExponent + 1
        var high = [UInt64](repeating: 0, count: count)
        var low = [UInt64](repeating: 0, count: count)
        var scale = [Int](repeating: 0, count: count)

        // Non-negative exponents: the top 128 bits of 5^q.
        var power = LimbInteger(1)
        for q in 0...Self.largestExponent {
            let bits = power.bitLength
            let index = q - Self.smallestExponent
            high[index] = power.bits(from: bits - 64)
            low[index] = power.bits(from: bits - 128)
            scale[index] = 128 - bits
            power.multiply(by: 5)
        }

        // Negative exponents: 128 quotient bits of 2^E / 5^p by restoring long division.
        var divisor = LimbInteger(5)
        for p in 1...(-Self.smallestExponent) {
            let bits = divisor.bitLength
            // 2^E / D = 2^(bits-1) · 2^128 / D, and 2^(bits-1) < D, so the quotient has 128 bits.
            var remainder = LimbInteger.powerOfTwo(bits - 1)
            var quotientHigh: UInt64 = 0
            var quotientLow: UInt64 = 0
            for _ in 0..<128 {
                remainder.shiftLeftByOne()
                quotientHigh = (quotientHigh << 1) | (quotientLow >> 63)
                quotientLow <<= 1
                if !remainder.isLess(than: divisor) {
                    remainder.subtract(divisor)
                    quotientLow |= 1
                }
            }
            let index = -p - Self.smallestExponent
            high[index] = quotientHigh
            low[index] = quotientLow
            scale[index] = bits + 127
            divisor.multiply(by: 5)
        }
        self.high = high
        self.low = low
        self.scale = scale
    }
}

/// A non-negative integer of any size as little-endian 32-bit limbs: only what the table needs.
struct LimbInteger {
    private(set) var limbs: [UInt32]

    init(_ value: UInt32) {
        limbs = [value]
    }

    static func powerOfTwo(_ exponent: Int) -> LimbInteger {
        var result = LimbInteger(0)
        result.limbs = [UInt32](repeating: 0, count: exponent / 32 + 1)
        result.limbs[exponent / 32] = 1 << UInt32(exponent % 32)
        return result
    }

    /// The number of significant bits (0 for zero).
    var bitLength: Int {
        guard let top = limbs.lastIndex(where: { $0 != 0 }) else { return 0 }
        return top * 32 + (32 - limbs[top].leadingZeroBitCount)
    }

    /// 64 bits starting at bit `start` (bit 0 is the least significant); bits below 0 read as 0.
    func bits(from start: Int) -> UInt64 {
        var result: UInt64 = 0
        for offset in stride(from: 63, through: 0, by: -1) {
            let position = start + offset
            var bit: UInt64 = 0
            if position >= 0 && position / 32 < limbs.count {
                bit = UInt64((limbs[position / 32] >> UInt32(position % 32)) & 1)
            }
            result = (result << 1) | bit
        }
        return result
    }

    mutating func multiply(by factor: UInt32) {
        var carry: UInt64 = 0
        for index in limbs.indices {
            let product = UInt64(limbs[index]) * UInt64(factor) + carry
            limbs[index] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }

    mutating func add(_ value: UInt32) {
        var carry = UInt64(value)
        for index in limbs.indices where carry != 0 {
            let sum = UInt64(limbs[index]) + carry
            limbs[index] = UInt32(truncatingIfNeeded: sum)
            carry = sum >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }

    mutating func shiftLeftByOne() {
        var carry: UInt32 = 0
        for index in limbs.indices {
            let limb = limbs[index]
            limbs[index] = (limb << 1) | carry
            carry = limb >> 31
        }
        if carry != 0 { limbs.append(carry) }
    }

    func isLess(than other: LimbInteger) -> Bool {
        let count = max(limbs.count, other.limbs.count)
        for index in stride(from: count - 1, through: 0, by: -1) {
            let mine = index < limbs.count ? limbs[index] : 0
            let theirs = index < other.limbs.count ? other.limbs[index] : 0
            if mine != theirs { return mine < theirs }
        }
        return false
    }

    /// Subtracts a smaller or equal integer.
    mutating func subtract(_ other: LimbInteger) {
        var borrow: Int64 = 0
        for index in limbs.indices {
            var difference = Int64(limbs[index]) - borrow - Int64(index < other.limbs.count ? other.limbs[index] : 0)
            borrow = 0
            if difference < 0 {
                difference += 1 << 32
                borrow = 1
            }
            limbs[index] = UInt32(difference)
        }
    }
}
