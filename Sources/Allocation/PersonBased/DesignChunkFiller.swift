import Tables

/// Fills one reusable column-major block with selected design columns of a chunk of persons, so a
/// file of any length streams through memory of (chunk rows × columns) doubles.
///
/// Column k of the block is term `selected[k]`, element (i, k) at `i + k·capacity` (the leading
/// dimension is the capacity, so a short last chunk uses the top rows). Intercept columns are
/// written once; numeric columns are copied from the chunk's parsed values; indicator columns are
/// cleared and set from a table lookup of each person's level.
struct DesignChunkFiller {
    let capacity: Int
    let columnCount: Int
    /// How an unknown level is explained: where the known levels come from.
    let levelSource: String
    private(set) var storage: [Double]
    private(set) var rows = 0
    private let numericColumns: [(column: Int, variable: String)]
    private let categoricals: [Categorical]

    private struct Categorical {
        var variable: String
        /// Block columns of this variable's selected indicators (cleared for every chunk).
        var columns: [Int]
        /// Level → block column, or −1 for a level without a column (the reference).
        var lookup: [String: Int]
        var levels: [String]
    }

    /// A filler for the terms `selected` (block column k is term `selected[k]`) that also checks
    /// the values of the categorical `variables` (every categorical column the chunk holds, even
    /// one whose only level is the reference).
    init(design: PersonBasedDesign, selected: [Int], categoricalVariables variables: [String], capacity: Int, levelSource: String) {
        precondition(capacity > 0, "DesignChunkFiller: capacity must be positive")
        self.capacity = capacity
        self.columnCount = selected.count
        self.levelSource = levelSource
        storage = [Double](repeating: 0, count: capacity * max(selected.count, 1))
        var categoricals: [Categorical] = variables.map { variable in
            let levels = design.levels[variable] ?? []
            var lookup: [String: Int] = [:]
            for level in levels { lookup[level] = -1 }
            return Categorical(variable: variable, columns: [], lookup: lookup, levels: levels)
        }
        var numeric: [(Int, String)] = []
        for (column, index) in selected.enumerated() {
            let term = design.terms[index]
            switch term.kind {
            case .intercept:
                for row in 0..<capacity { storage[column * capacity + row] = 1 }
            case .numeric:
                numeric.append((column, term.variable))
            case .indicator(let level):
                guard let position = categoricals.firstIndex(where: { $0.variable == term.variable }) else {
                    preconditionFailure("DesignChunkFiller: the indicator \(term.name) of a variable that is not read")
                }
                categoricals[position].columns.append(column)
                categoricals[position].lookup[level] = column
            }
        }
        numericColumns = numeric
        self.categoricals = categoricals
    }

    /// Fills the block from `table` (at most `capacity` rows).
    ///
    /// - Throws: a bad-data error at the row and column of a level that is not known.
    mutating func fill(_ table: Table) throws {
        let count = table.rowCount
        precondition(count <= capacity, "DesignChunkFiller: a chunk of \(count) rows for a block of \(capacity)")
        let capacity = self.capacity
        let numeric = numericColumns
        let categoricals = self.categoricals
        try storage.withUnsafeMutableBufferPointer { block in
            let base = block.baseAddress!
            for (column, variable) in numeric {
                table.decimals(variable).withUnsafeBufferPointer { values in
                    (base + column * capacity).update(from: values.baseAddress!, count: count)
                }
            }
            for categorical in categoricals {
                for column in categorical.columns { (base + column * capacity).update(repeating: 0, count: count) }
                let values = table.text(categorical.variable)
                for row in 0..<count {
                    guard let column = categorical.lookup[values[row]] else {
                        throw table.error(row: row, column: categorical.variable,
                                          "expected one of \(levelSource) (\(PersonBasedDesign.list(categorical.levels))), found \(DataError.quoted(values[row]))")
                    }
                    if column >= 0 { base[column * capacity + row] = 1 }
                }
            }
        }
        rows = count
    }

    /// The block of the last chunk: column-major, `rows` rows, leading dimension `capacity`.
    func withBlock<Result>(_ body: (UnsafeBufferPointer<Double>) throws -> Result) rethrows -> Result {
        try storage.withUnsafeBufferPointer(body)
    }
}
