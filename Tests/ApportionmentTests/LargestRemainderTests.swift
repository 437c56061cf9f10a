import Testing
import Apportionment

// Hand calculation: £10.00 = 1000 pence among three equal shares: quotas 333.33…, floors 333 each
// (999 assigned), one penny left goes to the smallest rank among the equal remainders.
@Test func onePennyLeftGoesToTheFirstCodeAmongEqualRemainders() {
    let quota = 1000.0 / 3.0
    let units = LargestRemainder.apportion(quotas: [quota, quota, quota], total: 1000,
                                           tieRank: LargestRemainder.ranks(ofCodes: ["C3", "A1", "B2"]))
    #expect(units == [333, 334, 333])
}

// Hand calculation: quotas 1.6, 2.3, 6.1 of 10: floors 1, 2, 6 (9 assigned); the largest remainder
// (0.6) takes the last unit → 2, 2, 6.
@Test func largestRemainderWins() {
    #expect(LargestRemainder.apportion(quotas: [1.6, 2.3, 6.1], total: 10) == [2, 2, 6])
}

// When the floors already overshoot the total: quotas 1.6, 2.3, 7.1 have floors 1, 2, 7 (10) for a
// total of 9, so one unit comes off the smallest remainder (0.1, the third) → 1, 2, 6.
@Test func overshootTakesFromTheSmallestRemainder() {
    #expect(LargestRemainder.apportion(quotas: [1.6, 2.3, 7.1], total: 9) == [1, 2, 6])
}

@Test func sumsExactlyForRandomQuotas() {
    var state: UInt64 = 42
    func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) * 0x1p-53
    }
    for _ in 0..<2000 {
        let count = 1 + Int(next() * 50)
        let weights = (0..<count).map { _ in next() }
        let total = Int(next() * 1e9)
        let sum = weights.reduce(0, +)
        let quotas = weights.map { $0 / sum * Double(total) }
        let units = LargestRemainder.apportion(quotas: quotas, total: total)
        #expect(units.reduce(0, +) == total)
        for index in 0..<count { #expect(abs(Double(units[index]) - quotas[index]) < 1.000001) }
    }
}

@Test func apportionmentByWeights() {
    // 10 over three equal weights: 3 each, the spare unit to the first (ties to the lower index).
    #expect(LargestRemainder.apportion(total: 10, weights: [1, 1, 1]) == [4, 3, 3])
    // 7 × (0.5, 0.3, 0.2) = 3.5, 2.1, 1.4 → floors 3, 2, 1; remainders .5, .1, .4 → 4, 2, 1.
    #expect(LargestRemainder.apportion(total: 7, weights: [0.5, 0.3, 0.2]) == [4, 2, 1])
    #expect(LargestRemainder.apportion(total: 0, weights: [2, 3]) == [0, 0])
    #expect(LargestRemainder.apportion(total: 5, weights: [0, 1, 0]) == [0, 5, 0])
    let parts = LargestRemainder.apportion(total: 123_457, weights: (1...97).map { Double($0 * $0 % 13 + 1) })
    #expect(parts.reduce(0, +) == 123_457)
}
