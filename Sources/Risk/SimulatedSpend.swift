/// The simulated annual spend of one group: one value per replication.
public struct SimulatedSpend: Sendable {
    /// Total cost of the group's persons, Σ X.
    public let gross: [Double]
    /// What a high-cost pool with threshold T would pay for them, Σ (X − T)⁺ (nil without a pool).
    public let excess: [Double]?

    public init(gross: [Double], excess: [Double]?) {
        precondition(excess == nil || excess!.count == gross.count, "SimulatedSpend: lengths differ")
        self.gross = gross
        self.excess = excess
    }

    /// Σ min(X, T) = gross − excess: what the group keeps under the high-cost pool.
    public var kept: [Double]? {
        guard let excess else { return nil }
        return zip(gross, excess).map { $0 - $1 }
    }
}
