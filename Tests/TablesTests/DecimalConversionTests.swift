#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import TestSupport
@testable import Tables

/// The C library's correctly rounded conversion, the independent reference for every case here.
private func referenceValue(_ text: String) -> Double {
    text.withCString { strtod($0, nil) }
}

private func parsed(_ text: String) -> Double? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { NumberParsing.parseDecimal($0.baseAddress!, $0.count) }
}

/// A random decimal string: 1...`maximumDigits` random digits, the point anywhere (or absent),
/// an optional exponent.
private func randomDecimalText(_ random: inout SplitMix64, maximumDigits: Int, exponentRange: ClosedRange<Int>) -> String {
    let digitCount = Int.random(in: 1...maximumDigits, using: &random)
    var digits = ""
    for index in 0..<digitCount {
        let digit = index == 0 ? Int.random(in: 1...9, using: &random) : Int.random(in: 0...9, using: &random)
        digits.append(Character(Unicode.Scalar(UInt8(48 + digit))))
    }
    // Leading zeros now and then (they are not significant digits).
    if Int.random(in: 0..<8, using: &random) == 0 { digits = String(repeating: "0", count: Int.random(in: 1...25, using: &random)) + digits }
    var text = Bool.random(using: &random) ? "-" : ""
    let point = Int.random(in: 0...digits.count, using: &random)
    if point == digits.count && Bool.random(using: &random) {
        text += digits
    } else {
        text += digits.prefix(point) + "." + digits.dropFirst(point)
    }
    if Int.random(in: 0..<4, using: &random) != 0 {
        text += "e\(Int.random(in: exponentRange, using: &random))"
    }
    return text
}

@Test func powersOfFiveTableIsExactForSmallExponentsAndBoundsTheRest() {
    let table = PowersOfFive.shared
    // 5^0 = 1 has 1 bit, so T = 2^127 and E = 127.
    let zero = -PowersOfFive.smallestExponent
    #expect(table.high[zero] == 1 << 63 && table.low[zero] == 0 && table.scale[zero] == 127)
    // 5^1 = 101 in binary: T = 101 followed by 125 zeros, E = 125.
    #expect(table.high[zero + 1] == 0b101 << 61 && table.low[zero + 1] == 0 && table.scale[zero + 1] == 125)
    // 5^-1: 5 has 3 bits, E = 130, T = floor(2^130 / 5) = 0xCCCC...CCCC (binary 1100 repeated).
    #expect(table.high[zero - 1] == 0xCCCC_CCCC_CCCC_CCCC && table.low[zero - 1] == 0xCCCC_CCCC_CCCC_CCCC)
    #expect(table.scale[zero - 1] == 130)
    // Every entry is normalised: T in [2^127, 2^128).
    #expect(table.high.allSatisfy { $0 >> 63 == 1 })
    // For q < 0, T · 5^p ≤ 2^E < (T + 1) · 5^p, checked by multiplying back (independent of
    // the division that built the table).
    for p in [1, 2, 27, 28, 100, 342] {
        let index = zero - p
        var product = limbValue(high: table.high[index], low: table.low[index])
        var next = product
        next.add(1)
        for _ in 0..<p {
            product.multiply(by: 5)
            next.multiply(by: 5)
        }
        let power = LimbInteger.powerOfTwo(table.scale[index])
        #expect(!power.isLess(than: product), "T·5^\(p) exceeds 2^E")
        #expect(power.isLess(than: next), "(T+1)·5^\(p) does not exceed 2^E")
    }
}

private func limbValue(high: UInt64, low: UInt64) -> LimbInteger {
    var value = LimbInteger(0)
    for word in [high >> 32, high & 0xFFFF_FFFF, low >> 32, low & 0xFFFF_FFFF] {
        for _ in 0..<32 { value.shiftLeftByOne() }
        value.add(UInt32(word))
    }
    return value
}

@Test func knownHardDecimalsAgreeWithStrtod() {
    let cases = [
        "0", "-0", "1", "0.1", "0.2", "0.3", "1e23", "8.98846567431158e307", "1.7976931348623157e308",
        "2.2250738585072011e-308", "2.2250738585072014e-308", "4.9406564584124654e-324", "2.4703282292062327e-324",
        "2.4703282292062328e-324", "1e-400", "9007199254740993", "9007199254740992", "9007199254740995",
        "18014398509481985", "18014398509481986", "9223372036854775807", "9223372036854775808",
        "12345678901234567890", "0.000123456", "12345.678901", "-0.000123456", "7.2057594037927933e16",
        "3.0540412499999998e-5", "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124", "5e-324", "1e308", "123456789012345678e-10",
    ]
    for text in cases {
        #expect(parsed(text)?.bitPattern == referenceValue(text).bitPattern, "\(text)")
    }
    // Overflow is not a number the engine accepts.
    #expect(parsed("1e309") == nil)
    #expect(parsed("-1.8e308") == nil)
}

@Test func halfwayIntegersRoundToEvenLikeStrtod() {
    // Integers in [2^53, 2^63] halfway between two neighbouring Doubles: d + ulp(d)/2.
    var random = SplitMix64(seed: 53)
    for _ in 0..<20_000 {
        let exponent = Int.random(in: 53...62, using: &random)
        let spacing = UInt64(1) << UInt64(exponent - 52)
        let base = (UInt64(1) << UInt64(exponent)) + UInt64.random(in: 0..<(UInt64(1) << 52), using: &random) * spacing
        for text in ["\(base + spacing / 2)", "\(base + spacing / 2 - 1)", "\(base + spacing / 2 + 1)"] {
            #expect(parsed(text)?.bitPattern == referenceValue(text).bitPattern, "\(text)")
        }
    }
}

