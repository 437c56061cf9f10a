/// Quintiles, deciles or any number of equal-count groups of organisations ranked by value.
///
/// Rule: sort the values ascending; an organisation's rank `r` is 1 plus the number of values
/// strictly smaller than its own (the "minimum" rank, so tied values share a rank); its group is
/// `⌊g · (r − 1) / I⌋ + 1` for `g` groups and `I` organisations. Group 1 holds the lowest values and
/// group `g` the highest, whatever the indicator's polarity. Ties always share a group (the group of
/// their lowest position), so a run of ties can make a group larger than `I / g` and the next one
/// smaller; without ties the groups differ in size by at most one. The result depends only on the
/// values, never on the order of the input.
public enum QuantileGroups {
    /// Group numbers (1...groupCount) for `values`, in the order given. Values must be finite.
    public static func assign(values: [Double], groupCount: Int) -> [Int] {
        assign(ranks: minimumRanks(values), groupCount: groupCount)
    }

    /// Group numbers from minimum ranks (`minimumRanks`), so that several groupings share one sort.
    public static func assign(ranks: [Int], groupCount: Int) -> [Int] {
        precondition(groupCount >= 1, "QuantileGroups: at least one group")
        let count = ranks.count
        return ranks.map { groupCount * ($0 - 1) / count + 1 }
    }

    /// Each value's rank among `values` ascending: 1 plus the number of values strictly smaller.
    public static func minimumRanks(_ values: [Double]) -> [Int] {
        let count = values.count
        var pairs = values.enumerated().map { (value: $0.element, index: $0.offset) }
        pairs.sort { $0.value < $1.value }
        var ranks = [Int](repeating: 0, count: count)
        var position = 0
        while position < count {
            let value = pairs[position].value
            var tied = position
            while tied < count && pairs[tied].value == value {
                ranks[pairs[tied].index] = position + 1
                tied += 1
            }
            position = tied
        }
        return ranks
    }
}
