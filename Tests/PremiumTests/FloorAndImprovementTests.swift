import Testing
import Premium
import Tables

// Three practices of 1,000 patients, one measure (weight 1 of 1), thresholds 0%–100%, list basis,
// pot £3,000: achievements 100%, 50%, 0% score 1, 0.5, 0 and earn 3,000 × s / 3 = 1,000, 500, 0.
private let floorPractices = [Build.practice("P1", 1000), Build.practice("P2", 1000), Build.practice("P3", 1000)]
private let floorAchievement = ["m": Build.counts([("P1", 10, 10, 0), ("P2", 5, 10, 0), ("P3", 0, 10, 0)], measure: "m")]

private func floorScheme(_ unearned: UnearnedMoney, floor: Int = 60_000, recipients: FloorRecipients = .allPractices) -> PremiumScheme {
    PremiumScheme(name: "floors", pot: .fixed(pence: 300_000), weightTotal: 1,
                  measures: [QualityMeasure(id: "m", weight: 1, lowerThreshold: 0, upperThreshold: 100)],
                  limits: PaymentLimits(floor: .pence(floor), floorRecipients: recipients), unearned: unearned)
}

@Test func aFloorForEveryPracticeIsFundedBeforeRedistribution() throws {
    // Floor £600 for all: P3 (earned 0) gets 600; the others share 2,400 pro rata to 1,000 : 500
    // → λ = 2,400/1,500 = 1.6 → 1,600 and 800 (800 ≥ 600, so P2 is above its floor).
    let result = try PremiumCalculator.distribute(scheme: floorScheme(.redistribute), inputs: Build.inputs(floorPractices, floorAchievement))
    #expect(result.practices.map(\.paymentPence) == [160_000, 80_000, 60_000])
    #expect(abs(result.scale! - 1.6) < 1e-15)
    #expect(result.returnedPence == 0)
}

@Test func aFloorForEarningPracticesOnlyLeavesNonEarnersAtZero() throws {
    // P3 earned nothing and gets no floor: λ = 3,000/1,500 = 2 → 2,000, 1,000, 0.
    let result = try PremiumCalculator.distribute(scheme: floorScheme(.redistribute, recipients: .earningPractices),
                                                  inputs: Build.inputs(floorPractices, floorAchievement))
    #expect(result.practices.map(\.paymentPence) == [200_000, 100_000, 0])
    #expect(result.practices.map(\.floorPence) == [60_000, 60_000, 0])
}

@Test func withoutRedistributionFloorsComeFromTheUnearnedMoney() throws {
    // Returned: payments clamp(e, 600) = 1,000, 600, 600 (Σ 2,200), returned 800.
    // Accounts: earned 1,500, unearned 1,500; P2 received 100 and P3 600 → redistributed 700;
    // returned 1,500 − 700 = 800; paid 2,200.
    let result = try PremiumCalculator.distribute(scheme: floorScheme(.return), inputs: Build.inputs(floorPractices, floorAchievement))
    #expect(result.practices.map(\.paymentPence) == [100_000, 60_000, 60_000])
    #expect(result.returnedPence == 80_000)
    #expect(result.accounts == [MeasureAccount(measureID: "m", available: 300_000, earned: 150_000, unearned: 150_000, cut: 0,
                                               redistributed: 70_000, returned: 80_000, paid: 220_000, eligiblePractices: 3)])
}

@Test func floorsBeyondThePotAreASchemeError() {
    // 3 × £1,001 = £3,003 > £3,000.
    var scheme = floorScheme(.redistribute, floor: 100_100)
    scheme.keyLocations["limits.floor"] = SourceLocation(file: "scheme.toml", line: 12, column: 1)
    #expect(throws: DataError.self) { try PremiumCalculator.distribute(scheme: scheme, inputs: Build.inputs(floorPractices, floorAchievement)) }
    do {
        _ = try PremiumCalculator.distribute(scheme: scheme, inputs: Build.inputs(floorPractices, floorAchievement))
    } catch let error as DataError {
        #expect(error.description == "scheme.toml:12:1: limits.floor: the floors add up to £3,003.00, more than the pot of £3,000.00")
    } catch {}
}

@Test func aWithheldPotPaysNothingAndIgnoresFloors() throws {
    var scheme = floorScheme(.redistribute)
    scheme.gateway = FinancialGateway(allocationPence: 100, outturnPence: 200, consequence: .withhold, source: "test")
    let result = try PremiumCalculator.distribute(scheme: scheme, inputs: Build.inputs(floorPractices, floorAchievement))
    #expect(result.practices.map(\.paymentPence) == [0, 0, 0])
    #expect(result.scale == nil)
    #expect(result.total.paid == 0 && result.total.returned == 0)
}

