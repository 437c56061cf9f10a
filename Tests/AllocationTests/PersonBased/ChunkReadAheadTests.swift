import Testing
@testable import Allocation
import Tables

private func numbers(_ count: Int, badLine: Int? = nil) -> [UInt8] {
    var text = "x\n"
    for value in 1...count { text += (value + 1 == badLine ? "oops" : String(value)) + "\n" }
    return Array(text.utf8)
}

private let schema = Schema([ColumnSpec("x", .decimal())])

@Test func readAheadGivesThePlainReadersChunksInOrder() throws {
    let plain = try TableReader(bytes: numbers(1_000), name: "n.csv", schema: schema)
    let ahead = ChunkReadAhead(reader: try TableReader(bytes: numbers(1_000), name: "n.csv", schema: schema), chunkRows: 37, depth: 1)
    defer { ahead.stop() }
    var chunks = 0
    while let expected = try plain.next(maximumRows: 37) {
        let chunk = try #require(try ahead.next())
        #expect(chunk.decimals("x") == expected.decimals("x") && chunk.lineNumbers == expected.lineNumbers)
        chunks += 1
    }
    // 1,000 rows in chunks of 37: 27 full chunks hold 999 rows, and a 28th holds the last row; then nil.
    #expect(chunks == 28)
    #expect(try ahead.next() == nil)
}

@Test func aReadingErrorComesAfterTheChunksBeforeIt() throws {
    // Line 95 holds "oops": chunks of 10 rows (lines 2-11, 12-21, …) up to line 91 arrive; the
    // chunk holding line 95 fails.
    let ahead = ChunkReadAhead(reader: try TableReader(bytes: numbers(200, badLine: 95), name: "n.csv", schema: schema), chunkRows: 10)
    defer { ahead.stop() }
    var rows = 0
    var failure: DataError?
    do {
        while let chunk = try ahead.next() { rows += chunk.rowCount }
    } catch let error as DataError {
        failure = error
    }
    #expect(rows == 90)
    #expect(failure?.location.description == "n.csv:95:1: x")
}

@Test func stoppingEarlyEndsTheThread() throws {
    let ahead = ChunkReadAhead(reader: try TableReader(bytes: numbers(100_000), name: "n.csv", schema: schema), chunkRows: 100, depth: 2)
    #expect(try ahead.next()?.rowCount == 100)
    ahead.stop()
    ahead.stop()
    // Never started: stop returns at once.
    ChunkReadAhead(reader: try TableReader(bytes: numbers(10), name: "n.csv", schema: schema), chunkRows: 5).stop()
}
