import CLapack

/// Dense linear least squares, ordinary and weighted, by Householder QR of the whole design.
///
/// Method: the rows with positive weight are scaled by √wᵢ; when the design has an intercept
/// (a column equal to 1 in every such row) the other columns and the response are first centred
/// on their weighted means (`ShiftedCoordinates`); each column is divided by its weighted norm;
/// the matrix is factorized by `dgeqrf` with the intercept first and the rest in design order;
/// b̃ = R⁻¹Qᵀỹ (`dormqr`, `dtrtrs`), RSS = ‖(Qᵀỹ)ₚ..ₙ₋₁‖² and (X̃ᵀWX̃)⁻¹ = R⁻¹R⁻ᵀ (`dpotri`), then
/// mapped back to the raw coefficients. Householder QR is backward stable, so the coefficients are
/// accurate to about κ·ε relative for a design with condition number κ after centring (Golub & Van
/// Loan, *Matrix Computations*, 4th ed., §5.3). Aliased columns are detected in the same
/// factorization and thrown by name (see `AliasingDetection`); nothing is dropped silently.
///
/// See `RegressionFit` for the definitions of the reported statistics and R² conventions, and
/// `NormalEquationsAccumulator` for designs too large to hold in memory.
public enum LeastSquares {
    /// Default tolerance on √dⱼ, the relative norm of a column's part not explained by the intercept
    /// and earlier columns, below which the column is aliased: 10⁻⁷, as R's `lm`.
    public static let defaultAliasingTolerance = 1e-7

    /// Ordinary least squares: b minimising Σ(yᵢ − xᵢᵀb)².
    ///
    /// - Parameters:
    ///   - design: X, n × p, one row per observation; include a column of ones for an intercept.
    ///   - response: y, n values.
    ///   - columnNames: p distinct names, used in the fit and in error messages.
    ///   - aliasingTolerance: see `defaultAliasingTolerance`.
    /// - Throws: `LinearAlgebraError` for mismatched sizes, non-finite values, n ≤ p, duplicate names
    ///   or aliased columns (named, with the columns they depend on).
    public static func ordinary(
        design: Matrix, response: [Double], columnNames: [String],
        aliasingTolerance: Double = defaultAliasingTolerance
    ) throws -> RegressionFit {
        try fit(design: design, response: response, weights: nil, columnNames: columnNames,
                aliasingTolerance: aliasingTolerance, operation: "LeastSquares.ordinary")
    }

    /// Weighted least squares: b minimising Σ wᵢ(yᵢ − xᵢᵀb)², the maximum-likelihood estimate when
    /// Var(eᵢ) = σ²/wᵢ.
    ///
    /// Weights must be finite and ≥ 0. Rows with weight 0 do not enter the fit and are not counted in
    /// n (as in R's `lm`). σ̂² = Σwᵢeᵢ²/(n − p) and the R² are weighted (see `RegressionFit`).
    /// Equivalent to ordinary least squares on the rows scaled by √wᵢ, except for the R² convention.
    public static func weighted(
        design: Matrix, response: [Double], weights: [Double], columnNames: [String],
        aliasingTolerance: Double = defaultAliasingTolerance
    ) throws -> RegressionFit {
        try fit(design: design, response: response, weights: weights, columnNames: columnNames,
                aliasingTolerance: aliasingTolerance, operation: "LeastSquares.weighted")
    }

    private static func fit(
        design: Matrix, response: [Double], weights: [Double]?, columnNames: [String],
        aliasingTolerance: Double, operation: String
    ) throws -> RegressionFit {
        try ColumnNameChecks.validate(columnNames, operation: operation)
        let validation = try design.withUnsafeBufferPointer { designBuffer in
            try response.withUnsafeBufferPointer { responseBuffer in
                try withOptionalBuffer(weights) { weightBuffer in
                    let chunk = try DesignChunk.columnMajor(
                        designBuffer, rows: design.rows, columns: design.columns, leadingDimension: nil, operation: operation)
                    return try chunk.validate(response: responseBuffer, responseName: "response", weights: weightBuffer,
                                              columnNames: columnNames, firstObservation: 0, operation: operation)
                }
            }
        }
        let parameterCount = design.columns
        guard validation.positiveRows > parameterCount else {
            throw LinearAlgebraError.tooFewObservations(observations: validation.positiveRows, parameters: parameterCount)
        }
        let prepared = DenseDesign(design: design, response: response, weights: weights,
                                   onesColumns: validation.onesColumns)
        let order = prepared.coordinates.interceptColumn.map { intercept in
            [intercept] + (0..<parameterCount).filter { $0 != intercept }
        } ?? Array(0..<parameterCount)
        let detection = try AliasingDetection.factorDesign(
            buildColumns: prepared.scaledColumns, rawNorms: prepared.rawNorms, order: order, tolerance: aliasingTolerance)
        if !detection.aliased.isEmpty {
            let dependencies = try AliasingDetection.designDependencies(
                qr: detection.qr, kept: detection.kept, aliased: detection.aliased, rawNorms: prepared.rawNorms,
                buildColumns: prepared.scaledColumns)
            throw AliasingDetection.error(
                aliased: detection.aliased, kept: detection.kept, shiftedCoefficients: dependencies,
                coordinates: prepared.coordinates, rawNorms: prepared.rawNorms, columnNames: columnNames)
        }
        let shiftedResponse = prepared.shiftedWeightedResponse()
        let totalNorm = try euclideanNorm(shiftedResponse)
        let (scaledSolution, residualSumOfSquares) = try detection.qr.leastSquares(shiftedResponse)
        let scaledInverse = try detection.qr.inverseOfGram()
        let kept = detection.kept
        var shiftedCoefficients = [Double](repeating: 0, count: parameterCount)
        var shiftedInverse = Matrix(rows: parameterCount, columns: parameterCount)
        for a in 0..<parameterCount {
            shiftedCoefficients[kept[a]] = scaledSolution[a] / prepared.rawNorms[kept[a]]
            for b in 0..<parameterCount {
                shiftedInverse[kept[a], kept[b]] = scaledInverse[a, b] / (prepared.rawNorms[kept[a]] * prepared.rawNorms[kept[b]])
            }
        }
        return RegressionFit(
            columnNames: columnNames, isWeighted: weights != nil, observationCount: validation.positiveRows,
            coordinates: prepared.coordinates, shiftedCoefficients: shiftedCoefficients,
            shiftedUnscaledCovariance: shiftedInverse, residualSumOfSquares: residualSumOfSquares,
            totalSumOfSquares: totalNorm * totalNorm)
    }

    /// ‖v‖₂ by `dnrm2` (scaled to avoid overflow and underflow).
    static func euclideanNorm(_ vector: [Double]) throws -> Double {
        if vector.isEmpty { return 0 }
        let count32 = try LapackInteger.make(vector.count, "dnrm2")
        return vector.withUnsafeBufferPointer { cblas_dnrm2(count32, $0.baseAddress, 1) }
    }
}

/// Calls `body` with a buffer over `array`, or with `nil` when there is no array.
func withOptionalBuffer<Result>(
    _ array: [Double]?, _ body: (UnsafeBufferPointer<Double>?) throws -> Result
) rethrows -> Result {
    if let array {
        return try array.withUnsafeBufferPointer { try body($0) }
    }
    return try body(nil)
}
