import CLapack

/// The Householder QR factorization A = Q·R of an m × n matrix with m ≥ n, by LAPACK `dgeqrf`,
/// and the least-squares solution of min ‖A·x − b‖₂ it gives.
///
/// Q is orthogonal (kept in LAPACK's compact form of n Householder reflectors) and R is n × n
/// upper triangular. Householder QR is backward stable (Higham, *Accuracy and Stability of
/// Numerical Algorithms*, 2nd ed., Theorem 19.4), so the least-squares solution is accurate to
/// about κ(A)·ε relative when the residual is small and κ(A)²·ε otherwise (Golub & Van Loan,
/// *Matrix Computations*, 4th ed., §5.3.8) — unlike the normal equations, whose error grows as
/// κ(A)²·ε in every case.
public struct QRFactorization: Sendable {
    /// LAPACK's output: R on and above the diagonal, the reflectors below it.
    private let packed: Matrix
    /// The scalar factors of the reflectors.
    private let reflectorScales: [Double]

    /// Number of rows m of the factorized matrix.
    public var rows: Int { packed.rows }
    /// Number of columns n of the factorized matrix.
    public var columns: Int { packed.columns }

    /// Factorizes `matrix` (m × n, m ≥ n).
    ///
    /// - Throws: `dimensionMismatch` when m < n; `nonFiniteValue` for NaN or infinite elements.
    public init(_ matrix: Matrix) throws {
        guard matrix.rows >= matrix.columns else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "QR (dgeqrf)", expected: "at least as many rows as columns",
                found: "\(matrix.rows) × \(matrix.columns)")
        }
        try matrix.withUnsafeBufferPointer { buffer in
            for index in 0..<buffer.count where !buffer[index].isFinite {
                let value = buffer[index]
                throw LinearAlgebraError.nonFiniteValue(
                    operation: "QR (dgeqrf)", observation: index % max(matrix.rows, 1),
                    variable: "matrix column \(index / max(matrix.rows, 1))", value: value)
            }
        }
        var work = matrix
        var scales = [Double](repeating: 0, count: matrix.columns)
        if matrix.columns > 0 {
            let m32 = try LapackInteger.make(matrix.rows, "dgeqrf"), n32 = try LapackInteger.make(matrix.columns, "dgeqrf")
            let info = work.withUnsafeMutableBufferPointer { buffer in
                scales.withUnsafeMutableBufferPointer { scaleBuffer in
                    LAPACKE_dgeqrf(LAPACK_COL_MAJOR, m32, n32, buffer.baseAddress, m32, scaleBuffer.baseAddress)
                }
            }
            try LapackInteger.check(info, "dgeqrf")
        }
        packed = work
        reflectorScales = scales
    }

    /// The n × n upper triangular factor R (zeros below the diagonal). Its diagonal may hold
    /// negative values: LAPACK does not normalise the signs.
    public var upperTriangle: Matrix {
        var result = Matrix(rows: columns, columns: columns)
        for j in 0..<columns {
            for i in 0...j {
                result[i, j] = packed[i, j]
            }
        }
        return result
    }

    /// Rᵢᵢ for i in 0..<n.
    public var diagonalOfR: [Double] { (0..<columns).map { packed[$0, $0] } }

    /// Qᵀ·b (`dormqr`), a vector of length m.
    public func applyingQTransposed(to vector: [Double]) throws -> [Double] {
        guard vector.count == rows else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "QR Qᵀb (dormqr)", expected: "a vector of length \(rows)", found: "length \(vector.count)")
        }
        var result = vector
        if columns == 0 || rows == 0 { return result }
        let m32 = try LapackInteger.make(rows, "dormqr"), k32 = try LapackInteger.make(columns, "dormqr")
        let info = packed.withUnsafeBufferPointer { packedBuffer in
            reflectorScales.withUnsafeBufferPointer { scaleBuffer in
                result.withUnsafeMutableBufferPointer { resultBuffer in
                    LAPACKE_dormqr(LAPACK_COL_MAJOR, LapackCharacter.left, LapackCharacter.transposed,
                                   m32, 1, k32, packedBuffer.baseAddress, m32, scaleBuffer.baseAddress,
                                   resultBuffer.baseAddress, m32)
                }
            }
        }
        try LapackInteger.check(info, "dormqr")
        return result
    }

    /// Solves R·x = c for the leading n elements of `vector` by back substitution (`dtrtrs`).
    ///
    /// - Throws: `singularTriangularFactor` when some Rᵢᵢ is exactly zero.
    public func solvingUpperTriangle(_ vector: [Double]) throws -> [Double] {
        guard vector.count >= columns else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "QR Rx = c (dtrtrs)", expected: "at least \(columns) values", found: "\(vector.count)")
        }
        var solution = Array(vector.prefix(columns))
        if columns == 0 { return solution }
        let n32 = try LapackInteger.make(columns, "dtrtrs"), ld = try LapackInteger.leading(rows, "dtrtrs")
        let info = packed.withUnsafeBufferPointer { packedBuffer in
            solution.withUnsafeMutableBufferPointer { solutionBuffer in
                LAPACKE_dtrtrs(LAPACK_COL_MAJOR, Triangle.upper.lapack, LapackCharacter.notTransposed,
                               LapackCharacter.nonUnitDiagonal, n32, 1, packedBuffer.baseAddress, ld,
                               solutionBuffer.baseAddress, n32)
            }
        }
        try LapackInteger.check(info, "dtrtrs")
        if info > 0 {
            throw LinearAlgebraError.singularTriangularFactor(operation: "QR Rx = c (dtrtrs)", index: Int(info) - 1)
        }
        return solution
    }

    /// The least-squares solution x of min ‖A·x − b‖₂ and its residual sum of squares.
    ///
    /// x = R⁻¹·(Qᵀb)₀..ₙ₋₁ and RSS = ‖(Qᵀb)ₙ..ₘ₋₁‖², the squared norm of the part of b outside the
    /// column space of A, computed with `dnrm2` (no cancellation).
    public func leastSquares(_ rightHandSide: [Double]) throws -> (solution: [Double], residualSumOfSquares: Double) {
        let rotated = try applyingQTransposed(to: rightHandSide)
        let solution = try solvingUpperTriangle(rotated)
        let tailCount = rows - columns
        var residualNorm = 0.0
        if tailCount > 0 {
            let tail32 = try LapackInteger.make(tailCount, "dnrm2")
            residualNorm = rotated.withUnsafeBufferPointer { buffer in
                cblas_dnrm2(tail32, buffer.baseAddress! + columns, 1)
            }
        }
        return (solution, residualNorm * residualNorm)
    }

    /// (AᵀA)⁻¹ = R⁻¹·R⁻ᵀ as a full symmetric matrix, by `dpotri` on R (R is the upper Cholesky
    /// factor of AᵀA up to the signs of its rows, which cancel in RᵀR).
    ///
    /// - Throws: `singularTriangularFactor` when some Rᵢᵢ is exactly zero.
    public func inverseOfGram() throws -> Matrix {
        var work = upperTriangle
        if columns == 0 { return work }
        let n32 = try LapackInteger.make(columns, "dpotri")
        let info = work.withUnsafeMutableBufferPointer { buffer in
            LAPACKE_dpotri(LAPACK_COL_MAJOR, Triangle.upper.lapack, n32, buffer.baseAddress, n32)
        }
        try LapackInteger.check(info, "dpotri")
        if info > 0 {
            throw LinearAlgebraError.singularTriangularFactor(operation: "QR (AᵀA)⁻¹ (dpotri)", index: Int(info) - 1)
        }
        return work.symmetrized(from: .upper)
    }
}
