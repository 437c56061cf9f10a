import CLapack

/// Least squares on a design streamed in chunks of rows, by the normal equations XᵀWX·b = XᵀWy,
/// in O(p²) memory plus one chunk.
///
/// Each chunk of rows is copied once into a scratch block [√w·(X − 1sᵀ) | √w·(y − t) | √w] whose
/// cross products (`dsyrk` for the design block, `dgemm` for the last two columns) are added to
/// the lower triangle of a (p + 2) × (p + 2) matrix, which holds
/// X̃ᵀWX̃, X̃ᵀWỹ and ỹᵀWỹ (so no separate `dgemv` or dot product is needed), the weighted column
/// sums X̃ᵀw, Σwỹ and Σw. `solve` finds
/// aliased columns (`AliasingDetection`) and solves by Cholesky (`dpotrf`, `dpotrs`), with
/// (X̃ᵀWX̃)⁻¹ from `dpotri` for the standard errors, and
///
///     RSS = ỹᵀWỹ − 2·b̃ᵀX̃ᵀWỹ + b̃ᵀ(X̃ᵀWX̃)b̃.
///
/// Accuracy and the shift: solving the normal equations loses about twice as many digits as QR,
/// κ(X)²·ε instead of κ(X)·ε (Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed.,
/// §20.4), and the RSS formula cancels: its terms are of the size of yᵀWy, so its absolute error is
/// about ε·yᵀWy, large relative to the RSS when R² is close to 1 or when the mean of y is large
/// compared with its spread. To limit both, when the first chunk has an intercept column (exactly
/// 1 in every row with positive weight) the other columns and the response are shifted by their
/// weighted means in that first chunk, s and t (`ShiftedCoordinates`): the sums are then centred
/// sums, κ(X̃) no longer includes the ratio of mean to spread, and the cancellation in the RSS is
/// relative to the centred ỹᵀWỹ. The coefficients are mapped back exactly. If a later chunk shows
/// that column is not 1 throughout, the sums are shifted back before solving (raw accuracy).
/// Without an intercept the sums are raw.
///
/// For accumulation on several threads, give each thread its own accumulator and `merge` them.
public struct NormalEquationsAccumulator: Sendable {
    /// Default tolerance on √dⱼ below which a column is aliased (see `AliasingDetection`): 10⁻⁵.
    ///
    /// Larger than the 10⁻⁷ of the QR fit because the Gram matrix squares the column norms: dⱼ is
    /// computed with an absolute error of roughly √n·ε, so √dⱼ is reliable only down to about
    /// 10⁻⁷ for n ≈ 10⁶, and exact collinearity must land safely below the tolerance.
    public static let defaultAliasingTolerance = 1e-5

    /// Names of the design columns, in design order.
    public let columnNames: [String]
    /// Whether every chunk must come with weights.
    public let isWeighted: Bool
    /// n: rows with positive weight added so far.
    public private(set) var n: Int = 0
    /// Rows added so far, including those with weight 0 (observation numbers in errors count these).
    public private(set) var rowsAdded: Int = 0

    /// Lower triangle of the (p + 2) × (p + 2) augmented cross-product matrix, column-major.
    private var augmented: [Double]
    /// s, fixed by the first chunk with positive weights; `nil` before it.
    private var columnShifts: [Double]?
    /// t, fixed with s.
    private var responseShift: Double = 0
    /// The block each chunk is copied into before its `dsyrk`, kept between chunks.
    private var scratch: [Double] = []
    /// Per column: every row with positive weight so far held exactly 1.
    private var onesColumns: [Bool]

    /// An empty accumulator for a design with the given columns.
    ///
    /// - Throws: `duplicateColumnName`, or `dimensionMismatch` for an empty list of names.
    public init(columnNames: [String], weighted: Bool) throws {
        try ColumnNameChecks.validate(columnNames, operation: "NormalEquationsAccumulator")
        self.columnNames = columnNames
        self.isWeighted = weighted
        let size = columnNames.count + 2
        augmented = [Double](repeating: 0, count: size * size)
        onesColumns = [Bool](repeating: true, count: columnNames.count)
    }

