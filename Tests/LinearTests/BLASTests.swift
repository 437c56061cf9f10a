import Linear
import Testing

/// BLAS wrappers against products multiplied out by hand.
@Suite struct BLASTests {
    // A = [1 2; 3 4; 5 6] (3 × 2), B = [7 8 9; 10 11 12] (2 × 3).
    let a = try! Matrix(rowMajor: [[1, 2], [3, 4], [5, 6]])
    let b = try! Matrix(rowMajor: [[7, 8, 9], [10, 11, 12]])

    @Test func gemmMultipliesByHand() throws {
        // Row i of A times column j of B: 1·7 + 2·10 = 27, 1·8 + 2·11 = 30, 1·9 + 2·12 = 33;
        // 3·7 + 4·10 = 61, 68, 75; 5·7 + 6·10 = 95, 106, 117.
        let expected = try Matrix(rowMajor: [[27, 30, 33], [61, 68, 75], [95, 106, 117]])
        #expect(try BLAS.product(a, .notTransposed, b, .notTransposed) == expected)
        // (AB)ᵀ = BᵀAᵀ.
        #expect(try BLAS.product(b, .transposed, a, .transposed) == expected.transposed())
    }

    @Test func gemmScalesAndAccumulates() throws {
        // AᵀA = [1+9+25, 2+12+30; 2+12+30, 4+16+36] = [35 44; 44 56];
        // 2·AᵀA + 3·I = [73 88; 88 115].
        var c = Matrix.identity(2)
        try BLAS.gemm(alpha: 2, a, .transposed, a, .notTransposed, beta: 3, into: &c)
        #expect(c == (try Matrix(rowMajor: [[73, 88], [88, 115]])))
    }

    @Test func gemmWithBetaZeroIgnoresNaNInC() throws {
        var c = Matrix(rows: 2, columns: 2, repeating: .nan)
        try BLAS.gemm(a, .transposed, a, .notTransposed, into: &c)
        #expect(c == (try Matrix(rowMajor: [[35, 44], [44, 56]])))
    }

    @Test func gemmRejectsMismatchedInnerDimensions() {
        var c = Matrix(rows: 3, columns: 3)
        #expect(throws: LinearAlgebraError.self) { try BLAS.gemm(a, .notTransposed, a, .notTransposed, into: &c) }
        var wrongC = Matrix(rows: 2, columns: 2)
        #expect(throws: LinearAlgebraError.self) { try BLAS.gemm(a, .notTransposed, b, .notTransposed, into: &wrongC) }
    }

    @Test func gemvMultipliesByHand() throws {
        // A·(1, −1) = (1 − 2, 3 − 4, 5 − 6) = (−1, −1, −1).
        #expect(try BLAS.product(a, .notTransposed, [1, -1]) == [-1, -1, -1])
        // Aᵀ·(1, 0, 2) = (1 + 10, 2 + 12) = (11, 14).
        #expect(try BLAS.product(a, .transposed, [1, 0, 2]) == [11, 14])
        // 2·A·(1, 1) + 1·(1, 1, 1) = 2·(3, 7, 11) + 1 = (7, 15, 23).
        var y: [Double] = [1, 1, 1]
        try BLAS.gemv(alpha: 2, a, .notTransposed, [1, 1], beta: 1, into: &y)
        #expect(y == [7, 15, 23])
    }

    @Test func gemvRejectsWrongLengths() {
        var y = [Double](repeating: 0, count: 3)
        #expect(throws: LinearAlgebraError.self) { try BLAS.gemv(a, .notTransposed, [1, 2, 3], into: &y) }
        var shortY = [Double](repeating: 0, count: 2)
        #expect(throws: LinearAlgebraError.self) { try BLAS.gemv(a, .notTransposed, [1, 2], into: &shortY) }
    }

    @Test func syrkLowerComputesAᵀA() throws {
        var c = Matrix(rows: 2, columns: 2, repeating: -1)
        try BLAS.syrk(a, .transposed, triangle: .lower, into: &c)
        // Lower triangle of [35 44; 44 56]; the upper element is left as it was (−1).
        #expect(c == (try Matrix(rowMajor: [[35, -1], [44, 56]])))
        #expect(c.symmetrized(from: .lower) == (try Matrix(rowMajor: [[35, 44], [44, 56]])))
    }

    @Test func syrkUpperComputesAAᵀ() throws {
        var c = Matrix(rows: 3, columns: 3)
        try BLAS.syrk(a, .notTransposed, triangle: .upper, into: &c)
        // Row dot products: (1,2)·(1,2) = 5, (1,2)·(3,4) = 11, (1,2)·(5,6) = 17,
        // (3,4)·(3,4) = 25, (3,4)·(5,6) = 39, (5,6)·(5,6) = 61.
        #expect(c == (try Matrix(rowMajor: [[5, 11, 17], [0, 25, 39], [0, 0, 61]])))
    }

    @Test func syrkAccumulatesWithBeta() throws {
        // 1·AᵀA + 1·AᵀA = 2·AᵀA: lower triangle 70, 88, 112.
        var c = Matrix(rows: 2, columns: 2)
        try BLAS.syrk(a, .transposed, into: &c)
        try BLAS.syrk(a, .transposed, beta: 1, into: &c)
        #expect(c[0, 0] == 70 && c[1, 0] == 88 && c[1, 1] == 112)
    }

    @Test func syrkRejectsAWronglySizedResult() {
        var c = Matrix(rows: 3, columns: 3)
        #expect(throws: LinearAlgebraError.self) { try BLAS.syrk(a, .transposed, into: &c) }
    }
}
