import Testing
@testable import Tables

private func read(_ text: String, _ schema: Schema, name: String = "t.csv") throws -> Table {
    try TableReader.read(bytes: Array(text.utf8), name: name, schema: schema)
}

@Test func readsTypedColumnsWithQuotesBomAndCRLF() throws {
    let text = "\u{FEFF}code,\"na\nme\",count,rate,cost\r\nA1,\"Smith, \"\"Jo\"\"\",3,0.25,12.5\r\nB2,plain,0,-1e-3,-0.05\r\n"
    let schema = Schema([ColumnSpec("code"), ColumnSpec("na me"), ColumnSpec("count", .wholeNumber(minimum: 0)),
                         ColumnSpec("rate", .decimal()), ColumnSpec("cost", .money)])
    let table = try read(text, schema)
    #expect(table.rowCount == 2)
    #expect(table.text("code") == ["A1", "B2"])
    #expect(table.text("na me") == ["Smith, \"Jo\"", "plain"])
    #expect(table.wholeNumbers("count") == [3, 0])
    #expect(table.decimals("rate") == [0.25, -0.001])
    #expect(table.pence("cost") == [1250, -5])
    // The header spans lines 1-2, so the rows start on lines 3 and 4.
    #expect(table.lineNumbers == [3, 4])
}

@Test func negativeCountIsAnErrorWithFileLineAndColumn() throws {
    let schema = Schema([ColumnSpec("code"), ColumnSpec("count", .wholeNumber(minimum: 0))])
    #expect {
        try read("code,count\nA,1\nB,-2\n", schema, name: "lists.csv")
    } throws: { error in
        (error as? DataError)?.description == "lists.csv:3:2: count: expected a whole number >= 0, found \"-2\""
    }
}

@Test func thousandsSeparatorsOnlyWhereTheSchemaAllowsThem() throws {
    let grouped = Schema([ColumnSpec("rank", .wholeNumber(), grouping: .commaThousands)])
    #expect(try read("rank\n\"29,199\"\n7\n\"1,234,567\"\n", grouped).wholeNumbers("rank") == [29199, 7, 1234567])
    #expect(throws: DataError.self) { try read("rank\n\"2,91\"\n", grouped) }
    #expect(throws: DataError.self) { try read("rank\n\"29,1999\"\n", grouped) }
    let plain = Schema([ColumnSpec("rank", .wholeNumber())])
    #expect(throws: DataError.self) { try read("rank\n\"29,199\"\n", plain) }
}
