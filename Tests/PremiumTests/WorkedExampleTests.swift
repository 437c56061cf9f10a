import Testing
import Premium
import Tables

// A worked example computed by hand: 3 measures, 6 practices, thresholds, a cap that binds and
// triggers redistribution. Every expected number below is derived in these comments.
//
// Pot £12,000.00, weights 50/30/20 of 100 → measure pots P_bp = £6,000, P_ab = £3,600,
// P_sc = £2,400 (exact, no remainders).
// Lists N: P1 1,000, P2 2,000, P3 3,000, P4 1,500, P5 2,500, P6 2,000 (Σ 12,000, mean 2,000).
//
// bp_control: higher is better, thresholds 40%–90%, basis list size, score = (a − 40)/50.
//   P1 95/(105 − 5) = 95% → 1.1 → clamped 1;  P2 130/200 = 65% → 0.5;  P3 70/200 = 35% → 0;
//   P4 70/100 = 70% → 0.6;  P5 180/200 = 90% → 1;  P6 110/200 = 55% → 0.3.
//   earned = 6,000 × s × N/12,000 = 0.5·s·N: P1 500, P2 500, P3 0, P4 450, P5 1,250, P6 300;
//   Σ 3,000, unearned 3,000.
// antibiotics: lower is better, thresholds 10%–30%, score = (30 − a)/20; prevalence adjusted,
//   power 1, population index. Eligible E (denominator before exceptions): 100, 200, 300, 100,
//   200, 300 (Σ 1,200); consortium prevalence 1,200/12,000 = 0.1. basis = (N/2,000) ×
//   (E/N)/0.1 = E/200 → 0.5, 1, 1.5, 0.5, 1, 1.5 (Σ 6).
//   P1 8/100 = 8% → 1.1 → 1;  P2 50/200 = 25% → 0.25;  P3 56/(300 − 20) = 20% → 0.5;
//   P4 40/100 = 40% → −0.5 → 0;  P5 30/200 = 15% → 0.75;  P6 60/300 = 20% → 0.5.
//   earned = 3,600 × s × basis/6: P1 300, P2 150, P3 450, P4 0, P5 450, P6 450; Σ 1,800.
// screening: higher is better, thresholds 50%–70%, score = (a − 50)/20; basis weighted list
//   (1,200, 1,800, 3,300, 1,200, 2,500, 2,200); minimum denominator 50, so P6 (30/40) is not
//   eligible and Σ basis = 10,000 over P1–P5.
//   P1 66/100 → 0.8;  P2 120/200 → 0.5;  P3 90/150 → 0.5;  P4 54/100 → 0.2;  P5 60/100 → 0.5.
//   earned = 2,400 × s × W/10,000 = 0.24·s·W: P1 230.40, P2 216, P3 396, P4 57.60, P5 300;
//   Σ 1,200.
// Earned e: P1 1,030.40, P2 866, P3 846, P4 507.60, P5 2,000, P6 750; Σ 6,000; unearned 6,000.
// Cap £3,000: at λ = 12,000/6,000 = 2, P5 would get 4,000 > 3,000, so P5 is capped and
//   λ = (12,000 − 3,000)/(6,000 − 2,000) = 2.25 (P1, the next largest, 2,318.40 < 3,000).
// Payments: P1 2,318.40, P2 1,948.50, P3 1,903.50, P4 1,142.10, P5 3,000, P6 1,687.50 (Σ 12,000).
// Split: each unearned pound comes from the measures' unearned money 3,000 : 1,800 : 1,200
//   = 0.5 : 0.3 : 0.2; received = payment − earned (1,288, 1,082.50, 1,057.50, 634.50, 1,000,
//   937.50); <m>_payment = earned_m + received × share_m:
//   P1 500 + 644 = 1,144;  300 + 386.40 = 686.40;  230.40 + 257.60 = 488
//   P2 500 + 541.25 = 1,041.25;  150 + 324.75 = 474.75;  216 + 216.50 = 432.50
//   P3 0 + 528.75 = 528.75;  450 + 317.25 = 767.25;  396 + 211.50 = 607.50
//   P4 450 + 317.25 = 767.25;  0 + 190.35 = 190.35;  57.60 + 126.90 = 184.50
//   P5 1,250 + 500 = 1,750;  450 + 300 = 750;  300 + 200 = 500
//   P6 300 + 468.75 = 768.75;  450 + 281.25 = 731.25;  0 + 187.50 = 187.50 (C's unearned money)
enum WorkedExample {
    static let practices = [
        Build.practice("P1", 1000, weighted: ["weighted_patients": 1200]),
        Build.practice("P2", 2000, weighted: ["weighted_patients": 1800]),
        Build.practice("P3", 3000, weighted: ["weighted_patients": 3300]),
        Build.practice("P4", 1500, weighted: ["weighted_patients": 1200]),
        Build.practice("P5", 2500, weighted: ["weighted_patients": 2500]),
        Build.practice("P6", 2000, weighted: ["weighted_patients": 2200]),
    ]

