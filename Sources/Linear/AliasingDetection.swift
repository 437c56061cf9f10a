import CLapack

/// Detection of aliased (collinear) design columns, in design order, by the size of each column's
/// part that is new relative to the intercept and the retained columns before it.
///
/// For column j let dⱼ = ‖xⱼ − P·xⱼ‖² / ‖xⱼ‖², where P projects onto the span of the intercept and
/// the retained earlier columns (norms weighted, over rows with positive weight). Column j is
/// aliased when √dⱼ < tolerance, or when ‖xⱼ‖ = 0. √dⱼ is |Rⱼⱼ| of an unpivoted QR of the design with
/// columns scaled to unit norm, and dⱼ the j-th pivot of the Cholesky factorization of the equally
/// scaled XᵀWX — the criterion of R's `lm` (LINPACK `dqrdc2` with limited pivoting, tolerance 10⁻⁷),
/// which keeps the design order so that the later of two collinear columns is the one reported.
/// The intercept is taken first. After an aliased column is found it is removed and the
/// factorization restarted, so that a near-zero pivot cannot contaminate the columns after it.
enum AliasingDetection {
    /// A column k is listed as a dependency when |βₖ|·‖xₖ‖ exceeds this fraction of ‖xⱼ‖.
    static let dependencyThreshold = 1e-6

    /// The Cholesky factor of the scaled Gram matrix of the retained columns.
    struct GramFactor {
        /// Retained columns, in factor order (intercept first).
        let keptColumns: [Int]
        /// √(Σ wᵢ xᵢₖ²) for each retained column, in factor order.
        let scales: [Double]
        /// Cholesky factor of Sₐᵦ = G̃[kₐ, kᵦ] / (scaleₐ·scaleᵦ).
        let cholesky: CholeskyFactorization
    }

    /// Sequential detection on the shifted Gram matrix G̃ = X̃ᵀWX̃ (full symmetric).
    ///
    /// Scaling G̃ by the raw squared norms (not its own diagonal) makes the Cholesky pivots equal to
    /// the dⱼ defined above, because shifting by multiples of the intercept does not change the
    /// distance to a span that contains the intercept.
    static func factorGram(
        shiftedGram gram: Matrix, rawSquaredNorms: [Double], order: [Int], tolerance: Double
    ) throws -> (factor: GramFactor, aliased: [Int]) {
        var kept = order.filter { rawSquaredNorms[$0] > 0 }
        var aliased = order.filter { !(rawSquaredNorms[$0] > 0) }
        while true {
            let scales = kept.map { rawSquaredNorms[$0].squareRoot() }
            let size = kept.count
            var scaled = Matrix(rows: size, columns: size)
            for b in 0..<size {
                for a in b..<size {
                    scaled[a, b] = gram[kept[a], kept[b]] / (scales[a] * scales[b])
                }
            }
            var info: Int32 = 0
            if size > 0 {
                let size32 = try LapackInteger.make(size, "dpotrf")
                info = scaled.withUnsafeMutableBufferPointer { buffer in
                    LAPACKE_dpotrf(LAPACK_COL_MAJOR, Triangle.lower.lapack, size32, buffer.baseAddress, size32)
                }
                try LapackInteger.check(info, "dpotrf")
            }
            let completed = info > 0 ? Int(info) - 1 : size
            let smallPivot = (0..<completed).first { !(scaled[$0, $0] >= tolerance) }
            let failing = smallPivot ?? (info > 0 ? completed : nil)
            guard let failing else {
                for b in 0..<size {
                    for a in 0..<b { scaled[a, b] = 0 }
                }
                let cholesky = CholeskyFactorization(validatedFactor: scaled, triangle: .lower)
                return (GramFactor(keptColumns: kept, scales: scales, cholesky: cholesky), aliased)
            }
            aliased.append(kept.remove(at: failing))
        }
    }

