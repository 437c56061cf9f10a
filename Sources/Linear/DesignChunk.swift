/// A read-only view of a block of design rows in caller memory, column-major or row-major, so the
/// accumulators can read a chunk without copying it into a `Matrix` first.
///
/// Element (i, j) is at `base[i·rowStride + j·columnStride]`.
struct DesignChunk {
    let base: UnsafePointer<Double>?
    let rows: Int
    let columns: Int
    let rowStride: Int
    let columnStride: Int

    /// A column-major block: element (i, j) at `buffer[i + j·leadingDimension]`.
    static func columnMajor(
        _ buffer: UnsafeBufferPointer<Double>, rows: Int, columns: Int, leadingDimension: Int?, operation: String
    ) throws -> DesignChunk {
        let leading = leadingDimension ?? rows
        try check(buffer, rows: rows, columns: columns, leading: leading, minimumLeading: rows,
                  needed: columns == 0 || rows == 0 ? 0 : (columns - 1) * leading + rows, operation: operation)
        return DesignChunk(base: buffer.baseAddress, rows: rows, columns: columns, rowStride: 1, columnStride: leading)
    }

    /// A row-major block: element (i, j) at `buffer[i·leadingDimension + j]`.
    static func rowMajor(
        _ buffer: UnsafeBufferPointer<Double>, rows: Int, columns: Int, leadingDimension: Int?, operation: String
    ) throws -> DesignChunk {
        let leading = leadingDimension ?? columns
        try check(buffer, rows: rows, columns: columns, leading: leading, minimumLeading: columns,
                  needed: columns == 0 || rows == 0 ? 0 : (rows - 1) * leading + columns, operation: operation)
        return DesignChunk(base: buffer.baseAddress, rows: rows, columns: columns, rowStride: leading, columnStride: 1)
    }

    private static func check(
        _ buffer: UnsafeBufferPointer<Double>, rows: Int, columns: Int, leading: Int, minimumLeading: Int,
        needed: Int, operation: String
    ) throws {
        guard rows >= 0, leading >= minimumLeading else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation, expected: "rows ≥ 0 and a leading dimension ≥ \(minimumLeading)",
                found: "\(rows) rows, leading dimension \(leading)")
        }
        guard buffer.count >= needed else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation,
                expected: "a buffer of at least \(needed) values for \(rows) rows × \(columns) columns",
                found: "\(buffer.count) values")
        }
    }

    /// Checks that every value is finite, the weights ≥ 0 and the lengths agree; returns the number
    /// of rows with positive weight and, per column, whether every such row holds exactly 1.
    func validate(
        response: UnsafeBufferPointer<Double>, responseName: String, weights: UnsafeBufferPointer<Double>?,
        columnNames: [String], firstObservation: Int, operation: String
    ) throws -> (positiveRows: Int, onesColumns: [Bool]) {
        guard columns == columnNames.count else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation, expected: "\(columnNames.count) design columns", found: "\(columns)")
        }
        guard response.count == rows else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation, expected: "\(rows) \(responseName) values (one per row)", found: "\(response.count)")
        }
        if let weights, weights.count != rows {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation, expected: "\(rows) weights (one per row)", found: "\(weights.count)")
        }
        var positiveRows = rows
        if let weights {
            positiveRows = 0
            for index in 0..<weights.count {
                let weight = weights[index]
                guard weight.isFinite else {
                    throw LinearAlgebraError.nonFiniteValue(
                        operation: operation, observation: firstObservation + index, variable: "weight", value: weight)
                }
                guard weight >= 0 else {
                    throw LinearAlgebraError.negativeWeight(
                        operation: operation, observation: firstObservation + index, value: weight)
                }
                if weight > 0 { positiveRows += 1 }
            }
        }
        for index in 0..<response.count where !response[index].isFinite {
            let value = response[index]
            throw LinearAlgebraError.nonFiniteValue(
                operation: operation, observation: firstObservation + index, variable: responseName, value: value)
        }
        var onesColumns = [Bool](repeating: true, count: columns)
        guard rows > 0, let base else { return (positiveRows, onesColumns) }
        let weightBase = weights?.baseAddress
        for j in 0..<columns {
            let column = base + j * columnStride
            var allOnes = true
            for i in 0..<rows {
                let value = column[i * rowStride]
                guard value.isFinite else {
                    throw LinearAlgebraError.nonFiniteValue(
                        operation: operation, observation: firstObservation + i, variable: columnNames[j], value: value)
                }
                if value != 1 && allOnes {
                    if let weightBase {
                        if weightBase[i] > 0 { allOnes = false }
                    } else {
                        allOnes = false
                    }
                }
            }
            onesColumns[j] = allOnes
        }
        return (positiveRows, onesColumns)
    }
}

/// Checks of column names shared by the fits and accumulators.
enum ColumnNameChecks {
    static func validate(_ names: [String], operation: String) throws {
        guard !names.isEmpty else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation, expected: "at least one design column", found: "none")
        }
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw LinearAlgebraError.duplicateColumnName(name)
        }
    }
}