    /// p: the number of design columns.
    public var p: Int { columnNames.count }

    /// Adds the rows of `chunk` (rows × p), with their responses and, for a weighted accumulator,
    /// their weights (finite, ≥ 0; rows with weight 0 add nothing and are not counted in n).
    public mutating func add(chunk: Matrix, response: [Double], weights: [Double]? = nil) throws {
        guard chunk.columns == p else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "NormalEquationsAccumulator.add", expected: "\(p) design columns", found: "\(chunk.columns)")
        }
        try chunk.withUnsafeBufferPointer { designBuffer in
            try response.withUnsafeBufferPointer { responseBuffer in
                try withOptionalBuffer(weights) { weightBuffer in
                    try add(columnMajor: designBuffer, rows: chunk.rows, response: responseBuffer, weights: weightBuffer)
                }
            }
        }
    }

    /// Adds a column-major block of rows from caller memory, without copying it into a `Matrix`:
    /// element (i, j) is `design[i + j·leadingDimension]` (`leadingDimension` defaults to `rows`,
    /// and may be larger to take a block of rows out of a bigger column-major array).
    public mutating func add(
        columnMajor design: UnsafeBufferPointer<Double>, rows: Int, leadingDimension: Int? = nil,
        response: UnsafeBufferPointer<Double>, weights: UnsafeBufferPointer<Double>? = nil
    ) throws {
        let chunk = try DesignChunk.columnMajor(
            design, rows: rows, columns: p, leadingDimension: leadingDimension, operation: "NormalEquationsAccumulator.add")
        try accumulate(chunk, response: response, weights: weights)
    }

    /// Adds a row-major block of rows from caller memory: element (i, j) is
    /// `design[i·leadingDimension + j]` (`leadingDimension` defaults to p).
    public mutating func add(
        rowMajor design: UnsafeBufferPointer<Double>, rows: Int, leadingDimension: Int? = nil,
        response: UnsafeBufferPointer<Double>, weights: UnsafeBufferPointer<Double>? = nil
    ) throws {
        let chunk = try DesignChunk.rowMajor(
            design, rows: rows, columns: p, leadingDimension: leadingDimension, operation: "NormalEquationsAccumulator.add")
        try accumulate(chunk, response: response, weights: weights)
    }

    private mutating func accumulate(
        _ chunk: DesignChunk, response: UnsafeBufferPointer<Double>, weights: UnsafeBufferPointer<Double>?
    ) throws {
        let operation = "NormalEquationsAccumulator.add"
        guard (weights != nil) == isWeighted else {
            throw LinearAlgebraError.weightsMismatch(operation: operation, expectedWeights: isWeighted)
        }
        let rows = chunk.rows
        // Fast path: an unweighted column-major chunk after the shifts are fixed is checked while
        // it is copied (one pass over the data); any value that is not finite sends it to the full
        // check below, which names the observation and the variable.
        // The first unweighted contiguous chunk is checked in full (precise errors) and fixes the
        // shifts; its rows then take the blocked path below like every later chunk.
        if columnShifts == nil, weights == nil, chunk.rowStride == 1, rows > 0, let base = chunk.base {
            let validation = try chunk.validate(
                response: response, responseName: "response", weights: nil, columnNames: columnNames,
                firstObservation: rowsAdded, operation: operation)
            chooseShifts(chunk, base: base, response: response, weights: nil, onesColumns: validation.onesColumns)
        }
        if weights == nil, chunk.rowStride == 1, let shifts = columnShifts, rows > 0, let base = chunk.base,
           response.count == rows, chunk.columns == p
        {
            // Rows are copied and multiplied in blocks small enough to stay in cache, so the
            // scratch block costs no extra pass over main memory; the chunk's sums are kept
            // apart until every value has been seen to be finite.
            let design = p
            let blockRows = min(rows, Self.rowsPerBlock)
            var block = takeScratch(count: blockRows * (design + 2))
            defer { scratch = block }
            var chunkSums = [Double](repeating: 0, count: (design + 2) * (design + 2))
            var chunkOnes = [Bool](repeating: true, count: design)
            var allFinite = true
            var start = 0
            while start < rows {
                let count = min(blockRows, rows - start)
                let (finite, blockOnes) = block.withUnsafeMutableBufferPointer { output in
                    Self.copyShifted(base: base + start, columnStride: chunk.columnStride, rows: count, p: design, shifts: shifts,
                                     response: response.baseAddress! + start, responseShift: responseShift, into: output.baseAddress!)
                }
                guard finite else {
                    allFinite = false
                    break
                }
                for j in 0..<design where !blockOnes[j] { chunkOnes[j] = false }
                try Self.addCrossProducts(block, rows: count, p: design, into: &chunkSums)
                start += count
            }
            if allFinite {
                for index in 0..<chunkSums.count { augmented[index] += chunkSums[index] }
                for j in 0..<design { onesColumns[j] = onesColumns[j] && chunkOnes[j] }
                n += rows
                rowsAdded += rows
                return
            }
        }
        let validation = try chunk.validate(
            response: response, responseName: "response", weights: weights, columnNames: columnNames,
            firstObservation: rowsAdded, operation: operation)
        defer { rowsAdded += rows }
        guard validation.positiveRows > 0, let base = chunk.base else { return }
        if columnShifts == nil {
            chooseShifts(chunk, base: base, response: response, weights: weights, onesColumns: validation.onesColumns)
        }
        for j in 0..<p { onesColumns[j] = onesColumns[j] && validation.onesColumns[j] }
        let shifts = columnShifts ?? []
        let width = p + 2
        var block = takeScratch(count: rows * width)
        defer { scratch = block }
        block.withUnsafeMutableBufferPointer { scratchBuffer in
            let output = scratchBuffer.baseAddress!
            let root = output + (p + 1) * rows
            if let weights {
                for i in 0..<rows { root[i] = weights[i].squareRoot() }
            } else {
                for i in 0..<rows { root[i] = 1 }
            }
            for j in 0..<p {
                let column = base + j * chunk.columnStride
                let target = output + j * rows
                let shift = shifts[j]
                for i in 0..<rows { target[i] = root[i] * (column[i * chunk.rowStride] - shift) }
            }
            let responseTarget = output + p * rows
            for i in 0..<rows { responseTarget[i] = root[i] * (response[i] - responseShift) }
        }
        let design = p
        try Self.addCrossProducts(block, rows: rows, p: design, into: &augmented)
        n += validation.positiveRows
    }

    /// The scratch block, reused from chunk to chunk so that a stream of chunks of one size does
    /// not allocate (and page in) a new block each time. Its contents are overwritten.
    private mutating func takeScratch(count: Int) -> [Double] {
        var block = scratch
        scratch = []
        if block.count < count { block = [Double](repeating: 0, count: count) }
        return block
    }

    /// Adds the cross products of the first `rows` rows of a scratch block [X̃ | ỹ | √w] (leading
    /// dimension `rows`) to augmented sums of width p + 2, in three BLAS calls: `dsyrk` for X̃ᵀX̃ (p × p, so the kernel works on the
    /// design's own width), `dgemm` for the two rows [ỹ √w]ᵀX̃, and `dsyrk` for the 2 × 2 corner.
    private static func addCrossProducts(_ block: [Double], rows: Int, p design: Int, into sums: inout [Double]) throws {
        let width = design + 2
        let width32 = try LapackInteger.make(width, "dsyrk"), rows32 = try LapackInteger.make(rows, "dsyrk")
        let p32 = try LapackInteger.make(design, "dsyrk")
        block.withUnsafeBufferPointer { scratchBuffer in
            sums.withUnsafeMutableBufferPointer { sumsBuffer in
                let x = scratchBuffer.baseAddress!, extra = x + design * rows
                let c = sumsBuffer.baseAddress!
                cblas_dsyrk(CblasColMajor, CblasLower, CblasTrans, p32, rows32, 1, x, rows32, 1, c, width32)
                cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, 2, p32, rows32, 1, extra, rows32, x, rows32, 1,
                            c + design, width32)
                cblas_dsyrk(CblasColMajor, CblasLower, CblasTrans, 2, rows32, 1, extra, rows32, 1,
                            c + design + design * width, width32)
            }
        }
    }

    /// Rows per cache-sized block in the fast path (about 3.3 MB of scratch for p = 100: L2 and L3 sized on the EPYC this was tuned on).
    static let rowsPerBlock = 4096

    /// Copies an unweighted contiguous chunk into [X − 1sᵀ | y − t | 1], noting on the way whether
    /// every value is finite and which columns hold only ones (integer reductions, so the loops
    /// vectorise).
    private static func copyShifted(
        base: UnsafePointer<Double>, columnStride: Int, rows: Int, p: Int, shifts: [Double],
        response: UnsafePointer<Double>, responseShift: Double, into output: UnsafeMutablePointer<Double>
    ) -> (finite: Bool, onesColumns: [Bool]) {
        let exponentMask: UInt64 = 0x7FF0_0000_0000_0000
        var nonFinite: UInt64 = 0
        var onesColumns = [Bool](repeating: true, count: p)
        for j in 0..<p {
            let column = base + j * columnStride
            let target = output + j * rows
            let shift = shifts[j]
            var notOne: UInt64 = 0
            for i in 0..<rows {
                let value = column[i]
                nonFinite |= ((value.bitPattern & exponentMask) == exponentMask) ? 1 : 0
                notOne |= value == 1 ? 0 : 1
                target[i] = value - shift
            }
            onesColumns[j] = notOne == 0
        }
        let responseTarget = output + p * rows
        for i in 0..<rows {
            let value = response[i]
            nonFinite |= ((value.bitPattern & exponentMask) == exponentMask) ? 1 : 0
            responseTarget[i] = value - responseShift
        }
        let root = output + (p + 1) * rows
        for i in 0..<rows { root[i] = 1 }
        return (nonFinite == 0, onesColumns)
    }

    /// s = weighted column means and t = weighted response mean of this chunk when it has an
    /// intercept column (columns that are all ones keep s = 0); s = 0 and t = 0 otherwise.
    private mutating func chooseShifts(
        _ chunk: DesignChunk, base: UnsafePointer<Double>, response: UnsafeBufferPointer<Double>,
        weights: UnsafeBufferPointer<Double>?, onesColumns chunkOnes: [Bool]
    ) {
        var shifts = [Double](repeating: 0, count: p)
        guard chunkOnes.contains(true) else {
            columnShifts = shifts
            responseShift = 0
            return
        }
        let rowWeights = (0..<chunk.rows).map { weights?[$0] ?? 1 }
        var sumOfWeights = 0.0
        var responseSum = 0.0
        for i in 0..<chunk.rows {
            sumOfWeights += rowWeights[i]
            responseSum += rowWeights[i] * response[i]
        }
        for j in 0..<p where !chunkOnes[j] {
            let column = base + j * chunk.columnStride
            var sum = 0.0
            for i in 0..<chunk.rows { sum += rowWeights[i] * column[i * chunk.rowStride] }
            shifts[j] = sum / sumOfWeights
        }
        columnShifts = shifts
        responseShift = responseSum / sumOfWeights
    }

    /// Adds the sums of `other` (same columns and weighting) to this accumulator, as if its rows
    /// had been added here after this accumulator's own. The other accumulator's sums are moved to
    /// this one's shift exactly (a congruence by the shift difference) before adding.
    public mutating func merge(_ other: NormalEquationsAccumulator) throws {
        guard other.columnNames == columnNames else {
            throw LinearAlgebraError.incompatibleAccumulators(
                "expected the columns \(columnNames), found \(other.columnNames)")
        }
        guard other.isWeighted == isWeighted else {
            throw LinearAlgebraError.incompatibleAccumulators(
                "expected a\(isWeighted ? " weighted" : "n unweighted") accumulator, found a\(other.isWeighted ? " weighted" : "n unweighted") one")
        }
        defer { rowsAdded += other.rowsAdded }
        guard let otherShifts = other.columnShifts else { return }
        guard let shifts = columnShifts else {
            augmented = other.augmented
            columnShifts = otherShifts
            responseShift = other.responseShift
            onesColumns = other.onesColumns
            n = other.n
            return
        }
        let moved = try Self.shift(
            other.fullAugmented(),
            columnDelta: zip(otherShifts, shifts).map { $0 - $1 },
            responseDelta: other.responseShift - responseShift)
        for index in augmented.indices { augmented[index] += moved.elements[index] }
        for j in 0..<p { onesColumns[j] = onesColumns[j] && other.onesColumns[j] }
        n += other.n
    }

    /// Everything an accumulator holds, for writing its sums to a file and reading them back
    /// (`init(sums:)`): the sums of a site can be merged elsewhere exactly as if the accumulator
    /// itself had been passed (`merge`).
    ///
    /// The sums are those of the shifted block [√w·(X − 1sᵀ) | √w·(y − t) | √w]: with A its
    /// (p + 2) × (p + 2) cross-product matrix, A's leading p × p block is X̃ᵀWX̃, column p holds
    /// X̃ᵀWỹ and ỹᵀWỹ, and column p + 1 holds X̃ᵀw, Σwỹ and Σw. Raw XᵀWX, XᵀWy and yᵀWy follow
    /// exactly from A, s and t (see `merge`).
    public struct Sums: Sendable, Equatable {
        public var columnNames: [String]
        public var isWeighted: Bool
        /// Rows with positive weight.
        public var n: Int
        /// Rows added, those with weight 0 included.
        public var rowsAdded: Int
        /// s, or nil when no row with positive weight has been added (A is then zero).
        public var columnShifts: [Double]?
        /// t (0 while `columnShifts` is nil).
        public var responseShift: Double
        /// Per column: every row with positive weight held exactly 1.
        public var onesColumns: [Bool]
        /// The lower triangle of A, row by row: row i holds A[i, 0...i].
        public var lowerRows: [[Double]]

        public init(columnNames: [String], isWeighted: Bool, n: Int, rowsAdded: Int, columnShifts: [Double]?,
                    responseShift: Double, onesColumns: [Bool], lowerRows: [[Double]]) {
            self.columnNames = columnNames
            self.isWeighted = isWeighted
            self.n = n
            self.rowsAdded = rowsAdded
            self.columnShifts = columnShifts
            self.responseShift = responseShift
            self.onesColumns = onesColumns
            self.lowerRows = lowerRows
        }
    }

    /// The accumulator's sums (see `Sums`).
    public var sums: Sums {
        let size = p + 2
        let rows = (0..<size).map { i in (0...i).map { j in augmented[i + j * size] } }
        return Sums(columnNames: columnNames, isWeighted: isWeighted, n: n, rowsAdded: rowsAdded, columnShifts: columnShifts,
                    responseShift: responseShift, onesColumns: onesColumns, lowerRows: rows)
    }

    /// An accumulator holding `sums`, as written by `sums`.
    ///
    /// - Throws: `duplicateColumnName`; `dimensionMismatch` when the shifts, the ones flags or the
    ///   rows of A do not have the sizes p and i + 1 (row i), or n exceeds the rows added.
    public init(sums: Sums) throws {
        try self.init(columnNames: sums.columnNames, weighted: sums.isWeighted)
        let size = p + 2
        let operation = "NormalEquationsAccumulator.init(sums:)"
        func mismatch(_ expected: String, _ found: String) -> LinearAlgebraError {
            .dimensionMismatch(operation: operation, expected: expected, found: found)
        }
        guard sums.onesColumns.count == p else { throw mismatch("\(p) ones flags", "\(sums.onesColumns.count)") }
        if let shifts = sums.columnShifts, shifts.count != p { throw mismatch("\(p) column shifts", "\(shifts.count)") }
        guard sums.lowerRows.count == size else { throw mismatch("\(size) rows of sums", "\(sums.lowerRows.count)") }
        for (i, row) in sums.lowerRows.enumerated() where row.count != i + 1 {
            throw mismatch("\(i + 1) sums in row \(i + 1)", "\(row.count)")
        }
        guard sums.n >= 0, sums.n <= sums.rowsAdded else { throw mismatch("0 <= n <= \(sums.rowsAdded)", "n = \(sums.n)") }
        for (i, row) in sums.lowerRows.enumerated() {
            for (j, value) in row.enumerated() { augmented[i + j * size] = value }
        }
        n = sums.n
        rowsAdded = sums.rowsAdded
        columnShifts = sums.columnShifts
        responseShift = sums.columnShifts == nil ? 0 : sums.responseShift
        onesColumns = sums.onesColumns
    }

    /// The augmented matrix with both triangles filled.
    private func fullAugmented() throws -> Matrix {
        try Matrix(rows: p + 2, columns: p + 2, columnMajor: augmented).symmetrized(from: .lower)
    }

    /// Moves augmented sums to a new shift: with δ = s_old − s_new and τ = t_old − t_new the new
    /// block is [Z + √w·δᵀ | ỹ + √w·τ | √w] = [Z | ỹ | √w]·E, E = I + e₍ₚ₊₁₎·(δᵀ, τ, 0), so the new
    /// sums are Eᵀ·A·E (two `dgemm`s).
    private static func shift(_ sums: Matrix, columnDelta: [Double], responseDelta: Double) throws -> Matrix {
        let size = sums.rows
        var transform = Matrix.identity(size)
        for (j, delta) in columnDelta.enumerated() { transform[size - 1, j] = delta }
        transform[size - 1, size - 2] = responseDelta
        let right = try BLAS.product(sums, .notTransposed, transform, .notTransposed)
        return try BLAS.product(transform, .transposed, right, .notTransposed)
    }

    /// The sums in raw (unshifted) coordinates, both triangles filled.
    private func rawAugmented() throws -> Matrix {
        let full = try fullAugmented()
        guard let shifts = columnShifts else { return full }
        return try Self.shift(full, columnDelta: shifts, responseDelta: responseShift)
    }

    /// XᵀWX, p × p symmetric, in raw coordinates (shifted back, so with the rounding of raw sums).
    public func crossProducts() throws -> Matrix {
        let raw = try rawAugmented()
        var result = Matrix(rows: p, columns: p)
        for j in 0..<p { for i in 0..<p { result[i, j] = raw[i, j] } }
        return result
    }

    /// XᵀWy in raw coordinates.
    public func crossProductsWithResponse() throws -> [Double] {
        let raw = try rawAugmented()
        return (0..<p).map { raw[$0, p] }
    }

    /// yᵀWy in raw coordinates.
    public func responseSumOfSquares() throws -> Double { try rawAugmented()[p, p] }

    /// Σ wᵢyᵢ.
    public func responseSum() throws -> Double { try rawAugmented()[p, p + 1] }

    /// Σ wᵢ (the row count for an unweighted accumulator).
    public var sumOfWeights: Double { augmented[(p + 1) + (p + 1) * (p + 2)] }

    /// Solves the accumulated normal equations.
    ///
    /// - Parameter aliasingTolerance: see `defaultAliasingTolerance`.
    /// - Throws: `tooFewObservations` when n ≤ p; `aliasedColumns` naming the aliased columns and
    ///   what they depend on.
    public func solve(aliasingTolerance: Double = defaultAliasingTolerance) throws -> RegressionFit {
        guard n > p, let storedShifts = columnShifts else {
            throw LinearAlgebraError.tooFewObservations(observations: n, parameters: p)
        }
        var sums = try fullAugmented()
        var coordinates: ShiftedCoordinates
        if let intercept = (0..<p).first(where: { onesColumns[$0] && storedShifts[$0] == 0 }) {
            coordinates = ShiftedCoordinates(interceptColumn: intercept, columnShifts: storedShifts, responseShift: responseShift)
        } else {
            sums = try Self.shift(sums, columnDelta: storedShifts, responseDelta: responseShift)
            coordinates = .unshifted(columnCount: p)
        }
        var gram = Matrix(rows: p, columns: p)
        for j in 0..<p { for i in 0..<p { gram[i, j] = sums[i, j] } }
        let crossResponse = (0..<p).map { sums[$0, p] }
        let responseSquares = sums[p, p]
        let responseTotal = sums[p, p + 1]
        let weightTotal = sums[p + 1, p + 1]
        // Σwxⱼ² = Σw(x̃ⱼ + sⱼ)² = G̃ⱼⱼ + 2sⱼ·Σwx̃ⱼ + sⱼ²·Σw.
        let rawSquaredNorms = (0..<p).map { j -> Double in
            let shift = coordinates.columnShifts[j]
            return max(gram[j, j] + 2 * shift * sums[j, p + 1] + shift * shift * weightTotal, 0)
        }
        let order = coordinates.interceptColumn.map { intercept in
            [intercept] + (0..<p).filter { $0 != intercept }
        } ?? Array(0..<p)
        let detection = try AliasingDetection.factorGram(
            shiftedGram: gram, rawSquaredNorms: rawSquaredNorms, order: order, tolerance: aliasingTolerance)
        let factor = detection.factor
        if !detection.aliased.isEmpty {
            let dependencies = try AliasingDetection.gramDependencies(
                shiftedGram: gram, rawSquaredNorms: rawSquaredNorms, factor: factor, aliased: detection.aliased)
            throw AliasingDetection.error(
                aliased: detection.aliased, kept: factor.keptColumns, shiftedCoefficients: dependencies,
                coordinates: coordinates, rawNorms: rawSquaredNorms.map { $0.squareRoot() }, columnNames: columnNames)
        }
        let kept = factor.keptColumns
        let scaledRightHandSide = (0..<p).map { crossResponse[kept[$0]] / factor.scales[$0] }
        let scaledSolution = try factor.cholesky.solve(scaledRightHandSide)
        let scaledInverse = try factor.cholesky.inverse()
        var shiftedCoefficients = [Double](repeating: 0, count: p)
        var shiftedInverse = Matrix(rows: p, columns: p)
        for a in 0..<p {
            shiftedCoefficients[kept[a]] = scaledSolution[a] / factor.scales[a]
            for b in 0..<p {
                shiftedInverse[kept[a], kept[b]] = scaledInverse[a, b] / (factor.scales[a] * factor.scales[b])
            }
        }
        let gramTimesCoefficients = try BLAS.product(gram, .notTransposed, shiftedCoefficients)
        var linearTerm = 0.0
        var quadraticTerm = 0.0
        for j in 0..<p {
            linearTerm += shiftedCoefficients[j] * crossResponse[j]
            quadraticTerm += shiftedCoefficients[j] * gramTimesCoefficients[j]
        }
        // Negative only through rounding (see the type's discussion of cancellation).
        let residualSumOfSquares = max(responseSquares - 2 * linearTerm + quadraticTerm, 0)
        let totalSumOfSquares = coordinates.interceptColumn == nil
            ? responseSquares
            : max(responseSquares - responseTotal * responseTotal / weightTotal, 0)
        return RegressionFit(
            columnNames: columnNames, isWeighted: isWeighted, observationCount: n, coordinates: coordinates,
            shiftedCoefficients: shiftedCoefficients, shiftedUnscaledCovariance: shiftedInverse,
            residualSumOfSquares: residualSumOfSquares, totalSumOfSquares: totalSumOfSquares)
    }
}
