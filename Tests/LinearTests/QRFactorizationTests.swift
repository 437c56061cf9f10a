import Linear
import Testing

@Suite struct QRFactorizationTests {
    @Test func leastSquaresOfFivePoints() throws {
        // Straight line through (1,2), (2,4), (3,5), (4,4), (5,5): slope = Sxy/Sxx = 6/10 = 0.6,
        // intercept = ȳ − 0.6·x̄ = 4 − 1.8 = 2.2; residuals (−0.8, 0.6, 1, −0.6, −0.2), RSS = 2.4.
        let design = try Matrix(columns: [[1, 1, 1, 1, 1], [1, 2, 3, 4, 5]])
        let qr = try QRFactorization(design)
        let result = try qr.leastSquares([2, 4, 5, 4, 5])
        expectClose(result.solution, [2.2, 0.6], relative: 1e-14)
        expectClose(result.residualSumOfSquares, 2.4, relative: 1e-14)
        // (XᵀX)⁻¹ = [55 −15; −15 5]/50 (XᵀX = [5 15; 15 55], determinant 50).
        let inverse = try qr.inverseOfGram()
        expectClose(inverse.elements, [1.1, -0.3, -0.3, 0.1], relative: 1e-13)
        // |R₀₀| = ‖column 0‖ = √5.
        expectClose(abs(qr.diagonalOfR[0]), 5.0.squareRoot(), relative: 1e-15)
    }

    @Test func wideMatrixIsRejected() {
        #expect(throws: LinearAlgebraError.self) { try QRFactorization(Matrix(rows: 2, columns: 3)) }
    }

    @Test func exactlySingularFactorIsReported() throws {
        // A zero column gives R₁₁ = 0 exactly.
        let qr = try QRFactorization(Matrix(columns: [[1, 2, 3], [0, 0, 0]]))
        #expect(throws: LinearAlgebraError.singularTriangularFactor(operation: "QR Rx = c (dtrtrs)", index: 1)) {
            try qr.leastSquares([1, 2, 3])
        }
    }
}
