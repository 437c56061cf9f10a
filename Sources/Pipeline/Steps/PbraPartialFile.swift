import Allocation
import Foundation
import Linear
import Reports
import Tables

/// The text file of a `PersonBasedPartial`, version 1 (docs/pbra-model.md, "The partial file").
///
/// Line 1 is `consortium-pbra-partial 1`, line 2 `sha256 ` and the SHA-256 (FIPS 180-4, lower-case
/// hexadecimal) of the body: every byte after line 2's newline. The body has one record per line,
/// fields separated by tabs, in this order:
///
///     minimum_persons  N                 disclosure limits the partial was checked against
///     minimum_cell     N
///     response         NAME              the model's fingerprint
///     intercept        true|false
///     weights          NAME              (only for a weighted model)
///     need             NAME              (one line per numeric need variable, in order)
///     supply           NAME              (one line per numeric supply variable, in order)
///     categorical      NAME  need|supply (then, for this variable:)
///     reference        NAME  LEVEL       (only when it has one)
///     level            NAME  LEVEL  COUNT (each level in order, with its persons of positive weight)
///     rows             N                 rows read (those with weight 0 included)
///     n                N                 persons with positive weight
///     response_shift   t
///     term             NAME  SHIFT  ONES  TOTAL   (one per design term, in design order: the
///                                        shift sⱼ, whether the column held only ones, Σ wᵢxᵢⱼ)
///     sums             A[i,0] … A[i,i]   (p + 2 lines: the lower triangle of the shifted
///                                        cross products, see NormalEquationsAccumulator.Sums)
///     coefficient      NAME  b           (second round only, `--robust`: p lines, design order)
///     meat             M[i,0] … M[i,i]   (second round only: p lines, the HC1 meat about the shifts)
///
/// Numbers are written shortest round-trip (Swift's `description`), so reading gives back the
/// same doubles. Names may not hold tabs or line breaks.
public enum PbraPartialFile {
    public static let magic = "consortium-pbra-partial"
    public static let version = 1

    /// The whole file's text.
    public static func text(_ partial: PersonBasedPartial, modelLocation: SourceLocation) throws -> String {
        let body = try self.body(partial, modelLocation: modelLocation)
        return "\(magic) \(version)\nsha256 \(SHA256.hexDigest(of: Array(body.utf8)))\n" + body
    }

