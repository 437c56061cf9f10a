/// A high-cost patient pool with threshold T per person: the pool pays each person's cost above
/// T, (X − T)⁺, and each group pays in a contribution equal to its own expected excess
/// E Σ (X − T)⁺ (an actuarially fair, risk-rated premium), so its expected spend is unchanged and
/// only the spread is pooled:
///
///   spend of group c under the pool = Σ min(X, T) + E Σ (X − T)⁺
///
/// The pool itself breaks even on average; its shortfalls are not charged back to the groups.
public struct HighCostPool: Hashable, Sendable {
    public let threshold: Double

    public init(threshold: Double) {
        precondition(threshold >= 0, "HighCostPool: threshold \(threshold)")
        self.threshold = threshold
    }

    /// gross − excess + contribution, replication by replication.
    public func spends(gross: [Double], excess: [Double], contribution: Double) -> [Double] {
        precondition(gross.count == excess.count, "HighCostPool: lengths differ")
        return zip(gross, excess).map { $0 - $1 + contribution }
    }
}
