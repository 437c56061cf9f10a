import Testing
import Premium

// Edge cases by name, each computed by hand.

private func scheme(_ unearned: UnearnedMoney, cap: Int? = nil, measures: [QualityMeasure]) -> PremiumScheme {
    PremiumScheme(name: "edge", pot: .fixed(pence: 100_000), weightTotal: measures.reduce(0) { $0 + $1.weight }, measures: measures,
                  limits: PaymentLimits(cap: cap.map { .pence($0) }), unearned: unearned)
}

private let twoMeasures = [
    QualityMeasure(id: "a", weight: 1, lowerThreshold: 0, upperThreshold: 100),
    QualityMeasure(id: "b", weight: 1, lowerThreshold: 0, upperThreshold: 100, minimumDenominator: 50),
]
private let practices = [Build.practice("P1", 1000), Build.practice("P2", 3000)]
// a: P1 100% (score 1), P2 50% (0.5). b: denominators 10 and 20, below 50: nobody eligible.
private let counts = [
    "a": Build.counts([("P1", 10, 10, 0), ("P2", 5, 10, 0)], measure: "a"),
    "b": Build.counts([("P1", 10, 10, 0), ("P2", 20, 20, 0)], measure: "b"),
]

@Test func aMeasureNobodyIsEligibleForLeavesItsPotUnearned() throws {
    // Pots £500 each. a: P1 500 × 1 × 1/4 = 125, P2 500 × 0.5 × 3/4 = 187.50 (Σ 312.50).
    // b: nothing earned. Returned: 1,000 − 312.50 = 687.50, all of b's 500 and 187.50 of a's.
    let result = try PremiumCalculator.distribute(scheme: scheme(.return, measures: twoMeasures), inputs: Build.inputs(practices, counts))
    #expect(result.practices.map(\.paymentPence) == [12_500, 18_750])
    #expect(result.measurePots[1].eligiblePractices == 0)
    #expect(result.accounts.map(\.returned) == [18_750, 50_000])
    // Redistributed: λ = 1,000/312.50 = 3.2 → 400 and 600; b's unearned 500 and a's 187.50 are
    // paid in the proportion 187.50 : 500 of the pool.
    let shared = try PremiumCalculator.distribute(scheme: scheme(.redistribute, measures: twoMeasures), inputs: Build.inputs(practices, counts))
    #expect(shared.practices.map(\.paymentPence) == [40_000, 60_000])
    #expect(shared.accounts.map(\.paid) == [50_000, 50_000])
    #expect(shared.accounts.map(\.redistributed) == [18_750, 50_000])
}

@Test func whenNobodyEarnsAnythingEverythingIsReturnedEvenWithRedistribution() throws {
    // Everyone at 0% on a (score 0), nobody eligible on b: nothing earned, nothing to share pro rata.
    let zero = ["a": Build.counts([("P1", 0, 10, 0), ("P2", 0, 10, 0)], measure: "a"), "b": counts["b"]!]
    let result = try PremiumCalculator.distribute(scheme: scheme(.redistribute, measures: twoMeasures), inputs: Build.inputs(practices, zero))
    #expect(result.practices.map(\.paymentPence) == [0, 0])
    #expect(result.returnedPence == 100_000)
    #expect(result.total.unearned == 100_000 && result.total.returned == 100_000)
}

@Test func aSinglePracticeIsPaidThePotUpToItsCap() throws {
    // One practice at 50% on one measure earns £500 of £1,000; redistribution gives it all £1,000
    // but its cap is £800: £200 returned.
    let single = [Build.practice("P1", 1000)]
    let measure = [QualityMeasure(id: "a", weight: 1, lowerThreshold: 0, upperThreshold: 100)]
    let result = try PremiumCalculator.distribute(scheme: scheme(.redistribute, cap: 80_000, measures: measure),
                                                  inputs: Build.inputs(single, ["a": Build.counts([("P1", 5, 10, 0)], measure: "a")]))
    #expect(result.practices.map(\.paymentPence) == [80_000])
    #expect(result.scale == .infinity)
    #expect(result.returnedPence == 20_000)
    #expect(result.accounts == [MeasureAccount(measureID: "a", available: 100_000, earned: 50_000, unearned: 50_000, cut: 0,
                                               redistributed: 30_000, returned: 20_000, paid: 80_000, eligiblePractices: 1)])
}

@Test func threeEqualRemaindersGiveTheSparePennyToTheFirstCode() throws {
    // £10.00 among three identical practices: 333.33… p each; the spare penny goes to the
    // smallest code (A), whatever the input order.
    let three = [Build.practice("C", 100), Build.practice("A", 100), Build.practice("B", 100)]
    let measure = [QualityMeasure(id: "a", weight: 1, lowerThreshold: 0, upperThreshold: 100)]
    var equalPot = scheme(.redistribute, measures: measure)
    equalPot.pot = .fixed(pence: 1000)
    let result = try PremiumCalculator.distribute(
        scheme: equalPot, inputs: Build.inputs(three, ["a": Build.counts([("C", 1, 1, 0), ("A", 1, 1, 0), ("B", 1, 1, 0)], measure: "a")]))
    #expect(result.practices.map(\.paymentPence) == [333, 334, 333])
}
