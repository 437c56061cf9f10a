#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import TestSupport
@testable import Tables

@Test func writerQuotesOnlyFieldsThatNeedIt() {
    #expect(CSVWriter.format(.text("a,\"b\"")) == "\"a,\"\"b\"\"\"")
    #expect(CSVWriter.format(.text("two\nlines")) == "\"two\nlines\"")
    #expect(CSVWriter.format(.text("cr\r")) == "\"cr\r\"")
    #expect(CSVWriter.format(.text("plain text")) == "plain text")
    #expect(CSVWriter.format(.missing) == "")
    #expect(CSVWriter.format(.wholeNumber(-42)) == "-42")
}

@Test func moneyIsRoundedOnTheExactValueOfTheDouble() {
    #expect(CSVWriter.format(.pence(-1205)) == "-12.05")
    #expect(CSVWriter.format(.pence(7)) == "0.07")
    // Exact values (Python: decimal.Decimal(2.675) etc.):
    // 2.675 = 2.67499999999999982236431605997495353221893310546875 → 2.67, although 2.675 * 100
    // rounds to exactly 267.5 in binary floating point.
    #expect(CSVWriter.format(.money(2.675)) == "2.67")
    // 1.115 = 1.1149999999999999911182158029987476766109466552734375 → 1.11 (1.115 * 100 = 111.5).
    #expect(CSVWriter.format(.money(1.115)) == "1.11")
    // 123456.785 = 123456.78500000000349245965480804443359375 → 123456.79.
    #expect(CSVWriter.format(.money(123456.785)) == "123456.79")
    // -0.125 is exact: a true half, rounded away from zero.
    #expect(CSVWriter.format(.money(-0.125)) == "-0.13")
    #expect(CSVWriter.format(.money(0.125)) == "0.13")
    #expect(CSVWriter.format(.money(.nan)) == "")
}

@Test func aWriterDroppedWithoutCommitLeavesNothing() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    do {
        let writer = try CSVWriter(path: folder.file("out.csv"), header: ["a"])
        try writer.write([.text("x")])
        // The temporary file exists while writing…
        #expect(folder.entries().count == 1)
    }
    // …and nothing is left once the writer is gone.
    #expect(folder.entries().isEmpty)
}

@Test func aDiscardedWriterLeavesTheOldFileUntouched() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let path = folder.file("out.csv")
    let first = try CSVWriter(path: path, header: ["a"])
    try first.write([.wholeNumber(1)])
    try first.commit()
    let second = try CSVWriter(path: path, header: ["a"])
    try second.write([.wholeNumber(2)])
    second.discard()
    #expect(folder.entries() == ["out.csv"])
    #expect(try TableReader.read(path: path, schema: Schema([ColumnSpec("a", .wholeNumber())])).wholeNumbers("a") == [1])
}

@Test func committingWritesTheWholeFileAtOnce() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let path = folder.file("out.csv")
    let writer = try CSVWriter(path: path, header: ["name", "value"])
    for row in 0..<100_000 { try writer.write([.text("r\(row)"), .number(Double(row) / 4)]) }
    #expect(access(path, F_OK) != 0) // not there before commit
    try writer.commit()
    #expect(folder.entries() == ["out.csv"])
    let table = try TableReader.read(path: path, schema: Schema([ColumnSpec("name"), ColumnSpec("value", .decimal())]))
    #expect(table.rowCount == 100_000)
    #expect(table.decimals("value").last == 99_999.0 / 4)
    #expect(writer.rowsWritten == 100_000)
}

@Test func writingIntoAMissingFolderIsCannotCreate() {
    #expect {
        try CSVWriter(path: "/nonexistent-folder/out.csv", header: ["a"])
    } throws: { error in
        guard let error = error as? DataError else { return false }
        return error.kind == .cannotCreate
            && error.description == "/nonexistent-folder/out.csv: cannot create the output file: No such file or directory"
    }
}

