import Foundation
import Testing
import TestSupport

/// A signal or a file-size limit while outputs are being written leaves no temporary
/// `.NAME.partial-PID` file or folder behind: SIGTERM and SIGINT exit 143 and 130 after removing
/// them; a limit set with `ulimit -f` makes the write fail (EFBIG, SIGXFSZ being ignored) and the
/// command exits 73 through its ordinary error path.
@Suite(.serialized) struct InterruptedWritingTests {
    /// Names in `folder` and below that are temporary outputs.
    static func leftovers(in folder: URL) -> [String] {
        let names = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        return names.filter { $0.contains(".partial-") || $0.contains(".replaced-") }
    }

    /// Starts `consortium arguments…` in `folder` with standard error to a file; waits until a
    /// temporary output appears in `watched` (so the signal lands while writing), sends `signal`,
    /// and returns the exit status and standard error.
    static func interrupt(_ arguments: [String], in folder: URL, watching watched: URL, with signal: Int32) throws -> (status: Int32, errors: String, caught: Bool) {
        let errorsURL = folder.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
        let errors = try FileHandle(forWritingTo: errorsURL)
        let process = Process()
        process.executableURL = CLIHarness.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var caught = false
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline {
            if !leftovers(in: watched).isEmpty {
                caught = true
                break
            }
            usleep(2_000)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        try errors.close()
        let text = String(decoding: try Data(contentsOf: errorsURL), as: UTF8.self)
        try FileManager.default.removeItem(at: errorsURL)
        return (process.terminationStatus, text, caught)
    }

    @Test(arguments: [(SIGTERM, Int32(143), "SIGTERM"), (SIGINT, Int32(130), "SIGINT")])
    func signalWhileWritingRemovesTheTemporaryFile(_ signal: Int32, _ status: Int32, _ name: String) throws {
        // synth writes persons.csv (200,000 rows, about 12 MB) as it draws them: seconds of writing.
        let folder = try CLIHarness.folder([:], prefix: "interrupt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("synth")
        let result = try Self.interrupt(["synth", "--scale", "consortium", "--seed", "1", "--out-dir", "synth", "--persons", "200000"],
                                        in: folder, watching: folder, with: signal)
        #expect(result.caught, "the command ended before a temporary file was seen")
        #expect(result.status == status, "\(result.errors)")
        #expect(result.errors.contains("error: interrupted by \(name)"), "\(result.errors)")
        #expect(Self.leftovers(in: folder).isEmpty, "left behind: \(Self.leftovers(in: folder))")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("persons.csv").path))
    }

    @Test func signalDuringARunRemovesTheTemporaryFolder() throws {
        let folder = try CLIHarness.folder([:], prefix: "interrupt-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipeline = repositoryRoot.path + "/datasets/exampleshire/pipeline.toml"
        let result = try Self.interrupt(["run", pipeline, "--out", "run"], in: folder, watching: folder, with: SIGTERM)
        #expect(result.caught, "the run ended before its temporary folder was seen")
        #expect(result.status == 143, "\(result.errors)")
        let left = try CLIHarness.contents(of: folder)
        #expect(left.isEmpty, "left behind: \(left)")
    }

    /// Runs `consortium arguments…` under `ulimit -f blocks` in `folder` (/bin/sh: blocks of 512
    /// bytes, as POSIX counts them; dash, and bash in its POSIX mode).
    static func limited(_ arguments: [String], blocks: Int, in folder: URL) throws -> CLIHarness.Run {
        let quoted = ([CLIHarness.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f \(blocks) && exec \(quoted) 2>stderr.txt"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let errorsURL = folder.appendingPathComponent("stderr.txt")
        let errors = String(decoding: (try? Data(contentsOf: errorsURL)) ?? Data(), as: UTF8.self)
        try? FileManager.default.removeItem(at: errorsURL)
        return CLIHarness.Run(status: process.terminationStatus, output: "", errors: errors)
    }

    @Test func fileSizeLimitIsExit73WithNothingLeft() throws {
        // practices.csv of the synthetic consortium (7 kB) is under the limit of 16 kB and is
        // written; population.csv (28 kB) passes it.
        let folder = try CLIHarness.folder([:], prefix: "ulimit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.limited(["synth", "--scale", "consortium", "--seed", "1", "--out-dir", "synth"], blocks: 32, in: folder)
        #expect(run.status == 73, "\(run.errors)")
        #expect(run.errors.contains("error: synth/population.csv: cannot write: File too large"), "\(run.errors)")
        #expect(Self.leftovers(in: folder).isEmpty, "left behind: \(Self.leftovers(in: folder))")
        #expect(try CLIHarness.contents(of: folder.appendingPathComponent("synth")) == ["practices.csv"])
    }

    @Test func fileSizeLimitOnACommandOutputIsExit73WithNothingLeft() throws {
        // 2,000 groups of proportions: the output (about 160 kB) passes a limit of 8 kB.
        var input = "indicator_id,org_code,numerator,denominator\n"
        for index in 0..<2_000 { input += "I1,P\(index),\(index % 97),100\n" }
        let folder = try CLIHarness.folder(texts: ["in.csv": input], prefix: "ulimit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.limited(["indicators", "--statistic", "proportion", "--input", "in.csv", "--out", "out.csv"], blocks: 16, in: folder)
        #expect(run.status == 73, "\(run.errors)")
        #expect(run.errors.contains("error: out.csv: cannot write: File too large"), "\(run.errors)")
        #expect(try CLIHarness.contents(of: folder) == ["in.csv"])
    }

    @Test func fileSizeLimitDuringARunIsExit73WithNothingLeft() throws {
        let folder = try CLIHarness.folder([:], prefix: "ulimit-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipeline = repositoryRoot.path + "/datasets/exampleshire/pipeline.toml"
        let run = try Self.limited(["run", pipeline, "--out", "run"], blocks: 32, in: folder) // 16 kB
        #expect(run.status == 73, "\(run.errors)")
        #expect(run.errors.contains("File too large"), "\(run.errors)")
        #expect(try CLIHarness.contents(of: folder).isEmpty)
    }
}
