#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import TestSupport
@testable import Tables

/// Reading on several threads must give exactly what one thread gives: the same rows, lines
/// and values, or the same first error. The reference in every test is the single-threaded
/// whole read of the same bytes.
private let schema = Schema([ColumnSpec("code"), ColumnSpec("count", .wholeNumber(minimum: 0)), ColumnSpec("rate", .decimal())])

/// The outcome of a read: the table's fingerprint, or the error's kind and description.
private func outcome(_ bytes: [UInt8], mode: ReadingMode) -> [String] {
    do {
        return fingerprint(try readTable(bytes, schema, mode: mode))
    } catch let error as DataError {
        return ["error \(error.kind) \(error.description)"]
    } catch {
        return ["unexpected \(error)"]
    }
}

private func expectSameOutcomeInEveryMode(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let bytes = Array(text.utf8)
    let reference = outcome(bytes, mode: .whole)
    for mode in ReadingMode.allCases.dropFirst() + [.threads(4), .threads(7)] {
        #expect(outcome(bytes, mode: mode) == reference, "\(mode)", sourceLocation: sourceLocation)
    }
}

/// Rows with a few quoted fields holding line breaks, so that the line count differs from the
/// row count and a cut may fall inside a quoted field.
private func rows(_ count: Int, random: inout SplitMix64) -> [String] {
    (0..<count).map { row in
        let code = Int.random(in: 0..<5, using: &random) == 0 ? "\"multi\nline, \(row)\"" : "R\(row)"
        return "\(code),\(row),\(Double(row) / 8)"
    }
}

@Test func everyCutPositionGivesTheSingleThreadedTable() {
    var random = SplitMix64(seed: 7)
    let body = rows(40, random: &random)
    // Shift the cut points through the file by growing a prefix row by row.
    for prefix in 0..<12 {
        let text = "code,count,rate\n" + String(repeating: "P,1,1\n", count: prefix) + body.joined(separator: "\n") + "\n"
        expectSameOutcomeInEveryMode(text)
    }
}

@Test func cutInsideALongQuotedFieldFallsBackToOneReader() {
    // The middle of the file is inside a quoted field full of line feeds and commas, so every
    // guessed cut of 2 or 3 threads lands inside it.
    let inside = String(repeating: "x,\n", count: 200)
    let text = "code,count,rate\nA,1,1\n\"\(inside)\",2,2\nB,3,3\n"
    expectSameOutcomeInEveryMode(text)
    let table = try? readTable(Array(text.utf8), schema, mode: .threads(2))
    #expect(table?.text("code") == ["A", inside, "B"])
    // Lines: A on 2; the quoted field starts on 3 and holds 200 line feeds, so its record ends
    // on line 203 and B is on 204.
    #expect(table?.lineNumbers == [2, 3, 204])
}

@Test func anErrorAtEveryRowIsReportedWithTheSameLine() {
    var random = SplitMix64(seed: 11)
    let body = rows(30, random: &random)
    for bad in 0..<body.count {
        var broken = body
        broken[bad] = "X,-1,0"
        expectSameOutcomeInEveryMode("code,count,rate\n" + broken.joined(separator: "\n") + "\n")
    }
}

@Test func aBlankLineAtEveryPositionIsReportedWithTheSameLine() {
    var random = SplitMix64(seed: 13)
    let body = rows(30, random: &random)
    for blank in 0...body.count {
        var broken = body
        broken.insert("", at: blank)
        // A blank line before the end is an error; at the very end it is allowed.
        expectSameOutcomeInEveryMode("code,count,rate\n" + broken.joined(separator: "\n") + "\n")
    }
}

@Test func twoErrorsInDifferentRangesReportTheFirst() {
    var random = SplitMix64(seed: 17)
    var body = rows(60, random: &random)
    body[50] = "late,1,\"unclosed"
    body[5] = "early,x,1"
    let text = "code,count,rate\n" + body.joined(separator: "\n") + "\n"
    expectSameOutcomeInEveryMode(text)
    let error = outcome(Array(text.utf8), mode: .threads(2))
    #expect(error.count == 1 && error[0].contains("expected a whole number >= 0, found \"x\""))
}

@Test func aFileOnDiskReadOnTwoAndThreeThreads() throws {
    // About 1.5 MB: each range reads its part of the file through its own descriptor.
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let path = folder.file("large.csv")
    var random = SplitMix64(seed: 19)
    var bytes = Array("code,count,rate\n".utf8)
    var expectedCodes: [String] = []
    var expectedRates: [Double] = []
    var row = 0
    while bytes.count < 1_500_000 {
        let code = row % 997 == 0 ? "Q\nuoted, \(row)" : "C\(row)"
        let rate = Double(Int.random(in: -1_000_000...1_000_000, using: &random)) / 1000
        bytes.append(contentsOf: (row % 997 == 0 ? "\"\(code)\"" : code).utf8)
        bytes.append(contentsOf: ",\(row),\(rate)\n".utf8)
        expectedCodes.append(code)
        expectedRates.append(rate)
        row += 1
    }
    let file = fopen(path, "w")!
    fwrite(bytes, 1, bytes.count, file)
    fclose(file)

    let single = try TableReader.read(path: path, schema: schema, threads: 1)
    for threads in [2, 3] {
        let reader = try TableReader(path: path, schema: schema)
        let parallel = try reader.readAll(threads: threads, minimumBytesPerThread: 1 << 18)
        #expect(fingerprint(parallel) == fingerprint(single))
    }
    #expect(single.text("code") == expectedCodes)
    #expect(single.decimals("rate") == expectedRates)
    #expect(single.wholeNumbers("count") == Array(0..<row))
    // The last row (index row - 1) starts on line 2 + (row - 1), plus one line for every quoted
    // row before it (indices 0, 997, 1994, …).
    let quotedBefore = (0..<(row - 1)).filter { $0 % 997 == 0 }.count
    #expect(single.lineNumbers.last == 2 + (row - 1) + quotedBefore)
}