    /// The body: every line after the checksum.
    static func body(_ partial: PersonBasedPartial, modelLocation: SourceLocation) throws -> String {
        precondition(partial.sums.columnShifts != nil, "PbraPartialFile: a partial without persons")
        var lines: [[String]] = []
        func name(_ text: String) throws -> String {
            guard !text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
                throw DataError(.badData, at: modelLocation, "a partial cannot hold the name \(DataError.quoted(text)): it has a tab or a line break")
            }
            return text
        }
        let model = partial.fingerprint
        lines.append(["minimum_persons", "\(partial.limits.minimumPersons)"])
        lines.append(["minimum_cell", "\(partial.limits.minimumCell)"])
        lines.append(["response", try name(model.response)])
        lines.append(["intercept", "\(model.intercept)"])
        if let weights = model.weights { lines.append(["weights", try name(weights)]) }
        for variable in model.need { lines.append(["need", try name(variable)]) }
        for variable in model.supply { lines.append(["supply", try name(variable)]) }
        for (variable, counts) in zip(model.categorical, partial.levelCounts) {
            lines.append(["categorical", try name(variable.variable), variable.role.rawValue])
            if let reference = variable.reference { lines.append(["reference", variable.variable, try name(reference)]) }
            for (level, count) in zip(variable.levels, counts) { lines.append(["level", variable.variable, try name(level), "\(count)"]) }
        }
        let sums = partial.sums
        lines.append(["rows", "\(sums.rowsAdded)"])
        lines.append(["n", "\(sums.n)"])
        lines.append(["response_shift", number(sums.responseShift)])
        for j in sums.columnNames.indices {
            lines.append(["term", try name(sums.columnNames[j]), number(sums.columnShifts![j]), "\(sums.onesColumns[j])",
                          number(partial.columnTotals[j])])
        }
        for row in sums.lowerRows { lines.append(["sums"] + row.map(number)) }
        if let robust = partial.robust {
            for (name, value) in zip(sums.columnNames, robust.coefficients) { lines.append(["coefficient", name, number(value)]) }
            for row in robust.meatLowerRows { lines.append(["meat"] + row.map(number)) }
        }
        return lines.map { $0.joined(separator: "\t") + "\n" }.joined()
    }

    static func number(_ value: Double) -> String { value.description }

    /// A partial file read back, with the SHA-256 of its body.
    public struct Contents: Sendable {
        public var partial: PersonBasedPartial
        public var bodyDigest: String
    }

    /// Reads the partial file at `path`.
    ///
    /// - Throws: `cannotOpen` when it cannot be read; a bad-data error at the line for a file that
    ///   is not a partial, of another version, whose checksum does not match its body, or whose
    ///   records are not those of version 1.
    public static func read(path: String) throws -> Contents {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(.cannotOpen, at: SourceLocation(file: path), "cannot open the file")
        }
        return try read(bytes: Array(data), name: path)
    }

    /// Reads a partial from its bytes; `name` is how the file is called in messages.
    public static func read(bytes: [UInt8], name: String) throws -> Contents {
        func fail(_ line: Int?, _ message: String) -> DataError {
            DataError(.badData, at: SourceLocation(file: name, line: line), message)
        }
        guard let firstBreak = bytes.firstIndex(of: 10) else {
            throw fail(1, "expected a first line '\(magic) \(version)', found no line break")
        }
        let first = String(decoding: bytes[..<firstBreak], as: UTF8.self)
        let words = first.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count == 2, words[0] == magic else {
            throw fail(1, "expected '\(magic) \(version)' (a partial written by consortium pbra partial), found \(DataError.quoted(first))")
        }
        guard words[1] == "\(version)" else {
            throw fail(1, "expected version \(version) of the partial format, found \(DataError.quoted(String(words[1]))); read it with the consortium that wrote it")
        }
        let rest = bytes[(firstBreak + 1)...]
        guard let secondBreak = rest.firstIndex(of: 10) else { throw fail(2, "expected 'sha256 ' and the checksum of the body") }
        let second = String(decoding: rest[..<secondBreak], as: UTF8.self)
        guard second.hasPrefix("sha256 "), second.count == 7 + 64 else {
            throw fail(2, "expected 'sha256 ' and 64 hexadecimal digits, found \(DataError.quoted(second))")
        }
        let body = Array(bytes[(secondBreak + 1)...])
        let digest = SHA256.hexDigest(of: body)
        guard String(second.dropFirst(7)) == digest else {
            throw fail(2, "the checksum does not match the body (SHA-256 \(digest)): the file was changed or cut short after it was written")
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw fail(3, "expected UTF-8 text")
        }
        var reader = BodyReader(lines: text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init),
                                name: name)
        guard text.isEmpty || text.hasSuffix("\n") else { throw fail(nil, "expected the body to end with a line break") }
        return Contents(partial: try reader.partial(), bodyDigest: digest)
    }
}

/// Reads the body records of a version 1 partial, in order.
private struct BodyReader {
    let lines: [String]
    let name: String
    /// Index of the next line in `lines`; file line numbers are 3 more.
    var next = 0

    init(lines: [String], name: String) {
        self.lines = lines
        self.name = name
    }

    func fail(_ message: String, line: Int? = nil) -> DataError {
        DataError(.badData, at: SourceLocation(file: name, line: (line ?? next) + 3), message)
    }

    func peek() -> [String]? {
        next < lines.count ? lines[next].split(separator: "\t", omittingEmptySubsequences: false).map(String.init) : nil
    }

    /// The fields after the key of the next record, which must be `key` with `count` fields.
    mutating func record(_ key: String, fields count: Int? = nil) throws -> [String] {
        guard let fields = peek() else { throw fail("expected a '\(key)' record, found the end of the file") }
        guard fields[0] == key else { throw fail("expected a '\(key)' record, found \(DataError.quoted(fields[0]))") }
        if let count, fields.count != count + 1 {
            throw fail("expected \(count) field\(count == 1 ? "" : "s") after '\(key)', found \(fields.count - 1)")
        }
        next += 1
        return Array(fields.dropFirst())
    }

    /// The fields of every next record with `key`.
    mutating func records(_ key: String, fields count: Int) throws -> [[String]] {
        var found: [[String]] = []
        while peek()?.first == key { found.append(try record(key, fields: count)) }
        return found
    }

    func whole(_ text: String, _ what: String, line: Int) throws -> Int {
        guard let value = Int(text), value >= 0 else { throw fail("expected \(what) (a whole number >= 0), found \(DataError.quoted(text))", line: line) }
        return value
    }

    func number(_ text: String, _ what: String, line: Int) throws -> Double {
        guard let value = Double(text), value.isFinite else { throw fail("expected \(what) (a finite number), found \(DataError.quoted(text))", line: line) }
        return value
    }

    func flag(_ text: String, _ what: String, line: Int) throws -> Bool {
        switch text {
        case "true": return true
        case "false": return false
        default: throw fail("expected \(what) (true or false), found \(DataError.quoted(text))", line: line)
        }
    }

