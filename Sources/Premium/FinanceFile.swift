import Tables

/// The consortium's allocation and outturn for the financial gateway, read from a CSV file with
/// columns `allocation` and `outturn` (pounds, at most two decimals) and optionally
/// `consortium_code`. A file of several rows needs `consortium_code` in the file and in the
/// scheme to pick the consortium's row.
enum FinanceFile {
    struct Figures {
        var allocation: Int
        var outturn: Int
        var source: String
    }

    static let schema = Schema([
        ColumnSpec("allocation", .money), ColumnSpec("outturn", .money), ColumnSpec("consortium_code", optional: true),
    ])

    static func read(path: String, consortiumCode: String?, schemeKey: SourceLocation) throws -> Figures {
        let table = try TableReader.read(path: path, schema: schema)
        guard table.rowCount > 0 else {
            throw DataError(.badData, at: SourceLocation(file: path, line: 2), "expected a row with the allocation and outturn, found none")
        }
        var row = 0
        if table.has("consortium_code"), let code = consortiumCode {
            let codes = table.text("consortium_code")
            guard let found = codes.firstIndex(of: code) else {
                throw DataError(.badData, at: SourceLocation(file: path, columnName: "consortium_code"),
                                "no row for the scheme's consortium \(DataError.quoted(code))")
            }
            if let again = codes[(found + 1)...].firstIndex(of: code) {
                throw table.error(row: again, column: "consortium_code",
                                  "the consortium \(DataError.quoted(code)) appears twice (also line \(table.lineNumbers[found]))")
            }
            row = found
        } else if table.rowCount > 1 {
            throw DataError(.badData, at: schemeKey,
                            "gateway.file: \(path) has \(table.rowCount) rows: give it a consortium_code column and state consortium_code in [scheme] to pick the row")
        }
        for column in ["allocation", "outturn"] where table.pence(column)[row] < 0 {
            throw table.error(row: row, column: column, "expected an amount >= 0, found \(CSVWriter.format(.pence(table.pence(column)[row])))")
        }
        return Figures(allocation: table.pence("allocation")[row], outturn: table.pence("outturn")[row],
                       source: "\(table.location(row: row))")
    }
}