@Test func committingOverAFolderIsCannotCreateAndLeavesNoTemporaryFile() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let target = folder.file("taken")
    mkdir(target, 0o755)
    defer { rmdir(target) }
    let writer = try CSVWriter(path: target, header: ["a"])
    try writer.write([.wholeNumber(1)])
    #expect {
        try writer.commit()
    } throws: { error in
        (error as? DataError)?.kind == .cannotCreate
    }
    // The rename failed and the temporary file is gone at once, while the writer still exists.
    #expect(folder.entries() == ["taken"])
    withExtendedLifetime(writer) {}
}

@Test func writerDigitsAreThoseOfStringForEveryKindOfInteger() {
    // The writer formats integers without making Strings; String(_:) is the reference.
    var random = SplitMix64(seed: 64)
    var values = [0, 1, -1, 9, 10, -10, 99, 100, Int.max, Int.min, Int.max - 1, Int.min + 1]
    for _ in 0..<20_000 {
        let digits = Int.random(in: 1...19, using: &random)
        var limit = 1
        for _ in 0..<(digits - 1) { limit *= 10 }
        values.append(Int.random(in: -limit...limit, using: &random))
    }
    for value in values {
        #expect(CSVWriter.format(.wholeNumber(value)) == String(value))
        let pence = value / 1000
        #expect(CSVWriter.format(.pence(pence)) == (pence < 0 ? "-" : "") + "\(pence.magnitude / 100).\(pence.magnitude % 100 < 10 ? "0" : "")\(pence.magnitude % 100)")
    }
}

@Test func writerNumbersAreTheEnginesNumberFormat() {
    // `.number` written by the writer is `Table.formatNumber`: digits for whole values below
    // 10^15, Swift's shortest round-trip description otherwise.
    var random = SplitMix64(seed: 53)
    var values: [Double] = [0, -0.0, 1, -1, 1e15 - 1, 1e15, -1e15, 0.5, 1e-300, .greatestFiniteMagnitude, .leastNonzeroMagnitude]
    for _ in 0..<20_000 {
        values.append(Double(bitPattern: random.next()))
        values.append(Double(Int.random(in: -1_000_000_000_000_000...1_000_000_000_000_000, using: &random)))
    }
    for value in values where value.isFinite {
        #expect(CSVWriter.format(.number(value)) == Table.formatNumber(value))
    }
    #expect(CSVWriter.format(.number(-0.0)) == "0")
    #expect(CSVWriter.format(.number(1e15 - 1)) == "999999999999999")
}

/// Background formatting writes the bytes the writer writes itself, for more rows than a batch,
/// and leaves nothing when dropped.
@Test func backgroundFormattingWritesTheSameBytes() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    var rows: [[CSVValue]] = []
    for index in 0..<(2 * CSVBackgroundFormatter.batchRows + 17) {
        rows.append([.text("P\(index),\"x\""), .number(Double(index) / 7), .wholeNumber(index), .missing, .pence(index - 50)])
    }
    func written(background: Bool) throws -> String? {
        let name = background ? "background.csv" : "direct.csv"
        let writer = try CSVWriter(path: folder.file(name), header: ["a", "b", "c", "d", "e"], formatsInBackground: background)
        for row in rows { try writer.write(row) }
        try writer.commit()
        #expect(writer.rowsWritten == rows.count)
        return try String(contentsOfFile: folder.file(name), encoding: .utf8)
    }
    let direct = try #require(try written(background: false))
    #expect(direct.split(separator: "\n").count == rows.count + 1)
    #expect(try written(background: true) == direct)

    do {
        let writer = try CSVWriter(path: folder.file("dropped.csv"), header: ["a", "b", "c", "d", "e"], formatsInBackground: true)
        for row in rows { try writer.write(row) }
    }
    #expect(folder.entries().sorted() == ["background.csv", "direct.csv"])
}
