/// The result of a linear least-squares fit y = X·b + e, ordinary or weighted, dense or streamed.
///
/// With n observations (rows with positive weight) and p columns:
/// - `coefficients` b minimise Σ wᵢ(yᵢ − xᵢᵀb)² (wᵢ = 1 for ordinary least squares);
/// - RSS = Σ wᵢ eᵢ², `residualVariance` σ̂² = RSS / (n − p), `degreesOfFreedom` = n − p;
/// - `unscaledCovariance` = (XᵀWX)⁻¹ and `covariance` = σ̂²·(XᵀWX)⁻¹, the classical covariance of
///   b under independent errors with variance σ²/wᵢ; `standardErrors` are the square roots of its
///   diagonal (Seber & Lee, *Linear Regression Analysis*, 2nd ed., §3.3 and §3.10);
/// - R² = 1 − RSS/TSS. When the design has an intercept (a column equal to 1 in every
///   observation) TSS is centred, Σ wᵢ(yᵢ − ȳ_w)² with ȳ_w = Σwᵢyᵢ/Σwᵢ, and adjusted
///   R² = 1 − (1 − R²)(n − 1)/(n − p). Without an intercept TSS is uncentred, Σ wᵢyᵢ², and
///   adjusted R² = 1 − (1 − R²)·n/(n − p). These are the conventions of R's `summary.lm`. Both are
///   `nil` when TSS = 0 (a response constant around its mean, or zero), where R² is undefined.
public struct RegressionFit: Sendable {
    /// How the total sum of squares behind R² was formed.
    public enum RSquaredKind: Sendable {
        /// Around the weighted mean: the design has an intercept column.
        case centred
        /// Around zero: the design has no intercept column.
        case uncentred
    }

    /// Names of the design columns, in design order.
    public let columnNames: [String]
    /// b, in design order.
    public let coefficients: [Double]
    /// √(σ̂²·[(XᵀWX)⁻¹]ⱼⱼ), in design order.
    public let standardErrors: [Double]
    /// RSS = Σ wᵢ(yᵢ − xᵢᵀb)².
    public let residualSumOfSquares: Double
    /// TSS: centred when there is an intercept, uncentred otherwise (see `rSquaredKind`).
    public let totalSumOfSquares: Double
    /// σ̂² = RSS / (n − p).
    public let residualVariance: Double
    /// R² = 1 − RSS/TSS, or `nil` when TSS = 0.
    public let rSquared: Double?
    /// 1 − (1 − R²)(n − k)/(n − p) with k = 1 with an intercept and 0 without, or `nil` when TSS = 0.
    public let adjustedRSquared: Double?
    /// Whether R² is centred (design with intercept) or uncentred.
    public let rSquaredKind: RSquaredKind
    /// Index of the intercept column (the first column equal to 1 in every observation), if any.
    public let interceptColumn: Int?
    /// Whether the fit is weighted.
    public let isWeighted: Bool
    /// n: the number of observations with positive weight (all rows for ordinary least squares).
    public let n: Int
    /// p: the number of coefficients.
    public let p: Int
    /// (XᵀWX)⁻¹, p × p symmetric.
    public let unscaledCovariance: Matrix

    /// The fit in shifted coordinates, kept for the robust (sandwich) covariance.
    let coordinates: ShiftedCoordinates
    let shiftedCoefficients: [Double]
    let shiftedUnscaledCovariance: Matrix

    /// n − p, the residual degrees of freedom.
    public var degreesOfFreedom: Int { n - p }
    /// σ̂ = √(RSS / (n − p)).
    public var residualStandardError: Double { residualVariance.squareRoot() }

    /// σ̂²·(XᵀWX)⁻¹, the classical covariance matrix of the coefficients.
    public var covariance: Matrix {
        var result = unscaledCovariance
        result.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] *= residualVariance }
        }
        return result
    }

    /// bⱼ / SE(bⱼ), in design order (infinite when SE = 0, as for an exact fit).
    public var tStatistics: [Double] {
        zip(coefficients, standardErrors).map { $0 / $1 }
    }

    /// The coefficient of the column called `name`, or `nil` if there is none.
    public func coefficient(named name: String) -> Double? {
        columnNames.firstIndex(of: name).map { coefficients[$0] }
    }

    /// The standard error of the coefficient of the column called `name`, or `nil` if there is none.
    public func standardError(named name: String) -> Double? {
        columnNames.firstIndex(of: name).map { standardErrors[$0] }
    }

    /// Fitted values xᵢᵀb for the rows of `design` (`dgemv`).
    public func predictions(for design: Matrix) throws -> [Double] {
        guard design.columns == p else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "RegressionFit.predictions", expected: "a design with \(p) columns",
                found: "\(design.columns) columns")
        }
        return try BLAS.product(design, .notTransposed, coefficients)
    }

    /// Assembles the fit from a solution in shifted coordinates.
    init(
        columnNames: [String], isWeighted: Bool, observationCount: Int, coordinates: ShiftedCoordinates,
        shiftedCoefficients: [Double], shiftedUnscaledCovariance: Matrix,
        residualSumOfSquares: Double, totalSumOfSquares: Double
    ) {
        let parameterCount = columnNames.count
        self.columnNames = columnNames
        self.isWeighted = isWeighted
        self.n = observationCount
        self.p = parameterCount
        self.coordinates = coordinates
        self.shiftedCoefficients = shiftedCoefficients
        self.shiftedUnscaledCovariance = shiftedUnscaledCovariance
        self.interceptColumn = coordinates.interceptColumn
        self.coefficients = coordinates.rawCoefficients(fromShifted: shiftedCoefficients)
        let raw = coordinates.rawCovariance(fromShifted: shiftedUnscaledCovariance)
        self.unscaledCovariance = raw
        self.residualSumOfSquares = residualSumOfSquares
        self.totalSumOfSquares = totalSumOfSquares
        let variance = residualSumOfSquares / Double(observationCount - parameterCount)
        self.residualVariance = variance
        self.standardErrors = (0..<parameterCount).map { (variance * max(raw[$0, $0], 0)).squareRoot() }
        let kind: RSquaredKind = coordinates.interceptColumn == nil ? .uncentred : .centred
        self.rSquaredKind = kind
        if totalSumOfSquares > 0 {
            let rSquared = 1 - residualSumOfSquares / totalSumOfSquares
            let interceptTerm = kind == .centred ? 1 : 0
            self.rSquared = rSquared
            self.adjustedRSquared = 1 - (1 - rSquared) * Double(observationCount - interceptTerm)
                / Double(observationCount - parameterCount)
        } else {
            self.rSquared = nil
            self.adjustedRSquared = nil
        }
    }
}
