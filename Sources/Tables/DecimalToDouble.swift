/// Correctly rounded conversion of a decimal w · 10^q (w an integer of at most 19 digits) to the
/// nearest Double, ties to even — the result IEEE 754 requires of `strtod`.
///
/// Three stages, each exact where it answers:
/// 1. Clinger's fast path (Clinger, "How to read floating point numbers accurately", PLDI 1990):
///    when w ≤ 2^53 and |q| ≤ 22 both w and 10^|q| are exact Doubles, so one IEEE multiplication
///    or division rounds once and correctly.
/// 2. Eisel–Lemire (Lemire 2021, see `PowersOfFive`): w is normalised to W = w · 2^lz in
///    [2^63, 2^64) and multiplied by the 128-bit T ≈ 5^q · 2^E. The top 128 bits Q of the
///    192-bit product W · T differ from the exact P = W · 5^q · 2^E / 2^64 by less than 2 in
///    the last place (P - Q ∈ (-1, 2): < 1 from the error of T times W / 2^64, < 1 from
///    dropping the low 64 bits). Rounding P and Q to 53 bits can only differ when a halfway
///    point between two Doubles lies within that interval, which shows in Q as a round bit 1
///    followed by zeros (Q ∈ {H, H+1}) or a round bit 0 followed by ones (Q = H - 1). Those
///    rare patterns, subnormal and overflowing results, and exponents outside 10^-342...10^308
///    are not decided here.
/// 3. Everything undecided goes to the C library's `strtod`, which rounds correctly.
enum DecimalToDouble {
    /// 10^0 ... 10^22, every one exact in binary64 (allocated once, never freed, so that hot
    /// loops can hold the pointer without reference counting).
    static let exactPowersOfTen: UnsafePointer<Double> = {
        let powers = UnsafeMutablePointer<Double>.allocate(capacity: 23)
        var value = 1.0
        for exponent in 0...22 {
            powers[exponent] = value
            value *= 10
        }
        return UnsafePointer(powers)
    }()

    /// Clinger's fast path, or nil when it does not apply.
    @inline(__always)
    static func clinger(_ significand: UInt64, _ exponent: Int, powers: UnsafePointer<Double>) -> Double? {
        guard significand <= 1 << 53 && exponent >= -22 && exponent <= 22 else { return nil }
        let value = Double(significand)
        return exponent < 0 ? value / powers[-exponent] : value * powers[exponent]
    }

    /// The Double nearest to w · 10^q when the Eisel–Lemire product decides it; nil otherwise
    /// (the caller then uses `strtod`). `significand` must not be zero.
    static func eiselLemire(_ significand: UInt64, _ exponent: Int) -> Double? {
        guard significand != 0,
              exponent >= PowersOfFive.smallestExponent && exponent <= PowersOfFive.largestExponent else { return nil }
        let table = PowersOfFive.shared
        let index = exponent - PowersOfFive.smallestExponent
        let leadingZeros = significand.leadingZeroBitCount
        let normalised = significand << UInt64(leadingZeros)
        let first = normalised.multipliedFullWidth(by: table.high[index])
        let second = normalised.multipliedFullWidth(by: table.low[index])
        var high = first.high
        let low = first.low &+ second.high
        if low < first.low { high &+= 1 }

        // The product lies in [2^126, 2^128): keep 54 bits (53 and a round bit).
        let upperBit = Int(high >> 63)
        let shift = 9 + upperBit
        var mantissa = high >> UInt64(shift)
        let roundBit = mantissa & 1
        let below = high & 0x1FF
        if roundBit == 1 && below == 0 && low <= 1 { return nil }
        if roundBit == 0 && below == 0x1FF && low >= UInt64.max - 1 { return nil }
        mantissa = (mantissa + roundBit) >> 1
        // value = mantissa · 2^binaryExponent, mantissa in [2^52, 2^53].
        var binaryExponent = shift + 1 + 128 - table.scale[index] - leadingZeros + exponent
        if mantissa == 1 << 53 {
            mantissa = 1 << 52
            binaryExponent += 1
        }
        let biased = binaryExponent + 52 + 1023
        guard biased > 0 && biased < 2047 else { return nil }
        return Double(bitPattern: UInt64(biased) << 52 | (mantissa & ((1 << 52) - 1)))
    }

    /// w · 10^q by the first two stages; nil when `strtod` must decide.
    @inline(__always)
    static func convert(_ significand: UInt64, _ exponent: Int, powers: UnsafePointer<Double>) -> Double? {
        if significand == 0 { return 0 }
        if let value = clinger(significand, exponent, powers: powers) { return value }
        return eiselLemire(significand, exponent)
    }
}
