@testable import Risk
import Testing

/// Monte Carlo figures from a sample, by hand.
@Suite struct SpendSummaryTests {
    @Test func figuresOfTenValuesByHand() {
        // Spends 1…10 (shuffled), budget 7:
        // mean 5.5; Σ(x − 5.5)² = 82.5, sd = √(82.5/9) = 3.0276503540974917; SE of mean sd/√10;
        // P(S > 7) = 3/10, SE √(0.3·0.7/10);
        // type-7 quantiles (numpy.quantile): Q(0.95) = 9 + 0.55·1 = 9.55, Q(0.99) = 9.91, so the
        // overspends are 2.55 and 2.91 and the reserve for π = 0.95 is 2.55.
        let summary = SpendSummary(spends: [4, 9, 1, 10, 7, 2, 8, 3, 6, 5], budget: 7, breakEvenProbability: 0.95)
        #expect(summary.mean == 5.5)
        #expect(abs(summary.standardDeviation - 3.0276503540974917) < 1e-15)
        #expect(abs(summary.meanStandardError - 3.0276503540974917 / 10.0.squareRoot()) < 1e-15)
        #expect(summary.probabilityOfOverspend == 0.3)
        #expect(abs(summary.probabilityOfOverspendStandardError - (0.3 * 0.7 / 10).squareRoot()) < 1e-15)
        #expect(abs(summary.overspendAt95 - 2.55) < 1e-12)
        #expect(abs(summary.overspendAt99 - 2.91) < 1e-12)
        #expect(abs(summary.breakEvenSpend - 9.55) < 1e-12)
        #expect(abs(summary.reserve - 2.55) < 1e-12)
    }

    @Test func aGenerousBudgetNeedsNoReserve() {
        // All spends below the budget: P = 0, negative overspends, reserve 0.
        let summary = SpendSummary(spends: [1, 2, 3], budget: 10, breakEvenProbability: 0.95)
        #expect(summary.probabilityOfOverspend == 0)
        #expect(summary.overspendAt95 < 0)
        #expect(summary.reserve == 0)
    }

    @Test func spendEqualToTheBudgetIsNotAnOverspend() {
        let summary = SpendSummary(spends: [5, 5, 6, 4], budget: 5, breakEvenProbability: 0.5)
        #expect(summary.probabilityOfOverspend == 0.25)
    }

    @Test func singleReplication() {
        let summary = SpendSummary(spends: [12], budget: 10, breakEvenProbability: 0.95)
        #expect(summary.standardDeviation == 0)
        #expect(summary.overspendAt99 == 2)
        #expect(summary.reserve == 2)
    }
}

/// Pools, by hand.
@Suite struct PoolTests {
    @Test func riskShareByHand() {
        // Budgets 100 and 300, spends 150 and 250, f = ½: overspends 50 and 0, pooled 50; budget
        // weights ¼ and ¾. Member 1: 150 − ½·50 + ½·¼·50 = 131.25; member 2: 250 + ½·¾·50 = 268.75.
        let pool = RiskSharePool(share: 0.5)
        let net = pool.netSpends(spends: [[150], [250]], budgets: [100, 300])
        #expect(net[0][0] == 131.25)
        #expect(net[1][0] == 268.75)
    }

    @Test func riskShareConservesThePoolTotal() {
        // Σ net = Σ spend in every replication (the pooled overspends are paid out in full).
        let spends: [[Double]] = [[90, 130, 210], [400, 260, 310], [55, 80, 20]]
        let budgets: [Double] = [120, 300, 60]
        let net = RiskSharePool(share: 0.7).netSpends(spends: spends, budgets: budgets)
        for replication in 0..<3 {
            let before = spends.map { $0[replication] }.reduce(0, +)
            let after = net.map { $0[replication] }.reduce(0, +)
            #expect(abs(before - after) < 1e-9)
        }
    }

    @Test func riskShareWithoutOverspendsChangesNothing() {
        let net = RiskSharePool(share: 1).netSpends(spends: [[10], [20]], budgets: [100, 100])
        #expect(net == [[10], [20]])
    }

    @Test func riskShareOfNothingIsStandAlone() {
        let net = RiskSharePool(share: 0).netSpends(spends: [[150], [250]], budgets: [100, 300])
        #expect(net == [[150], [250]])
    }

    @Test func highCostPoolByHand() {
        // Gross 1,000 of which 300 above the threshold; contribution 250: kept 700 + 250 = 950.
        let pool = HighCostPool(threshold: 5_000)
        #expect(pool.spends(gross: [1_000, 400], excess: [300, 0], contribution: 250) == [950, 650])
    }

    @Test func berryEsseenBoundByHand() {
        // n = 100 Bernoulli(½) summands: σ² = ¼, ρ = E|X − ½|³ = ⅛; bound = 0.56·(100/8)/(100/4)^(3/2)
        // = 0.56·12.5/125 = 0.056.
        #expect(abs(BerryEsseenBound.bound(sumOfThirdAbsoluteMoments: 12.5, sumOfVariances: 25) - 0.056) < 1e-15)
        #expect(BerryEsseenBound.bound(sumOfThirdAbsoluteMoments: 0, sumOfVariances: 0) == 0)
        #expect(BerryEsseenBound.bound(sumOfThirdAbsoluteMoments: 100, sumOfVariances: 1) == 1)
    }
}
