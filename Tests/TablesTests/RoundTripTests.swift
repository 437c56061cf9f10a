#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import TestSupport
@testable import Tables

/// Property: a random table written by `CSVWriter` and read back by `TableReader` gives the
/// same values — numbers through their shortest round-trip text, text with commas, quotes, line
/// breaks and non-ASCII characters through RFC 4180 quoting, missing values as empty fields.
private let roundTripSchema = Schema([
    ColumnSpec("label", allowsEmpty: true), ColumnSpec("value", .decimal()), ColumnSpec("maybe", .decimal(), allowsEmpty: true),
    ColumnSpec("count", .wholeNumber()), ColumnSpec("amount", .money), ColumnSpec("note"),
])

private let alphabet: [String] = ["a", "B", "z", "0", "9", " ", ",", "\"", "\n", "\r", "\r\n", "é", "€", "𝄞", "\t", "'", ";"]

private func randomText(_ random: inout SplitMix64, allowsEmpty: Bool) -> String {
    let length = Int.random(in: (allowsEmpty ? 0 : 1)...12, using: &random)
    return (0..<length).map { _ in alphabet.randomElement(using: &random)! }.joined()
}

/// Finite Doubles of every kind: random bit patterns (any magnitude, subnormals included),
/// values with few digits, whole numbers, and ±0.
private func randomDouble(_ random: inout SplitMix64) -> Double {
    switch Int.random(in: 0..<4, using: &random) {
    case 0:
        var value = Double(bitPattern: random.next())
        while !value.isFinite { value = Double(bitPattern: random.next()) }
        return value
    case 1: return Double(Int.random(in: -999_999...999_999, using: &random)) / 1000
    case 2: return Double(Int.random(in: -(1 << 53)...(1 << 53), using: &random))
    default: return Double.random(in: -1...1, using: &random) * 1e-300
    }
}

@Test func randomTablesRoundTripThroughWriterAndReader() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    var random = SplitMix64(seed: 4180)
    for round in 0..<40 {
        let rowCount = Int.random(in: 0...60, using: &random)
        var labels: [String] = [], values: [Double] = [], maybes: [Double?] = [], counts: [Int] = [], pence: [Int] = [], notes: [String] = []
        for _ in 0..<rowCount {
            labels.append(randomText(&random, allowsEmpty: true))
            values.append(randomDouble(&random))
            maybes.append(Bool.random(using: &random) ? randomDouble(&random) : nil)
            counts.append(Int.random(in: Int.min...Int.max, using: &random))
            pence.append(Int.random(in: -1_000_000_000_000...1_000_000_000_000, using: &random))
            notes.append(randomText(&random, allowsEmpty: false))
        }
        let path = folder.file("round-\(round).csv")
        let writer = try CSVWriter(path: path, header: ["label", "value", "maybe", "count", "amount", "note"])
        for row in 0..<rowCount {
            try writer.write([.text(labels[row]), .number(values[row]), maybes[row].map { .number($0) } ?? .missing,
                              .wholeNumber(counts[row]), .pence(pence[row]), .text(notes[row])])
        }
        try writer.commit()

        let single = try TableReader.read(path: path, schema: roundTripSchema)
        #expect(single.rowCount == rowCount)
        #expect(single.text("label") == labels)
        // == treats -0 and 0 as equal: the writer spells negative zero "0".
        #expect(single.decimals("value") == values)
        #expect(single.decimals("value").map(\.bitPattern) == values.map { $0 == 0 ? 0 : $0.bitPattern })
        #expect(single.optionalDecimals("maybe") == maybes)
        #expect(single.wholeNumbers("count") == counts)
        #expect(single.pence("amount") == pence)
        #expect(single.text("note") == notes)

        // The same file in every reading mode.
        let bytes = try fileBytes(path)
        try readInEveryMode(bytes, roundTripSchema, name: path)
    }
}

@Test func shortestNumberTextIsSwiftsDescriptionOrAWholeNumber() {
    // The writer's number format: whole values below 10^15 without a point, otherwise Swift's
    // shortest round-trip description, which switches to an exponent from 2^53 up and below
    // 10^-4 (the strings below are what Swift 6.3 prints for these values).
    #expect(CSVWriter.format(.number(0.1)) == "0.1")
    #expect(CSVWriter.format(.number(12)) == "12")
    #expect(CSVWriter.format(.number(-3)) == "-3")
    #expect(CSVWriter.format(.number(1e-5)) == "1e-05")
    #expect(CSVWriter.format(.number(1e15)) == "1000000000000000.0")
    #expect(CSVWriter.format(.number(1e16)) == "1e+16")
    #expect(CSVWriter.format(.number(123456.789)) == "123456.789")
    #expect(CSVWriter.format(.number(.leastNonzeroMagnitude)) == "5e-324")
    #expect(CSVWriter.format(.number(.nan)) == "")
    #expect(CSVWriter.format(.number(-.infinity)) == "")
}

private func fileBytes(_ path: String) throws -> [UInt8] {
    guard let file = fopen(path, "rb") else { throw DataError(.cannotOpen, at: SourceLocation(file: path), "cannot open") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let got = fread(&chunk, 1, chunk.count, file)
        if got == 0 { break }
        bytes.append(contentsOf: chunk[0..<got])
    }
    return bytes
}

@Test func quotingFieldsThatDoNotNeedItChangesNothing() throws {
    // The same random rows written twice, once plain and once with random fields quoted; both
    // must give the same table (quoted plain fields take the fused loop, the rest the careful
    // path, in every reading mode).
    let schema = Schema([ColumnSpec("code"), ColumnSpec("count", .wholeNumber(), grouping: .commaThousands),
                         ColumnSpec("rate", .decimal(), allowsEmpty: true), ColumnSpec("cost", .money), ColumnSpec("skipped", optional: true)])
    var random = SplitMix64(seed: 2718)
    for _ in 0..<20 {
        var plain = "code,count,rate,cost,extra\n"
        var quoted = plain
        for row in 0..<Int.random(in: 1...40, using: &random) {
            let fields = ["C\(row)", "\(Int.random(in: -5000...5000, using: &random))",
                          Bool.random(using: &random) ? "" : "\(Double(Int.random(in: -99999...99999, using: &random)) / 100)",
                          "\(Int.random(in: 0...999, using: &random)).\(Int.random(in: 10...99, using: &random))", "x y"]
            plain += fields.joined(separator: ",") + "\n"
            quoted += fields.map { Bool.random(using: &random) ? "\"\($0)\"" : $0 }.joined(separator: ",") + "\n"
        }
        let expected = try readInEveryMode(plain, schema)
        let found = try readInEveryMode(quoted, schema)
        #expect(fingerprint(found) == fingerprint(expected))
    }
}
