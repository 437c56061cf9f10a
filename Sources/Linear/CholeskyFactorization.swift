import CLapack

/// The Cholesky factorization A = L·Lᵀ (or Uᵀ·U) of a symmetric positive definite matrix,
/// computed by LAPACK `dpotrf`.
///
/// Only `triangle` of the input is read. The factorization is backward stable: the computed factor
/// is the exact factor of A + ΔA with |ΔA| ≤ c·n·ε·|L||Lᵀ| (Higham, *Accuracy and Stability of
/// Numerical Algorithms*, 2nd ed., Theorem 10.3). Solves use `dpotrs` and the inverse `dpotri`.
public struct CholeskyFactorization: Sendable {
    /// The triangle that holds the factor: L for `.lower` (A = L·Lᵀ), U for `.upper` (A = Uᵀ·U).
    public let triangle: Triangle
    /// The triangular factor, with the other triangle set to zero.
    public let factor: Matrix

    /// Factorizes the symmetric positive definite `matrix`, reading only `triangle`.
    ///
    /// - Throws: `dimensionMismatch` for a non-square matrix; `notPositiveDefinite` with the 0-based
    ///   index of the first pivot that is not positive (LAPACK's leading minor of order index + 1).
    public init(_ matrix: Matrix, triangle: Triangle = .lower) throws {
        guard matrix.isSquare else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "Cholesky (dpotrf)", expected: "a square matrix",
                found: "\(matrix.rows) × \(matrix.columns)")
        }
        let n = matrix.rows
        var work = matrix
        try Self.checkFinite(work, triangle: triangle)
        if n > 0 {
            let n32 = try LapackInteger.make(n, "dpotrf")
            let info = work.withUnsafeMutableBufferPointer { buffer in
                LAPACKE_dpotrf(LAPACK_COL_MAJOR, triangle.lapack, n32, buffer.baseAddress, n32)
            }
            try LapackInteger.check(info, "dpotrf")
            if info > 0 {
                throw LinearAlgebraError.notPositiveDefinite(operation: "Cholesky (dpotrf)", pivotIndex: Int(info) - 1)
            }
        }
        for j in 0..<n {
            for i in 0..<n where (triangle == .lower ? i < j : i > j) {
                work[i, j] = 0
            }
        }
        self.triangle = triangle
        self.factor = work
    }

    /// Wraps a factor computed elsewhere in this module (other triangle already zero).
    init(validatedFactor: Matrix, triangle: Triangle) {
        self.factor = validatedFactor
        self.triangle = triangle
    }

    /// The order n of the factorized matrix.
    public var size: Int { factor.rows }

    /// Solves A·x = b by two triangular solves (`dpotrs`).
    public func solve(_ rightHandSide: [Double]) throws -> [Double] {
        let solution = try solve(Matrix(rows: rightHandSide.count, columns: 1, columnMajor: rightHandSide))
        return solution.elements
    }

    /// Solves A·X = B for every column of B (`dpotrs`).
    public func solve(_ rightHandSides: Matrix) throws -> Matrix {
        guard rightHandSides.rows == size else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "Cholesky solve (dpotrs)", expected: "right-hand sides with \(size) rows",
                found: "\(rightHandSides.rows) rows")
        }
        var solution = rightHandSides
        if size == 0 || rightHandSides.columns == 0 { return solution }
        let n32 = try LapackInteger.make(size, "dpotrs")
        let columns32 = try LapackInteger.make(rightHandSides.columns, "dpotrs")
        let info = factor.withUnsafeBufferPointer { factorBuffer in
            solution.withUnsafeMutableBufferPointer { solutionBuffer in
                LAPACKE_dpotrs(LAPACK_COL_MAJOR, triangle.lapack, n32, columns32,
                               factorBuffer.baseAddress, n32, solutionBuffer.baseAddress, n32)
            }
        }
        try LapackInteger.check(info, "dpotrs")
        return solution
    }

    /// A⁻¹ as a full symmetric matrix, from the factor by `dpotri` (A⁻¹ = L⁻ᵀ·L⁻¹).
    public func inverse() throws -> Matrix {
        var work = factor
        if size == 0 { return work }
        let n32 = try LapackInteger.make(size, "dpotri")
        let info = work.withUnsafeMutableBufferPointer { buffer in
            LAPACKE_dpotri(LAPACK_COL_MAJOR, triangle.lapack, n32, buffer.baseAddress, n32)
        }
        try LapackInteger.check(info, "dpotri")
        if info > 0 {
            throw LinearAlgebraError.singularTriangularFactor(operation: "Cholesky inverse (dpotri)", index: Int(info) - 1)
        }
        return work.symmetrized(from: triangle)
    }

    private static func checkFinite(_ matrix: Matrix, triangle: Triangle) throws {
        for j in 0..<matrix.columns {
            for i in 0..<matrix.rows where (triangle == .lower ? i >= j : i <= j) && !matrix[i, j].isFinite {
                throw LinearAlgebraError.nonFiniteValue(
                    operation: "Cholesky (dpotrf)", observation: i, variable: "matrix column \(j)", value: matrix[i, j])
            }
        }
    }
}
