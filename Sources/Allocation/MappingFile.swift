import Tables

/// A regrouping of practices: `practice_code`, `consortium_code`, one row for every practice of
/// the practices file (a practice missing from the mapping, or a code it does not know, is an
/// error).
enum MappingFile {
    static func read(path: String, practices: PracticesFile) throws -> [String] {
        let table = try TableReader.read(path: path, schema: Schema([ColumnSpec("practice_code"), ColumnSpec("consortium_code")]))
        let codes = table.text("practice_code")
        let groups = table.text("consortium_code")
        var mapped = [String?](repeating: nil, count: practices.codes.count)
        var lineOf = [Int](repeating: 0, count: practices.codes.count)
        for row in 0..<table.rowCount {
            guard let index = practices.indexByCode[codes[row]] else {
                throw table.error(row: row, column: "practice_code",
                                  "practice \(DataError.quoted(codes[row])) is not in the practices file (\(practices.file))")
            }
            if mapped[index] != nil {
                throw table.error(row: row, column: "practice_code",
                                  "practice \(DataError.quoted(codes[row])) is mapped twice (first on line \(lineOf[index]))")
            }
            mapped[index] = groups[row]
            lineOf[index] = table.lineNumbers[row]
        }
        if let missing = mapped.firstIndex(where: { $0 == nil }) {
            throw DataError(.badData, at: SourceLocation(file: path),
                            "practice \(practices.codes[missing]) (\(practices.locations[missing])) has no row in the mapping; every practice needs one")
        }
        return mapped.map { $0! }
    }
}