    static let achievement: [String: [String: AchievementCount]] = [
        "bp_control": Build.counts([("P1", 95, 105, 5), ("P2", 130, 200, 0), ("P3", 70, 200, 0), ("P4", 70, 100, 0),
                                    ("P5", 180, 200, 0), ("P6", 110, 200, 0)], measure: "bp_control", line: 2),
        "antibiotics": Build.counts([("P1", 8, 100, 0), ("P2", 50, 200, 0), ("P3", 56, 300, 20), ("P4", 40, 100, 0),
                                     ("P5", 30, 200, 0), ("P6", 60, 300, 0)], measure: "antibiotics", line: 8),
        "screening": Build.counts([("P1", 66, 100, 0), ("P2", 120, 200, 0), ("P3", 90, 150, 0), ("P4", 54, 100, 0),
                                   ("P5", 60, 100, 0), ("P6", 30, 40, 0)], measure: "screening", line: 14),
    ]

    static let measures = [
        QualityMeasure(id: "bp_control", weight: 50, polarity: .higherIsBetter, lowerThreshold: 40, upperThreshold: 90, basis: .listSize),
        QualityMeasure(id: "antibiotics", weight: 30, polarity: .lowerIsBetter, lowerThreshold: 10, upperThreshold: 30,
                       basis: .prevalenceAdjusted(power: 1, populationIndex: true)),
        QualityMeasure(id: "screening", weight: 20, polarity: .higherIsBetter, lowerThreshold: 50, upperThreshold: 70,
                       basis: .weightedListSize(column: "weighted_patients", source: .practices), minimumDenominator: 50),
    ]

    static func scheme(unearned: UnearnedMoney = .redistribute, capPence: Int = 300_000) -> PremiumScheme {
        PremiumScheme(name: "Worked example", pot: .fixed(pence: 1_200_000), weightTotal: 100, measures: measures,
                      limits: PaymentLimits(cap: .pence(capPence)), unearned: unearned)
    }

    static var inputs: PremiumInputs { Build.inputs(practices, achievement) }
}

@Test func workedExamplePaymentsMatchTheHandCalculationToThePenny() throws {
    let result = try PremiumCalculator.distribute(scheme: WorkedExample.scheme(), inputs: WorkedExample.inputs)
    // Payments from the comment above, in pence.
    #expect(result.practices.map(\.paymentPence) == [231_840, 194_850, 190_350, 114_210, 300_000, 168_750])
    #expect(result.scale == 2.25)
    #expect(result.distributedPence == 1_200_000)
    #expect(result.returnedPence == 0)
    // Scores from the comment (P6 is not eligible for screening: no score).
    #expect(result.practices.map { $0.measures[0].score } == [1, 0.5, 0, 0.6, 1, 0.3])
    #expect(result.practices.map { $0.measures[1].score } == [1, 0.25, 0.5, 0, 0.75, 0.5])
    #expect(result.practices.map { $0.measures[2].score } == [0.8, 0.5, 0.5, 0.2, 0.5, nil])
    #expect(result.practices[5].measures[2].eligibility == .denominatorBelowMinimum(minimum: 50))
    // Achievement in percent, exceptions taken out: P1 95/(105 − 5), P3 56/(300 − 20).
    #expect(result.practices[0].measures[0].achievement == 95)
    #expect(result.practices[2].measures[1].achievement == 20)
    // Earned e (pence) from the comment.
    let earned = result.practices.map { ($0.earned * 100).rounded() / 100 }
    #expect(earned == [103_040, 86_600, 84_600, 50_760, 200_000, 75_000])
}