@Test func aFloorAboveAPerHeadCapIsASchemeError() {
    // Cap £0.50 per head × 1,000 = £500 is below the floor of £600.
    var scheme = floorScheme(.redistribute)
    scheme.limits.cap = .perHead(pounds: 0.5)
    #expect(throws: DataError.self) { try PremiumCalculator.distribute(scheme: scheme, inputs: Build.inputs(floorPractices, floorAchievement)) }
}

// Improvement: two practices of 1,000 and 3,000 patients, thresholds 0 to 10 percentage points,
// pot £1,000, money returned. P1 50% → 60%: +10 points → score 1, share 1/4 → £250.
// P2 70% → 72.5%: +2.5 points → score 0.25, share 3/4 → £187.50. Returned £562.50.
@Test func improvementIsScoredOnTheChangeFromTheBaseline() throws {
    let practices = [Build.practice("P1", 1000), Build.practice("P2", 3000)]
    let current = ["m": Build.counts([("P1", 60, 100, 0), ("P2", 290, 400, 0)], measure: "m")]
    let baseline = ["m": Build.counts([("P1", 50, 100, 0), ("P2", 140, 200, 0)], measure: "m", file: "baseline.csv")]
    let scheme = PremiumScheme(name: "improvement", pot: .fixed(pence: 100_000), weightTotal: 1,
                               measures: [QualityMeasure(id: "m", weight: 1, scoring: .improvement, lowerThreshold: 0, upperThreshold: 10)],
                               unearned: .return)
    let result = try PremiumCalculator.distribute(scheme: scheme, inputs: Build.inputs(practices, current, baseline: baseline))
    #expect(result.practices.map { $0.measures[0].improvement } == [10, 2.5])
    #expect(result.practices.map { $0.measures[0].score } == [1, 0.25])
    #expect(result.practices.map(\.paymentPence) == [25_000, 18_750])
    #expect(result.returnedPence == 56_250)
}

@Test func improvementWithoutABaselineRowIsAnError() {
    let practices = [Build.practice("P1", 1000), Build.practice("P2", 3000)]
    let current = ["m": Build.counts([("P1", 60, 100, 0), ("P2", 290, 400, 0)], measure: "m")]
    let baseline = ["m": Build.counts([("P1", 50, 100, 0)], measure: "m", file: "baseline.csv")]
    let scheme = PremiumScheme(name: "improvement", pot: .fixed(pence: 100_000), weightTotal: 1,
                               measures: [QualityMeasure(id: "m", weight: 1, scoring: .improvement, lowerThreshold: 0, upperThreshold: 10)],
                               unearned: .return)
    do {
        _ = try PremiumCalculator.distribute(scheme: scheme, inputs: Build.inputs(practices, current, baseline: baseline))
        Issue.record("expected an error")
    } catch let error as DataError {
        #expect(error.description == "achievement.csv:3: the measure \"m\" is scored on improvement, but baseline.csv has no row for the practice \"P2\"")
    } catch {
        Issue.record("unexpected \(error)")
    }
}

// Prevalence with power 1/2: two practices of 1,000 and 4,000 patients with 100 and 100 eligible
// (prevalence 10% and 2.5%; consortium 200/5,000 = 4%). Factors √(10/4) = 1.5811388 and
// √(2.5/4) = 0.7905694; without a population index the bases are the factors, shares
// 1.5811388/2.3717082 = 2/3 and 1/3 (√2.5 = 2·√0.625). Both score 1 (100%): pot £900 → £600, £300.
@Test func prevalenceFactorIsRaisedToThePower() throws {
    let practices = [Build.practice("P1", 1000), Build.practice("P2", 4000)]
    let counts = ["m": Build.counts([("P1", 100, 100, 0), ("P2", 100, 100, 0)], measure: "m")]
    let scheme = PremiumScheme(name: "prevalence", pot: .fixed(pence: 90_000), weightTotal: 1,
                               measures: [QualityMeasure(id: "m", weight: 1, lowerThreshold: 0, upperThreshold: 100,
                                                         basis: .prevalenceAdjusted(power: 0.5, populationIndex: false))],
                               unearned: .return)
    let result = try PremiumCalculator.distribute(scheme: scheme, inputs: Build.inputs(practices, counts))
    #expect(abs(result.practices[0].measures[0].prevalenceFactor! - 2.5.squareRoot()) < 1e-15)
    #expect(abs(result.practices[1].measures[0].prevalenceFactor! - 0.625.squareRoot()) < 1e-15)
    #expect(result.practices.map(\.paymentPence) == [60_000, 30_000])
}