    /// For each aliased column j, the coefficients β̃ (in factor order) of the least-squares
    /// combination of the retained shifted columns closest to x̃ⱼ: G̃_KK·β̃ = G̃_Kj.
    static func gramDependencies(
        shiftedGram gram: Matrix, rawSquaredNorms: [Double], factor: GramFactor, aliased: [Int]
    ) throws -> [[Double]] {
        try aliased.map { column in
            let size = factor.keptColumns.count
            guard rawSquaredNorms[column] > 0, size > 0 else { return [Double](repeating: 0, count: size) }
            let columnScale = rawSquaredNorms[column].squareRoot()
            let rightHandSide = (0..<size).map {
                gram[factor.keptColumns[$0], column] / (factor.scales[$0] * columnScale)
            }
            let scaledSolution = try factor.cholesky.solve(rightHandSide)
            return (0..<size).map { scaledSolution[$0] * columnScale / factor.scales[$0] }
        }
    }

    /// Sequential detection by unpivoted Householder QR of the shifted, weighted design whose
    /// columns `buildColumns` returns divided by their raw norms (so |Rⱼⱼ| = √dⱼ).
    static func factorDesign(
        buildColumns: ([Int]) throws -> Matrix, rawNorms: [Double], order: [Int], tolerance: Double
    ) throws -> (qr: QRFactorization, kept: [Int], aliased: [Int]) {
        var kept = order.filter { rawNorms[$0] > 0 }
        var aliased = order.filter { !(rawNorms[$0] > 0) }
        while true {
            let qr = try QRFactorization(buildColumns(kept))
            let diagonal = qr.diagonalOfR
            guard let failing = diagonal.firstIndex(where: { !(abs($0) >= tolerance) }) else {
                return (qr, kept, aliased)
            }
            aliased.append(kept.remove(at: failing))
        }
    }

    /// For each aliased column j, the least-squares coefficients β̃ (in `kept` order) of x̃ⱼ on the
    /// retained shifted columns, from the QR factorization of those columns.
    static func designDependencies(
        qr: QRFactorization, kept: [Int], aliased: [Int], rawNorms: [Double],
        buildColumns: ([Int]) throws -> Matrix
    ) throws -> [[Double]] {
        try aliased.map { column in
            guard rawNorms[column] > 0, !kept.isEmpty else { return [Double](repeating: 0, count: kept.count) }
            let target = try buildColumns([column]).column(0)
            let scaledSolution = try qr.leastSquares(target).solution
            return (0..<kept.count).map { scaledSolution[$0] * rawNorms[column] / rawNorms[kept[$0]] }
        }
    }

    /// The error naming the aliased columns and what each depends on, in design order.
    ///
    /// From x̃ⱼ ≈ Σₖ β̃ₖ x̃ₖ the raw combination is xⱼ ≈ Σ_{k≠c} β̃ₖ xₖ + β_c·1 with
    /// β_c = β̃_c + sⱼ − Σ_{k≠c} β̃ₖ sₖ (see `ShiftedCoordinates`).
    static func error(
        aliased: [Int], kept: [Int], shiftedCoefficients: [[Double]], coordinates: ShiftedCoordinates,
        rawNorms: [Double], columnNames: [String]
    ) -> LinearAlgebraError {
        var described: [(Int, AliasedColumn)] = []
        for (position, column) in aliased.enumerated() {
            var raw = shiftedCoefficients[position]
            if let intercept = coordinates.interceptColumn, let interceptPosition = kept.firstIndex(of: intercept) {
                var shiftedSum = 0.0
                for (index, keptColumn) in kept.enumerated() where keptColumn != intercept {
                    shiftedSum += raw[index] * coordinates.columnShifts[keptColumn]
                }
                raw[interceptPosition] += coordinates.columnShifts[column] - shiftedSum
            }
            let threshold = dependencyThreshold * rawNorms[column]
            let dependencies = kept.indices
                .filter { abs(raw[$0]) * rawNorms[kept[$0]] > threshold }
                .map { kept[$0] }
                .sorted()
            described.append((column, AliasedColumn(name: columnNames[column], dependsOn: dependencies.map { columnNames[$0] })))
        }
        return .aliasedColumns(described.sorted { $0.0 < $1.0 }.map(\.1))
    }
}
