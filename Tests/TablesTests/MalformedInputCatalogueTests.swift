import Testing
@testable import Tables

/// A catalogue of malformed CSV inputs. Each one is read in every mode (whole, streamed through
/// tiny blocks, on 2 and 3 threads) and must fail with exactly the message shown: the file, the
/// physical line (counted by hand below), the 1-based field position, the column's name when
/// the header is known, then what was expected and what was found, as the design's contract
/// (`population.csv:17:4: patients: expected a whole number >= 0, found "12.5"`) prescribes.
private let practiceSchema = Schema([
    ColumnSpec("code"), ColumnSpec("patients", .wholeNumber(minimum: 0)), ColumnSpec("rate", .decimal()), ColumnSpec("cost", .money),
])
private let header = "code,patients,rate,cost\n"

@Test func unterminatedQuoteIsReportedWhereItOpens() {
    // Line 3 opens a quote in field 1 that runs to the end of the file (through line 4).
    expectError(header + "A,1,0.5,2\n\"B,2,0.5,3\nC,3,0.5,4\n", practiceSchema,
                "t.csv:3:1: code: a quoted field is never closed (expected a closing \")")
}

@Test func rowWithTooFewFields() {
    // Line 3 has 3 fields for a 4-column header; the position is the last field present.
    expectError(header + "A,1,0.5,2\nB,2,0.5\n", practiceSchema, "t.csv:3:3: expected 4 fields as in the header, found 3")
}

@Test func rowWithTooManyFields() {
    // Line 2 has a fifth field: position 5.
    expectError(header + "A,1,0.5,2,extra\n", practiceSchema, "t.csv:2:5: expected 4 fields as in the header, found 5")
}

@Test func textInAWholeNumberColumn() {
    expectError(header + "A,1,0.5,2\nB,twelve,0.5,2\n", practiceSchema,
                "t.csv:3:2: patients: expected a whole number >= 0, found \"twelve\"")
}

@Test func decimalInAWholeNumberColumn() {
    // The contract's own example: 12.5 patients.
    expectError(header + "A,12.5,0.5,2\n", practiceSchema, "t.csv:2:2: patients: expected a whole number >= 0, found \"12.5\"")
}

@Test func negativeCountBelowTheMinimum() {
    expectError(header + "A,1,0.5,2\nB,-2,0.5,2\n", practiceSchema, "t.csv:3:2: patients: expected a whole number >= 0, found \"-2\"")
}

@Test func emptyRequiredField() {
    expectError(header + "A,,0.5,2\n", practiceSchema, "t.csv:2:2: patients: expected a whole number >= 0, found an empty field")
}

@Test func duplicateColumnName() {
    // Names are compared by their letters and digits: " code " and "Code" are "code". A column
    // the schema reads may not appear twice; one it does not read may.
    expectError("code,patients, code ,rate,cost\n", practiceSchema,
                "t.csv:1:3: the column name \"code\" appears twice (also column 1), so it is not clear which to read")
    expectError("code,patients,rate,CODE,cost\n", practiceSchema,
                "t.csv:1:4: the column name \"CODE\" appears twice (also column 1), so it is not clear which to read")
}

@Test func missingRequiredColumn() {
    expectError("code,patients,cost\nA,1,2\n", practiceSchema,
                "t.csv:1: missing column \"rate\"; the header has 3 columns: code, patients, cost")
}

@Test func missingColumnNamesItsAliases() {
    let schema = Schema([ColumnSpec("practice_code", aliases: ["ORG_CODE", "Area Code"])])
    expectError("name\nx\n", schema, "t.csv:1: missing column \"practice_code\" (or \"ORG_CODE\", \"Area Code\"); the header has 1 columns: name")
}

@Test func emptyFileAndAFileWithOnlyAByteOrderMark() {
    expectError("", practiceSchema, "t.csv:1: the file is empty (expected a header row)")
    expectError("\u{FEFF}", practiceSchema, "t.csv:1: the file is empty (expected a header row)")
    expectError("\n", practiceSchema, "t.csv:1: the file is empty (expected a header row)")
}

@Test func embeddedNulByte() {
    // The NUL is in field 3 of line 2.
    expectError(Array((header + "A,1,0").utf8) + [0] + Array("5,2\n".utf8), practiceSchema,
                "t.csv:2:3: rate: expected text, found a NUL byte")
    // Inside a quoted text field too.
    expectError(Array((header + "\"A").utf8) + [0] + Array("\",1,0.5,2\n".utf8), practiceSchema,
                "t.csv:2:1: code: expected text, found a NUL byte")
}

@Test func recordLongerThanTheLimit() {
    // Line 3 holds a 200-byte field; the limit is 64 bytes per record. Line 2 (10 bytes) is fine.
    let huge = String(repeating: "x", count: 200)
    expectError(header + "A,1,0.5,2\n\(huge),1,0.5,2\nB,1,0.5,2\n", practiceSchema,
                "t.csv:3: a record longer than 64 bytes (an unclosed quote, or a field too large to be data)", maximumRecordBytes: 64)
    // A runaway quote is stopped by the same limit instead of reading the whole file.
    let rows = String(repeating: "B,1,0.5,2\n", count: 20)
    expectError(header + "\"A,1,0.5,2\n" + rows, practiceSchema,
                "t.csv:2: a record longer than 64 bytes (an unclosed quote, or a field too large to be data)", maximumRecordBytes: 64)
}

