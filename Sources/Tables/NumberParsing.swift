#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Strict parsers for numbers written in CSV fields, working on raw bytes.
///
/// Decimal numbers are converted with correct rounding (`DecimalToDouble`): at most 19
/// significant digits go through Clinger's fast path or Eisel–Lemire; longer digit strings and
/// the rare undecided cases are handed to the C library's `strtod`, which rounds correctly.
public enum NumberParsing {
    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]` (digits may also start after the point) with
    /// the given grouping. Returns nil for anything else, including empty input.
    @inline(__always)
    public static func parseDecimal(_ start: UnsafePointer<UInt8>, _ count: Int, grouping: DigitGrouping = .none) -> Double? {
        if count == 0 { return nil }
        var index = 0
        var negative = false
        let first = start[0]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var droppedDigits = 0      // integer digits beyond 19 significant ones
        var digitsSeen = 0
        var fractionDigits = 0
        // Integer part (with optional comma grouping).
        var groupLength = 0
        var sawGroupSeparator = false
        while index < count {
            let byte = start[index]
            if byte >= 48 && byte <= 57 {
                digitsSeen += 1
                groupLength += 1
                if mantissa == 0 && byte == 48 {
                    // leading zero: not significant
                } else if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(byte &- 48)
                    significantDigits += 1
                } else {
                    droppedDigits += 1
                }
                index += 1
            } else if byte == UInt8(ascii: ",") && grouping == .commaThousands {
                // First group 1...3 digits, every later group exactly 3.
                if digitsSeen == 0 || groupLength > 3 || (sawGroupSeparator && groupLength != 3) { return nil }
                sawGroupSeparator = true
                groupLength = 0
                index += 1
            } else {
                break
            }
        }
        if sawGroupSeparator && groupLength != 3 { return nil }
        var exactDigits = droppedDigits == 0
        if index < count && start[index] == UInt8(ascii: ".") {
            index += 1
            while index < count {
                let byte = start[index]
                guard byte >= 48 && byte <= 57 else { break }
                digitsSeen += 1
                if mantissa == 0 && byte == 48 {
                    fractionDigits += 1
                } else if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(byte &- 48)
                    significantDigits += 1
                    fractionDigits += 1
                } else {
                    exactDigits = false
                }
                index += 1
            }
        }
        if digitsSeen == 0 { return nil }
        var exponent = 0
        if index < count && (start[index] == UInt8(ascii: "e") || start[index] == UInt8(ascii: "E")) {
            index += 1
            var exponentNegative = false
            if index < count && (start[index] == UInt8(ascii: "-") || start[index] == UInt8(ascii: "+")) {
                exponentNegative = start[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponentDigits = 0
            while index < count {
                let byte = start[index]
                guard byte >= 48 && byte <= 57 else { break }
                if exponent < 100_000 { exponent = exponent * 10 + Int(byte - 48) }
                exponentDigits += 1
                index += 1
            }
            if exponentDigits == 0 { return nil }
            if exponentNegative { exponent = -exponent }
        }
        if index != count { return nil }
        let decimalExponent = exponent - fractionDigits + droppedDigits
        if exactDigits, let value = DecimalToDouble.convert(mantissa, decimalExponent, powers: DecimalToDouble.exactPowersOfTen) {
            return negative ? -value : value
        }
        return slowDecimal(start, count, grouping: grouping)
    }

    /// Correctly rounded conversion of an already validated number by `strtod`.
    static func slowDecimal(_ start: UnsafePointer<UInt8>, _ count: Int, grouping: DigitGrouping) -> Double? {
        var bytes: [CChar] = []
        bytes.reserveCapacity(count + 1)
        for index in 0..<count where start[index] != UInt8(ascii: ",") {
            bytes.append(CChar(bitPattern: start[index]))
        }
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer -> Double? in
            var end: UnsafeMutablePointer<CChar>? = nil
            let value = strtod(buffer.baseAddress!, &end)
            guard let end, end - UnsafeMutablePointer(mutating: buffer.baseAddress!) == buffer.count - 1 else { return nil }
            return value.isFinite ? value : nil
        }
    }

    /// Parses `[-]digits` (with the given grouping) into an Int; nil on anything else or overflow.
    @inline(__always)
    public static func parseWholeNumber(_ start: UnsafePointer<UInt8>, _ count: Int, grouping: DigitGrouping = .none) -> Int? {
        if count == 0 { return nil }
        var index = 0
        var negative = false
        if start[0] == UInt8(ascii: "-") {
            negative = true
            index = 1
        }
        if index == count { return nil }
        var value = 0
        var groupLength = 0
        var sawGroupSeparator = false
        var digits = 0
        while index < count {
            let byte = start[index]
            if byte >= 48 && byte <= 57 {
                let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - 48))
                if overflow1 || overflow2 { return nil }
                value = sum
                digits += 1
                groupLength += 1
            } else if byte == UInt8(ascii: ",") && grouping == .commaThousands {
                if digits == 0 || groupLength > 3 || (sawGroupSeparator && groupLength != 3) { return nil }
                sawGroupSeparator = true
                groupLength = 0
            } else {
                return nil
            }
            index += 1
        }
        if sawGroupSeparator && groupLength != 3 { return nil }
        return negative ? -value : value
    }

    /// Parses pounds with at most two decimals into whole pence (`12.5` → 1250, `-0.75` → -75).
    public static func parsePence(_ start: UnsafePointer<UInt8>, _ count: Int, grouping: DigitGrouping = .none) -> Int? {
        var pointIndex = count
        for index in 0..<count where start[index] == UInt8(ascii: ".") {
            pointIndex = index
            break
        }
        var negative = false
        var integerStart = 0
        if count > 0 && start[0] == UInt8(ascii: "-") {
            negative = true
            integerStart = 1
        }
        let integerCount = pointIndex - integerStart
        var pounds = 0
        if integerCount > 0 {
            guard start[integerStart] != UInt8(ascii: "-"),
                  let parsed = parseWholeNumber(start + integerStart, integerCount, grouping: grouping) else { return nil }
            pounds = parsed
        }
        var pence = 0
        if pointIndex < count {
            let fractionCount = count - pointIndex - 1
            guard fractionCount >= 1 && fractionCount <= 2 else { return nil }
            for offset in 0..<2 {
                pence *= 10
                if offset < fractionCount {
                    let byte = start[pointIndex + 1 + offset]
                    guard byte >= 48 && byte <= 57 else { return nil }
                    pence += Int(byte - 48)
                }
            }
        } else if integerCount == 0 {
            return nil
        }
        if integerCount == 0 && pointIndex == count { return nil }
        let (scaled, overflow1) = pounds.multipliedReportingOverflow(by: 100)
        let (total, overflow2) = scaled.addingReportingOverflow(pence)
        if overflow1 || overflow2 { return nil }
        return negative ? -total : total
    }
}
