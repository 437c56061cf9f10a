import Linear
import Tables

/// How the distance between two organisations' features is measured.
public enum PeerMetric: String, Sendable, CaseIterable {
    /// Mahalanobis distance: d(i, j)² = (xᵢ − xⱼ)ᵀ S⁻¹ (xᵢ − xⱼ), S the sample covariance of the
    /// features over all organisations. Computed on z-scored features (S is then their correlation
    /// matrix R; the distance is unchanged, being affine invariant) by factorising R = L·Lᵀ with
    /// LAPACK's Cholesky (`Linear.CholeskyFactorization`) and measuring the Euclidean distance
    /// between the whitened rows L⁻¹zᵢ. Correlated features then do not count twice.
    case mahalanobis
    /// Euclidean distance between z-scored features, each feature weighing the same.
    case euclidean
}

/// One organisation's peer: `rank` 1 is the nearest.
public struct Peer: Sendable, Equatable {
    /// The organisation whose peer this is.
    public let organisationCode: String
    /// 1 for the nearest peer.
    public let rank: Int
    /// The peer's code.
    public let peerCode: String
    /// The distance between the two (Mahalanobis or Euclidean on z-scores).
    public let distance: Double

    /// One organisation–peer pair.
    public init(organisationCode: String, rank: Int, peerCode: String, distance: Double) {
        self.organisationCode = organisationCode
        self.rank = rank
        self.peerCode = peerCode
        self.distance = distance
    }
}

/// Nearest-neighbour peer groups (`methods.md`, Peer groups): standardise every feature to mean 0
/// and sample standard deviation 1 (divisor I − 1), measure distances by `PeerMetric`, and take for
/// each organisation the `count` nearest other organisations. Ties in distance are broken by the
/// peer's code (ascending, by Unicode scalar order), so the result does not depend on input order.
///
/// Cost: O(I²·p) for I organisations and p features, mostly in BLAS `dgemm`; memory O(I·p + I·k)
/// plus a block of 512 × I products.
public enum PeerGroups {
    /// The `count` nearest peers of every organisation, in the organisations' code order, each
    /// organisation's peers by rank.
    ///
    /// - Throws: `DataError` (bad data) when a feature is constant or not finite, when the features
    ///   are collinear (Mahalanobis only: the covariance matrix is not positive definite), or when
    ///   there are not more than `count` organisations.
    public static func nearest(features: PeerFeatures, metric: PeerMetric, count: Int) throws -> [Peer] {
        precondition(count >= 1, "PeerGroups: at least one peer")
        let organisations = features.organisationCodes.count
        let dimension = features.featureNames.count
        guard dimension > 0 else {
            throw DataError(.badData, at: SourceLocation(file: features.featureLocations.first?.file ?? "features", line: 1),
                            "no features (expected at least one numeric column besides the organisation code)")
        }
        guard organisations > count else {
            throw DataError(.badData, at: features.organisationLocations.last ?? SourceLocation(file: "features"),
                            "expected more than \(count) organisations to find \(count) peers each, found \(organisations)")
        }
        // Work in code order, so that ties broken by index are ties broken by code.
        let order = features.organisationCodes.indices.sorted { features.organisationCodes[$0].unicodeScalars.lexicographicallyPrecedes(features.organisationCodes[$1].unicodeScalars) }
        let standardised = try standardise(features: features, order: order)
        let points: [Double]
        switch metric {
        case .euclidean:
            points = standardised.flatMap { $0 }
        case .mahalanobis:
            points = try whiten(columns: standardised, features: features)
        }
        let neighbours = try nearestNeighbours(points: points, organisations: organisations, dimension: dimension, count: count)
        var peers: [Peer] = []
        peers.reserveCapacity(organisations * count)
        for position in 0..<organisations {
            let code = features.organisationCodes[order[position]]
            for rank in 0..<count {
                let neighbour = neighbours[position * count + rank]
                peers.append(Peer(organisationCode: code, rank: rank + 1, peerCode: features.organisationCodes[order[neighbour.index]],
                                  distance: neighbour.squaredDistance.squareRoot()))
            }
        }
        return peers
    }

