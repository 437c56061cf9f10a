import Testing
import Tables
@testable import Reports

@Test func renderingIsCompactOrIndented() {
    let value = JSONValue.object([("b", .integer(1)), ("a", .array([.bool(true), .null, .number(0.1)]))])
    #expect(value.rendered(indent: 0) == #"{"b":1,"a":[true,null,0.1]}"#)
    #expect(value.rendered(indent: 0, sortKeys: true) == #"{"a":[true,null,0.1],"b":1}"#)
    #expect(value.rendered(indent: 1) == "{\n \"b\": 1,\n \"a\": [\n  true,\n  null,\n  0.1\n ]\n}")
    #expect(JSONValue.array([]).rendered() == "[]" && JSONValue.object([]).rendered() == "{}")
}

@Test func numbersAreShortestRoundTrip() {
    #expect(JSONValue.number(12).rendered() == "12")
    #expect(JSONValue.number(1e-5).rendered() == "1e-05")
    #expect(JSONValue.number(.nan).rendered() == "null")
    #expect(JSONValue.number(-0.5).rendered() == "-0.5")
}

@Test func stringsEscapeOnlyWhatJSONNeeds() {
    #expect(JSONValue.string("a\"b\\c\n\t\u{01}é£").rendered() == "\"a\\\"b\\\\c\\n\\t\\u0001é£\"")
}

@Test func parseKeepsOrderAndTypes() throws {
    let text = #"{"z": [1, 2.5, -3e2, "x\u00e9\n"], "a": {"t": true, "f": false, "n": null}}"#
    let value = try JSONValue.parse(text, name: "t.json")
    #expect(value == .object([
        ("z", .array([.integer(1), .number(2.5), .number(-300), .string("xé\n")])),
        ("a", .object([("t", .bool(true)), ("f", .bool(false)), ("n", .null)])),
    ]))
}

@Test func parseRoundTripsRendering() throws {
    let value = JSONValue.object([("name", .string("smoking \"15+\"")), ("values", .array([.number(14.7), .integer(-2), .null]))])
    #expect(try JSONValue.parse(value.rendered(indent: 2), name: "x") == value)
}

@Test func surrogatePairsDecode() throws {
    #expect(try JSONValue.parse(#""\ud83d\ude00""#, name: "x") == .string("😀"))
}

@Test func syntaxErrorsNameLineAndColumn() {
    do {
        _ = try JSONValue.parse("{\n  \"a\": 1,\n  \"b\" 2\n}", name: "m.json")
        Issue.record("expected an error")
    } catch let error as DataError {
        #expect(error.location.file == "m.json")
        #expect(error.location.line == 3)
        #expect(error.location.column == 7)
        #expect(error.message.contains("expected ':'"))
    } catch {
        Issue.record("unexpected \(error)")
    }
    #expect(throws: DataError.self) { try JSONValue.parse("[1, 2", name: "x") }
    #expect(throws: DataError.self) { try JSONValue.parse("{} x", name: "x") }
    #expect(throws: DataError.self) { try JSONValue.parse("\"\\ud83d\"", name: "x") }
}
