import Foundation
import Testing

/// An output that names one of the command's inputs (by any spelling, a symbolic link or a hard
/// link) is refused before anything is read: exit 64, a message naming both options, the input's
/// bytes untouched and nothing added to the folder. The files need only exist, since nothing is read.
@Suite struct OutputOverInputTests {
    static let input = "indicator_id,org_code,numerator,denominator\nI1,A1,3,10\n"

    struct Case: CustomStringConvertible, Sendable {
        var arguments: [String]
        /// The two options the message must name.
        var output: String
        var input: String
        var description: String { arguments.prefix(2).joined(separator: " ") + " \(output) over \(input)" }
    }

    /// Every command that writes files, each output option over one input option, and files
    /// `a.csv` (the clashing input), `b.csv`, `c.toml` present in the folder.
    static let cases: [Case] = [
        Case(arguments: ["indicators", "--statistic", "proportion", "--input", "a.csv", "--out", "a.csv"], output: "--out", input: "--input"),
        Case(arguments: ["indicators", "--statistic", "dsr", "--input", "b.csv", "--standard", "a.csv", "--out", "./a.csv"], output: "--out", input: "--standard"),
        Case(arguments: ["benchmark", "--counts", "a.csv", "--out", "a.csv"], output: "--out", input: "--counts"),
        Case(arguments: ["benchmark", "--counts", "b.csv", "--indicators", "a.csv", "--summary", "a.csv"], output: "--summary", input: "--indicators"),
        Case(arguments: ["inequality", "--indicator", "b.csv", "--deprivation", "a.csv", "--groups-out", "a.csv"], output: "--groups-out", input: "--deprivation"),
        Case(arguments: ["needs", "--attribution", "a.csv", "--areas", "b.csv", "--out", "a.csv"], output: "--out", input: "--attribution"),
        Case(arguments: ["peers", "--features", "a.csv", "--out", "a.csv"], output: "--out", input: "--features"),
        Case(arguments: ["budgets", "--formula", "c.toml", "--practices", "b.csv", "--population", "a.csv", "--out", "a.csv"], output: "--out", input: "--population"),
        Case(arguments: ["premium", "--achievement", "b.csv", "--scheme", "c.toml", "--population", "a.csv", "--summary", "a.csv"], output: "--summary", input: "--population"),
        Case(arguments: ["risk", "--seed", "1", "--costs", "c.toml", "--population", "b.csv", "--mapping", "a.csv", "--size-curve-svg", "a.csv"], output: "--size-curve-svg", input: "--mapping"),
        Case(arguments: ["pbra", "fit", "--persons", "a.csv", "--model", "c.toml", "--out", "a.csv"], output: "--out", input: "--persons"),
        Case(arguments: ["pbra", "predict", "--persons", "a.csv", "--coefficients", "b.csv", "--model", "c.toml", "--persons-out", "a.csv"], output: "--persons-out", input: "--persons"),
    ]

    func folder() throws -> URL {
        try CLIHarness.folder(texts: ["a.csv": Self.input, "b.csv": Self.input, "c.toml": "# not read\n"], prefix: "clash")
    }

    func expectRefused(_ run: CLIHarness.Run, output: String, input: String, in folder: URL, files: [String], _ label: String) throws {
        #expect(run.status == 64, "\(label): \(run.errors)")
        #expect(run.errors.contains("\(output) ") && run.errors.contains("\(input) "), "\(label): \(run.errors)")
        #expect(run.errors.contains("would replace the input"), "\(label): \(run.errors)")
        #expect(try String(contentsOf: folder.appendingPathComponent("a.csv"), encoding: .utf8) == Self.input, "\(label): the input changed")
        #expect(try CLIHarness.contents(of: folder) == files, "\(label): a file was added or removed")
    }

