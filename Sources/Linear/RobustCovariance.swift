import CLapack

/// A heteroskedasticity-consistent (sandwich) covariance of least-squares coefficients, HC1.
///
///     HC1 = n/(n − p) · (XᵀWX)⁻¹ · M · (XᵀWX)⁻¹,   M = Σᵢ wᵢ²·eᵢ²·xᵢxᵢᵀ,
///
/// with eᵢ = yᵢ − xᵢᵀb the residuals of the fit and n the observations with positive weight
/// (White, *Econometrica* 48, 1980, for the sandwich; MacKinnon & White, *Journal of Econometrics*
/// 29, 1985, for the n/(n − p) correction called HC1; for weighted fits the sandwich of the
/// whitened rows √wᵢ·xᵢ, √wᵢ·eᵢ, as in Stata's `regress, vce(robust)` with analytic weights and
/// statsmodels' `WLS(...).fit(cov_type="HC1")`). It does not assume a constant error variance.
public struct RobustCovariance: Sendable {
    /// Names of the design columns, in design order.
    public let columnNames: [String]
    /// The HC1 covariance matrix, p × p.
    public let covariance: Matrix
    /// √HC1ⱼⱼ, in design order.
    public let standardErrors: [Double]
    /// n, the observations with positive weight.
    public let n: Int
    /// p, the number of coefficients.
    public let p: Int
}

/// Accumulates the "meat" M = Σ wᵢ²eᵢ²xᵢxᵢᵀ of the HC1 sandwich over a second pass through the
/// rows of a fit, in chunks, with one `dsyrk` per chunk, in O(p²) memory plus one chunk.
///
/// Pass every row of the fit once (in any chunking and order), with the response (the residuals
/// are then computed from the fit) or with residuals computed elsewhere; then call `hc1()`.
/// The sums are formed in the fit's shifted coordinates (see `NormalEquationsAccumulator`) and the
/// result is mapped back exactly, which avoids the cancellation of raw sums when columns have
/// means large compared with their spread.
public struct RobustCovarianceAccumulator: Sendable {
    /// The fit whose coefficients' covariance is estimated.
    public let fit: RegressionFit
    /// Rows with positive weight added so far.
    public private(set) var n: Int = 0
    /// Rows added so far, including those with weight 0.
    public private(set) var rowsAdded: Int = 0
    /// Lower triangle of M̃ = Σ wᵢ²eᵢ²x̃ᵢx̃ᵢᵀ, p × p, column-major.
    private var meat: [Double]

    /// An empty accumulator for the second pass of `fit`.
    public init(fit: RegressionFit) {
        self.fit = fit
        meat = [Double](repeating: 0, count: fit.p * fit.p)
    }

    /// Adds the rows of `chunk`, computing their residuals yᵢ − xᵢᵀb from the fit. Weights are
    /// required exactly when the fit is weighted.
    public mutating func add(chunk: Matrix, response: [Double], weights: [Double]? = nil) throws {
        try add(chunk: chunk, values: response, valuesAreResiduals: false, weights: weights)
    }

    /// Adds the rows of `chunk` with their residuals eᵢ = yᵢ − xᵢᵀb (unweighted residuals).
    public mutating func add(chunk: Matrix, residuals: [Double], weights: [Double]? = nil) throws {
        try add(chunk: chunk, values: residuals, valuesAreResiduals: true, weights: weights)
    }

    /// Adds a column-major block of rows from caller memory (element (i, j) at
    /// `design[i + j·leadingDimension]`) with its responses.
    public mutating func add(
        columnMajor design: UnsafeBufferPointer<Double>, rows: Int, leadingDimension: Int? = nil,
        response: UnsafeBufferPointer<Double>, weights: UnsafeBufferPointer<Double>? = nil
    ) throws {
        let chunk = try DesignChunk.columnMajor(
            design, rows: rows, columns: fit.p, leadingDimension: leadingDimension, operation: Self.operation)
        try accumulate(chunk, values: response, valuesAreResiduals: false, weights: weights)
    }

    /// Adds a row-major block of rows from caller memory (element (i, j) at
    /// `design[i·leadingDimension + j]`) with its responses.
    public mutating func add(
        rowMajor design: UnsafeBufferPointer<Double>, rows: Int, leadingDimension: Int? = nil,
        response: UnsafeBufferPointer<Double>, weights: UnsafeBufferPointer<Double>? = nil
    ) throws {
        let chunk = try DesignChunk.rowMajor(
            design, rows: rows, columns: fit.p, leadingDimension: leadingDimension, operation: Self.operation)
        try accumulate(chunk, values: response, valuesAreResiduals: false, weights: weights)
    }

