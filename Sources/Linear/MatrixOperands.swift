import CLapack

/// Whether a BLAS operand is used as given or transposed: op(A) = A or Aᵀ.
public enum Transposition: Sendable {
    /// op(A) = A.
    case notTransposed
    /// op(A) = Aᵀ.
    case transposed

    var cblas: CBLAS_TRANSPOSE { self == .notTransposed ? CblasNoTrans : CblasTrans }
}

/// Which triangle of a symmetric matrix is referenced or written.
public enum Triangle: Sendable {
    /// On and below the diagonal.
    case lower
    /// On and above the diagonal.
    case upper

    var cblas: CBLAS_UPLO { self == .lower ? CblasLower : CblasUpper }
    var lapack: CChar { CChar(UInt8(ascii: self == .lower ? "L" : "U")) }
}

/// Conversion of sizes to the 32-bit integers of CBLAS (`blasint`) and LAPACKE (`lapack_int`).
enum LapackInteger {
    /// `value` as `Int32`, or a thrown `dimensionTooLarge` naming `operation`.
    static func make(_ value: Int, _ operation: String) throws -> Int32 {
        guard let converted = Int32(exactly: value) else {
            throw LinearAlgebraError.dimensionTooLarge(operation: operation, dimension: value)
        }
        return converted
    }

    /// A leading dimension: LAPACK requires at least 1 even for empty matrices.
    static func leading(_ value: Int, _ operation: String) throws -> Int32 {
        try make(max(value, 1), operation)
    }

    /// Throws for a negative `info` (an illegal argument, which is a defect here).
    static func check(_ info: Int32, _ routine: String) throws {
        if info < 0 { throw LinearAlgebraError.lapackFailure(routine: routine, info: Int(info)) }
    }
}

/// LAPACK character arguments.
enum LapackCharacter {
    static let transposed = CChar(UInt8(ascii: "T"))
    static let notTransposed = CChar(UInt8(ascii: "N"))
    static let left = CChar(UInt8(ascii: "L"))
    static let nonUnitDiagonal = CChar(UInt8(ascii: "N"))
}
