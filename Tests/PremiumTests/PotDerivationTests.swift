import Testing
import Premium

private func scheme(pot: PotRule, reduction: Double = 0, standards: [NationalStandard] = [], gateway: FinancialGateway? = nil) -> PremiumScheme {
    PremiumScheme(name: "pot", pot: pot, reductionPerFailedStandard: reduction, standards: standards, gateway: gateway, weightTotal: 1,
                  measures: [QualityMeasure(id: "m", weight: 1, lowerThreshold: 0, upperThreshold: 100)], unearned: .return)
}

@Test func perHeadPotIsRateTimesRegisteredPatients() {
    // £1.25 × 52,345 = £65,431.25.
    #expect(PotDerivation(scheme: scheme(pot: .perHead(pounds: 1.25)), registeredPatients: 52_345).potPence == 6_543_125)
}

@Test func perHeadPotRoundsAHalfPennyUp() {
    // £0.005 × 1 patient = 0.5 p → 1 p (half away from zero), although 0.005 × 100 is
    // 0.49999999999999994 in binary floating point.
    #expect(PotDerivation(scheme: scheme(pot: .perHead(pounds: 0.005)), registeredPatients: 1).potPence == 1)
    // £1.005 × 3 = £3.015 → £3.02.
    #expect(PotDerivation(scheme: scheme(pot: .perHead(pounds: 1.005)), registeredPatients: 3).potPence == 302)
}

@Test func eachFailedStandardTakesItsPercentage() {
    // £100,000 with 2 of 3 standards failed at 12.5% each: 25% off → £75,000.
    let standards = [NationalStandard(name: "A", met: false), NationalStandard(name: "B", met: true), NationalStandard(name: "C", met: false)]
    let pot = PotDerivation(scheme: scheme(pot: .fixed(pence: 10_000_000), reduction: 12.5, standards: standards), registeredPatients: 0)
    #expect(pot.failedStandards == ["A", "C"])
    #expect(pot.reductionPercent == 25)
    #expect(pot.potPence == 7_500_000)
}

@Test func reductionsNeverTakeMoreThanThePot() {
    // 3 failed × 40% = 120% → held at 100%: nothing left.
    let standards = (0..<3).map { NationalStandard(name: "S\($0)", met: false) }
    #expect(PotDerivation(scheme: scheme(pot: .fixed(pence: 1000), reduction: 40, standards: standards), registeredPatients: 0).potPence == 0)
}

@Test func gatewayWithholdsOnOverspend() {
    let overspent = FinancialGateway(allocationPence: 100, outturnPence: 101, consequence: .withhold, source: "test")
    #expect(PotDerivation(scheme: scheme(pot: .fixed(pence: 5000), gateway: overspent), registeredPatients: 0).potPence == 0)
}

@Test func gatewayReducesOnOverspendAndIgnoresBreakEven() {
    // £80,000 after standards, overspent, 30% off → £56,000.
    let reduce = FinancialGateway(allocationPence: 100, outturnPence: 150, consequence: .reduce(percent: 30), source: "test")
    #expect(PotDerivation(scheme: scheme(pot: .fixed(pence: 8_000_000), gateway: reduce), registeredPatients: 0).potPence == 5_600_000)
    // Outturn equal to the allocation is not an overspend.
    let even = FinancialGateway(allocationPence: 150, outturnPence: 150, consequence: .withhold, source: "test")
    #expect(PotDerivation(scheme: scheme(pot: .fixed(pence: 8_000_000), gateway: even), registeredPatients: 0).potPence == 8_000_000)
}

@Test func perHeadLimitsRoundCapsDownAndFloorsUp() {
    // £0.333 × 1,000 = £333.00 = 33,300 p; £0.3333 × 10 = 333.3 p → cap 333 p;
    // £0.003333 × 10 = 3.333 p → cap 3 p (down), floor 4 p (up).
    #expect(PaymentLimit.perHead(pounds: 0.333).pence(patients: 1000, roundingUp: false) == 33_300)
    #expect(PaymentLimit.perHead(pounds: 0.3333).pence(patients: 10, roundingUp: false) == 333)
    #expect(PaymentLimit.perHead(pounds: 0.003333).pence(patients: 10, roundingUp: false) == 3)
    #expect(PaymentLimit.perHead(pounds: 0.003333).pence(patients: 10, roundingUp: true) == 4)
    // 0.1 × 3 = 0.30000000000000004 pounds is 30 p, not 31 p.
    #expect(PaymentLimit.perHead(pounds: 0.1).pence(patients: 3, roundingUp: true) == 30)
}
