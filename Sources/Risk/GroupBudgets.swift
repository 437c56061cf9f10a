import Tables

/// The budget of each group, in pounds: read from a budgets file, or set from the expected spend.
public enum GroupBudgets {
    /// B = E[S]·(1 + margin) for each group: the expected spend Σ n_b μ_b with a margin
    /// (0.02 means 2% above the expected spend).
    public static func fromExpectedSpend(_ expected: [Double], margin: Double) -> [Double] {
        expected.map { $0 * (1 + margin) }
    }

    /// Reads `consortium_code, budget` (pounds, at most two decimals) for every group of
    /// `codes`, in that order. Errors (file, line, column): a code that is not one of the groups,
    /// a code given twice, a negative budget; and a group without a budget (at the file).
    public static func read(path: String, codes: [String], name: String? = nil) throws -> [Double] {
        try budgets(from: TableReader.read(path: path, schema: schema, name: name), codes: codes)
    }

    public static func read(bytes: [UInt8], name: String, codes: [String]) throws -> [Double] {
        try budgets(from: TableReader.read(bytes: bytes, name: name, schema: schema), codes: codes)
    }

    public static let schema = Schema([ColumnSpec("consortium_code"), ColumnSpec("budget", .money)])

    static func budgets(from table: Table, codes: [String]) throws -> [Double] {
        var position: [String: Int] = [:]
        for (index, code) in codes.enumerated() { position[code] = index }
        let given = table.text("consortium_code")
        let pence = table.pence("budget")
        var budgets = [Double?](repeating: nil, count: codes.count)
        var rowOf: [Int: Int] = [:]
        for row in 0..<table.rowCount {
            guard let group = position[given[row]] else {
                throw table.error(row: row, column: "consortium_code",
                                  "\(DataError.quoted(given[row])) is not one of the consortia of the population (\(codes.prefix(5).joined(separator: ", "))\(codes.count > 5 ? ", …" : ""))")
            }
            if let earlier = rowOf[group] {
                throw table.error(row: row, column: "consortium_code", "\(given[row]) has a budget already (line \(table.lineNumbers[earlier]))")
            }
            guard pence[row] >= 0 else {
                throw table.error(row: row, column: "budget", "expected a budget >= 0, found \(CSVWriter.format(.pence(pence[row])))")
            }
            rowOf[group] = row
            budgets[group] = Double(pence[row]) / 100
        }
        if let missing = budgets.firstIndex(where: { $0 == nil }) {
            throw DataError(.badData, at: SourceLocation(file: table.source, columnName: "consortium_code"),
                            "no budget for \(codes[missing]) (every consortium of the population needs one)")
        }
        return budgets.map { $0! }
    }
}
