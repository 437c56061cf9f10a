/// How the Monte Carlo simulation runs.
public struct SimulationSettings: Sendable {
    /// Replications (R ≥ 1): independent draws of every group's annual spend.
    public var replications: Int
    /// The seed: the same seed gives the same draws whatever the thread count.
    public var seed: UInt64
    /// Worker threads (≥ 1); results do not depend on it.
    public var threads: Int
    /// q_min: in every group at least the persons whose cost exceeds the quantile of upper-tail
    /// probability q_min are drawn one by one (default 0.001).
    public var exactTailProbability: Double
    /// D: a group of N persons draws the persons above the quantile of upper-tail probability
    /// q = max(q_min, min(1, D/N)) one by one, about D per replication for small groups (every
    /// person with a cost when N ≤ D). Default 1,000.
    public var exactPersonsPerReplication: Int
    /// A high-cost pool's threshold per person, in pounds: the pool pays each person's cost above
    /// it. Nil when there is no such pool.
    public var highCostThreshold: Double?

    /// Replications per work item: each (group, block) has its own random stream.
    public static let replicationsPerBlock = 250

    public init(replications: Int, seed: UInt64, threads: Int = 1, exactTailProbability: Double = 0.001,
                exactPersonsPerReplication: Int = 1_000, highCostThreshold: Double? = nil) {
        precondition(replications >= 1 && threads >= 1, "SimulationSettings: replications \(replications), threads \(threads)")
        precondition(exactTailProbability > 0 && exactTailProbability <= 1, "SimulationSettings: q_min \(exactTailProbability)")
        precondition(exactPersonsPerReplication >= 0, "SimulationSettings: D \(exactPersonsPerReplication)")
        if let highCostThreshold { precondition(highCostThreshold >= 0, "SimulationSettings: threshold \(highCostThreshold)") }
        self.replications = replications
        self.seed = seed
        self.threads = threads
        self.exactTailProbability = exactTailProbability
        self.exactPersonsPerReplication = exactPersonsPerReplication
        self.highCostThreshold = highCostThreshold
    }

    /// q = max(q_min, min(1, D/N)) for a group of N persons.
    public func exceedanceProbability(persons: Int) -> Double {
        guard persons > 0 else { return 1 }
        return max(exactTailProbability, min(1, Double(exactPersonsPerReplication) / Double(persons)))
    }
}
