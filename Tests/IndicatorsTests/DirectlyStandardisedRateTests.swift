import Indicators
import Population
import Statistics
import Testing

/// DSRs against indicator_reference.py (Dobson limits with scipy's normal quantile) and a hand
/// calculation.
@Suite struct DirectlyStandardisedRateTests {
    static let esp = StandardPopulation.europe2013.weights

    static func strata(_ counts: [Double], _ populations: [Double], _ weights: [Double]) -> [StandardisationStratum] {
        (0..<counts.count).map { StandardisationStratum(count: counts[$0], population: populations[$0], weight: weights[$0]) }
    }

    static let d1Counts: [Double] = [3, 0, 1, 2, 4, 5, 6, 8, 10, 14, 19, 26, 33, 41, 52, 60, 55, 40, 28]
    static let d1Populations: [Double] = [5210, 5544, 5390, 5102, 6120, 6711, 7003, 6890, 6512, 6230, 6088, 5890, 5402, 4980,
                                          4411, 3320, 2280, 1350, 702.5]
    static let d2Counts: [Double] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 0, 1, 2, 1, 2, 1]
    static let d2Populations: [Double] = [812, 790, 801, 770, 654, 702, 731, 768, 790, 805, 822, 811, 760, 700, 650, 520, 380, 210, 95]

    @Test func nineteenBandsWithZeroCounts() {
        // Script D1: total_count 407, total_pop 95135.5, value, limits at 95% and 99.8%.
        let rate = DirectlyStandardisedRate.dobson(strata: Self.strata(Self.d1Counts, Self.d1Populations, Self.esp), confidence: levels)
        #expect(rate.totalCount == 407)
        #expect(rate.totalPopulation == 95135.5)
        expectEstimate(rate.estimate, [462.93882186254876, 418.8946637455343, 510.34152139023837, 395.006341686664, 538.6042339694217])
        #expect(rate.estimate.method == "Dobson")
        #expect(rate.estimate.suppression == nil)
    }

    @Test func totalCountOfTenIsShown() {
        // Script D2: total count exactly 10, the smallest that is published.
        let rate = DirectlyStandardisedRate.dobson(strata: Self.strata(Self.d2Counts, Self.d2Populations, Self.esp), confidence: levels)
        expectEstimate(rate.estimate, [78.77318928990078, 37.37312499617462, 145.4213595832419, 22.511883425479724, 191.505175531397])
    }

    @Test func totalCountBelowTenIsSuppressed() {
        // Script D3 has total count 9: PHEindicatormethods calculate_dsr gives NA ("dsr NA for total
        // count < 10"); the totals stay.
        var counts = Self.d2Counts
        counts[17] = 1
        let rate = DirectlyStandardisedRate.dobson(strata: Self.strata(counts, Self.d2Populations, Self.esp), confidence: levels)
        #expect(rate.totalCount == 9)
        #expect(rate.totalPopulation == 12571)
        #expect(rate.estimate.value == nil)
        #expect(rate.estimate.limits.allSatisfy { $0.lower == nil && $0.upper == nil })
        #expect(rate.estimate.limits.count == 2)
        #expect(rate.estimate.suppression == "total count below 10")
    }

    @Test func dobsonLowerLimitIsNotClippedAtZero() {
        // Two strata of equal standard weight, one with 100 deaths in 1,000,000 and one with 1 death
        // in 1: the variance comes almost all from the second stratum while the total count (101)
        // is large, so Dobson's lower limit DSR + sqrt(var/O)(O_L - O) is below zero. As in
        // PHEindicatormethods, it is reported as computed, not clipped. Hand calculation (Python,
        // z = Φ⁻¹(0.975), Byar's O_L = O(1 - 1/(9O) - z/(3√O))³, O_U with O + 1):
        // DSR = 50005.0, lower -43208.670595639356, upper 158092.38614544095 per 100,000.
        let strata = [StandardisationStratum(count: 100, population: 1_000_000, weight: 1),
                      StandardisationStratum(count: 1, population: 1, weight: 1)]
        let rate = DirectlyStandardisedRate.dobson(strata: strata, confidence: [ConfidenceLevel(percent: 95)])
        expectClose(rate.estimate.value, 50005.0)
        expectClose(rate.estimate.limits[0].lower, -43208.670595639356)
        expectClose(rate.estimate.limits[0].upper, 158092.38614544095)
        #expect((rate.estimate.limits[0].lower ?? 0) < 0)
    }

    @Test func zeroTotalCountIsSuppressed() {
        let rate = DirectlyStandardisedRate.dobson(strata: Self.strata([0, 0], [100, 200], [1, 1]), confidence: levels)
        #expect(rate.estimate.value == nil)
        #expect(rate.estimate.suppression == "total count below 10")
    }

    @Test func customStandardByHand() {
        // Script D4, and by hand: rates 12/40000, 40/25000, 95/9000 weighted 50, 30, 20:
        // (50·0.0003 + 30·0.0016 + 20·0.010555…)/100 × 1e5 = (0.015 + 0.048 + 0.211111…)/100 × 1e5
        // = 274.1111111111111.
        let rate = DirectlyStandardisedRate.dobson(strata: Self.strata([12, 40, 95], [40000, 25000, 9000], [50, 30, 20]),
                                                   confidence: levels)
        expectEstimate(rate.estimate, [274.1111111111111, 230.1829319089929, 323.7674813498115, 207.35780051225728, 354.0068917405289])
        #expect(rate.totalCount == 147)
    }
}