    mutating func partial() throws -> PersonBasedPartial {
        let minimumPersons = try whole(try record("minimum_persons", fields: 1)[0], "the minimum persons", line: next - 1)
        let minimumCell = try whole(try record("minimum_cell", fields: 1)[0], "the minimum cell", line: next - 1)
        let response = try record("response", fields: 1)[0]
        let intercept = try flag(try record("intercept", fields: 1)[0], "whether the model has an intercept", line: next - 1)
        let weights = peek()?.first == "weights" ? try record("weights", fields: 1)[0] : nil
        let need = try records("need", fields: 1).map { $0[0] }
        let supply = try records("supply", fields: 1).map { $0[0] }
        var categorical: [PersonBasedModelFingerprint.Categorical] = []
        var levelCounts: [[Int]] = []
        while peek()?.first == "categorical" {
            let fields = try record("categorical", fields: 2)
            guard let role = VariableRole(rawValue: fields[1]) else {
                throw fail("expected need or supply, found \(DataError.quoted(fields[1]))", line: next - 1)
            }
            var reference: String?
            if peek()?.first == "reference" {
                let line = try record("reference", fields: 2)
                guard line[0] == fields[0] else { throw fail("expected the reference of \(fields[0]), found one of \(line[0])", line: next - 1) }
                reference = line[1]
            }
            var levels: [String] = []
            var counts: [Int] = []
            while peek()?.first == "level" {
                let line = try record("level", fields: 3)
                guard line[0] == fields[0] else { throw fail("expected a level of \(fields[0]), found one of \(line[0])", line: next - 1) }
                levels.append(line[1])
                counts.append(try whole(line[2], "the persons at the level", line: next - 1))
            }
            guard !levels.isEmpty else { throw fail("expected the levels of \(fields[0])") }
            categorical.append(.init(variable: fields[0], role: role, reference: reference, levels: levels))
            levelCounts.append(counts)
        }
        let rows = try whole(try record("rows", fields: 1)[0], "the rows read", line: next - 1)
        let n = try whole(try record("n", fields: 1)[0], "the persons with positive weight", line: next - 1)
        let responseShift = try number(try record("response_shift", fields: 1)[0], "the response shift", line: next - 1)
        var names: [String] = [], shifts: [Double] = [], ones: [Bool] = [], totals: [Double] = []
        let firstTerm = next
        for (offset, fields) in try records("term", fields: 4).enumerated() {
            let line = firstTerm + offset
            names.append(fields[0])
            shifts.append(try number(fields[1], "the shift of \(fields[0])", line: line))
            ones.append(try flag(fields[2], "whether \(fields[0]) held only ones", line: line))
            totals.append(try number(fields[3], "the column total of \(fields[0])", line: line))
        }
        guard !names.isEmpty else { throw fail("expected a 'term' record") }
        var lowerRows: [[Double]] = []
        for i in 0..<(names.count + 2) {
            let fields = try record("sums", fields: i + 1)
            lowerRows.append(try fields.map { try number($0, "a sum", line: next - 1) })
        }
        var robust: PersonBasedRobustRound?
        if peek()?.first == "coefficient" {
            var coefficients: [Double] = []
            for name in names {
                let fields = try record("coefficient", fields: 2)
                guard fields[0] == name else { throw fail("expected the coefficient of \(name), found one of \(fields[0])", line: next - 1) }
                coefficients.append(try number(fields[1], "the coefficient of \(name)", line: next - 1))
            }
            var meat: [[Double]] = []
            for i in 0..<names.count {
                let fields = try record("meat", fields: i + 1)
                meat.append(try fields.map { try number($0, "a meat sum", line: next - 1) })
            }
            robust = PersonBasedRobustRound(coefficients: coefficients, meatLowerRows: meat)
        }
        guard next == lines.count else { throw fail("expected the end of the file after the sums, found \(DataError.quoted(lines[next]))") }
        guard n <= rows else { throw fail("expected n (\(n)) to be at most the rows read (\(rows))") }
        let fingerprint = PersonBasedModelFingerprint(response: response, intercept: intercept, weights: weights, need: need,
                                                      supply: supply, categorical: categorical)
        let sums = NormalEquationsAccumulator.Sums(
            columnNames: names, isWeighted: weights != nil, n: n, rowsAdded: rows, columnShifts: shifts,
            responseShift: responseShift, onesColumns: ones, lowerRows: lowerRows)
        return PersonBasedPartial(fingerprint: fingerprint, limits: DisclosureLimits(minimumPersons: minimumPersons, minimumCell: minimumCell),
                                  sums: sums, columnTotals: totals, levelCounts: levelCounts, robust: robust)
    }
}
