import Linear
import Testing

@Suite struct MatrixTests {
    @Test func rowMajorInputIsStoredColumnMajor() throws {
        let matrix = try Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        #expect(matrix.rows == 2 && matrix.columns == 3)
        // Column-major: column 0 = (1, 4), column 1 = (2, 5), column 2 = (3, 6).
        #expect(matrix.elements == [1, 4, 2, 5, 3, 6])
        #expect(matrix[1, 2] == 6)
        #expect(matrix.column(1) == [2, 5])
        #expect(matrix.row(1) == [4, 5, 6])
        #expect(try Matrix(rows: 2, columns: 3, columnMajor: [1, 4, 2, 5, 3, 6]) == matrix)
        #expect(try Matrix(columns: [[1, 4], [2, 5], [3, 6]]) == matrix)
    }

    @Test func transposeSwapsRowsAndColumns() throws {
        let matrix = try Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        #expect(matrix.transposed() == (try Matrix(rowMajor: [[1, 4], [2, 5], [3, 6]])))
        #expect(matrix.transposed().transposed() == matrix)
    }

    @Test func identityHasOnesOnTheDiagonal() throws {
        #expect(Matrix.identity(3) == (try Matrix(rowMajor: [[1, 0, 0], [0, 1, 0], [0, 0, 1]])))
        #expect(Matrix.identity(0).elements.isEmpty)
    }

    @Test func copiesAreIndependentValues() throws {
        let original = try Matrix(rowMajor: [[1, 2], [3, 4]])
        var copy = original
        copy[0, 1] = 20
        try copy.setColumn(0, to: [10, 30])
        #expect(original == (try Matrix(rowMajor: [[1, 2], [3, 4]])))
        #expect(copy == (try Matrix(rowMajor: [[10, 20], [30, 4]])))
        #expect(copy != original)
    }

    @Test func equalityNeedsTheSameShape() throws {
        // Same elements, different shapes: 1 × 4 and 2 × 2.
        #expect(try Matrix(rows: 1, columns: 4, columnMajor: [1, 2, 3, 4]) != Matrix(rows: 2, columns: 2, columnMajor: [1, 2, 3, 4]))
    }

    @Test func raggedRowsAreRejected() {
        #expect(throws: LinearAlgebraError.self) { try Matrix(rowMajor: [[1, 2], [3]]) }
        #expect(throws: LinearAlgebraError.self) { try Matrix(columns: [[1, 2], [3]]) }
    }

    @Test func wrongElementCountIsRejected() {
        #expect(throws: LinearAlgebraError.dimensionMismatch(
            operation: "Matrix(rows:columns:columnMajor:)", expected: "2 × 2 = 4 elements", found: "3 elements")) {
            try Matrix(rows: 2, columns: 2, columnMajor: [1, 2, 3])
        }
        var matrix = Matrix(rows: 2, columns: 2)
        #expect(throws: LinearAlgebraError.self) { try matrix.setColumn(0, to: [1, 2, 3]) }
    }

    @Test func emptyRowListGivesAnEmptyMatrix() throws {
        let matrix = try Matrix(rowMajor: [])
        #expect(matrix.rows == 0 && matrix.columns == 0)
    }

    @Test func symmetrizedMirrorsTheChosenTriangle() throws {
        let matrix = try Matrix(rowMajor: [[1, 9], [2, 3]])
        #expect(matrix.symmetrized(from: .lower) == (try Matrix(rowMajor: [[1, 2], [2, 3]])))
        #expect(matrix.symmetrized(from: .upper) == (try Matrix(rowMajor: [[1, 9], [9, 3]])))
    }
}