    /// Adds the sums of another accumulator for the same fit.
    public mutating func merge(_ other: RobustCovarianceAccumulator) throws {
        guard other.fit.columnNames == fit.columnNames, other.fit.coefficients == fit.coefficients,
              other.fit.n == fit.n, other.fit.isWeighted == fit.isWeighted else {
            throw LinearAlgebraError.incompatibleAccumulators("expected robust covariance accumulators of the same fit")
        }
        for index in meat.indices { meat[index] += other.meat[index] }
        n += other.n
        rowsAdded += other.rowsAdded
    }

    /// An accumulator of the meat of rows whose fit was made elsewhere (a site's second round in
    /// a fit across data holders): residuals eᵢ = yᵢ − xᵢᵀb from the raw coefficients b, sums
    /// M̂ = Σ wᵢ²eᵢ²x̂ᵢx̂ᵢᵀ about the given shifts, x̂ = x − ŝ (ŝ_c = 0 at the intercept column c;
    /// all zero without one). It cannot give HC1 itself (it has no XᵀWX): pass `meatLowerRows`
    /// and `columnShifts` to the accumulator of the fit, `add(meat:columnShifts:n:rowsAdded:)`.
    /// Its `fit` holds only the coefficients, the shifts and the columns (no observations, a zero
    /// covariance), and `hc1()` refuses it.
    ///
    /// In shifted coordinates b̃ⱼ = bⱼ (j ≠ c) and b̃_c = b_c + Σⱼ ŝⱼbⱼ, so x̂ᵀb̃ = xᵀb.
    public init(columnNames: [String], isWeighted: Bool, coefficients: [Double], columnShifts: [Double], interceptColumn: Int?) throws {
        let size = columnNames.count
        guard coefficients.count == size, columnShifts.count == size else {
            throw LinearAlgebraError.dimensionMismatch(operation: "RobustCovarianceAccumulator.init", expected: "\(size) coefficients and shifts",
                                                       found: "\(coefficients.count) and \(columnShifts.count)")
        }
        var shifted = coefficients
        if let intercept = interceptColumn {
            for j in 0..<size where j != intercept { shifted[intercept] += columnShifts[j] * coefficients[j] }
        }
        let coordinates = ShiftedCoordinates(interceptColumn: interceptColumn, columnShifts: columnShifts, responseShift: 0)
        self.init(fit: RegressionFit(
            columnNames: columnNames, isWeighted: isWeighted, observationCount: 0, coordinates: coordinates,
            shiftedCoefficients: shifted, shiftedUnscaledCovariance: Matrix(rows: size, columns: size),
            residualSumOfSquares: 0, totalSumOfSquares: 0))
    }

    /// The sums so far about `columnShifts`: row i holds M̂[i, 0...i].
    public var meatLowerRows: [[Double]] {
        let size = fit.p
        return (0..<size).map { i in (0...i).map { j in meat[i + j * size] } }
    }

    /// The shifts the sums are taken about.
    public var columnShifts: [Double] { fit.coordinates.columnShifts }

    /// Adds meat sums taken about other shifts ŝ (from `meatLowerRows` of another accumulator
    /// with the same columns), moved exactly to this fit's shifts s: x = x̂ + (ŝ − s)·x_c with
    /// x_c = 1 the intercept column, so M = F·M̂·Fᵀ with F = I + (ŝ − s)·e_cᵀ.
    ///
    /// - Throws: `dimensionMismatch` for sums of another size, `incompatibleAccumulators` for
    ///   shifts that differ without an intercept column to move them by.
    public mutating func add(meat lowerRows: [[Double]], columnShifts otherShifts: [Double], n otherN: Int, rowsAdded otherRows: Int) throws {
        let size = fit.p
        guard lowerRows.count == size, lowerRows.enumerated().allSatisfy({ $0.element.count == $0.offset + 1 }), otherShifts.count == size else {
            throw LinearAlgebraError.dimensionMismatch(operation: "RobustCovarianceAccumulator.add(meat:)", expected: "\(size) rows of meat sums",
                                                       found: "\(lowerRows.count)")
        }
        let delta = zip(otherShifts, fit.coordinates.columnShifts).map { $0 - $1 }
        var full = Matrix(rows: size, columns: size)
        for (i, row) in lowerRows.enumerated() {
            for (j, value) in row.enumerated() {
                full[i, j] = value
                full[j, i] = value
            }
        }
        if delta.contains(where: { $0 != 0 }) {
            guard let intercept = fit.coordinates.interceptColumn else {
                throw LinearAlgebraError.incompatibleAccumulators("meat sums about other shifts, and no intercept column to move them by")
            }
            var transform = Matrix.identity(size)
            for j in 0..<size where j != intercept { transform[j, intercept] = delta[j] }
            let right = try BLAS.product(full, .notTransposed, transform, .transposed)
            full = try BLAS.product(transform, .notTransposed, right, .notTransposed)
        }
        for j in 0..<size { for i in j..<size { meat[i + j * size] += full[i, j] } }
        n += otherN
        rowsAdded += otherRows
    }

