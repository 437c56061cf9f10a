import Apportionment
import Testing
@testable import Allocation
import Population
import Tables

private func solve(_ baselines: [Int], _ targets: [Int], total: Int, rule: PaceOfChangeRule) throws -> PaceOfChangeSolution {
    let codes = (0..<baselines.count).map { "P\($0 + 100)" }
    return try PaceOfChange.solve(baselines: baselines, targets: targets, total: total, rule: rule,
                                  tieRank: LargestRemainder.ranks(ofCodes: codes), codes: codes,
                                  baselineLocation: { _ in SourceLocation(file: "baseline.csv") })
}

@Test func handSolvedPaceOfChange() throws {
    // Baselines £1,000 each; targets £800, £1,100, £1,400; total £3,300; m = 1%, f = 0.5, cap 2%.
    // For 0.02 ≤ θ < 0.1: P1 (over target) gets 1000 × 1.02 = 1020; P2: u = 1000(1+θ),
    // u + 0.5(1100 − u) = 1050 + 500θ; P3: u + 0.5(1400 − u) = 1200 + 500θ.
    // 1020 + 2250 + 1000θ = 3300 gives θ = 0.03: budgets £1,020, £1,065, £1,215.
    let rule = PaceOfChangeRule(minimumGrowth: 0.01, gapClosure: 0.5, maximumGrowthOverTarget: 0.02)
    let solution = try solve([100_000, 100_000, 100_000], [80_000, 110_000, 140_000], total: 330_000, rule: rule)
    #expect(abs(solution.commonGrowth - 0.03) < 1e-12)
    #expect(solution.budgets == [102_000, 106_500, 121_500])
}

@Test func minimumGrowthBindsWhenMoneyIsShort() throws {
    // Same practices, total £3,100 (0 ≤ θ below the cap would give 1000(1+θ) + … too much):
    // for θ < 0.01 P1 gets its floor 1010; P2 max(1010, 1050 + 500θ), P3 max(1010, 1200 + 500θ).
    // 1010 + 2250 + 1000θ = 3100 → θ = −0.16: P2 = max(1010, 970) = 1010 — the floor binds, so
    // 1010 + 1010 + 1200 + 500θ = 3100 → θ = −0.24: P3 = 1080. Budgets £1,010, £1,010, £1,080.
    let rule = PaceOfChangeRule(minimumGrowth: 0.01, gapClosure: 0.5, maximumGrowthOverTarget: 0.02)
    let solution = try solve([100_000, 100_000, 100_000], [80_000, 110_000, 140_000], total: 310_000, rule: rule)
    #expect(solution.budgets == [101_000, 101_000, 108_000])
    #expect(abs(solution.commonGrowth - -0.24) < 1e-12)
}

@Test func totalBelowEveryonesFloorIsAnError() {
    // Floors add up to 3 × 1010 = £3,030; £3,000 cannot be met.
    let rule = PaceOfChangeRule(minimumGrowth: 0.01, gapClosure: 0.5, maximumGrowthOverTarget: 0.02)
    #expect(throws: DataError.self) { try solve([100_000, 100_000, 100_000], [80_000, 110_000, 140_000], total: 300_000, rule: rule) }
}

@Test func totalAboveWhatTheCapAllowsIsAnError() {
    // Everybody over target and capped at 2%: at most £2,040 from baselines of £2,000.
    let rule = PaceOfChangeRule(minimumGrowth: 0, gapClosure: 0.5, maximumGrowthOverTarget: 0.02)
    #expect(throws: DataError.self) { try solve([100_000, 100_000], [90_000, 90_000], total: 210_000, rule: rule) }
}

@Test func pennyLeftoversAreRoundedByLargestRemainder() throws {
    // Three equal practices over target, no cap: each gets a third of 100,001 pence; the extra
    // penny goes to the smallest code, P100.
    let rule = PaceOfChangeRule(minimumGrowth: -0.5, gapClosure: 0, maximumGrowthOverTarget: nil)
    let solution = try solve([30_000, 30_000, 30_000], [10_000, 10_000, 10_000], total: 100_001, rule: rule)
    #expect(solution.budgets == [33_334, 33_334, 33_333])
}

@Test func paceOfChangeKeepsTheTotalAndTheOrderingRules() throws {
    // Property test over random baselines and targets (seeded): the budgets add up to the total,
    // everyone gets at least the minimum growth, those over target no more than the cap, those
    // under target at least as much growth as anyone over target, and further under target means
    // at least as much growth. Growth is compared with one penny of slack for the rounding.
    var generator = SyntheticRandom(seed: 20_231_101)
    var cases = 0
    while cases < 2_000 {
        let count = Int.random(in: 1...40, using: &generator)
        let baselines = (0..<count).map { _ in Int.random(in: 1_000...50_000_000, using: &generator) }
        let targetShares = (0..<count).map { _ in Double.random(in: 0.2...3, using: &generator) }
        let baselineTotal = baselines.reduce(0, +)
        let total = Int(Double(baselineTotal) * Double.random(in: 0.98...1.10, using: &generator))
        let shareSum = targetShares.reduce(0, +)
        let targets = LargestRemainder.apportion(quotas: targetShares.map { $0 / shareSum * Double(total) }, total: total)
        let minimum = Double.random(in: -0.02...0.02, using: &generator)
        let cap = Bool.random(using: &generator) ? minimum + Double.random(in: 0...0.05, using: &generator) : nil
        let rule = PaceOfChangeRule(minimumGrowth: minimum, gapClosure: Double.random(in: 0...1, using: &generator), maximumGrowthOverTarget: cap)
        guard let solution = try? solve(baselines, targets, total: total, rule: rule) else { continue }
        cases += 1
        #expect(solution.budgets.reduce(0, +) == total)
        let growth = (0..<count).map { Double(solution.budgets[$0] - baselines[$0]) / Double(baselines[$0]) }
        let slack = (0..<count).map { 1.0 / Double(baselines[$0]) }
        var lowestUnderGrowth = Double.infinity
        var highestOverGrowth = -Double.infinity
        for index in 0..<count {
            #expect(growth[index] >= minimum - slack[index])
            if baselines[index] >= targets[index] {
                if let cap { #expect(growth[index] <= max(minimum, cap) + slack[index]) }
                highestOverGrowth = max(highestOverGrowth, growth[index] - slack[index])
            } else {
                lowestUnderGrowth = min(lowestUnderGrowth, growth[index] + slack[index])
            }
        }
        #expect(lowestUnderGrowth >= highestOverGrowth - 1e-12)
        let under = (0..<count).filter { baselines[$0] < targets[$0] }
        for left in under {
            for right in under where Double(targets[left]) / Double(baselines[left]) > Double(targets[right]) / Double(baselines[right]) {
                #expect(growth[left] + slack[left] >= growth[right] - slack[right] - 1e-12)
            }
        }
    }
}
