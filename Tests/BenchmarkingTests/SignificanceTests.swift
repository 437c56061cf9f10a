import Testing
@testable import Benchmarking

@Suite struct SignificanceTests {
    @Test func intervalAboveTheComparatorIsHigher() {
        #expect(Significance.compare(lower: 15.1, upper: 16.2, comparator: 15, polarity: .noJudgement) == .higher)
        #expect(Significance.compare(lower: 15.1, upper: 16.2, comparator: 15, polarity: .lowerIsBetter) == .worse)
        #expect(Significance.compare(lower: 15.1, upper: 16.2, comparator: 15, polarity: .higherIsBetter) == .better)
    }

    @Test func intervalBelowTheComparatorIsLower() {
        #expect(Significance.compare(lower: 12, upper: 14.9, comparator: 15, polarity: .noJudgement) == .lower)
        #expect(Significance.compare(lower: 12, upper: 14.9, comparator: 15, polarity: .lowerIsBetter) == .better)
        #expect(Significance.compare(lower: 12, upper: 14.9, comparator: 15, polarity: .higherIsBetter) == .worse)
    }

    @Test func intervalContainingTheComparatorIsSimilar() {
        for polarity in Polarity.allCases {
            #expect(Significance.compare(lower: 14, upper: 16, comparator: 15, polarity: polarity) == .similar)
        }
    }

    @Test func aLimitEqualToTheComparatorCountsAsContainingIt() {
        #expect(Significance.compare(lower: 15, upper: 16, comparator: 15, polarity: .noJudgement) == .similar)
        #expect(Significance.compare(lower: 14, upper: 15, comparator: 15, polarity: .noJudgement) == .similar)
    }

    @Test func nonFiniteInputsGiveNoComparison() {
        #expect(Significance.compare(lower: .nan, upper: 16, comparator: 15, polarity: .noJudgement) == nil)
        #expect(Significance.compare(lower: 14, upper: 16, comparator: .infinity, polarity: .noJudgement) == nil)
    }
}
