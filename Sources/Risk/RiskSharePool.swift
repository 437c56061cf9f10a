/// A risk-sharing pool of groups: each member bears (1 − f) of its own overspend, and the
/// fraction f of every member's overspend is paid by all members in proportion to their budgets.
///
/// In a replication with spends Sⱼ and budgets Bⱼ, overspends Oⱼ = max(Sⱼ − Bⱼ, 0):
///
///   net spend of member c = S_c − f·O_c + f·(B_c / Σⱼ Bⱼ)·Σⱼ Oⱼ
///
/// Underspends are not shared. Pool totals are conserved: Σ net = Σ S. A member alone in its
/// pool keeps its own spend. The share key (budgets) is this engine's choice, stated in docs/risk.md.
public struct RiskSharePool: Sendable {
    /// f, the fraction of each overspend that is pooled, in [0, 1].
    public let share: Double

    public init(share: Double) {
        precondition(share >= 0 && share <= 1, "RiskSharePool: share \(share)")
        self.share = share
    }

    /// The members' net spends, replication by replication. `spends[m]` and `budgets[m]` belong
    /// to member m; every spends array has the same length.
    public func netSpends(spends: [[Double]], budgets: [Double]) -> [[Double]] {
        precondition(spends.count == budgets.count && !spends.isEmpty, "RiskSharePool: one budget per member")
        let replications = spends[0].count
        let budgetTotal = budgets.reduce(0, +)
        let weights = budgets.map { budgetTotal > 0 ? $0 / budgetTotal : 1 / Double(budgets.count) }
        var net = spends
        for replication in 0..<replications {
            var pooled = 0.0
            for member in 0..<spends.count {
                pooled += max(spends[member][replication] - budgets[member], 0)
            }
            guard pooled > 0 else { continue }
            for member in 0..<spends.count {
                let overspend = max(spends[member][replication] - budgets[member], 0)
                net[member][replication] += share * (weights[member] * pooled - overspend)
            }
        }
        return net
    }
}
