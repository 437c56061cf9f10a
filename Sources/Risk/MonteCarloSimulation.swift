import Dispatch
import Foundation
import Population

/// Draws every group's annual spend `replications` times.
///
/// Work is cut into items (group, block of `SimulationSettings.replicationsPerBlock`
/// replications); each item has its own xoshiro256** stream, seeded from (seed, hash of the group
/// code, block), and writes only its own slice of the result. Worker threads
/// (`DispatchQueue.concurrentPerform`) take items in turn, so which thread runs an item never
/// changes what it draws: the output is the same for any thread count.
///
/// Within an item the work is vectorised over replications: for each cell, a loop over the
/// block's replications draws the cell's counts and exact persons and accumulates the bulk's
/// mean and variance per replication; a last loop draws one normal per replication for all bulks.
public enum MonteCarloSimulation {
    public static func run(plans: [GroupSimulationPlan], settings: SimulationSettings) -> [SimulatedSpend] {
        let replications = settings.replications
        let blockSize = SimulationSettings.replicationsPerBlock
        let blocks = (replications + blockSize - 1) / blockSize
        let items = plans.count * blocks
        let tracksExcess = settings.highCostThreshold != nil
        let threshold = settings.highCostThreshold ?? .infinity
        let total = plans.count * replications
        let gross = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, total))
        let excess = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, tracksExcess ? total : 1))
        defer {
            gross.deallocate()
            excess.deallocate()
        }
        gross.initialize(repeating: 0)
        excess.initialize(repeating: 0)

        let queue = WorkQueue(count: items)
        let workers = max(1, min(settings.threads, items))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var bulkMean = [Double](repeating: 0, count: blockSize)
            var bulkVariance = [Double](repeating: 0, count: blockSize)
            while let item = queue.next() {
                let group = item / blocks
                let block = item % blocks
                let first = block * blockSize
                let length = min(blockSize, replications - first)
                let offset = group * replications + first
                var random = SyntheticRandom(seed: settings.seed, stream: StreamKey.stream(groupHash: plans[group].streamHash, block: block))
                simulateBlock(plan: plans[group], length: length, random: &random,
                              gross: gross.baseAddress! + offset, excess: tracksExcess ? excess.baseAddress! + offset : nil,
                              threshold: threshold, bulkMean: &bulkMean, bulkVariance: &bulkVariance)
            }
        }
        return (0..<plans.count).map { group in
            let range = (group * replications)..<((group + 1) * replications)
            return SimulatedSpend(gross: Array(gross[range]), excess: tracksExcess ? Array(excess[range]) : nil)
        }
    }

    /// One block of one group: `length` replications written at `gross` (and `excess`).
    static func simulateBlock(plan: GroupSimulationPlan, length: Int, random: inout SyntheticRandom,
                              gross: UnsafeMutablePointer<Double>, excess: UnsafeMutablePointer<Double>?, threshold: Double,
                              bulkMean: inout [Double], bulkVariance: inout [Double]) {
        for index in 0..<length {
            bulkMean[index] = 0
            bulkVariance[index] = 0
        }
        for cell in plan.cells {
            let n = cell.persons
            switch cell.kind {
            case let .gammaSum(positiveProbability, shape, scale):
                for index in 0..<length {
                    let withCost = random.binomial(trials: n, probability: positiveProbability)
                    if withCost > 0 { gross[index] += scale * random.gamma(shape: shape * Double(withCost)) }
                }
            case let .split(exceedance, mean, variance, sampler):
                for index in 0..<length {
                    let above = exceedance > 0 ? random.binomial(trials: n, probability: exceedance) : 0
                    let below = Double(n - above)
                    bulkMean[index] += below * mean
                    bulkVariance[index] += below * variance
                    guard above > 0, let sampler else { continue }
                    var sum = 0.0
                    var paid = 0.0
                    for _ in 0..<above {
                        let cost = sampler.draw(&random)
                        sum += cost
                        if cost > threshold { paid += cost - threshold }
                    }
                    gross[index] += sum
                    excess?[index] += paid
                }
            }
        }
        for index in 0..<length {
            let variance = bulkVariance[index]
            gross[index] += variance > 0 ? bulkMean[index] + variance.squareRoot() * random.normal() : bulkMean[index]
        }
    }
}

/// Hands out work item numbers 0, 1, 2, … to worker threads, each once.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextItem = 0
    private let count: Int

    init(count: Int) {
        self.count = count
    }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextItem < count else { return nil }
        nextItem += 1
        return nextItem - 1
    }
}
