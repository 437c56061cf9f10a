import Foundation
import Testing

private func temporaryFolder(_ label: String) -> String {
    NSTemporaryDirectory() + "synth-cli-\(label)-\(UUID().uuidString)"
}

private let files = [
    "practices.csv", "population.csv", "attribution.csv", "areas.csv", "indicators.csv", "indicator_definitions.csv",
    "indicator_band_rates.csv", "achievement.csv", "measure_definitions.csv",
]

@Test func synthWritesTheSameBytesForTheSameSeed() throws {
    let first = temporaryFolder("a")
    let second = temporaryFolder("b") + "/nested/folder"
    defer {
        try? FileManager.default.removeItem(atPath: first)
        try? FileManager.default.removeItem(atPath: (second as NSString).deletingLastPathComponent)
    }
    let one = try CLIHarness.run(["synth", "--scale", "consortium", "--seed", "11", "--out-dir", first, "--persons", "2000"])
    let two = try CLIHarness.run(["synth", "--seed", "11", "--persons", "2000", "--out-dir", second])
    #expect(one.status == 0 && two.status == 0, "\(one.errors)\(two.errors)")
    #expect(one.output.isEmpty && one.errors.isEmpty)
    for name in files + ["persons.csv", "persons_model.csv"] {
        let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + name))
        let b = try Data(contentsOf: URL(fileURLWithPath: second + "/" + name))
        #expect(!a.isEmpty && a == b, "\(name)")
    }
    let practices = try String(contentsOfFile: first + "/practices.csv", encoding: .utf8)
    // 40 practices and a header.
    #expect(practices.split(separator: "\n").count == 41)
    #expect(practices.hasPrefix("practice_code,practice_name,consortium_code,"))
    let persons = try String(contentsOfFile: first + "/persons.csv", encoding: .utf8)
    #expect(persons.split(separator: "\n").count == 2_001)
}

@Test func synthDifferentSeedsDiffer() throws {
    let first = temporaryFolder("c")
    let second = temporaryFolder("d")
    defer { try? FileManager.default.removeItem(atPath: first); try? FileManager.default.removeItem(atPath: second) }
    #expect(try CLIHarness.run(["synth", "--seed", "1", "--out-dir", first]).status == 0)
    #expect(try CLIHarness.run(["synth", "--seed", "2", "--out-dir", second]).status == 0)
    let a = try Data(contentsOf: URL(fileURLWithPath: first + "/population.csv"))
    let b = try Data(contentsOf: URL(fileURLWithPath: second + "/population.csv"))
    #expect(a != b)
}

@Test func synthRejectsAnUnknownScaleOrAMissingSeedWithExitCode64() throws {
    let unknown = try CLIHarness.run(["synth", "--scale", "planet", "--seed", "1", "--out-dir", temporaryFolder("e")])
    #expect(unknown.status == 64)
    #expect(unknown.errors.contains("--scale must be one of: consortium, england"))
    #expect(try CLIHarness.run(["synth", "--out-dir", temporaryFolder("f")]).status == 64)
    #expect(try CLIHarness.run(["synth", "--seed", "1", "--persons", "-5", "--out-dir", temporaryFolder("h")]).status == 64)
}

@Test func synthReportsAnOutputFolderThatCannotBeCreatedWithExitCode73() throws {
    let file = temporaryFolder("g")
    try "not a folder".write(toFile: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let outcome = try CLIHarness.run(["synth", "--seed", "1", "--out-dir", file + "/inside"])
    #expect(outcome.status == 73)
    #expect(outcome.errors.hasPrefix("error: \(file)/inside: cannot create the output folder: \(file) is a file, not a folder"), "\(outcome.errors)")
}
