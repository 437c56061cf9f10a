import Foundation
import Testing
import Tables
@testable import Population

@Test func europeanStandardPopulation2013() {
    let esp = StandardPopulation.europe2013
    // methods.md: 19 bands 0-4 … 85-89, 90+ with weights summing to 100,000.
    #expect(esp.bands == .nineteenBands)
    #expect(esp.total == 100_000)
    #expect(esp.weight(for: AgeBand(label: "0-4")!) == 5000)
    #expect(esp.weight(for: AgeBand(label: "45-49")!) == 7000)
    #expect(esp.weight(for: AgeBand(label: "90+")!) == 1000)
    #expect(esp.weight(for: AgeBand(label: "95+")!) == nil)
}

private func withFile(_ text: String, _ body: (String) throws -> Void) throws {
    let path = NSTemporaryDirectory() + "standard-\(UUID().uuidString).csv"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    try body(path)
}

@Test func customStandardFromAFile() throws {
    try withFile("age_band,population\n0-14,20\n15-64,65\n65+,15\n") { path in
        let standard = try StandardPopulation.read(path: path, name: "three.csv")
        #expect(standard.bands.count == 3 && standard.total == 100 && standard.weights == [20, 65, 15])
    }
    try withFile("age_band,weight\n0-14,20\n16-64,65\n65+,15\n") { path in
        #expect(throws: DataError.self) { try StandardPopulation.read(path: path) }
        do { _ = try StandardPopulation.read(path: path, name: "gap.csv") } catch let error as DataError {
            #expect(error.description == "gap.csv:3:1: age_band: expected a band starting at age 15 after 0-14, found \"16-64\"")
        }
    }
    try withFile("age_band,population\n0-14,20\n15+,-1\n") { path in
        #expect(throws: DataError.self) { try StandardPopulation.read(path: path) }
    }
    try withFile("age_band,population\n0-14,20\n15-64,5\n") { path in
        do { _ = try StandardPopulation.read(path: path, name: "closed.csv"); Issue.record("expected an error") } catch let error as DataError {
            #expect(error.description == "closed.csv: age_band: expected bands from 0 to an open band: the last band 15-64 is closed, expected an open band such as 90+")
        }
    }
}
