import Foundation
import Population
@testable import Risk
import Tables
import Testing

/// The same seed gives the same output whatever the thread count; the stream of a group depends
/// on its code, not its position.
@Suite struct DeterminismTests {
    static let model = TestModels.model([
        (.male, "0-64", TestModels.parametric(zero: 0.4, .lognormal(logMean: 6, logStandardDeviation: 1.4))),
        (.male, "65+", TestModels.parametric(zero: 0.1, .gamma(shape: 0.6, scale: 9000))),
        (.female, "0-64", .empirical(EmpiricalCost(costs: [0, 0, 0, 120, 480, 950, 2_300, 7_800, 15_000, 64_000]))),
        (.female, "65+", TestModels.parametric(zero: 0.1, .lognormal(logMean: 7.5, logStandardDeviation: 1.1))),
    ])

    static func population() -> GroupPopulation {
        GroupPopulation(codes: ["C1", "C2", "C3"], cellCount: 4, counts: [
            9_000, 1_500, 9_200, 1_900,
            40_000, 9_000, 41_000, 11_000,
            600, 90, 640, 120,
        ])
    }

    static func csv(threads: Int, seed: UInt64 = 3) throws -> [UInt8] {
        var settings = SimulationSettings(replications: 1_100, seed: seed, threads: threads)
        settings.highCostThreshold = 40_000
        let request = RiskRequest(model: model, population: population(), budgets: .expectedSpendWithMargin(0.01),
                                  riskShare: RiskShareArrangement(membership: PoolMembership(poolOfGroup: ["P", "P", "Q"]),
                                                                  pool: RiskSharePool(share: 0.5)),
                                  settings: settings)
        let result = RiskAnalysis.run(request)
        let path = NSTemporaryDirectory() + "risk-determinism-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try CSVWriter(path: path, header: RiskCSV.header)
        try RiskCSV.write(result, seed: seed, to: writer)
        try writer.commit()
        return Array(FileManager.default.contents(atPath: path)!)
    }

    @Test func sameSeedSameBytesForAnyThreadCount() throws {
        let one = try Self.csv(threads: 1)
        #expect(try Self.csv(threads: 2) == one)
        #expect(try Self.csv(threads: 3) == one)
        #expect(try Self.csv(threads: 8) == one)
        // 3 groups × 4 arrangements and a header.
        #expect(String(decoding: one, as: UTF8.self).split(separator: "\n").count == 13)
    }

    @Test func anotherSeedGivesOtherDraws() throws {
        #expect(try Self.csv(threads: 2, seed: 4) != (try Self.csv(threads: 2, seed: 3)))
    }

    @Test func aGroupsDrawsDependOnItsCodeNotItsPosition() {
        let settings = SimulationSettings(replications: 600, seed: 9, threads: 2)
        let counts = Array(Self.population().cells(ofGroup: 1))
        let alone = GroupSimulationPlan(code: "C2", counts: counts, model: Self.model, settings: settings)
        let first = GroupSimulationPlan(code: "C1", counts: Array(Self.population().cells(ofGroup: 0)), model: Self.model, settings: settings)
        let together = MonteCarloSimulation.run(plans: [first, alone], settings: settings)
        let separate = MonteCarloSimulation.run(plans: [alone], settings: settings)
        #expect(together[1].gross == separate[0].gross)
        #expect(together[0].gross != together[1].gross)
    }
}