/// How many random (w, q) pairs `eiselLemireAgreesWithStrtodWheneverItDecides` checks: 300 000
/// by default; TABLES_EISEL_LEMIRE_CASES sets another count for a longer (release) run.
private let eiselLemireCount = getenv("TABLES_EISEL_LEMIRE_CASES").flatMap { Int(String(cString: $0)) } ?? 300_000

@Test func eiselLemireAgreesWithStrtodWheneverItDecides() {
    // Random 1...19-digit significands times 10^q over the whole table range.
    var random = SplitMix64(seed: 2021)
    var decided = 0
    var undecidedInRange = 0
    for _ in 0..<eiselLemireCount {
        let digits = Int.random(in: 1...19, using: &random)
        var limit: UInt64 = 1
        for _ in 0..<digits { limit = limit &* 10 }
        let significand = UInt64.random(in: 1...(digits == 20 ? UInt64.max : limit - 1), using: &random)
        let exponent = Int.random(in: -345...310, using: &random)
        let reference = referenceValue("\(significand)e\(exponent)")
        if let value = DecimalToDouble.eiselLemire(significand, exponent) {
            decided += 1
            #expect(value.bitPattern == reference.bitPattern, "\(significand)e\(exponent)")
        } else if reference.isNormal && exponent >= -342 && exponent <= 308 {
            // Undecided although normal and in the table: only the near-halfway patterns.
            undecidedInRange += 1
        }
    }
    // The near-halfway patterns need 9 bits of the product to be all zeros or all ones and the
    // low word within 2 of a boundary: far rarer than 1 in 1000 random inputs.
    #expect(undecidedInRange < eiselLemireCount / 1000)
    // Results are normal for roughly 10^-307...10^308 of the 10^-345...10^328 range drawn.
    #expect(decided > eiselLemireCount * 2 / 3)
}

/// How many random strings `randomDecimalStringsAgreeWithStrtod` checks: 200 000 by default
/// (a few seconds in a debug build); set TABLES_STRTOD_CASES for a longer run, e.g.
/// `TABLES_STRTOD_CASES=20000000 swift test -c release --filter randomDecimalStrings`.
private let randomStringCount = getenv("TABLES_STRTOD_CASES").flatMap { Int(String(cString: $0)) } ?? 200_000

@Test func randomDecimalStringsAgreeWithStrtod() {
    var random = SplitMix64(seed: 4180)
    for round in 0..<randomStringCount {
        let text: String
        switch round % 4 {
        case 0: text = randomDecimalText(&random, maximumDigits: 19, exponentRange: -30...30)
        case 1: text = randomDecimalText(&random, maximumDigits: 19, exponentRange: -360...330)
        case 2: text = randomDecimalText(&random, maximumDigits: 40, exponentRange: -340...310)
        default:
            // The shortest round-trip text of a random finite Double.
            var bits = random.next()
            while !Double(bitPattern: bits).isFinite { bits = random.next() }
            text = "\(Double(bitPattern: bits))"
        }
        let reference = referenceValue(text)
        let value = parsed(text)
        if reference.isFinite {
            if value?.bitPattern != reference.bitPattern {
                Issue.record("\(text): parsed \(String(describing: value)), strtod \(reference)")
                return
            }
        } else {
            #expect(value == nil, "\(text) overflows and must be rejected")
        }
    }
}

@Test func fusedScannerFindsTheEndAndTheValueOfRandomDecimals() {
    // The reader's fused loop scans a number up to the byte that ends it; the value must be the
    // correctly rounded one (strtod) and the scan must stop exactly at the separator.
    var random = SplitMix64(seed: 1990)
    for round in 0..<50_000 {
        let text = randomDecimalText(&random, maximumDigits: round % 2 == 0 ? 19 : 30, exponentRange: -330...310)
        let reference = referenceValue(text)
        for separator in [",", "\n", "\r\n", ""] {
            var bytes = Array((text + separator).utf8)
            bytes.append(0) // the sentinel the reader puts after its data
            bytes.withUnsafeBufferPointer { buffer in
                let scanned = DecimalScan.scan(buffer.baseAddress!, powers: DecimalToDouble.exactPowersOfTen)
                #expect(scanned.end - buffer.baseAddress! == text.utf8.count, "\(text)")
                if reference.isFinite {
                    #expect(scanned.status == .number && scanned.value.bitPattern == reference.bitPattern, "\(text)")
                } else {
                    #expect(scanned.status == .other, "\(text) overflows")
                }
            }
        }
    }
    // Not numbers: the scan stops where the number cannot go on, and the caller then finds no
    // separator there.
    for (text, status, length) in [("", DecimalScan.Status.empty, 0), ("-", .other, 1), (".", .other, 1), ("1e", .other, 2),
                                   ("+.e1", .other, 2), ("12a", .number, 2), (" 1", .empty, 0), ("1.5.2", .number, 3)] {
        let bytes = Array(text.utf8) + [0]
        bytes.withUnsafeBufferPointer { buffer in
            let scanned = DecimalScan.scan(buffer.baseAddress!, powers: DecimalToDouble.exactPowersOfTen)
            #expect(scanned.status == status && scanned.end - buffer.baseAddress! == length, "\(text)")
        }
    }
}