@Test func workedExampleSplitsEachPaymentAcrossMeasuresByHand() throws {
    let result = try PremiumCalculator.distribute(scheme: WorkedExample.scheme(), inputs: WorkedExample.inputs)
    // <m>_payment from the comment's split table, in pence.
    let split = result.practices.map { $0.measures.map(\.paymentPence) }
    #expect(split == [
        [114_400, 68_640, 48_800],
        [104_125, 47_475, 43_250],
        [52_875, 76_725, 60_750],
        [76_725, 19_035, 18_450],
        [175_000, 75_000, 50_000],
        [76_875, 73_125, 18_750],
    ])
}

@Test func workedExampleSummaryAccountsForEveryPenny() throws {
    let result = try PremiumCalculator.distribute(scheme: WorkedExample.scheme(), inputs: WorkedExample.inputs)
    // Each measure earned half its pot (3,000 of 6,000; 1,800 of 3,600; 1,200 of 2,400) and all
    // its unearned half was redistributed; nothing was cut (λ = 2.25 ≥ 1) or returned.
    #expect(result.accounts == [
        MeasureAccount(measureID: "bp_control", available: 600_000, earned: 300_000, unearned: 300_000, cut: 0, redistributed: 300_000,
                       returned: 0, paid: 600_000, eligiblePractices: 6),
        MeasureAccount(measureID: "antibiotics", available: 360_000, earned: 180_000, unearned: 180_000, cut: 0, redistributed: 180_000,
                       returned: 0, paid: 360_000, eligiblePractices: 6),
        MeasureAccount(measureID: "screening", available: 240_000, earned: 120_000, unearned: 120_000, cut: 0, redistributed: 120_000,
                       returned: 0, paid: 240_000, eligiblePractices: 5),
    ])
    #expect(result.total == MeasureAccount(measureID: "total", available: 1_200_000, earned: 600_000, unearned: 600_000, cut: 0,
                                           redistributed: 600_000, returned: 0, paid: 1_200_000, eligiblePractices: 6))
}

// The same practices with unearned money returned and a cap of £1,040: everyone is paid what
// they earned (λ = 1) except P5, whose 2,000 is cut to 1,040 (cut 960). Payments: P1 1,030.40,
// P2 866, P3 846, P4 507.60, P5 1,040, P6 750 → Σ 5,040; returned 12,000 − 5,040 = 6,960.
// P5's cut of 960 is taken from its measures in proportion to its earnings 1,250 : 450 : 300
// → 600, 216, 144, so its split is 650, 234, 156. Accounts (pounds):
//   bp_control: earned 3,000, unearned 3,000, cut 600, paid 2,400, returned 3,600
//   antibiotics: earned 1,800, unearned 1,800, cut 216, paid 1,584, returned 2,016
//   screening: earned 1,200, unearned 1,200, cut 144, paid 1,056, returned 1,344
@Test func workedExampleWithMoneyReturnedAndALowCap() throws {
    let result = try PremiumCalculator.distribute(scheme: WorkedExample.scheme(unearned: .return, capPence: 104_000), inputs: WorkedExample.inputs)
    #expect(result.scale == 1)
    #expect(result.practices.map(\.paymentPence) == [103_040, 86_600, 84_600, 50_760, 104_000, 75_000])
    #expect(result.distributedPence == 504_000)
    #expect(result.returnedPence == 696_000)
    #expect(result.practices[4].measures.map(\.paymentPence) == [65_000, 23_400, 15_600])
    // P1 keeps exactly its earnings per measure: 500, 300, 230.40.
    #expect(result.practices[0].measures.map(\.paymentPence) == [50_000, 30_000, 23_040])
    #expect(result.accounts.map(\.cut) == [60_000, 21_600, 14_400])
    #expect(result.accounts.map(\.paid) == [240_000, 158_400, 105_600])
    #expect(result.accounts.map(\.returned) == [360_000, 201_600, 134_400])
    #expect(result.accounts.map(\.redistributed) == [0, 0, 0])
    #expect(result.total.returned == 696_000)
}
