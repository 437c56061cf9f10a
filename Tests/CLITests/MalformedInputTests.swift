import Foundation
import Testing

/// The catalogue of malformed CSV inputs of the foundation issue, run end to end through a real
/// command (`consortium indicators --statistic proportion`): each must exit 65 (66 when the file
/// cannot be opened) with `error: FILE:LINE[:COLUMN]: …` on standard error and leave no output
/// file. The expected line and column of each case are counted by hand from the bytes below.
@Suite struct MalformedInputTests {
    static let header = "indicator_id,org_code,numerator,denominator\n"

    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        /// The `file:line[:column]` the message must start with.
        var place: String
        var status: Int32 = 65
        var description: String { name }
    }

    static func text(_ string: String) -> [UInt8] { Array(string.utf8) }

    static let cases: [Case] = [
        Case(name: "unterminated quote", bytes: text(header + "I1,\"A1,3,10\n"), place: "in.csv:2:2"),
        Case(name: "too few fields", bytes: text(header + "I1,A1,3\n"), place: "in.csv:2"),
        Case(name: "too many fields", bytes: text(header + "I1,A1,3,10,9\n"), place: "in.csv:2"),
        Case(name: "wrong type", bytes: text(header + "I1,A1,three,10\n"), place: "in.csv:2:3"),
        Case(name: "negative count", bytes: text(header + "I1,A1,-3,10\n"), place: "in.csv:2:3"),
        Case(name: "empty count repeating a row with one", bytes: text(header + "I1,A1,3,10\nI1,A1,,10\n"), place: "in.csv:3:3"),
        Case(name: "duplicate header", bytes: text("indicator_id,org_code,numerator,numerator,denominator\nI1,A1,3,3,10\n"), place: "in.csv:1:4"),
        Case(name: "missing column", bytes: text("indicator_id,org_code,numerator\nI1,A1,3\n"), place: "in.csv:1"),
        Case(name: "empty file", bytes: [], place: "in.csv:1"),
        Case(name: "embedded NUL", bytes: text(header + "I1,A") + [0] + text("1,3,10\n"), place: "in.csv:2:2"),
        Case(name: "non-UTF-8 text", bytes: text(header + "I1,A") + [0xFF, 0xFE] + text(",3,10\n"), place: "in.csv:2:2"),
        Case(name: "non-UTF-8 header", bytes: text("indicator_id,org_") + [0xC3] + text(",numerator,denominator\n"), place: "in.csv:1:2"),
        Case(name: "text after closing quote", bytes: text(header + "I1,\"A1\"x,3,10\n"), place: "in.csv:2:2"),
        Case(name: "quote inside unquoted field", bytes: text(header + "I1,A\"1,3,10\n"), place: "in.csv:2:2"),
        Case(name: "blank line in the middle", bytes: text(header + "I1,A1,3,10\n\nI1,A2,4,10\n"), place: "in.csv:3"),
        Case(name: "number with spaces", bytes: text(header + "I1,A1, 3,10\n"), place: "in.csv:2:3"),
        Case(name: "NaN", bytes: text(header + "I1,A1,NaN,10\n"), place: "in.csv:2:3"),
        Case(name: "overflowing whole number", bytes: text(header + "I1,A1,99999999999999999999999,10\n"), place: "in.csv:2:3"),
        Case(name: "thousands separator", bytes: text(header + "I1,A1,\"1,234\",2000\n"), place: "in.csv:2:3"),
        Case(name: "numerator above denominator", bytes: text(header + "I1,A1,11,10\n"), place: "in.csv:2:3"),
        Case(name: "error after a quoted line break", bytes: text(header + "I1,\"A\n1\",3,x\n"), place: "in.csv:2:4"),
        Case(name: "BOM and CRLF with a bad value", bytes: [0xEF, 0xBB, 0xBF] + text("indicator_id,org_code,numerator,denominator\r\nI1,A1,3,10\r\nI1,A2,x,10\r\n"), place: "in.csv:3:3"),
    ]

    @Test(arguments: cases)
    func malformedInputIsRejected(_ example: Case) throws {
        let folder = try CLIHarness.folder(["in.csv": example.bytes], prefix: "malformed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIHarness.run(["indicators", "--statistic", "proportion", "--input", "in.csv", "--out", "out.csv"], in: folder)
        #expect(run.status == example.status, "\(example.name): \(run.errors)")
        #expect(run.errors.hasPrefix("error: \(example.place)"), "\(example.name): \(run.errors)")
        #expect(try CLIHarness.contents(of: folder) == ["in.csv"], "\(example.name): an output file was left behind")
    }

    @Test func missingInputFileExits66() throws {
        let folder = try CLIHarness.folder([:], prefix: "malformed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIHarness.run(["indicators", "--statistic", "proportion", "--input", "absent.csv", "--out", "out.csv"], in: folder)
        #expect(run.status == 66)
        #expect(run.errors.hasPrefix("error: absent.csv"))
        #expect(try CLIHarness.contents(of: folder).isEmpty)
    }

    @Test func hugeSingleFieldIsRejectedWithoutExhaustingMemory() throws {
        // A 1 GB field in one unquoted cell: the reader's record limit (64 MiB) stops it at line 2.
        let folder = try CLIHarness.folder(["in.csv": []], prefix: "malformed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent("in.csv"))
        try handle.write(contentsOf: Data((Self.header + "I1,A").utf8))
        let block = Data(repeating: UInt8(ascii: "x"), count: 1 << 24)
        for _ in 0..<64 { try handle.write(contentsOf: block) }
        try handle.write(contentsOf: Data(",3,10\n".utf8))
        try handle.close()
        let run = try CLIHarness.run(["indicators", "--statistic", "proportion", "--input", "in.csv", "--out", "out.csv"], in: folder)
        #expect(run.status == 65)
        #expect(run.errors.hasPrefix("error: in.csv:2"), "\(run.errors)")
        #expect(try CLIHarness.contents(of: folder) == ["in.csv"])
    }

    @Test func validButOddInputsParse() throws {
        // Quoted commas and quotes in codes, CRLF, a BOM, no final line break: 2 rows, both read.
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Self.text("indicator_id,org_code,numerator,denominator\r\n\"I,1\",\"A\"\"1\",3,10\r\n\"I,1\",B2,0,4")
        let folder = try CLIHarness.folder(["in.csv": bytes], prefix: "odd")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIHarness.run(["indicators", "--statistic", "proportion", "--input", "in.csv", "--confidence", "95", "--out", "out.csv"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        let output = try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8)
        let lines = output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("\"I,1\",\"A\"\"1\","))
        #expect(lines[2].hasPrefix("\"I,1\",B2,"))
    }
}
