import Tables

/// Fills one reusable column-major block with selected design columns of a chunk of persons, so a
/// file of any length streams through memory of (chunk rows × columns) doubles.
///
/// Column k of the block is term `selected[k]`, element (i, k) at `i + k·capacity` (the leading
/// dimension is the capacity, so a short last chunk uses the top rows). Intercept columns are
/// written once; numeric columns are copied from the chunk's parsed values; indicator columns are
/// cleared and set from a lookup of each person's level (`LevelIndex`).
struct DesignChunkFiller {
    let capacity: Int
    let columnCount: Int
    /// How an unknown level is explained: where the known levels come from.
    let levelSource: String
    private(set) var storage: [Double]
    private(set) var rows = 0
    private let numericColumns: [(column: Int, variable: String)]
    private var interceptColumns: [Int] = []
    private let categoricals: [Categorical]

    private struct Categorical {
        var variable: String
        /// Block columns of this variable's selected indicators (cleared for every chunk).
        var columns: [Int]
        var levels: [String]
        /// Level → block column, or −1 for a level without a column (the reference).
        var index: LevelIndex
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
        var lookups: [[String: Int]] = variables.map { variable in
            Dictionary(uniqueKeysWithValues: (design.levels[variable] ?? []).map { ($0, -1) })
        }
        var indicatorColumns = [[Int]](repeating: [], count: variables.count)
        var numeric: [(Int, String)] = []
        for (column, index) in selected.enumerated() {
            let term = design.terms[index]
            switch term.kind {
            case .intercept:
                for row in 0..<capacity { storage[column * capacity + row] = 1 }
                interceptColumns.append(column)
            case .numeric:
                numeric.append((column, term.variable))
            case .indicator(let level):
                guard let position = variables.firstIndex(of: term.variable) else {
                    preconditionFailure("DesignChunkFiller: the indicator \(term.name) of a variable that is not read")
                }
                indicatorColumns[position].append(column)
                lookups[position][level] = column
            }
        }
        numericColumns = numeric
        categoricals = variables.indices.map { position in
            Categorical(variable: variables[position], columns: indicatorColumns[position], levels: design.levels[variables[position]] ?? [],
                        index: LevelIndex(lookups[position].map { ($0.key, $0.value) }))
        }
    }

    /// Fills the block from `table` (at most `capacity` rows). With `summing`, also returns each
    /// block column's Σᵢ wᵢxᵢⱼ over the chunk (wᵢ = 1 without `weights`), formed in the same pass
    /// as the copy; otherwise an empty array.
    ///
    /// - Throws: a bad-data error at the row and column of a level that is not known.
    @discardableResult
    mutating func fill(_ table: Table, weights: [Double]? = nil, summing: Bool = false) throws -> [Double] {
        let count = table.rowCount
        precondition(count <= capacity, "DesignChunkFiller: a chunk of \(count) rows for a block of \(capacity)")
        let capacity = self.capacity
        let numeric = numericColumns
        let categoricals = self.categoricals
        var chunkSums = [Double](repeating: 0, count: summing ? columnCount : 0)
        try storage.withUnsafeMutableBufferPointer { block in
            let base = block.baseAddress!
            for (column, variable) in numeric {
                table.decimals(variable).withUnsafeBufferPointer { values in
                    let source = values.baseAddress!, target = base + column * capacity
                    target.update(from: source, count: count)
                    if summing { chunkSums[column] = Self.sum(source, count: count, weights: weights) }
                }
            }
            for categorical in categoricals {
                for column in categorical.columns { (base + column * capacity).update(repeating: 0, count: count) }
                let values = table.text(categorical.variable)
                for row in 0..<count {
                    guard let column = categorical.index.column(of: values[row]) else {
                        throw table.error(row: row, column: categorical.variable,
                                          "expected one of \(levelSource) (\(PersonBasedDesign.list(categorical.levels))), found \(DataError.quoted(values[row]))")
                    }
                    if column >= 0 {
                        base[column * capacity + row] = 1
                        if summing { chunkSums[column] += weights?[row] ?? 1 }
                    }
                }
            }
        }
        if summing {
            for column in interceptColumns {
                chunkSums[column] = weights.map { weights in weights.prefix(count).reduce(0, +) } ?? Double(count)
            }
        }
        rows = count
        return chunkSums
    }

    /// Σᵢ wᵢvᵢ over `count` values in four interleaved partial sums (i mod 4), added at the end:
    /// four independent chains keep the adds from waiting on one another, and each partial sum
    /// adds a quarter of the terms.
    @inline(__always)
    static func sum(_ values: UnsafePointer<Double>, count: Int, weights: [Double]?) -> Double {
        var partial: (Double, Double, Double, Double) = (0, 0, 0, 0)
        let whole = count & ~3
        var i = 0
        if let weights {
            weights.withUnsafeBufferPointer { w in
                while i < whole {
                    partial.0 += w[i] * values[i]
                    partial.1 += w[i + 1] * values[i + 1]
                    partial.2 += w[i + 2] * values[i + 2]
                    partial.3 += w[i + 3] * values[i + 3]
                    i += 4
                }
                while i < count {
                    partial.0 += w[i] * values[i]
                    i += 1
                }
            }
        } else {
            while i < whole {
                partial.0 += values[i]
                partial.1 += values[i + 1]
                partial.2 += values[i + 2]
                partial.3 += values[i + 3]
                i += 4
            }
            while i < count {
                partial.0 += values[i]
                i += 1
            }
        }
        return (partial.0 + partial.1) + (partial.2 + partial.3)
    }

    /// The block of the last chunk: column-major, `rows` rows, leading dimension `capacity`.
    func withBlock<Result>(_ body: (UnsafeBufferPointer<Double>) throws -> Result) rethrows -> Result {
        try storage.withUnsafeBufferPointer(body)
    }
}
