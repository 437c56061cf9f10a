/// Penny-exact apportionment by the largest-remainder (Hamilton) method.
///
/// Given real quotas qᵢ (for example each practice's share × the total in pence) and a whole
/// total T, every party first receives ⌊qᵢ⌋; the d = T − Σ⌊qᵢ⌋ units left over go one each to the
/// parties with the largest fractional remainders qᵢ − ⌊qᵢ⌋. Equal remainders are ordered by
/// `tieRank` (smaller rank first; callers pass the rank of the organisation code, so ties are
/// broken by code, smallest code first). The result always sums to T exactly.
///
/// When the quotas do not sum exactly to T (floating-point error, or quotas rounded elsewhere)
/// d may be negative or exceed the number of parties: a negative d takes one unit each from the
/// parties with the smallest remainders (largest rank first among equals), and the cycle repeats
/// until d is used up, so the sum is still exactly T and each party moves at most ⌈|d|/n⌉ units
/// away from ⌊qᵢ⌋.
///
/// Source: the largest-remainder method named for penny-exact budgets in design/methods.md
/// ("Penny-exact rounding").
public enum LargestRemainder {
    /// Whole units for each quota, summing to `total`. `tieRank[i]` orders equal remainders
    /// (defaults to the index). Quotas must be finite and below 2⁵³ in magnitude.
    public static func apportion(quotas: [Double], total: Int, tieRank: [Int]? = nil) -> [Int] {
        let count = quotas.count
        precondition(count > 0 || total == 0, "LargestRemainder: nothing to apportion \(total) among")
        if count == 0 { return [] }
        let ranks = tieRank ?? Array(0..<count)
        precondition(ranks.count == count, "LargestRemainder: one tie rank per quota")
        var units = [Int](repeating: 0, count: count)
        var remainders = [Double](repeating: 0, count: count)
        var assigned = 0
        for index in 0..<count {
            let quota = quotas[index]
            precondition(quota.isFinite && abs(quota) < 9.0e15, "LargestRemainder: quota \(index) is not a finite amount")
            let floor = quota.rounded(.down)
            units[index] = Int(floor)
            remainders[index] = quota - floor
            assigned += units[index]
        }
        var deficit = total - assigned
        if deficit == 0 { return units }
        // Largest remainder first; among equal remainders, the smaller rank first.
        let order = (0..<count).sorted { left, right in
            if remainders[left] != remainders[right] { return remainders[left] > remainders[right] }
            return ranks[left] < ranks[right]
        }
        var position = 0
        while deficit > 0 {
            units[order[position % count]] += 1
            position += 1
            deficit -= 1
        }
        while deficit < 0 {
            units[order[count - 1 - position % count]] -= 1
            position += 1
            deficit += 1
        }
        return units
    }

    /// Splits `total` (≥ 0) into whole parts proportional to `weights` (≥ 0, with a positive sum):
    /// the quotas are total·wᵢ/Σw, apportioned as above with ties to the lower index.
    public static func apportion(total: Int, weights: [Double]) -> [Int] {
        precondition(total >= 0)
        let sum = weights.reduce(0, +)
        precondition(sum > 0 && weights.allSatisfy { $0 >= 0 }, "LargestRemainder: weights must be >= 0 with a positive sum")
        return apportion(quotas: weights.map { Double(total) * $0 / sum }, total: total)
    }

    /// The rank of each code in byte order: rank 0 is the smallest code. Used as `tieRank` so
    /// that equal remainders are broken by code.
    public static func ranks(ofCodes codes: [String]) -> [Int] {
        let order = (0..<codes.count).sorted { codes[$0].utf8.lexicographicallyPrecedes(codes[$1].utf8) }
        var ranks = [Int](repeating: 0, count: codes.count)
        for (rank, index) in order.enumerated() { ranks[index] = rank }
        return ranks
    }
}