    /// The HC1 covariance from the rows added.
    ///
    /// - Throws: `incompleteSecondPass` when the rows with positive weight added differ in number
    ///   from the fit's n (a row left out or added twice).
    public func hc1() throws -> RobustCovariance {
        guard fit.n > fit.p else {
            throw LinearAlgebraError.tooFewObservations(observations: fit.n, parameters: fit.p)
        }
        guard n == fit.n else {
            throw LinearAlgebraError.incompleteSecondPass(expectedObservations: fit.n, foundObservations: n)
        }
        let size = fit.p
        let meatMatrix = try Matrix(rows: size, columns: size, columnMajor: meat).symmetrized(from: .lower)
        let bread = fit.shiftedUnscaledCovariance
        let right = try BLAS.product(meatMatrix, .notTransposed, bread, .notTransposed)
        let shifted = try BLAS.product(bread, .notTransposed, right, .notTransposed)
        var covariance = fit.coordinates.rawCovariance(fromShifted: shifted.symmetrized(from: .lower))
        let correction = Double(fit.n) / Double(fit.n - fit.p)
        covariance.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] *= correction }
        }
        return RobustCovariance(
            columnNames: fit.columnNames, covariance: covariance,
            standardErrors: (0..<size).map { max(covariance[$0, $0], 0).squareRoot() }, n: fit.n, p: fit.p)
    }

    private static let operation = "RobustCovarianceAccumulator.add"

    private mutating func add(chunk: Matrix, values: [Double], valuesAreResiduals: Bool, weights: [Double]?) throws {
        try chunk.withUnsafeBufferPointer { designBuffer in
            try values.withUnsafeBufferPointer { valueBuffer in
                try withOptionalBuffer(weights) { weightBuffer in
                    let view = try DesignChunk.columnMajor(
                        designBuffer, rows: chunk.rows, columns: chunk.columns, leadingDimension: nil, operation: Self.operation)
                    try accumulate(view, values: valueBuffer, valuesAreResiduals: valuesAreResiduals, weights: weightBuffer)
                }
            }
        }
    }

    private mutating func accumulate(
        _ chunk: DesignChunk, values: UnsafeBufferPointer<Double>, valuesAreResiduals: Bool,
        weights: UnsafeBufferPointer<Double>?
    ) throws {
        guard (weights != nil) == fit.isWeighted else {
            throw LinearAlgebraError.weightsMismatch(operation: Self.operation, expectedWeights: fit.isWeighted)
        }
        let validation = try chunk.validate(
            response: values, responseName: valuesAreResiduals ? "residual" : "response", weights: weights,
            columnNames: fit.columnNames, firstObservation: rowsAdded, operation: Self.operation)
        let rows = chunk.rows
        defer { rowsAdded += rows }
        guard validation.positiveRows > 0, let base = chunk.base else { return }
        let size = fit.p
        let shifts = fit.coordinates.columnShifts
        // x̃ᵢ = xᵢ − s, then the residuals eᵢ = (yᵢ − t) − x̃ᵢᵀb̃ (identical to yᵢ − xᵢᵀb).
        var shiftedBlock = Matrix(rows: rows, columns: size)
        shiftedBlock.withUnsafeMutableBufferPointer { block in
            for j in 0..<size {
                let column = base + j * chunk.columnStride
                let target = block.baseAddress! + j * rows
                for i in 0..<rows { target[i] = column[i * chunk.rowStride] - shifts[j] }
            }
        }
        var residuals = Array(values)
        if !valuesAreResiduals {
            for i in 0..<rows { residuals[i] -= fit.coordinates.responseShift }
            try BLAS.gemv(alpha: -1, shiftedBlock, .notTransposed, fit.shiftedCoefficients, beta: 1, into: &residuals)
        }
        shiftedBlock.withUnsafeMutableBufferPointer { block in
            for i in 0..<rows {
                let factor = abs(residuals[i]) * (weights?[i] ?? 1)
                for j in 0..<size { block[i + j * rows] *= factor }
            }
        }
        let size32 = try LapackInteger.make(size, "dsyrk"), rows32 = try LapackInteger.make(rows, "dsyrk")
        shiftedBlock.withUnsafeBufferPointer { block in
            meat.withUnsafeMutableBufferPointer { sums in
                cblas_dsyrk(CblasColMajor, CblasLower, CblasTrans, size32, rows32, 1,
                            block.baseAddress, rows32, 1, sums.baseAddress, size32)
            }
        }
        n += validation.positiveRows
    }
}

extension LeastSquares {
    /// The HC1 robust covariance of a dense fit, in one pass over its design (see
    /// `RobustCovarianceAccumulator`). Pass the same design, response and weights as to the fit.
    public static func robustCovariance(
        of fit: RegressionFit, design: Matrix, response: [Double], weights: [Double]? = nil
    ) throws -> RobustCovariance {
        var accumulator = RobustCovarianceAccumulator(fit: fit)
        try accumulator.add(chunk: design, response: response, weights: weights)
        return try accumulator.hc1()
    }
}