@Test func bytesThatAreNotUTF8InATextField() {
    // 0xFF never occurs in UTF-8; 0xC3 must be followed by a continuation byte.
    expectError(Array((header + "A").utf8) + [0xFF] + Array("B,1,0.5,2\n".utf8), practiceSchema,
                "t.csv:2:1: code: expected UTF-8 text, found bytes that are not UTF-8: \"A\\xFFB\"")
    expectError(Array((header + "\"A").utf8) + [0xC3, 0x28] + Array("\",1,0.5,2\n".utf8), practiceSchema,
                "t.csv:2:1: code: expected UTF-8 text, found bytes that are not UTF-8: \"A\\xC3(\"")
}

@Test func bytesThatAreNotUTF8InTheHeader() {
    // "co\xE9de": a Latin-1 é in column 1 of the header.
    expectError(Array("co".utf8) + [0xE9] + Array("de,patients,rate,cost\n".utf8), practiceSchema,
                "t.csv:1:1: expected a UTF-8 column name, found \"co\\xE9de\"")
}

@Test func textAfterAClosingQuote() {
    expectError(header + "\"A\"x,1,0.5,2\n", practiceSchema,
                "t.csv:2:1: code: expected a comma or the end of the line after a closing quote, found \"x\"")
}

@Test func quoteInsideAnUnquotedField() {
    expectError(header + "A\"B,1,0.5,2\n", practiceSchema,
                "t.csv:2:1: code: a quote inside an unquoted field (quote the whole field and double the quote)")
    expectError(header + "A,1,0.5\",2\n", practiceSchema,
                "t.csv:2:3: rate: a quote inside an unquoted field (quote the whole field and double the quote)")
}

@Test func blankLineInTheMiddle() {
    // Lines: 1 header, 2 row, 3 blank, 4 row.
    expectError(header + "A,1,0.5,2\n\nB,2,0.5,3\n", practiceSchema, "t.csv:3: a blank line (expected 4 fields)")
    // Several blank lines: the first is named.
    expectError(header + "A,1,0.5,2\r\n\r\n\r\nB,2,0.5,3\r\n", practiceSchema, "t.csv:3: a blank line (expected 4 fields)")
}

@Test func numberWithSpaces() {
    expectError(header + "A,1, 0.5,2\n", practiceSchema, "t.csv:2:3: rate: expected a number, found \" 0.5\"")
    expectError(header + "A,1 ,0.5,2\n", practiceSchema, "t.csv:2:2: patients: expected a whole number >= 0, found \"1 \"")
}

@Test func notANumberAndInfinityInADecimalColumn() {
    expectError(header + "A,1,NaN,2\n", practiceSchema, "t.csv:2:3: rate: expected a number, found \"NaN\"")
    expectError(header + "A,1,inf,2\n", practiceSchema, "t.csv:2:3: rate: expected a number, found \"inf\"")
    expectError(header + "A,1,-Infinity,2\n", practiceSchema, "t.csv:2:3: rate: expected a number, found \"-Infinity\"")
    // 1e400 overflows a Double: not a number the engine can hold.
    expectError(header + "A,1,1e400,2\n", practiceSchema, "t.csv:2:3: rate: expected a number, found \"1e400\"")
    // Hexadecimal floating point is not accepted either.
    expectError(header + "A,1,0x1p3,2\n", practiceSchema, "t.csv:2:3: rate: expected a number, found \"0x1p3\"")
}

@Test func malformedDecimals() {
    for bad in ["1.2.3", "1e", "1e+", "-", ".", "+-1", "1,5"] {
        // "1,5" unquoted is two fields; quoted it is one field with a comma.
        let field = bad.contains(",") ? "\"\(bad)\"" : bad
        expectError(header + "A,1,\(field),2\n", practiceSchema, "t.csv:2:3: rate: expected a number, found \"\(bad)\"")
    }
}

@Test func decimalBelowItsMinimum() {
    let schema = Schema([ColumnSpec("share", .decimal(minimum: 0))])
    expectError("share\n0.5\n-0.25\n", schema, "t.csv:3:1: share: expected a number >= 0, found \"-0.25\"")
}

@Test func wholeNumberThatOverflows() {
    // 2^63 = 9223372036854775808 is one more than the largest Int.
    expectError(header + "A,9223372036854775808,0.5,2\n", practiceSchema,
                "t.csv:2:2: patients: expected a whole number >= 0, found \"9223372036854775808\"")
    let signed = Schema([ColumnSpec("n", .wholeNumber())])
    expectError("n\n-9223372036854775809\n", signed, "t.csv:2:1: n: expected a whole number, found \"-9223372036854775809\"")
}