    /// z-scores of every feature, rows in `order`: (x − mean) / sd with divisor I − 1.
    static func standardise(features: PeerFeatures, order: [Int]) throws -> [[Double]] {
        let organisations = Double(order.count)
        var result: [[Double]] = []
        for (feature, column) in features.columns.enumerated() {
            if let bad = column.firstIndex(where: { !$0.isFinite }) {
                throw DataError(.badData, at: features.organisationLocations[bad],
                                "\(features.featureNames[feature]): expected a finite number, found \(column[bad])")
            }
            // Sums in code order, so that the result does not depend on the order of the input.
            var sum = 0.0
            for index in order { sum += column[index] }
            let mean = sum / organisations
            var squares = 0.0
            for index in order { squares += (column[index] - mean) * (column[index] - mean) }
            let deviation = (squares / (organisations - 1)).squareRoot()
            guard deviation > 0 else {
                throw DataError(.badData, at: features.featureLocations[feature],
                                "every organisation has the same value \(Table.formatNumber(column[0])); a constant feature cannot be standardised (leave it out of --features)")
            }
            result.append(order.map { (column[$0] - mean) / deviation })
        }
        return result
    }

    /// The points L⁻¹zᵢ, feature-major (all organisations' first coordinate, then the second, …),
    /// where R = L·Lᵀ is the correlation matrix of the z-scored columns.
    static func whiten(columns: [[Double]], features: PeerFeatures) throws -> [Double] {
        let dimension = columns.count
        let organisations = columns[0].count
        var correlation = Matrix(rows: dimension, columns: dimension)
        for a in 0..<dimension {
            for b in 0...a {
                var sum = 0.0
                for index in 0..<organisations { sum += columns[a][index] * columns[b][index] }
                let value = sum / Double(organisations - 1)
                correlation[a, b] = value
                correlation[b, a] = value
            }
        }
        let factor: Matrix
        do {
            factor = try CholeskyFactorization(correlation, triangle: .lower).factor
        } catch LinearAlgebraError.notPositiveDefinite(_, let pivot) {
            let earlier = features.featureNames.prefix(pivot).joined(separator: ", ")
            throw DataError(.badData, at: features.featureLocations[pivot],
                            "the feature is (almost) a linear combination of \(earlier.isEmpty ? "the other features" : earlier): the covariance matrix is singular, so Mahalanobis distances are undefined (drop one of them, or use --metric euclidean)")
        }
        var lower = [Double](repeating: 0, count: dimension * dimension)
        for a in 0..<dimension {
            for b in 0...a { lower[a * dimension + b] = factor[a, b] }
        }
        var points = [Double](repeating: 0, count: organisations * dimension)
        for index in 0..<organisations {
            // Forward substitution L·y = z.
            for a in 0..<dimension {
                var value = columns[a][index]
                for b in 0..<a { value -= lower[a * dimension + b] * points[b * organisations + index] }
                points[a * organisations + index] = value / lower[a * dimension + a]
            }
        }
        return points
    }

    struct Neighbour: Sendable {
        var index: Int
        var squaredDistance: Double
    }

