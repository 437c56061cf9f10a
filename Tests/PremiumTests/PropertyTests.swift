import Testing
import Premium
import Tables
import TestSupport

// Properties over thousands of random schemes (RandomCase, seeded SplitMix64). The expected
// values are the method's own guarantees, not numbers: the pot is conserved to the penny, no
// practice is paid below its floor or above its cap, splits add up, accounts balance.

/// The invariants every distribution must satisfy; returns the first broken one.
func brokenInvariant(_ result: PremiumDistribution) -> String? {
    let pot = result.pot.potPence
    let payments = result.practices.map(\.paymentPence)
    if payments.reduce(0, +) != result.distributedPence { return "payments do not sum to the distributed amount" }
    if result.distributedPence + result.returnedPence != pot { return "distributed + returned is not the pot" }
    if result.distributedPence < 0 || result.returnedPence < 0 { return "negative distributed or returned" }
    for practice in result.practices {
        if practice.paymentPence < practice.floorPence { return "\(practice.code) below its floor" }
        if let cap = practice.capPence, practice.paymentPence > cap { return "\(practice.code) above its cap" }
        if abs(Double(practice.paymentPence) - practice.payment) >= 1 { return "\(practice.code) rounded by a penny or more" }
        if practice.measures.map(\.paymentPence).reduce(0, +) != practice.paymentPence { return "\(practice.code) split does not add up" }
        if practice.measures.contains(where: { $0.paymentPence < 0 }) { return "\(practice.code) negative measure payment" }
        if let score = practice.measures.compactMap(\.score).first(where: { !(0...1).contains($0) }) { return "score \(score) outside [0, 1]" }
    }
    var total = MeasureAccount(measureID: "total", available: 0, earned: 0, unearned: 0, cut: 0, redistributed: 0, returned: 0, paid: 0,
                               eligiblePractices: result.total.eligiblePractices)
    for (index, account) in result.accounts.enumerated() {
        let paid = result.practices.reduce(0) { $0 + $1.measures[index].paymentPence }
        if account.paid != paid { return "\(account.measureID) paid is not the column sum" }
        if account.available != result.measurePots[index].potPence { return "\(account.measureID) available is not its pot" }
        if account.available != account.earned + account.unearned { return "\(account.measureID) available ≠ earned + unearned" }
        if account.paid != account.earned - account.cut + account.redistributed { return "\(account.measureID) paid ≠ earned − cut + redistributed" }
        if account.returned != account.available - account.paid { return "\(account.measureID) returned ≠ available − paid" }
        if [account.earned, account.unearned, account.cut, account.redistributed, account.returned, account.paid].contains(where: { $0 < 0 }) {
            return "\(account.measureID) has a negative amount"
        }
        total.available += account.available
        total.earned += account.earned
        total.unearned += account.unearned
        total.cut += account.cut
        total.redistributed += account.redistributed
        total.returned += account.returned
        total.paid += account.paid
    }
    if result.measurePots.map(\.potPence).reduce(0, +) != pot { return "measure pots do not sum to the pot" }
    if total != result.total { return "total row is not the column sums" }
    if result.total.returned != result.returnedPence || result.total.paid != result.distributedPence { return "total row disagrees with the result" }
    if pot > 0 && result.scheme.unearned == .redistribute && result.returnedPence > 0 {
        // Money comes back only when every earning practice is at its cap.
        for practice in result.practices where practice.earned > 0 {
            guard let cap = practice.capPence, practice.paymentPence == cap else { return "returned money while \(practice.code) is below its cap" }
        }
    }
    return nil
}

@Test func randomSchemesConserveThePotAndRespectFloorsAndCaps() throws {
    var random = SplitMix64(seed: 20_240_401)
    var checked = 0
    var withCaps = 0
    var withFloors = 0
    var withReturns = 0
    var scaledDown = 0
    for _ in 0..<3000 {
        let example = RandomCase.draw(&random)
        let result = try PremiumCalculator.distribute(scheme: example.scheme, inputs: example.inputs)
        if let broken = brokenInvariant(result) {
            Issue.record("case \(checked): \(broken)")
            return
        }
        checked += 1
        if result.practices.contains(where: { $0.capPence != nil && $0.paymentPence == $0.capPence && $0.earned > 0 }) { withCaps += 1 }
        if result.practices.contains(where: { $0.floorPence > 0 && $0.paymentPence == $0.floorPence }) { withFloors += 1 }
        if result.returnedPence > 0 { withReturns += 1 }
        if let scale = result.scale, scale < 1 { scaledDown += 1 }
    }
    #expect(checked == 3000)
    // The random cases reach the interesting regimes (binding caps, binding floors, returns, and
    // earnings scaled below 1 to fund floors).
    #expect(scaledDown > 20)
    #expect(withCaps > 100)
    #expect(withFloors > 100)
    #expect(withReturns > 100)
}

/// Raises one practice's performance on one measure: one more patient achieving (higher is
/// better) or one fewer (lower is better), when the counts allow.
func improved(_ count: AchievementCount, polarity: QualityMeasure.Polarity, handling: ExceptionHandling, by step: Int) -> AchievementCount? {
    var better = count
    let counted = count.effectiveDenominator(handling)
    if polarity == .higherIsBetter {
        better.numerator = min(counted, count.numerator + step)
    } else {
        better.numerator = max(0, count.numerator - step)
    }
    return better.numerator == count.numerator ? nil : better
}

@Test func aPracticePaymentNeverFallsWhenOnlyItsOwnAchievementRises() throws {
    var random = SplitMix64(seed: 77)
    var compared = 0
    var rose = 0
    while compared < 2000 {
        let example = RandomCase.draw(&random)
        let before = try PremiumCalculator.distribute(scheme: example.scheme, inputs: example.inputs)
        let practice = random.integer(0, example.inputs.practices.count - 1)
        let measureIndex = random.integer(0, example.scheme.measures.count - 1)
        let measure = example.scheme.measures[measureIndex]
        let code = example.inputs.practices[practice].code
        let count = example.inputs.achievement.counts[measure.id]![code]!
        guard let better = improved(count, polarity: measure.polarity, handling: example.scheme.exceptions, by: random.integer(1, 60)) else { continue }
        var inputs = example.inputs
        inputs.achievement.counts[measure.id]![code] = better
        let after = try PremiumCalculator.distribute(scheme: example.scheme, inputs: inputs)
        compared += 1
        let paidBefore = before.practices[practice].paymentPence
        let paidAfter = after.practices[practice].paymentPence
        if paidAfter < paidBefore {
            Issue.record("practice \(code) paid \(paidBefore) p before and \(paidAfter) p after improving on \(measure.id)")
            return
        }
        if after.practices[practice].payment < before.practices[practice].payment - 1e-6 {
            Issue.record("practice \(code): unrounded payment fell from \(before.practices[practice].payment) to \(after.practices[practice].payment)")
            return
        }
        if paidAfter > paidBefore { rose += 1 }
    }
    // Not vacuous: many improvements did raise the payment.
    #expect(rose > 300)
}
