import Testing
@testable import Tables

/// Inputs that look odd but are valid CSV. Each is read in every mode (whole, streamed through
/// tiny blocks so that records straddle blocks at many places, on 2 and 3 threads); every mode
/// must give the same table, and the values below are read off the input by hand.
private let schema = Schema([ColumnSpec("code"), ColumnSpec("count", .wholeNumber()), ColumnSpec("rate", .decimal())])

@Test func quotedCommasAndDoubledQuotes() throws {
    let table = try readInEveryMode("code,count,rate\n\"Smith, Jo\",1,0.5\n\"say \"\"hi\"\"\",2,1.5\n", schema)
    #expect(table.text("code") == ["Smith, Jo", "say \"hi\""])
    #expect(table.wholeNumbers("count") == [1, 2])
    #expect(table.decimals("rate") == [0.5, 1.5])
}

@Test func crlfLineEnds() throws {
    let table = try readInEveryMode("code,count,rate\r\nA,1,0.25\r\nB,2,-3\r\n", schema)
    #expect(table.text("code") == ["A", "B"])
    #expect(table.decimals("rate") == [0.25, -3])
    #expect(table.lineNumbers == [2, 3])
}

@Test func byteOrderMarkBeforeTheHeader() throws {
    let table = try readInEveryMode("\u{FEFF}code,count,rate\nA,1,2\n", schema)
    #expect(table.header == ["code", "count", "rate"])
    #expect(table.text("code") == ["A"])
}

@Test func headerOnlyWithByteOrderMarkAndCRLFHasZeroRows() throws {
    let table = try readInEveryMode("\u{FEFF}code,count,rate\r\n", schema)
    #expect(table.rowCount == 0)
    #expect(table.text("code").isEmpty && table.wholeNumbers("count").isEmpty && table.decimals("rate").isEmpty)
    // Without any line end at all.
    #expect(try readInEveryMode("code,count,rate", schema).rowCount == 0)
}

@Test func lastLineWithOrWithoutALineEnd() throws {
    for ending in ["", "\n", "\r\n", "\n\n", "\r\n\r\n\n"] {
        let table = try readInEveryMode("code,count,rate\nA,1,2\nB,3,4" + ending, schema)
        #expect(table.text("code") == ["A", "B"], "ending \(ending.debugDescription)")
        #expect(table.decimals("rate") == [2, 4])
        #expect(table.lineNumbers == [2, 3])
    }
}

@Test func emptyLastFieldAndQuotedEmptyFields() throws {
    let optional = Schema([ColumnSpec("code", allowsEmpty: true), ColumnSpec("count", .wholeNumber(), allowsEmpty: true),
                           ColumnSpec("rate", .decimal(), allowsEmpty: true), ColumnSpec("cost", .money, allowsEmpty: true)])
    let text = "code,count,rate,cost\nA,1,2,\n\"\",\"\",\"\",\"\"\n,,,3.5\n,,,\n"
    let table = try readInEveryMode(text, optional)
    #expect(table.text("code") == ["A", "", "", ""])
    #expect(table.optionalWholeNumbers("count") == [1, nil, nil, nil])
    #expect(table.optionalDecimals("rate") == [2, nil, nil, nil])
    #expect(table.optionalPence("cost") == [nil, nil, 350, nil])
    #expect(table.lineNumbers == [2, 3, 4, 5])
}

@Test func lineBreaksInsideQuotedFieldsKeepLineNumbersRight() throws {
    // Row 1 starts on line 2 and spans lines 2-4 (two LFs, one of them in a CRLF); row 2 is on
    // line 5; row 3 spans lines 6-7; row 4 is on line 8.
    let text = "code,count,rate\n\"a\nb\r\nc\",1,1\nB,2,2\n\"x\n\",3,3\nD,4,4\n"
    let table = try readInEveryMode(text, schema)
    #expect(table.text("code") == ["a\nb\r\nc", "B", "x\n", "D"])
    #expect(table.lineNumbers == [2, 5, 6, 8])
    #expect(table.location(row: 3, column: "rate").description == "t.csv:8:3: rate")
}

