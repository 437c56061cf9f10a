/// Whole numbers from shares: the largest-remainder (Hamilton) method.
public enum Apportionment {
    /// Splits `total` (≥ 0) into whole parts proportional to `weights` (≥ 0, not all 0): each
    /// part is ⌊total·wᵢ/Σw⌋, and the units left over go one each to the largest remainders
    /// (ties to the lower index). The parts sum to `total` exactly.
    public static func largestRemainder(total: Int, weights: [Double]) -> [Int] {
        precondition(total >= 0)
        let sum = weights.reduce(0, +)
        precondition(sum > 0 && weights.allSatisfy { $0 >= 0 }, "largestRemainder: weights must be >= 0 with a positive sum")
        var parts = [Int]()
        parts.reserveCapacity(weights.count)
        var remainders = [(remainder: Double, index: Int)]()
        remainders.reserveCapacity(weights.count)
        var assigned = 0
        for (index, weight) in weights.enumerated() {
            let exact = Double(total) * weight / sum
            let whole = Int(exact.rounded(.down))
            parts.append(whole)
            assigned += whole
            remainders.append((exact - Double(whole), index))
        }
        var left = total - assigned
        if left > 0 {
            remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
            var position = 0
            while left > 0 {
                parts[remainders[position % remainders.count].index] += 1
                left -= 1
                position += 1
            }
        }
        return parts
    }
}
