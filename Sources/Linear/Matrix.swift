/// A dense matrix of `Double` stored in column-major order, the layout BLAS and LAPACK expect.
///
/// Element (i, j) lives at `elements[i + j * rows]` (0-based). The storage is a Swift array, so a
/// `Matrix` is a value with copy-on-write semantics: copies share storage until one of them is
/// mutated. Equality is exact, element by element, with the same shape.
public struct Matrix: Equatable, Sendable, CustomStringConvertible {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The elements in column-major order; `elements.count == rows * columns`.
    public private(set) var elements: [Double]

    /// A `rows × columns` matrix with every element equal to `value` (zero by default).
    ///
    /// Negative sizes are a programming error and stop the program, as for `Array(repeating:count:)`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix sizes must be non-negative, got \(rows) × \(columns)")
        self.rows = rows
        self.columns = columns
        self.elements = [Double](repeating: value, count: rows * columns)
    }

    /// A `rows × columns` matrix from its elements in column-major order (column 0 first).
    ///
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when `columnMajor.count != rows * columns`.
    public init(rows: Int, columns: Int, columnMajor: [Double]) throws {
        guard rows >= 0, columns >= 0, columnMajor.count == rows * columns else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "Matrix(rows:columns:columnMajor:)",
                expected: "\(rows) × \(columns) = \(rows * columns) elements",
                found: "\(columnMajor.count) elements")
        }
        self.rows = rows
        self.columns = columns
        self.elements = columnMajor
    }

    /// A matrix from its rows, written as they read on paper: `[[1, 2], [3, 4]]` has first row (1, 2).
    ///
    /// An empty array gives a 0 × 0 matrix.
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when the rows differ in length.
    public init(rowMajor rowArrays: [[Double]]) throws {
        let columnCount = rowArrays.first?.count ?? 0
        for (index, row) in rowArrays.enumerated() where row.count != columnCount {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "Matrix(rowMajor:)",
                expected: "every row with \(columnCount) elements (the length of row 0)",
                found: "row \(index) with \(row.count) elements")
        }
        self.init(rows: rowArrays.count, columns: columnCount)
        for (i, row) in rowArrays.enumerated() {
            for (j, value) in row.enumerated() {
                elements[i + j * rows] = value
            }
        }
    }

    /// A matrix from its columns: `Matrix(columns: [[1, 1, 1], [1, 2, 3]])` is 3 × 2.
    ///
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when the columns differ in length.
    public init(columns columnArrays: [[Double]]) throws {
        let rowCount = columnArrays.first?.count ?? 0
        for (index, column) in columnArrays.enumerated() where column.count != rowCount {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "Matrix(columns:)",
                expected: "every column with \(rowCount) elements (the length of column 0)",
                found: "column \(index) with \(column.count) elements")
        }
        try self.init(rows: rowCount, columns: columnArrays.count, columnMajor: columnArrays.flatMap { $0 })
    }

    /// The `size × size` identity matrix.
    public static func identity(_ size: Int) -> Matrix {
        var result = Matrix(rows: size, columns: size)
        for index in 0..<size {
            result.elements[index + index * size] = 1
        }
        return result
    }

    /// True when the matrix has as many rows as columns.
    public var isSquare: Bool { rows == columns }

    /// Element (row, column), 0-based. Indices out of range stop the program, as for arrays.
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                         "Matrix index (\(row), \(column)) out of range for \(rows) × \(columns)")
            return elements[row + column * rows]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                         "Matrix index (\(row), \(column)) out of range for \(rows) × \(columns)")
            elements[row + column * rows] = newValue
        }
    }

    /// Column `index` as an array of `rows` values.
    public func column(_ index: Int) -> [Double] {
        precondition(index >= 0 && index < columns, "Column \(index) out of range for \(columns) columns")
        return Array(elements[(index * rows)..<((index + 1) * rows)])
    }

    /// Row `index` as an array of `columns` values.
    public func row(_ index: Int) -> [Double] {
        precondition(index >= 0 && index < rows, "Row \(index) out of range for \(rows) rows")
        return (0..<columns).map { elements[index + $0 * rows] }
    }

    /// Replaces column `index` with `values`.
    ///
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when `values.count != rows`.
    public mutating func setColumn(_ index: Int, to values: [Double]) throws {
        precondition(index >= 0 && index < columns, "Column \(index) out of range for \(columns) columns")
        guard values.count == rows else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "Matrix.setColumn", expected: "\(rows) values", found: "\(values.count) values")
        }
        elements.replaceSubrange((index * rows)..<((index + 1) * rows), with: values)
    }

    /// The transpose Aᵀ, with (Aᵀ)ᵢⱼ = Aⱼᵢ.
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows {
                result.elements[j + i * columns] = elements[i + j * rows]
            }
        }
        return result
    }

    /// Calls `body` with the column-major elements, for passing to BLAS or LAPACK.
    public func withUnsafeBufferPointer<Result>(
        _ body: (UnsafeBufferPointer<Double>) throws -> Result
    ) rethrows -> Result {
        try elements.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with the mutable column-major elements, for passing to BLAS or LAPACK.
    public mutating func withUnsafeMutableBufferPointer<Result>(
        _ body: (inout UnsafeMutableBufferPointer<Double>) throws -> Result
    ) rethrows -> Result {
        try elements.withUnsafeMutableBufferPointer(body)
    }

    /// The rows, one per line, elements separated by spaces.
    public var description: String {
        (0..<rows).map { row($0).map { "\($0)" }.joined(separator: " ") }.joined(separator: "\n")
    }
}
