/// The fused loop's decimal scanner: finds the end of a number and converts it in one pass.
enum DecimalScan {
    /// What the fused decimal scan found.
    enum Status {
        case number
        /// No characters at all before the next byte (the field may be empty).
        case empty
        /// Not a number the fused loop takes (the careful path decides).
        case other
    }

    /// Scans `[+-]digits[.digits][(e|E)[+-]digits]` from `start` up to the first byte that
    /// cannot continue it, and converts it with correct rounding. The caller checks that the
    /// byte where it stopped ends the field.
    ///
    /// The sign is applied to the bit pattern rather than by a branch. (Reading eight digits per
    /// 64-bit load was tried and was no faster here than this byte loop.)
    @inline(__always)
    static func scan(_ start: UnsafePointer<UInt8>, powers: UnsafePointer<Double>) -> (status: Status, value: Double, end: UnsafePointer<UInt8>) {
        let first = start.pointee
        let signBit: UInt64 = first == 45 ? 1 << 63 : 0
        var cursor = start + (first == 45 || first == 43 ? 1 : 0)

        var significand: UInt64 = 0
        while true {
            let digit = cursor.pointee &- 48
            if digit > 9 { break }
            significand = significand &* 10 &+ UInt64(digit)
            cursor += 1
        }
        var digitCount = cursor - start
        cursor += cursor.pointee == 46 ? 1 : 0
        let fractionStart = cursor
        while true {
            let digit = cursor.pointee &- 48
            if digit > 9 { break }
            significand = significand &* 10 &+ UInt64(digit)
            cursor += 1
        }
        let fractionDigits = cursor - fractionStart
        // The sign is not a digit.
        digitCount = digitCount &- (signBit != 0 || first == 43 ? 1 : 0) &+ fractionDigits
        if digitCount == 0 { return (cursor == start ? .empty : .other, 0, cursor) }
        var exponent = -fractionDigits
        if cursor.pointee | 0x20 == 101 {
            cursor += 1
            var exponentNegative = false
            if cursor.pointee == 45 {
                exponentNegative = true
                cursor += 1
            } else if cursor.pointee == 43 {
                cursor += 1
            }
            let exponentStart = cursor
            var written = 0
            while true {
                let digit = cursor.pointee &- 48
                if digit > 9 { break }
                if written < 100_000 { written = written &* 10 &+ Int(digit) }
                cursor += 1
            }
            if cursor == exponentStart { return (.other, 0, cursor) }
            exponent += exponentNegative ? -written : written
        }
        if digitCount <= 19 && significand <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            // significand ≤ 2^53 fits an Int64, whose conversion is one instruction.
            let exact = Double(Int64(truncatingIfNeeded: significand))
            let magnitude = exponent <= 0 ? exact / powers[-exponent] : exact * powers[exponent]
            return (.number, Double(bitPattern: magnitude.bitPattern | signBit), cursor)
        }
        guard let value = convertSlowly(start, cursor, significand: significand, exponent: exponent, digitCount: digitCount) else {
            return (.other, 0, cursor)
        }
        return (.number, value, cursor)
    }

    /// The conversions outside Clinger's fast path, kept out of the fused loop: Eisel–Lemire for
    /// at most 19 digits, otherwise (or when undecided) the careful parser, which uses `strtod`.
    @inline(never)
    static func convertSlowly(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, significand: UInt64, exponent: Int,
                              digitCount: Int) -> Double? {
        if digitCount <= 19, let magnitude = DecimalToDouble.convert(significand, exponent, powers: DecimalToDouble.exactPowersOfTen) {
            return start.pointee == 45 ? -magnitude : magnitude
        }
        return NumberParsing.parseDecimal(start, end - start)
    }
}