@Test func moneyWithThreeDecimals() {
    expectError(header + "A,1,0.5,2.505\n", practiceSchema,
                "t.csv:2:4: cost: expected an amount in pounds with at most two decimals, found \"2.505\"")
    expectError(header + "A,1,0.5,£2\n", practiceSchema,
                "t.csv:2:4: cost: expected an amount in pounds with at most two decimals, found \"£2\"")
}

@Test func thousandsSeparatorsMisplaced() {
    let grouped = Schema([ColumnSpec("rank", .wholeNumber(), grouping: .commaThousands), ColumnSpec("score", .decimal(), grouping: .commaThousands)])
    // Groups after the first must have exactly three digits; the first one to three.
    expectError("rank,score\n\"2,91\",1\n", grouped, "t.csv:2:1: rank: expected a whole number, found \"2,91\"")
    expectError("rank,score\n\"29,1999\",1\n", grouped, "t.csv:2:1: rank: expected a whole number, found \"29,1999\"")
    expectError("rank,score\n\"1234,567\",1\n", grouped, "t.csv:2:1: rank: expected a whole number, found \"1234,567\"")
    expectError("rank,score\n\",123\",1\n", grouped, "t.csv:2:1: rank: expected a whole number, found \",123\"")
    expectError("rank,score\n1,\"1,23.5\"\n", grouped, "t.csv:2:2: score: expected a number, found \"1,23.5\"")
    // Without grouping in the schema, a grouped number is an error.
    let plain = Schema([ColumnSpec("rank", .wholeNumber())])
    expectError("rank\n\"29,199\"\n", plain, "t.csv:2:1: rank: expected a whole number, found \"29,199\"")
}

@Test func loneCarriageReturnLineEnds() {
    // Old Mac line ends: the header's first CR ends field 4 of line 1.
    expectError("code,patients,rate,cost\rA,1,0.5,2\r", practiceSchema,
                "t.csv:1:4: a carriage return not followed by a line feed (lines must end with LF or CRLF)")
    // In a data row, after field 2 of line 2 (the column is named once the header is known).
    expectError(header + "A,1\r0.5,2\n", practiceSchema,
                "t.csv:2:2: patients: a carriage return not followed by a line feed (lines must end with LF or CRLF)")
    // A CR as the very last byte of the file.
    expectError(header + "A,1,0.5,2\r", practiceSchema,
                "t.csv:2:4: cost: a carriage return not followed by a line feed (lines must end with LF or CRLF)")
}

@Test func schemaAskingForOneColumnTwice() {
    let schema = Schema([ColumnSpec("code"), ColumnSpec("practice", aliases: ["code"])])
    expectError("code\nA\n", schema, "t.csv:1:1: the column \"code\" is asked for twice by the schema")
}

@Test func errorLineCountsLineBreaksInsideQuotedFields() {
    // Line 2's first field spans lines 2-4, so the bad count on the next row is on line 5.
    expectError(header + "\"multi\nline\r\nname\",1,0.5,2\nB,x,0.5,2\n", practiceSchema,
                "t.csv:5:2: patients: expected a whole number >= 0, found \"x\"")
}

@Test func theFirstErrorInFileOrderWins() {
    // Line 3 has a bad value and line 6 an unclosed quote; every mode reports line 3.
    var text = header + "A,1,0.5,2\nB,bad,0.5,2\n"
    text += "C,1,0.5,2\nD,1,0.5,2\n\"E,1,0.5,2\n"
    expectError(text, practiceSchema, "t.csv:3:2: patients: expected a whole number >= 0, found \"bad\"")
    // Within one record the scan comes first: a quote error in field 3 beats a bad field 2.
    expectError(header + "A,bad,0\"5,2\n", practiceSchema,
                "t.csv:2:3: rate: a quote inside an unquoted field (quote the whole field and double the quote)")
}

@Test func aFileThatCannotBeOpened() {
    #expect {
        try TableReader.read(path: "/nonexistent-folder/lists.csv", schema: practiceSchema)
    } throws: { error in
        guard let error = error as? DataError else { return false }
        return error.kind == .cannotOpen && error.description == "/nonexistent-folder/lists.csv: cannot open the file: No such file or directory"
    }
    #expect {
        try TableReader.read(path: "/tmp", schema: practiceSchema, name: "folder.csv")
    } throws: { error in
        guard let error = error as? DataError else { return false }
        return error.kind == .cannotOpen && error.description == "folder.csv: cannot open the file: it is a directory"
    }
}

@Test func aReaderThatFailedKeepsFailing() throws {
    let reader = try TableReader(bytes: Array((header + "A,1,0.5,2\nB,x,0.5,2\nC,1,0.5,2\n").utf8), name: "t.csv", schema: practiceSchema)
    var messages: [String] = []
    for _ in 0..<2 {
        do {
            _ = try reader.next(maximumRows: 10)
        } catch let error as DataError {
            messages.append(error.description)
        }
    }
    #expect(messages == Array(repeating: "t.csv:3:2: patients: expected a whole number >= 0, found \"x\"", count: 2))
}