    @Test(arguments: cases)
    func outputNamingAnInputIsRefused(_ example: Case) throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIHarness.run(example.arguments, in: folder)
        try expectRefused(run, output: example.output, input: example.input, in: folder, files: ["a.csv", "b.csv", "c.toml"], example.description)
    }

    @Test func otherSpellingsOfTheInputAreRefused() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: false)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("link.csv").path, withDestinationPath: "a.csv")
        try manager.linkItem(atPath: folder.appendingPathComponent("a.csv").path, toPath: folder.appendingPathComponent("hard.csv").path)
        let files = ["a.csv", "b.csv", "c.toml", "hard.csv", "link.csv", "sub"]
        for (input, output) in [("a.csv", "./a.csv"), ("a.csv", "sub/../a.csv"), ("a.csv", folder.path + "/a.csv"),
                                ("a.csv", "link.csv"), ("link.csv", "a.csv"), ("a.csv", "hard.csv"), ("hard.csv", "link.csv")] {
            let run = try CLIHarness.run(["indicators", "--statistic", "proportion", "--input", input, "--out", output], in: folder)
            try expectRefused(run, output: "--out", input: "--input", in: folder, files: files, "--input \(input) --out \(output)")
        }
    }

    @Test func outputNamingAFileOfTheFormulaIsRefused() throws {
        // A formula's [age_sex] shares_file is an input of budgets too, found relative to the formula.
        let folder = try CLIHarness.folder(texts: ["formulas/f.toml": "status = \"illustrative\"\ntotal = 1000\n\n[age_sex]\nshares_file = \"shares.csv\"\n",
                                                   "formulas/shares.csv": "practice_code,need_share\nP1,1\n", "practices.csv": "practice_code,consortium_code\nP1,C1\n"],
                                           prefix: "clash-formula")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIHarness.run(["budgets", "--formula", "formulas/f.toml", "--practices", "practices.csv", "--out", "formulas/shares.csv"], in: folder)
        #expect(run.status == 64, "\(run.errors)")
        #expect(run.errors.contains("--out formulas/shares.csv is the file --formula's shares_file formulas/shares.csv reads"), "\(run.errors)")
        #expect(try String(contentsOf: folder.appendingPathComponent("formulas/shares.csv"), encoding: .utf8) == "practice_code,need_share\nP1,1\n")
        #expect(try CLIHarness.contents(of: folder.appendingPathComponent("formulas")) == ["f.toml", "shares.csv"])
    }

    @Test func twoOutputsNamingOnePlaceAreRefused() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIHarness.run(["premium", "--achievement", "a.csv", "--scheme", "c.toml", "--population", "b.csv",
                                      "--summary", "./s.csv", "--out", "s.csv"], in: folder)
        #expect(run.status == 64, "\(run.errors)")
        #expect(run.errors.contains("--out and --summary name the same file"), "\(run.errors)")
        #expect(try CLIHarness.contents(of: folder) == ["a.csv", "b.csv", "c.toml"])
    }

    @Test func anOutputBesideTheInputIsWritten() throws {
        // The check compares identities, not folders: a new file next to the input is fine.
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIHarness.run(["indicators", "--statistic", "proportion", "--input", "a.csv", "--out", "a-out.csv"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(try CLIHarness.contents(of: folder) == ["a-out.csv", "a.csv", "b.csv", "c.toml"])
    }

    @Test func runFolderHoldingAnInputIsRefused() throws {
        // The inputs live in the folder the run would replace with --force: before the check the
        // run removed them with the old folder.
        let folder = try CLIHarness.folder(texts: ["data/a.csv": Self.input], prefix: "clash-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipeline = """
        title = "Clash"
        [inputs]
        counts = "data/a.csv"
        [[step]]
        kind = "indicators"
        statistic = "proportion"
        input = "counts"

        """
        try Data(pipeline.utf8).write(to: folder.appendingPathComponent("pipeline.toml"))
        for out in ["data", "./data/", "."] {
            let run = try CLIHarness.run(["run", "pipeline.toml", "--out", out, "--force"], in: folder)
            #expect(run.status == 64, "\(out): \(run.errors)")
            #expect(run.errors.contains("--out \(out) holds"), "\(out): \(run.errors)")
            #expect(try CLIHarness.contents(of: folder) == ["data", "pipeline.toml"])
            #expect(try String(contentsOf: folder.appendingPathComponent("data/a.csv"), encoding: .utf8) == Self.input)
        }
        let written = try CLIHarness.run(["run", "pipeline.toml", "--out", "run"], in: folder)
        #expect(written.status == 0, "\(written.errors)")
    }

    @Test func notebookOverAFileOfTheRunFolderIsRefused() throws {
        let folder = try CLIHarness.folder(texts: ["run/manifest.json": "{}\n"], prefix: "clash-notebook")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIHarness.run(["notebook", "run", "--out", "run/manifest.json"], in: folder)
        #expect(run.status == 64, "\(run.errors)")
        #expect(run.errors.contains("--out run/manifest.json is a file of the run folder"), "\(run.errors)")
        #expect(try String(contentsOf: folder.appendingPathComponent("run/manifest.json"), encoding: .utf8) == "{}\n")
        #expect(try CLIHarness.contents(of: folder.appendingPathComponent("run")) == ["manifest.json"])
    }
}
