import Foundation
import Testing
import TestSupport
import Premium

// The TOML block of docs/premium-scheme.md is a valid scheme, so the documentation cannot drift
// from the reader.
@Test func documentedSchemeParses() throws {
    let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/premium-scheme.md"), encoding: .utf8)
    let start = try #require(text.range(of: "```toml\n"))
    let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
    let scheme = try PremiumSchemeReader.parse(text: String(text[start.upperBound..<end.lowerBound]), name: "premium-scheme.md")
    #expect(scheme.measures.map(\.id) == ["hypertension_bp_control"])
    #expect(scheme.gateway?.consequence == .reduce(percent: 25))
    #expect(scheme.limits == PaymentLimits(cap: .pence(4_000_000), floor: .perHead(pounds: 0.10), floorRecipients: .allPractices))
}

// The example schemes of datasets/schemes parse (the CLI tests run them on exampleshire).
@Test(arguments: ["exampleshire-redistribute.toml", "exampleshire-return.toml"])
func exampleSchemesParse(name: String) throws {
    let scheme = try PremiumSchemeReader.read(path: repositoryRoot.appendingPathComponent("datasets/schemes/" + name).path)
    #expect(!scheme.measures.isEmpty)
}