    /// For every point, the `count` nearest other points by (squared distance, index). `points` is
    /// feature-major (coordinate f of point j at f·I + j).
    ///
    /// Screening by BLAS: for a block of points the Gram products yⱼ·yᵢ come from one `dgemm`
    /// (`Linear.BLAS`), and ‖yⱼ‖² − 2yⱼ·yᵢ orders the other points j by their squared distance to i
    /// (‖yᵢ‖² being common to all). Its rounding error is below (p + 4)·2⁻⁵³·(‖yᵢ‖² + ‖yⱼ‖²)
    /// (Higham 2002, §3.1); every point within 2⁷ times that bound of the k-th smallest screening
    /// value is then measured exactly, as Σ_f (y_if − y_jf)² summed in feature order, and the k
    /// nearest are taken by (exact squared distance, index). The result is therefore that of
    /// measuring every pair exactly.
    static func nearestNeighbours(points: [Double], organisations: Int, dimension: Int, count: Int) throws -> [Neighbour] {
        var result = [Neighbour](repeating: Neighbour(index: -1, squaredDistance: .infinity), count: organisations * count)
        var norms = [Double](repeating: 0, count: organisations)
        for feature in 0..<dimension {
            for index in 0..<organisations {
                let value = points[feature * organisations + index]
                norms[index] += value * value
            }
        }
        let largestNorm = norms.max() ?? 0
        let relativeError = 128 * Double(dimension + 4) * Double.ulpOfOne / 2
        let everyPoint = try Matrix(rows: organisations, columns: dimension, columnMajor: points)
        let blockSize = min(512, organisations)
        var products = Matrix(rows: organisations, columns: blockSize)
        var blockStart = 0
        while blockStart < organisations {
            let blockEnd = min(organisations, blockStart + blockSize)
            let rows = blockEnd - blockStart
            var block = Matrix(rows: rows, columns: dimension)
            for feature in 0..<dimension {
                for row in 0..<rows { block[row, feature] = points[feature * organisations + blockStart + row] }
            }
            // products[j, r] = yⱼ · y_(blockStart + r): column r is contiguous over j.
            if products.columns != rows { products = Matrix(rows: organisations, columns: rows) }
            try BLAS.gemm(everyPoint, .notTransposed, block, .transposed, into: &products)
            let first = blockStart
            products.withUnsafeMutableBufferPointer { productBuffer in
                result.withUnsafeMutableBufferPointer { output in
                    let outputAddress = output.baseAddress!
                    let productAddress = productBuffer.baseAddress!
                    points.withUnsafeBufferPointer { pointBuffer in
                        let coordinates = pointBuffer.baseAddress!
                        norms.withUnsafeBufferPointer { normBuffer in
                            let norm = normBuffer.baseAddress!
                            let workers = min(rows, 8)
                            concurrentBlocks(workers) { worker in
                                var candidates: [Neighbour] = []
                                var smallest = [Double](repeating: .infinity, count: count)
                                for row in (rows * worker / workers)..<(rows * (worker + 1) / workers) {
                                    let point = first + row
                                    let screen = productAddress + row * organisations
                                    for other in 0..<organisations { screen[other] = norm[other] - 2 * screen[other] }
                                    screen[point] = .infinity
                                    let margin = relativeError * (norm[point] + largestNorm)
                                    // One pass: keep the k smallest screening values, and every point
                                    // within the margin of the k-th smallest so far (a superset of the
                                    // final candidates, since that threshold only falls).
                                    for slot in 0..<count { smallest[slot] = .infinity }
                                    candidates.removeAll(keepingCapacity: true)
                                    for other in 0..<organisations {
                                        let value = screen[other]
                                        if value > smallest[count - 1] + margin { continue }
                                        candidates.append(Neighbour(index: other, squaredDistance: value))
                                        if value >= smallest[count - 1] { continue }
                                        var slot = count - 1
                                        while slot > 0 && smallest[slot - 1] > value {
                                            smallest[slot] = smallest[slot - 1]
                                            slot -= 1
                                        }
                                        smallest[slot] = value
                                    }
                                    let threshold = smallest[count - 1] + margin
                                    var kept = 0
                                    for candidate in candidates where candidate.squaredDistance <= threshold {
                                        var squared = 0.0
                                        for feature in 0..<dimension {
                                            let difference = coordinates[feature * organisations + point] - coordinates[feature * organisations + candidate.index]
                                            squared += difference * difference
                                        }
                                        candidates[kept] = Neighbour(index: candidate.index, squaredDistance: squared)
                                        kept += 1
                                    }
                                    candidates.removeSubrange(kept...)
                                    candidates.sort { $0.squaredDistance < $1.squaredDistance || ($0.squaredDistance == $1.squaredDistance && $0.index < $1.index) }
                                    for rank in 0..<count { outputAddress[point * count + rank] = candidates[rank] }
                                }
                            }
                        }
                    }
                }
            }
            blockStart = blockEnd
        }
        return result
    }
}
