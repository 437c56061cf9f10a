import Tables

/// Which consortium each practice belongs to: the file `practice_code, consortium_code`
/// (optional `consortium_name`), used to regroup practices (mergers, new sub-ICB boundaries,
/// localities treated as consortia) without editing the practice file.
public struct ConsortiumMapping: Sendable {
    /// The file name used in messages.
    public let source: String
    private let consortiumByPractice: [String: String]
    private let names: [String: String]
    /// Practice codes in the order given.
    public let practiceCodes: [String]

    /// A mapping from pairs (practice code, consortium code); a practice given twice is a
    /// `badData` error.
    public init(_ pairs: [(practiceCode: String, consortiumCode: String)], consortiumNames: [String: String] = [:],
                source: String = "consortium mapping") throws {
        var map: [String: String] = [:]
        var order: [String] = []
        for pair in pairs {
            if map[pair.practiceCode] != nil {
                throw DataError(.badData, at: SourceLocation(file: source, columnName: "practice_code"),
                                "the practice \(DataError.quoted(pair.practiceCode)) is mapped twice")
            }
            map[pair.practiceCode] = pair.consortiumCode
            order.append(pair.practiceCode)
        }
        self.source = source
        consortiumByPractice = map
        names = consortiumNames
        practiceCodes = order
    }

    /// The mapping a frame already holds (each practice to its current consortium).
    public init(frame: PracticeFrame) {
        var names: [String: String] = [:]
        for practice in frame.practices { if let name = practice.consortiumName { names[practice.consortiumCode] = name } }
        try! self.init(frame.practices.map { ($0.code, $0.consortiumCode) }, consortiumNames: names, source: "practice frame")
    }

    public func consortiumCode(of practiceCode: String) -> String? { consortiumByPractice[practiceCode] }

    public func consortiumName(of consortiumCode: String) -> String? { names[consortiumCode] }

    /// Consortium codes in order of first appearance.
    public var consortiumCodes: [String] { PracticeFrame.distinct(practiceCodes.map { consortiumByPractice[$0]! }) }

    /// Reads `practice_code`, `consortium_code` and optionally `consortium_name`. Errors: a
    /// repeated practice; one consortium given two different names.
    public static func read(path: String, name: String? = nil) throws -> ConsortiumMapping {
        let table = try TableReader.read(path: path, schema: Schema([
            ColumnSpec("practice_code"), ColumnSpec("consortium_code"), ColumnSpec("consortium_name", optional: true, allowsEmpty: true),
        ]), name: name)
        let practices = table.text("practice_code")
        let consortia = table.text("consortium_code")
        let consortiumNames = table.has("consortium_name") ? table.text("consortium_name") : nil
        var seen: [String: Int] = [:]
        var names: [String: String] = [:]
        for row in 0..<table.rowCount {
            if let first = seen[practices[row]] {
                throw table.error(row: row, column: "practice_code",
                                  "the practice \(DataError.quoted(practices[row])) is mapped twice (also line \(table.lineNumbers[first]))")
            }
            seen[practices[row]] = row
            if let consortiumNames, !consortiumNames[row].isEmpty {
                if let known = names[consortia[row]], known != consortiumNames[row] {
                    throw table.error(row: row, column: "consortium_name",
                                      "expected \(DataError.quoted(known)) as elsewhere for \(consortia[row]), found \(DataError.quoted(consortiumNames[row]))")
                }
                names[consortia[row]] = consortiumNames[row]
            }
        }
        return try ConsortiumMapping(Array(zip(practices, consortia)).map { ($0.0, $0.1) }, consortiumNames: names, source: table.source)
    }
}