@Test func carriageReturnInsideAQuotedFieldIsText() throws {
    let table = try readInEveryMode("code,count,rate\n\"a\rb\",1,1\nB,2,2\n", schema)
    #expect(table.text("code") == ["a\rb", "B"])
    // A lone CR is not a line break, so row 2 is on line 3.
    #expect(table.lineNumbers == [2, 3])
}

@Test func headerNamesAreNormalisedAndExtraColumnsIgnored() throws {
    // NHS Digital's payments file breaks long header names over lines inside quotes.
    let text = "\"co\r\nde\",ignored,\" count \",rate,\"also, ignored\"\nA,\"x,y\",1,2,\"q\"\"q\"\n"
    let table = try readInEveryMode(text, Schema([ColumnSpec("co de"), ColumnSpec("count", .wholeNumber()), ColumnSpec("rate", .decimal())]))
    #expect(table.header == ["co de", "ignored", "count", "rate", "also, ignored"])
    #expect(table.text("co de") == ["A"])
    #expect(table.location(row: 0, column: "count").description == "t.csv:3:3: count")
}

@Test func aliasesOptionalColumnsAndOneColumnFiles() throws {
    let aliased = Schema([ColumnSpec("practice_code", aliases: ["ORG_CODE"]), ColumnSpec("locality", optional: true)])
    let table = try readInEveryMode("ORG_CODE\nA81001\nA81002\n", aliased)
    #expect(table.text("practice_code") == ["A81001", "A81002"])
    #expect(!table.has("locality"))
    // In a one-column file an empty line is an empty field, not a blank line.
    let single = Schema([ColumnSpec("value", .decimal(), allowsEmpty: true)])
    let values = try readInEveryMode("value\n1\n\n2\n", single)
    #expect(values.optionalDecimals("value") == [1, nil, 2])
}

@Test func numbersInEveryAcceptedSpelling() throws {
    let text = "x,n,cost\n+1.5,0,0\n.5,-0,.5\n5.,\"1,234\",-12.3\n1E3,\"-1,234,567\",\"1,234.56\"\n-0,7,-0.05\n0.000123456,12,7\n"
    let table = try readInEveryMode(text, Schema([ColumnSpec("x", .decimal()), ColumnSpec("n", .wholeNumber(), grouping: .commaThousands),
                                                  ColumnSpec("cost", .money, grouping: .commaThousands)]))
    #expect(table.decimals("x") == [1.5, 0.5, 5, 1000, 0, 0.000123456])
    // -0 is kept as negative zero.
    #expect(table.decimals("x")[4].sign == .minus)
    #expect(table.wholeNumbers("n") == [0, 0, 1234, -1_234_567, 7, 12])
    // Money in pence: 0, .5 → 50, -12.3 → -1230, 1,234.56 → 123456, -0.05 → -5, 7 → 700.
    #expect(table.pence("cost") == [0, 50, -1230, 123_456, -5, 700])
}

@Test func longDigitStringsAndExtremeExponents() throws {
    // Values checked against the C library's strtod in DecimalConversionTests; here they pass
    // through the reader's fused loop and careful path alike.
    let text = "x\n0.1000000000000000055511151231257827\n123456789012345678901234567890\n4.9e-324\n1.7976931348623157e308\n1e-400\n00000000000000000000000012.5\n"
    let table = try readInEveryMode(text, Schema([ColumnSpec("x", .decimal())]))
    #expect(table.decimals("x") == [0.1, 1.2345678901234568e29, .leastNonzeroMagnitude, 1.7976931348623157e308, 0, 12.5])
}

@Test func chunksOfRowsFollowEachOtherWithTheirLines() throws {
    let text = "code,count,rate\n" + (1...10).map { "R\($0),\($0),\($0).5" }.joined(separator: "\n") + "\n"
    let reader = try TableReader(input: ByteSource(bytes: Array(text.utf8), name: "t.csv"), source: "t.csv", schema: schema,
                                 maximumRecordBytes: 1 << 20, blockSize: 3)
    var sizes: [Int] = []
    var lines: [Int] = []
    while let chunk = try reader.next(maximumRows: 4) {
        sizes.append(chunk.rowCount)
        lines += chunk.lineNumbers
        #expect(chunk.text("code").count == chunk.rowCount)
    }
    #expect(sizes == [4, 4, 2])
    #expect(lines == Array(2...11))
    #expect(try reader.next(maximumRows: 4) == nil)
}
