/// Running column totals Σ wᵢxᵢⱼ over a stream of column-major chunks.
///
/// Each chunk's column sum is formed by plain summation (error about rows·ε relative to Σ|wx|
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

    /// Adds Σᵢ wᵢ·block[i + j·leadingDimension] over the first `rows` rows to total j, for every j.
    mutating func addColumns(of block: UnsafeBufferPointer<Double>, rows: Int, leadingDimension: Int, weights: UnsafeBufferPointer<Double>?) {
        let base = block.baseAddress!
        for j in sums.indices {
            let column = base + j * leadingDimension
            var chunkSum = 0.0
            if let weights {
                for i in 0..<rows { chunkSum += weights[i] * column[i] }
            } else {
                for i in 0..<rows { chunkSum += column[i] }
            }
            add(chunkSum, to: j)
        }
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
