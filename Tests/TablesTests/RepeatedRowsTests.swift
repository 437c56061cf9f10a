import Testing
@testable import Tables

private let schema = Schema([
    ColumnSpec("area"), ColumnSpec("parent", allowsEmpty: true), ColumnSpec("count", .decimal(), allowsEmpty: true),
    ColumnSpec("value", .decimal(), allowsEmpty: true),
])

private func table(_ text: String) throws -> Table {
    try TableReader.read(bytes: Array(text.utf8), name: "f.csv", schema: schema)
}

// England under two parents (one with an empty parent code): the same identity and figures, so
// one row; the count of repeats and the first repeated line are reported.
@Test func exactRepeatsAreOneRow() throws {
    let read = try table("area,parent,count,value\nE92000001,,10,1.5\nA1,E92000001,3,0.5\nE92000001,E40000001,10,1.50\nE92000001,E40000002,10,1.5\n")
    let collapsed = try read.collapsingRepeats(identity: ["area"], figures: ["count", "value"])
    #expect(collapsed.repeats == 2)
    #expect(collapsed.firstRepeatLine == 4)
    #expect(collapsed.table.rowCount == 2)
    #expect(collapsed.table.text("area") == ["E92000001", "A1"])
    #expect(collapsed.table.lineNumbers == [2, 3])
    #expect(collapsed.table.text("parent") == ["", "E92000001"])
}

@Test func emptyFiguresRepeatOnlyEmptyFigures() throws {
    let read = try table("area,parent,count,value\nA1,,,\nA1,P,,\n")
    #expect(try read.collapsingRepeats(identity: ["area"], figures: ["count", "value"]).repeats == 1)
    let conflicting = try table("area,parent,count,value\nA1,,,\nA1,P,0,\n")
    #expect(throws: DataError.self) { try conflicting.collapsingRepeats(identity: ["area"], figures: ["count", "value"]) }
}

@Test func conflictingRepeatsNameBothLines() throws {
    let read = try table("area,parent,count,value\nA1,,3,0.5\nB2,,1,1\nA1,P,4,0.5\n")
    do {
        _ = try read.collapsingRepeats(identity: ["area", "missing_column"], figures: ["count", "value"])
        Issue.record("expected an error")
    } catch let error as DataError {
        #expect(error.description == "f.csv:4:3: count: this row repeats line 2 (area \"A1\") with a different count: 4 here, 3 there")
    }
}

@Test func noRepeatsLeavesTheTableAsItWas() throws {
    let read = try table("area,parent,count,value\nA1,,3,0.5\nB2,,1,1\n")
    let collapsed = try read.collapsingRepeats(identity: ["area", "parent"], figures: ["count"])
    #expect(collapsed.repeats == 0 && collapsed.table.rowCount == 2 && collapsed.firstRepeatLine == nil)
}

// Header names match by letters and digits; an unread column may repeat.
@Test func headersMatchByKeyAndUnreadDuplicatesAreIgnored() throws {
    let read = try TableReader.read(bytes: Array("AREA,Parent ,Count,count,Value,Value\nA1,,3,3,0.5,0.5\n".utf8), name: "f.csv",
                                    schema: Schema([ColumnSpec("area"), ColumnSpec("parent", allowsEmpty: true)]))
    #expect(read.text("area") == ["A1"])
    #expect(read.text("parent") == [""])
    #expect(throws: DataError.self) { try TableReader.read(bytes: Array("area,Count,count\nA1,3,3\n".utf8), name: "f.csv", schema: schema) }
}
