import Foundation
import Testing
import TestSupport

/// End-to-end tests of `consortium run` and `consortium notebook` on the bundled Exampleshire
/// pipeline.
@Suite struct RunCommandTests {
    static var pipeline: String { repositoryRoot.path + "/datasets/exampleshire/pipeline.toml" }

    func folder(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "run-cli-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func runWritesTheFolderAndForceRerunsToTheSameBytes() throws {
        let base = try folder("rerun")
        defer { try? FileManager.default.removeItem(atPath: base) }
        let out = base + "/run"
        let first = try CLIHarness.run(["run", Self.pipeline, "--out", out])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.isEmpty)
        // Not a terminal and no --progress: nothing on standard error.
        #expect(first.errors.isEmpty)
        let written = files(out)
        for file in ["budgets-explanation.csv", "budgets-per-head.svg", "budgets.csv", "indicators.csv", "inequality-gradient.svg",
                     "inequality-groups.csv", "inequality.csv", "manifest.json", "needs.csv", "report.ipynb", "timings.json",
                     "benchmark.csv", "benchmark-summary.csv", "benchmark-curve.csv", "benchmark-smoking_prevalence_2022-23.svg",
                     "premium.csv", "premium-summary.csv", "premium-explanation.txt", "premium-payments.svg",
                     "risk.csv", "risk-size-curve.csv", "risk-size-curve.svg"] {
            #expect(written.contains(file), "\(file) is missing")
        }
        var before: [String: Data] = [:]
        for file in written { before[file] = FileManager.default.contents(atPath: out + "/" + file) }

        let again = try CLIHarness.run(["run", Self.pipeline, "--out", out, "--force", "--progress"])
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.errors.contains("[7/7]") && again.errors.contains("7,600 rows read"))
        #expect(files(out) == written)
        for file in written where file != "timings.json" {
            #expect(FileManager.default.contents(atPath: out + "/" + file) == before[file], "\(file) differs after the rerun")
        }
        #expect(files(base) == ["run"])
    }

    @Test func existingFolderWithoutForceIsExit73() throws {
        let base = try folder("exists")
        defer { try? FileManager.default.removeItem(atPath: base) }
        let outcome = try CLIHarness.run(["run", Self.pipeline, "--out", base])
        #expect(outcome.status == 73)
        #expect(outcome.errors.contains("the run folder exists already; give --force to replace it"))
        #expect(files(base).isEmpty)
    }

    @Test func unknownKeyIsExit65NamingIt() throws {
        let base = try folder("unknown")
        defer { try? FileManager.default.removeItem(atPath: base) }
        let text = try String(contentsOfFile: Self.pipeline, encoding: .utf8)
            .replacingOccurrences(of: "groups = 5\n", with: "grups = 5\n")
            .replacingOccurrences(of: "\"practices.csv\"", with: "\"\(repositoryRoot.path)/datasets/exampleshire/practices.csv\"")
        try text.write(toFile: base + "/pipeline.toml", atomically: true, encoding: .utf8)
        let outcome = try CLIHarness.run(["run", base + "/pipeline.toml", "--out", base + "/run"])
        #expect(outcome.status == 65)
        #expect(outcome.errors.hasPrefix("error: \(base)/pipeline.toml:"))
        #expect(outcome.errors.contains("unknown key \"grups\""))
        #expect(files(base) == ["pipeline.toml"])
    }

    @Test func missingInputIsExit66() throws {
        let base = try folder("missing")
        defer { try? FileManager.default.removeItem(atPath: base) }
        try "title = \"T\"\n[inputs]\nscores = \"absent.csv\"\n[[step]]\nkind = \"needs\"\nscores = \"scores\"\n"
            .write(toFile: base + "/pipeline.toml", atomically: true, encoding: .utf8)
        let outcome = try CLIHarness.run(["run", base + "/pipeline.toml", "--out", base + "/run"])
        #expect(outcome.status == 66)
        #expect(outcome.errors.contains("absent.csv"))
        #expect(files(base) == ["pipeline.toml"])
    }

    @Test func notebookNamesTheRunRelativeToItself() throws {
        let base = try folder("notebook")
        defer { try? FileManager.default.removeItem(atPath: base) }
        #expect(try CLIHarness.run(["run", Self.pipeline, "--out", base + "/runs/exampleshire"]).status == 0)
        try FileManager.default.createDirectory(atPath: base + "/notebooks", withIntermediateDirectories: false)
        let outcome = try CLIHarness.run(["notebook", base + "/runs/exampleshire", "--out", base + "/notebooks/exampleshire.ipynb"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let text = try String(contentsOfFile: base + "/notebooks/exampleshire.ipynb", encoding: .utf8)
        #expect(text.contains("run = Path(\\\"../runs/exampleshire\\\")"))
        #expect(text.contains("\"nbformat\": 4"))
        #expect(text.contains("image/svg+xml"))
        // The run's own notebook names the run folder as ".".
        let own = try String(contentsOfFile: base + "/runs/exampleshire/report.ipynb", encoding: .utf8)
        #expect(own.contains("run = Path(\\\".\\\")"))
        #expect(own.replacingOccurrences(of: "Path(\\\".\\\")", with: "Path(\\\"../runs/exampleshire\\\")") == text)
    }

    @Test func notebookOfAFolderThatIsNoRunIsExit66() throws {
        let base = try folder("norun")
        defer { try? FileManager.default.removeItem(atPath: base) }
        let outcome = try CLIHarness.run(["notebook", base, "--out", base + "/x.ipynb"])
        #expect(outcome.status == 66)
        #expect(outcome.errors.contains("manifest.json"))
        #expect(files(base).isEmpty)
    }
}
