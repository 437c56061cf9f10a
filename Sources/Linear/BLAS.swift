import CLapack

/// Checked wrappers of the level-2 and level-3 BLAS routines the module uses (double precision,
/// column-major, through OpenBLAS's CBLAS interface).
///
/// Shapes are checked before the call and a mismatch is thrown as
/// `LinearAlgebraError.dimensionMismatch`; the BLAS itself would read out of bounds instead.
/// Results carry the BLAS's own rounding: each element of a product is a sum of k products
/// computed with an error bounded by about k·ε·Σ|aᵢₗ bₗⱼ| (Higham, *Accuracy and Stability of
/// Numerical Algorithms*, 2nd ed., §3.5), ε = 2⁻⁵³.
public enum BLAS {
    /// General matrix product, `dgemm`: C ← α·op(A)·op(B) + β·C.
    ///
    /// op(A) must be m × k, op(B) k × n and C m × n. With β = 0 the input C is not read
    /// (it may hold NaN).
    public static func gemm(
        alpha: Double = 1, _ a: Matrix, _ transposeA: Transposition = .notTransposed,
        _ b: Matrix, _ transposeB: Transposition = .notTransposed,
        beta: Double = 0, into c: inout Matrix
    ) throws {
        let (m, k) = transposeA == .notTransposed ? (a.rows, a.columns) : (a.columns, a.rows)
        let (bRows, n) = transposeB == .notTransposed ? (b.rows, b.columns) : (b.columns, b.rows)
        guard k == bRows, c.rows == m, c.columns == n else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "gemm",
                expected: "op(A) m × k, op(B) k × n and C m × n",
                found: "op(A) \(m) × \(k), op(B) \(bRows) × \(n), C \(c.rows) × \(c.columns)")
        }
        if m == 0 || n == 0 { return }
        let m32 = try LapackInteger.make(m, "gemm"), n32 = try LapackInteger.make(n, "gemm")
        let k32 = try LapackInteger.make(k, "gemm")
        let lda = try LapackInteger.leading(a.rows, "gemm"), ldb = try LapackInteger.leading(b.rows, "gemm")
        let ldc = try LapackInteger.leading(c.rows, "gemm")
        a.withUnsafeBufferPointer { aBuffer in
            b.withUnsafeBufferPointer { bBuffer in
                c.withUnsafeMutableBufferPointer { cBuffer in
                    cblas_dgemm(CblasColMajor, transposeA.cblas, transposeB.cblas, m32, n32, k32,
                                alpha, aBuffer.baseAddress, lda, bBuffer.baseAddress, ldb,
                                beta, cBuffer.baseAddress, ldc)
                }
            }
        }
    }

    /// The product op(A)·op(B) as a new matrix (`dgemm` with α = 1, β = 0).
    public static func product(
        _ a: Matrix, _ transposeA: Transposition = .notTransposed, _ b: Matrix, _ transposeB: Transposition = .notTransposed
    ) throws -> Matrix {
        let m = transposeA == .notTransposed ? a.rows : a.columns
        let n = transposeB == .notTransposed ? b.columns : b.rows
        var result = Matrix(rows: m, columns: n)
        try gemm(a, transposeA, b, transposeB, into: &result)
        return result
    }

    /// Matrix–vector product, `dgemv`: y ← α·op(A)·x + β·y.
    ///
    /// op(A) must be m × n, x of length n and y of length m. With β = 0 the input y is not read.
    public static func gemv(
        alpha: Double = 1, _ a: Matrix, _ transposeA: Transposition = .notTransposed, _ x: [Double],
        beta: Double = 0, into y: inout [Double]
    ) throws {
        let (m, n) = transposeA == .notTransposed ? (a.rows, a.columns) : (a.columns, a.rows)
        guard x.count == n, y.count == m else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "gemv",
                expected: "op(A) m × n, x of length n and y of length m",
                found: "op(A) \(m) × \(n), x of length \(x.count), y of length \(y.count)")
        }
        if m == 0 { return }
        if n == 0 {
            // BLAS leaves y untouched for an empty sum; the definition scales it by β.
            for index in y.indices { y[index] = beta == 0 ? 0 : beta * y[index] }
            return
        }
        let rows32 = try LapackInteger.make(a.rows, "gemv"), columns32 = try LapackInteger.make(a.columns, "gemv")
        let lda = try LapackInteger.leading(a.rows, "gemv")
        a.withUnsafeBufferPointer { aBuffer in
            x.withUnsafeBufferPointer { xBuffer in
                y.withUnsafeMutableBufferPointer { yBuffer in
                    cblas_dgemv(CblasColMajor, transposeA.cblas, rows32, columns32, alpha,
                                aBuffer.baseAddress, lda, xBuffer.baseAddress, 1, beta, yBuffer.baseAddress, 1)
                }
            }
        }
    }

    /// The product op(A)·x as a new vector (`dgemv` with α = 1, β = 0).
    public static func product(_ a: Matrix, _ transposeA: Transposition = .notTransposed, _ x: [Double]) throws -> [Double] {
        var result = [Double](repeating: 0, count: transposeA == .notTransposed ? a.rows : a.columns)
        try gemv(a, transposeA, x, into: &result)
        return result
    }

    /// Symmetric rank-k update, `dsyrk`: C ← α·AᵀA + β·C (`transposeA == .transposed`) or
    /// C ← α·AAᵀ + β·C (`.notTransposed`), writing only `triangle` of C.
    ///
    /// C must be square with the size of the product (A's columns for AᵀA, A's rows for AAᵀ).
    /// The other triangle of C is left as it was; `symmetrized(from:)` fills it.
    public static func syrk(
        alpha: Double = 1, _ a: Matrix, _ transposeA: Transposition = .transposed,
        triangle: Triangle = .lower, beta: Double = 0, into c: inout Matrix
    ) throws {
        let (n, k) = transposeA == .notTransposed ? (a.rows, a.columns) : (a.columns, a.rows)
        guard c.rows == n, c.columns == n else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "syrk",
                expected: "C of size \(n) × \(n) for op(A)·op(A)ᵀ with op(A) \(n) × \(k)",
                found: "C \(c.rows) × \(c.columns)")
        }
        if n == 0 { return }
        let n32 = try LapackInteger.make(n, "syrk"), k32 = try LapackInteger.make(k, "syrk")
        let lda = try LapackInteger.leading(a.rows, "syrk"), ldc = try LapackInteger.leading(n, "syrk")
        // CBLAS's `Trans` means C = AᵀA, so our transposition maps onto it directly.
        a.withUnsafeBufferPointer { aBuffer in
            c.withUnsafeMutableBufferPointer { cBuffer in
                cblas_dsyrk(CblasColMajor, triangle.cblas, transposeA.cblas, n32, k32,
                            alpha, aBuffer.baseAddress, lda, beta, cBuffer.baseAddress, ldc)
            }
        }
    }
}

extension Matrix {
    /// The symmetric matrix whose `triangle` (diagonal included) is taken from this square matrix
    /// and mirrored into the other triangle.
    public func symmetrized(from triangle: Triangle) -> Matrix {
        precondition(isSquare, "symmetrized(from:) needs a square matrix, found \(rows) × \(columns)")
        var result = self
        for j in 0..<columns {
            for i in (j + 1)..<max(rows, j + 1) {
                if triangle == .lower {
                    result[j, i] = self[i, j]
                } else {
                    result[i, j] = self[j, i]
                }
            }
        }
        return result
    }
}
