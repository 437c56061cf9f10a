import Testing
import Apportionment

@Test func equalRemaindersGoToTheSmallerCode() {
    // 100 pence among three equal quotas of 33.333…: floors give 99, and the one penny left goes
    // to the smallest code, A, although it is listed second.
    let ranks = LargestRemainder.ranks(ofCodes: ["B", "A", "C"])
    #expect(ranks == [1, 0, 2])
    let pence = LargestRemainder.apportion(quotas: [100.0 / 3, 100.0 / 3, 100.0 / 3], total: 100, tieRank: ranks)
    #expect(pence == [33, 34, 33])
}

@Test func quotasThatOvershootTakeFromTheSmallestRemainders() {
    // Quotas 10.9, 10.2, 10.1 floor to 10 + 10 + 10 = 30. For a total of 29 one unit is taken
    // back from the smallest remainder (.1, the third); for 31 one is added to the largest (.9).
    #expect(LargestRemainder.apportion(quotas: [10.9, 10.2, 10.1], total: 29) == [10, 10, 9])
    #expect(LargestRemainder.apportion(quotas: [10.9, 10.2, 10.1], total: 30) == [10, 10, 10])
    #expect(LargestRemainder.apportion(quotas: [10.9, 10.2, 10.1], total: 31) == [11, 10, 10])
}

@Test func negativeQuotasFloorDownwards() {
    // −2.5 floors to −3 (remainder .5), 5.25 to 5 (remainder .25); total 3 needs one more unit,
    // which goes to the larger remainder: −2 and 5.
    #expect(LargestRemainder.apportion(quotas: [-2.5, 5.25], total: 3) == [-2, 5])
}

@Test func deficitLargerThanThePartiesCyclesRoundThem() {
    // Quotas of 0.5 each for 2 parties but a total of 5: each round gives one unit each in order.
    #expect(LargestRemainder.apportion(quotas: [0.5, 0.5], total: 5) == [3, 2])
}

@Test func exactQuotasAreKept() {
    #expect(LargestRemainder.apportion(quotas: [1, 2, 3], total: 6) == [1, 2, 3])
    #expect(LargestRemainder.apportion(quotas: [], total: 0) == [])
}
