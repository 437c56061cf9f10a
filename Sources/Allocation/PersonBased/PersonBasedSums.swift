import Linear

/// The sufficient statistics of a person-based fit over some persons: the normal equations
/// (XᵀWX, XᵀWy, yᵀWy, Σwy, Σw and n, held by a `NormalEquationsAccumulator` about its shift),
/// the column totals Σ wᵢxᵢⱼ of every term (for the national means), the rows read and, when
/// counted, the persons with positive weight at each categorical level.
///
/// Least squares needs nothing else: sums over disjoint sets of persons add up to the sums over
/// their union (the accumulator's `merge` moves each set's sums to a common shift first), so the
/// fit of the union follows exactly from the sums of the parts (the fit across data holders of
/// docs/pbra-model.md).
struct PersonBasedSums: Sendable {
    let design: PersonBasedDesign
    var accumulator: NormalEquationsAccumulator
    var columnSums: CompensatedSums
    var rowsRead = 0
    /// Variable → level → persons with positive weight (empty unless counted).
    var levelCounts: [String: [String: Int]] = [:]

    /// Empty sums for `design`.
    init(design: PersonBasedDesign) throws {
        self.design = design
        accumulator = try NormalEquationsAccumulator(columnNames: design.termNames, weighted: design.model.weights != nil)
        columnSums = CompensatedSums(count: design.termCount)
    }

    /// The fit from these sums and its solved normal equations: the national means are
    /// Σ wᵢxᵢⱼ / Σ wᵢ and the response mean Σ wᵢyᵢ / Σ wᵢ.
    func fit(regression: RegressionFit, robust: RobustCovariance?, passes: Int, timings: PersonBasedFitTimings) throws -> PersonBasedFit {
        let sumOfWeights = accumulator.sumOfWeights
        let means = columnSums.totals.map { $0 / sumOfWeights }
        let responseMean = try accumulator.responseSum() / sumOfWeights
        return PersonBasedFit(design: design, regression: regression, robust: robust, nationalMeans: means,
                              sumOfWeights: sumOfWeights, responseMean: responseMean, rowsRead: rowsRead, passes: passes, timings: timings)
    }
}
