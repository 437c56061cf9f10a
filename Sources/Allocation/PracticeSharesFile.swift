import Population
import Tables

/// Where a formula takes each practice's share of need from: a CSV with `practice_code` and a
/// share column, such as the `need_share` that `consortium pbra predict` writes
/// (`[age_sex] shares_file = "…"` in a formula, docs/formula.md).
public struct PracticeSharesSource: Sendable, Equatable {
    /// The CSV file (relative paths are taken from the formula's folder).
    public var path: String
    /// The column holding the shares (`need_share` by default).
    public var column: String
    /// Where the formula names the file.
    public var location: SourceLocation?

    public init(path: String, column: String = "need_share", location: SourceLocation? = nil) {
        self.path = path
        self.column = column
        self.location = location
    }
}

/// Reads practice shares (numbers ≥ 0) for every practice of a frame.
///
/// Every practice of the frame needs exactly one row; rows for practices not in the frame (left out
/// by `--only`, or not in the practices file) are not used, and their count is returned for a
/// note. The shares need not add up to 1 over the frame: the capitation arithmetic scales the
/// population basis so that Σ nₚAₚ = Σ nₚ, which makes the practices' target shares proportional
/// to these shares among the practices kept.
enum PracticeSharesFile {
    static func read(_ source: PracticeSharesSource, frame: PracticeFrame, practicesFile: String) throws -> (shares: [Double], unused: Int) {
        let schema = Schema([ColumnSpec("practice_code"), ColumnSpec(source.column, .decimal(minimum: 0))])
        let table = try TableReader.read(path: source.path, schema: schema)
        let codes = table.text("practice_code")
        let values = table.decimals(source.column)
        var shares = [Double?](repeating: nil, count: frame.count)
        var lines = [Int](repeating: 0, count: frame.count)
        var seen: [String: Int] = [:]
        var unused = 0
        for row in 0..<table.rowCount {
            if let first = seen[codes[row]] {
                throw table.error(row: row, column: "practice_code",
                                  "a second share for practice \(DataError.quoted(codes[row])) (first on line \(first))")
            }
            seen[codes[row]] = table.lineNumbers[row]
            guard let index = frame.index(of: codes[row]) else {
                unused += 1
                continue
            }
            shares[index] = values[row]
            lines[index] = table.lineNumbers[row]
        }
        if let missing = shares.firstIndex(where: { $0 == nil }) {
            throw DataError(.badData, at: SourceLocation(file: source.path, columnName: "practice_code"),
                            "no \(source.column) for practice \(frame.practices[missing].code); every practice of \(practicesFile) needs one")
        }
        return (shares.map { $0! }, unused)
    }
}
