import Tables

/// Planned spending per consortium: `consortium_code` (unique), `planned_spend` in pounds, and
/// optionally `running_costs` in pounds.
enum PlannedSpendFile {
    static func read(path: String) throws -> [String: PlannedSpend] {
        let schema = Schema([ColumnSpec("consortium_code"), ColumnSpec("planned_spend", .money),
                             ColumnSpec("running_costs", .money, optional: true, allowsEmpty: true)])
        let table = try TableReader.read(path: path, schema: schema)
        let codes = table.text("consortium_code")
        let spend = table.pence("planned_spend")
        let running = table.has("running_costs") ? table.optionalPence("running_costs") : [Int?](repeating: nil, count: table.rowCount)
        var plans: [String: PlannedSpend] = [:]
        for row in 0..<table.rowCount {
            if let first = plans[codes[row]] {
                throw table.error(row: row, column: "consortium_code",
                                  "a second plan for consortium \(DataError.quoted(codes[row])) (first on line \(first.location?.line ?? 0))")
            }
            plans[codes[row]] = PlannedSpend(total: spend[row], runningCosts: running[row], location: table.location(row: row, column: "consortium_code"))
        }
        return plans
    }
}
