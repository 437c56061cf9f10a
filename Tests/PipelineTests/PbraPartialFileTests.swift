import Allocation
import Linear
import Pipeline
import Reports
import Tables
import Testing

/// The partial file format (docs/pbra-model.md, "The partial file"): a hand-made partial is
/// written, read back equal, and damaged files are refused at the line.
private enum Example {
    static let partial = PersonBasedPartial(
        fingerprint: PersonBasedModelFingerprint(
            response: "cost", intercept: true, weights: "w", need: ["female"], supply: [],
            categorical: [.init(variable: "band", role: .need, reference: "a", levels: ["a", "b"])]),
        limits: DisclosureLimits(minimumPersons: 3, minimumCell: 1),
        sums: NormalEquationsAccumulator.Sums(
            columnNames: ["intercept", "female", "band=b"], isWeighted: true, n: 4, rowsAdded: 5,
            columnShifts: [0, 0.1, 1.0 / 3], responseShift: 12.5, onesColumns: [true, false, false],
            lowerRows: [[0], [0.25, 1e-300], [3, 4, 5], [6, 7, 8, 9], [10, 11, 12, 13, 4.75]]),
        columnTotals: [4.75, 2, 0.1 + 0.2], levelCounts: [[3, 1]])
    static let text = try! PbraPartialFile.text(partial, modelLocation: SourceLocation(file: "model.toml"))

    /// The text with line `line` (1-based) replaced and the checksum made right again.
    static func replacing(line: Int, with replacement: String) -> [UInt8] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[line - 1] = replacement
        let body = lines.dropFirst(2).joined(separator: "\n")
        return Array((lines[0] + "\nsha256 " + SHA256.hexDigest(of: Array(body.utf8)) + "\n" + body).utf8)
    }
}

@Test func aPartialFileReadsBackTheSameDoubles() throws {
    let contents = try PbraPartialFile.read(bytes: Array(Example.text.utf8), name: "x.partial")
    #expect(contents.partial == Example.partial)
    let lines = Example.text.split(separator: "\n").map(String.init)
    #expect(lines[0] == "consortium-pbra-partial 1")
    // The checksum is the SHA-256 of everything after line 2 (Reports' SHA256, FIPS 180-4).
    let body = Example.text.split(separator: "\n", maxSplits: 2)[2]
    #expect(lines[1] == "sha256 " + SHA256.hexDigest(of: Array(body.utf8)) && contents.bodyDigest == SHA256.hexDigest(of: Array(body.utf8)))
    #expect(Array(lines[2...8]) == ["minimum_persons\t3", "minimum_cell\t1", "response\tcost", "intercept\ttrue", "weights\tw",
                                    "need\tfemale", "categorical\tband\tneed"])
    #expect(lines.contains("term\tband=b\t0.3333333333333333\tfalse\t0.30000000000000004"))
    #expect(lines.contains("sums\t0.25\t1e-300"))
}

@Test func aDamagedPartialFileIsRefusedAtItsLine() throws {
    func message(_ bytes: [UInt8]) -> String {
        do {
            _ = try PbraPartialFile.read(bytes: bytes, name: "x.partial")
            return "read"
        } catch {
            return "\(error)"
        }
    }
    // Line 16 is the first `term` record; line 10 the reference; the last line the last sums row.
    let lines = Example.text.split(separator: "\n").map(String.init)
    #expect(lines[15].hasPrefix("term\tintercept"))
    #expect(message(Example.replacing(line: 16, with: "term\tintercept\tzero\ttrue\t4.75"))
        == "x.partial:16: expected the shift of intercept (a finite number), found \"zero\"")
    #expect(message(Example.replacing(line: 10, with: "reference\tother\ta"))
        == "x.partial:10: expected the reference of band, found one of other")
    #expect(message(Example.replacing(line: lines.count, with: "sums\t10\t11\t12\t13"))
        == "x.partial:\(lines.count): expected 5 fields after 'sums', found 4")
    #expect(message(Array("consortium-pbra-partial 1\nsha256 abc\n".utf8))
        == "x.partial:2: expected 'sha256 ' and 64 hexadecimal digits, found \"sha256 abc\"")
    #expect(message(Array(Example.text.dropLast(3).utf8)).hasPrefix("x.partial:2: the checksum does not match the body"))
}

@Test func aSecondRoundPartialFileReadsBackItsCoefficientsAndMeat() throws {
    var partial = Example.partial
    partial.robust = PersonBasedRobustRound(coefficients: [1.5, -0.1, 2e-17], meatLowerRows: [[1], [2, 3], [4, 5, 6.25]])
    let text = try PbraPartialFile.text(partial, modelLocation: SourceLocation(file: "model.toml"))
    #expect(try PbraPartialFile.read(bytes: Array(text.utf8), name: "r.partial").partial == partial)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(Array(lines.suffix(6)) == ["coefficient\tintercept\t1.5", "coefficient\tfemale\t-0.1", "coefficient\tband=b\t2e-17",
                                        "meat\t1.0", "meat\t2.0\t3.0", "meat\t4.0\t5.0\t6.25"])
}
