import Testing
@testable import Tables

// Text columns are kept as codes into their distinct values: check that every row reads back as
// written, that codes number the values in order of first appearance, that they agree across the
// chunks of one reader, and that equal codes mean equal bytes, over enough values to grow the
// dictionary's arena and slot table many times.
@Test func codesNumberValuesInOrderOfFirstAppearanceAndReadBack() throws {
    var text = "code,n\n"
    var expected: [String] = []
    for row in 0..<20_000 {
        // 5,000 distinct values of lengths 0 to 40, each met several times, in a scrambled order.
        let value = String(repeating: "x", count: (row * 7919) % 41) + "\((row * 104_729) % 5_000)"
        expected.append(value)
        text += "\(value),\(row)\n"
    }
    let table = try TableReader.read(bytes: Array(text.utf8), name: "t.csv", schema: Schema([ColumnSpec("code"), ColumnSpec("n", .wholeNumber())]))
    let coded = table.codedText("code")
    #expect(coded.strings == expected)
    #expect(table.text("code") == expected)
    var firstSeen: [String] = []
    var known: Set<String> = []
    for value in expected where known.insert(value).inserted { firstSeen.append(value) }
    #expect(coded.values == firstSeen)
    for row in 0..<expected.count { #expect(coded.values[Int(coded.codes[row])] == expected[row]) }
}

@Test func chunksOfOneReaderShareTheirCodes() throws {
    let rows = (0..<1_000).map { "v\($0 % 37),\($0)" }
    let reader = try TableReader(bytes: Array(("code,n\n" + rows.joined(separator: "\n") + "\n").utf8), name: "t.csv",
                                 schema: Schema([ColumnSpec("code"), ColumnSpec("n", .wholeNumber())]))
    var codeOf: [String: UInt32] = [:]
    while let chunk = try reader.next(maximumRows: 100) {
        let coded = chunk.codedText("code")
        for row in 0..<chunk.rowCount {
            let value = coded[row]
            if let earlier = codeOf[value] { #expect(earlier == coded.codes[row]) }
            codeOf[value] = coded.codes[row]
        }
    }
    #expect(codeOf.count == 37)
}

@Test func quotedAndEscapedFieldsShareTheCodeOfTheirValue() throws {
    // Plain, quoted, escaped (careful path) and quoted with a line break.
    let table = try TableReader.read(bytes: Array("code\nab\n\"ab\"\n\"a\"\"b\"\n\"a\"\"b\"\n\"x\ny\"\n".utf8), name: "t.csv",
                                     schema: Schema([ColumnSpec("code")])).codedText("code")
    #expect(table.strings == ["ab", "ab", "a\"b", "a\"b", "x\ny"])
    #expect(table.codes == [0, 0, 1, 1, 2])
}

@Test func joiningRenumbersTheSecondTablesValues() {
    let first = CodedText(coding: ["a", "b", "a"])
    let second = CodedText(coding: ["c", "a", "c"])
    let joined = CodedText.joining(first, second)
    #expect(joined.strings == ["a", "b", "a", "c", "a", "c"])
    #expect(joined.values == ["a", "b", "c"])
    #expect(joined.codes == [0, 1, 0, 2, 0, 2])
}

@Test func aNewValueThatIsNotUTF8IsAnError() {
    var bytes = Array("code\nok\n".utf8)
    bytes += [0x61, 0xFF, 0x62, 10]
    #expect(throws: DataError.self) {
        try TableReader.read(bytes: bytes, name: "t.csv", schema: Schema([ColumnSpec("code")]))
    }
}

// A consumer that stops after the first chunk ends the workers (no hang, nothing more handed out).
@Test func stoppingParallelChunksEarlyEndsTheWorkers() throws {
    let rows = (0..<5_000).map { "v\($0 % 37),\($0)" }
    let reader = try TableReader(bytes: Array(("code,n\n" + rows.joined(separator: "\n") + "\n").utf8), name: "t.csv",
                                 schema: Schema([ColumnSpec("code"), ColumnSpec("n", .wholeNumber())]))
    let parallel = ParallelChunkReader(reader: reader, threads: 2, blockBytes: 1_000)
    let first = try parallel.next()
    #expect(first?.lineNumbers.first == 2)
    parallel.stop()
    #expect(try parallel.next() == nil)
}
