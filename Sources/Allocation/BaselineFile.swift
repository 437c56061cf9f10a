import Population
import Tables

/// Baseline budgets: `baseline` in pounds with `practice_code` (one row per practice, every
/// practice) or, without a `practice_code` column, with `consortium_code` (one row per consortium).
enum BaselineFile {
    static func read(path: String, frame: PracticeFrame, practicesFile: String) throws -> BaselineBudgets {
        let schema = Schema([ColumnSpec("practice_code", optional: true), ColumnSpec("consortium_code", optional: true),
                             ColumnSpec("baseline", .money)])
        let table = try TableReader.read(path: path, schema: schema)
        let amounts = table.pence("baseline")
        if table.has("practice_code") {
            let codes = table.text("practice_code")
            var baselines = [Int?](repeating: nil, count: frame.count)
            var locations = [SourceLocation](repeating: SourceLocation(file: path), count: frame.count)
            for row in 0..<table.rowCount {
                guard let index = frame.index(of: codes[row]) else {
                    throw table.error(row: row, column: "practice_code",
                                      "a baseline for practice \(DataError.quoted(codes[row])), which is not in the practices file (\(practicesFile))")
                }
                if baselines[index] != nil {
                    throw table.error(row: row, column: "practice_code",
                                      "a second baseline for practice \(DataError.quoted(codes[row])) (first on line \(locations[index].line ?? 0))")
                }
                baselines[index] = amounts[row]
                locations[index] = table.location(row: row, column: "baseline")
            }
            if let missing = baselines.firstIndex(where: { $0 == nil }) {
                throw DataError(.badData, at: SourceLocation(file: path),
                                "no baseline for practice \(frame.practices[missing].code); every practice of \(practicesFile) needs one")
            }
            return .practices(baselines.map { $0! }, locations: locations)
        }
        guard table.has("consortium_code") else {
            throw DataError(.badData, at: SourceLocation(file: path, line: 1), "expected a practice_code or a consortium_code column, found neither")
        }
        let codes = table.text("consortium_code")
        var byConsortium: [String: Int] = [:]
        var locations: [String: SourceLocation] = [:]
        for row in 0..<table.rowCount {
            if let first = locations[codes[row]] {
                throw table.error(row: row, column: "consortium_code",
                                  "a second baseline for consortium \(DataError.quoted(codes[row])) (first on line \(first.line ?? 0))")
            }
            byConsortium[codes[row]] = amounts[row]
            locations[codes[row]] = table.location(row: row, column: "consortium_code")
        }
        return .consortia(byConsortium, locations: locations)
    }
}
