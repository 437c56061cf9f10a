/// The arrangements whose figures are reported side by side for every group.
public enum PoolingArrangement: String, CaseIterable, Sendable {
    /// The group bears all its own spend.
    case none = "none"
    /// A high-cost patient pool pays each person's cost above the threshold (`HighCostPool`).
    case highCostPool = "high_cost_pool"
    /// The group shares a fraction of overspends with its pool (`RiskSharePool`).
    case riskShare = "risk_share"
    /// The high-cost pool first, then risk sharing of what is left.
    case highCostPoolAndRiskShare = "high_cost_pool+risk_share"
}

/// How budgets are set.
public enum BudgetRule: Sendable {
    /// Given budgets in pounds, one per group in the population's order.
    case given([Double])
    /// B = E[S]·(1 + margin).
    case expectedSpendWithMargin(Double)
}

/// A risk-sharing arrangement: which pool each group is in and what fraction of overspends is
/// shared.
public struct RiskShareArrangement: Sendable {
    public let membership: PoolMembership
    public let pool: RiskSharePool

    public init(membership: PoolMembership, pool: RiskSharePool) {
        self.membership = membership
        self.pool = pool
    }
}
