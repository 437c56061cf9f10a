import Testing
import Configuration
import Tables

private let document = """
name = "scheme"
total = 1000

[pot]
fixed = 250.5

[[measure]]
id = "A"
weight = 2

[[measure]]
id = "B"
wieght = 3
"""

@Test func readsTypedValuesAndArraysOfTables() throws {
    let root = try TOMLSection.parse(text: document, name: "s.toml")
    #expect(try root.requiredString("name") == "scheme")
    #expect(try root.number("total") == 1000)
    #expect(try root.section("pot")?.number("fixed") == 250.5)
    let measures = try root.sections("measure")
    #expect(measures.count == 2)
    #expect(try measures[0].requiredString("id") == "A")
}

@Test func unknownKeyIsNamedWithItsLine() throws {
    let root = try TOMLSection.parse(text: document, name: "s.toml")
    let second = try root.sections("measure")[1]
    // `wieght` is written on line 13, column 1 of the document above (counting the blank lines).
    #expect {
        try second.rejectUnknownKeys(allowed: ["id", "weight"])
    } throws: { error in
        (error as? DataError)?.description == "s.toml:13:1: unknown key \"wieght\" in [measure]; expected one of: id, weight"
    }
}

@Test func wrongTypeAndSyntaxErrorsNameThePlace() throws {
    let root = try TOMLSection.parse(text: document, name: "s.toml")
    #expect {
        try root.number("name")
    } throws: { error in
        (error as? DataError)?.description == "s.toml:1:1: name: expected a number, found text \"scheme\""
    }
    #expect {
        try TOMLSection.parse(text: "a = 1\nb = = 2\n", name: "bad.toml")
    } throws: { error in
        guard let error = error as? DataError else { return false }
        return error.location.line == 2 && error.message.hasPrefix("not valid TOML")
    }
}
