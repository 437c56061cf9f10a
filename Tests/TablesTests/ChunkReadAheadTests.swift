import Tables
import Testing

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

@Test func stoppingLeavesTheReaderAtMostDepthChunksAhead() throws {
    // Depth 2 and chunks of 100 rows (lines 2-101, 102-201, …): after one chunk is taken, the
    // thread has parsed at least that chunk and at most two more (it parses only while fewer than
    // two wait), so after stop() the reader's next row is on line 102, 202 or 302.
    let reader = try TableReader(bytes: numbers(100_000), name: "n.csv", schema: schema)
    let ahead = ChunkReadAhead(reader: reader, chunkRows: 100, depth: 2)
    #expect(try ahead.next()?.lineNumbers.first == 2)
    ahead.stop()
    #expect(try ahead.next() == nil)
    let firstLineAfterStop = try #require(try reader.next(maximumRows: 1)?.lineNumbers.first)
    #expect([102, 202, 302].contains(firstLineAfterStop))
}

@Test func releasingWithoutStopEndsTheThread() throws {
    // The read-ahead is released after one chunk; its deinit stops the thread, which then leaves
    // the reader alone: the reader's next row is on line 2 + 10 × k for k = 1, 2 or 3 (depth 2).
    let reader = try TableReader(bytes: numbers(10_000), name: "n.csv", schema: schema)
    do {
        let ahead = ChunkReadAhead(reader: reader, chunkRows: 10, depth: 2)
        #expect(try ahead.next()?.rowCount == 10)
    }
    let firstLineAfterRelease = try #require(try reader.next(maximumRows: 1)?.lineNumbers.first)
    #expect([12, 22, 32].contains(firstLineAfterRelease))
}

@Test func chunksWithAndWithoutReadAheadAreTheSame() throws {
    // 250 rows in chunks of 60: four of 60 and one of 10 (lines 2-61, …, 242-251), then nil, both ways.
    for readAhead in [false, true] {
        let chunks = try TableReader(bytes: numbers(250), name: "n.csv", schema: schema).chunks(maximumRows: 60, readAhead: readAhead)
        defer { chunks.stop() }
        var sizes: [Int] = []
        var firstLines: [Int] = []
        while let chunk = try chunks.next() {
            sizes.append(chunk.rowCount)
            firstLines.append(chunk.lineNumbers[0])
        }
        #expect(sizes == [60, 60, 60, 60, 10], "readAhead: \(readAhead)")
        #expect(firstLines == [2, 62, 122, 182, 242], "readAhead: \(readAhead)")
        #expect(try chunks.next() == nil)
    }
}

@Test func chunksRethrowTheFirstErrorInPlaceBothWays() throws {
    // Line 57 holds "oops": with chunks of 20 rows (lines 2-21, 22-41, 42-61) two chunks arrive
    // (40 rows), then the error at line 57, column 1, the same with and without the thread.
    for readAhead in [false, true] {
        let chunks = try TableReader(bytes: numbers(100, badLine: 57), name: "n.csv", schema: schema).chunks(maximumRows: 20, readAhead: readAhead)
        defer { chunks.stop() }
        var rows = 0
        var failure: DataError?
        do {
            while let chunk = try chunks.next() { rows += chunk.rowCount }
        } catch let error as DataError {
            failure = error
        }
        #expect(rows == 40, "readAhead: \(readAhead)")
        #expect(failure?.location.description == "n.csv:57:1: x", "readAhead: \(readAhead)")
    }
}
