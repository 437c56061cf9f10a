import Linear
import Testing

@Suite struct CholeskyFactorizationTests {
    // A = L·Lᵀ with L = [2 0 0; 6 1 0; −8 5 3] (the textbook example; multiply out:
    // 2·2 = 4, 6·2 = 12, −8·2 = −16, 6·6 + 1 = 37, −8·6 + 5·1 = −43, 64 + 25 + 9 = 98).
    let matrix = try! Matrix(rowMajor: [[4, 12, -16], [12, 37, -43], [-16, -43, 98]])

    @Test func lowerFactorOfAKnownMatrix() throws {
        let cholesky = try CholeskyFactorization(matrix)
        #expect(cholesky.factor == (try Matrix(rowMajor: [[2, 0, 0], [6, 1, 0], [-8, 5, 3]])))
    }

    @Test func upperFactorIsTheTransposeOfTheLower() throws {
        let cholesky = try CholeskyFactorization(matrix, triangle: .upper)
        #expect(cholesky.factor == (try Matrix(rowMajor: [[2, 6, -8], [0, 1, 5], [0, 0, 3]])))
    }

    @Test func solveRecoversAKnownSolution() throws {
        // b = A·(1, 2, 3) = (4 + 24 − 48, 12 + 74 − 129, −16 − 86 + 294) = (−20, −43, 192).
        let solution = try CholeskyFactorization(matrix).solve([-20, -43, 192])
        expectClose(solution, [1, 2, 3], relative: 1e-13)
    }

    @Test func inverseTimesMatrixIsTheIdentity() throws {
        let inverse = try CholeskyFactorization(matrix).inverse()
        let product = try BLAS.product(inverse, .notTransposed, matrix, .notTransposed)
        for i in 0..<3 {
            for j in 0..<3 { expectNear(product[i, j], i == j ? 1 : 0, absolute: 1e-11, "(\(i), \(j))") }
        }
        // Inverse of [4 12 −16; …] by cofactors: det = (2·1·3)² = 36; (A⁻¹)₀₀ = (37·98 − 43²)/36 = 1777/36.
        expectClose(inverse[0, 0], 1777.0 / 36.0, relative: 1e-13)
    }

    @Test func indefiniteMatrixReportsTheFailingPivot() {
        // [1 2; 2 1]: first pivot 1, second 1 − 2²/1 = −3 < 0, so the pivot at index 1 fails.
        #expect(throws: LinearAlgebraError.notPositiveDefinite(operation: "Cholesky (dpotrf)", pivotIndex: 1)) {
            try CholeskyFactorization(Matrix(rowMajor: [[1, 2], [2, 1]]))
        }
        // A negative first diagonal fails at index 0.
        #expect(throws: LinearAlgebraError.notPositiveDefinite(operation: "Cholesky (dpotrf)", pivotIndex: 0)) {
            try CholeskyFactorization(Matrix(rowMajor: [[-1, 0], [0, 1]]))
        }
    }

    @Test func nonSquareAndNonFiniteInputsAreRejected() {
        #expect(throws: LinearAlgebraError.self) { try CholeskyFactorization(Matrix(rows: 2, columns: 3)) }
        #expect(throws: LinearAlgebraError.self) { try CholeskyFactorization(Matrix(rowMajor: [[1, 0], [.nan, 1]])) }
    }

    @Test func solveRejectsAWrongLength() throws {
        let cholesky = try CholeskyFactorization(matrix)
        #expect(throws: LinearAlgebraError.self) { try cholesky.solve([1, 2]) }
    }
}
