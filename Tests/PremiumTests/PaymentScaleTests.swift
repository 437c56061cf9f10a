import Testing
import Premium

// Hand calculations of λ* = sup{λ ≤ λmax : Σ clamp(λ·eᵢ, fᵢ, cᵢ) ≤ T}.

@Test func withoutLimitsRedistributionScalesEveryoneByPotOverEarned() {
    // Earned 100, 300 (Σ 400) of a pot of 1,000: λ = 1000/400 = 2.5 → 250, 750.
    let scale = PaymentScale.solve(earned: [100, 300], floors: [0, 0], caps: [.infinity, .infinity], total: 1000, maximumScale: .infinity)
    #expect(scale == 2.5)
    #expect(PaymentScale.payments(scale: scale, earned: [100, 300], floors: [0, 0], caps: [.infinity, .infinity]) == [250, 750])
}

@Test func aBindingCapPassesItsExcessToTheOthers() {
    // Earned 100, 300, 600 of 2,000; cap 800 each. λ = 2 would pay the third 1,200 > 800, so it
    // is capped and λ = (2000 − 800)/(100 + 300) = 3; that pays the second 900 > 800, so it is
    // capped too and λ = (2000 − 800 − 800)/100 = 4 → 400, 800, 800.
    let caps = [800.0, 800, 800]
    let scale = PaymentScale.solve(earned: [100, 300, 600], floors: [0, 0, 0], caps: caps, total: 2000, maximumScale: .infinity)
    #expect(scale == 4)
    #expect(PaymentScale.payments(scale: scale, earned: [100, 300, 600], floors: [0, 0, 0], caps: caps) == [400, 800, 800])
}

@Test func whenEveryEarnerIsCappedTheScaleIsUnbounded() {
    // Caps 300 + 300 < pot 1,000: both capped at any large λ; the third earned nothing and has
    // floor 50. Paid 650, the rest returned by the caller.
    let scale = PaymentScale.solve(earned: [10, 20, 0], floors: [0, 0, 50], caps: [300, 300, 300], total: 1000, maximumScale: .infinity)
    #expect(scale == .infinity)
    #expect(PaymentScale.payments(scale: scale, earned: [10, 20, 0], floors: [0, 0, 50], caps: [300, 300, 300]) == [300, 300, 50])
}

@Test func withoutRedistributionTheScaleStopsAtOne() {
    // Earned 100, 300 of a pot of 1,000, money returned: λ = 1, paid 100 and 300.
    let scale = PaymentScale.solve(earned: [100, 300], floors: [0, 0], caps: [.infinity, .infinity], total: 1000, maximumScale: 1)
    #expect(scale == 1)
}

@Test func floorsBeyondTheUnearnedMoneyScaleEarningsBelowOne() {
    // Pot 1,000 all earned (600, 400) and a floor of 300 for every practice, the third having
    // earned nothing: the first two must share 700. At λ = 0.7 the second would get 280 < 300, so
    // it is held at its floor and 600·λ + 300 + 300 = 1000 → λ = 2/3 → 400, 300, 300.
    let infinite = [Double](repeating: .infinity, count: 3)
    let scale = PaymentScale.solve(earned: [600, 400, 0], floors: [300, 300, 300], caps: infinite, total: 1000, maximumScale: .infinity)
    #expect(abs(scale - 2.0 / 3.0) < 1e-15)
    let payments = PaymentScale.payments(scale: scale, earned: [600, 400, 0], floors: [300, 300, 300], caps: infinite)
    #expect(payments.map { ($0 * 1e9).rounded() / 1e9 } == [400, 300, 300])
}
