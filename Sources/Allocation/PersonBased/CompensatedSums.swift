/// Running column totals Σ wᵢxᵢⱼ over a stream of chunks.
///
/// Each chunk's column sum is formed by plain summation (by `DesignChunkFiller`, while it copies) (error about rows·ε relative to Σ|wx|
/// within the chunk), and the chunk sums are added to the totals with Neumaier's compensated
/// summation (Neumaier, *ZAMM* 54, 1974; Higham, *Accuracy and Stability of Numerical
/// Algorithms*, 2nd ed., §4.3), so the error does not grow with the number of chunks.
struct CompensatedSums {
    private var sums: [Double]
    private var compensations: [Double]

    init(count: Int) {
        sums = [Double](repeating: 0, count: count)
        compensations = [Double](repeating: 0, count: count)
    }

    /// The totals so far.
    var totals: [Double] { zip(sums, compensations).map { $0 + $1 } }

    /// Adds one chunk's column sums to the totals.
    mutating func add(_ chunkSums: [Double]) {
        precondition(chunkSums.count == sums.count, "CompensatedSums: one sum per column")
        for (index, value) in chunkSums.enumerated() { add(value, to: index) }
    }

    private mutating func add(_ value: Double, to index: Int) {
        let sum = sums[index]
        let total = sum + value
        if abs(sum) >= abs(value) {
            compensations[index] += (sum - total) + value
        } else {
            compensations[index] += (value - total) + sum
        }
        sums[index] = total
    }
}
