import Testing
import Premium

// A ten-practice, four-measure scheme checked against an independent implementation in exact
// rational arithmetic: Reference/premium_reference.py (its output is pasted below). It covers a
// per-head pot (£2.10 × 65,600 patients = £137,760.00, less 5% for one failed standard of three
// = £130,872.00), a minimum list size (P06 has 900 < 1,000), a minimum denominator (P08's hyp has
// 25 − 8 = 17 < 20), prevalence adjustment with power 1/2 and a population index, a
// lower-is-better measure on a weighted list, an improvement measure, a per-head cap (£2.60) that
// binds for P07 and a £500 floor that binds for P03 and P06.
enum ReferenceScheme {
    static let codes = ["P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09", "P10"]
    static let lists = [4200, 8100, 2300, 11900, 6400, 900, 15200, 3700, 5600, 7300]
    static let weighted: [Double] = [4620, 7695, 2990, 10115, 6400, 1080, 13680, 3885, 6440, 7154]
    static let achievement: [String: [(Int, Int, Int)]] = [
        "hyp": [(380, 560, 40), (700, 1150, 50), (120, 300, 10), (1300, 1700, 100), (520, 800, 20), (40, 60, 0),
                (1500, 2000, 120), (10, 25, 8), (470, 640, 30), (560, 1000, 40)],
        "dm": [(150, 260, 20), (330, 520, 30), (60, 140, 5), (600, 810, 45), (250, 400, 18), (20, 50, 2),
               (700, 1000, 60), (100, 240, 10), (300, 350, 25), (210, 460, 12)],
        "abx": [(90, 1000, 0), (160, 1500, 0), (70, 500, 0), (260, 2400, 0), (95, 1300, 0), (15, 150, 0),
                (250, 3300, 0), (60, 700, 0), (140, 1000, 0), (110, 1400, 0)],
        "flu": [(640, 900, 20), (1200, 1700, 40), (300, 480, 10), (1800, 2400, 60), (900, 1300, 30), (120, 200, 5),
                (2300, 3100, 90), (500, 760, 12), (800, 1150, 25), (1000, 1500, 35)],
    ]
    static let baseline: [(Int, Int, Int)] = [(600, 880, 20), (1150, 1680, 30), (310, 470, 10), (1700, 2380, 50), (880, 1290, 30),
                                              (118, 200, 4), (2150, 3050, 80), (470, 750, 10), (790, 1150, 20), (920, 1480, 40)]

    static func scheme(_ unearned: UnearnedMoney) -> PremiumScheme {
        PremiumScheme(
            name: "reference", pot: .perHead(pounds: 2.10), reductionPerFailedStandard: 5,
            standards: [NationalStandard(name: "A", met: true), NationalStandard(name: "B", met: false), NationalStandard(name: "C", met: true)],
            weightTotal: 100,
            measures: [
                QualityMeasure(id: "hyp", weight: 35, polarity: .higherIsBetter, lowerThreshold: 45, upperThreshold: 80, basis: .listSize,
                               minimumDenominator: 20),
                QualityMeasure(id: "dm", weight: 25, polarity: .higherIsBetter, lowerThreshold: 40, upperThreshold: 75,
                               basis: .prevalenceAdjusted(power: 0.5, populationIndex: true)),
                QualityMeasure(id: "abx", weight: 20, polarity: .lowerIsBetter, lowerThreshold: 8, upperThreshold: 15,
                               basis: .weightedListSize(column: "weighted", source: .practices)),
                QualityMeasure(id: "flu", weight: 20, polarity: .higherIsBetter, scoring: .improvement, lowerThreshold: 0, upperThreshold: 6,
                               basis: .listSize),
            ],
            eligibility: EligibilityRule(minimumListSize: 1000, minimumDenominator: 0),
            limits: PaymentLimits(cap: .perHead(pounds: 2.60), floor: .pence(50_000)), unearned: unearned)
    }

    static var inputs: PremiumInputs {
        let practices = codes.indices.map { Build.practice(codes[$0], lists[$0], weighted: ["weighted": weighted[$0]]) }
        var counts: [String: [String: AchievementCount]] = [:]
        for (measure, rows) in achievement {
            counts[measure] = Build.counts(codes.indices.map { (codes[$0], rows[$0].0, rows[$0].1, rows[$0].2) }, measure: measure)
        }
        let base = ["flu": Build.counts(codes.indices.map { (codes[$0], baseline[$0].0, baseline[$0].1, baseline[$0].2) }, measure: "flu",
                                        file: "baseline.csv")]
        return Build.inputs(practices, counts, baseline: base)
    }

    /// premium_reference.py: earned (pence), the same in both modes.
    static let earned = [635_064.375208, 982_485.229205, 32_090.125239, 2_079_440.153101, 839_166.236576, 0,
                         2_879_093.118511, 250_025.515871, 747_154.793238, 792_886.950794]
}

@Test func referenceSchemeWithRedistributionMatchesTheExactCalculation() throws {
    let result = try PremiumCalculator.distribute(scheme: ReferenceScheme.scheme(.redistribute), inputs: ReferenceScheme.inputs)
    // premium_reference.py: pot 13,087,200 p; measure pots by largest remainder of 35:25:20:20.
    #expect(result.pot.registeredPatients == 65_600)
    #expect(result.pot.potPence == 13_087_200)
    #expect(result.measurePots.map(\.potPence) == [4_580_520, 3_271_800, 2_617_440, 2_617_440])
    for (index, practice) in result.practices.enumerated() {
        #expect(abs(practice.earned - ReferenceScheme.earned[index]) < 1e-5, "earned of \(practice.code)")
    }
    // premium_reference.py: scale 1.428213902235681; whole-pence payments.
    #expect(abs(result.scale! - 1.428213902235681) < 1e-12)
    #expect(result.practices.map(\.paymentPence) == [907_008, 1_403_199, 50_000, 2_969_885, 1_198_509, 50_000, 3_952_000, 357_090,
                                                     1_067_097, 1_132_412])
    #expect(result.returnedPence == 0)
    #expect(brokenInvariant(result) == nil)
}

@Test func referenceSchemeWithMoneyReturnedMatchesTheExactCalculation() throws {
    let result = try PremiumCalculator.distribute(scheme: ReferenceScheme.scheme(.return), inputs: ReferenceScheme.inputs)
    // premium_reference.py: scale 1, distributed 9,305,316 p, returned 3,781,884 p.
    #expect(result.scale == 1)
    #expect(result.distributedPence == 9_305_316)
    #expect(result.returnedPence == 3_781_884)
    #expect(result.practices.map(\.paymentPence) == [635_064, 982_485, 50_000, 2_079_440, 839_166, 50_000, 2_879_093, 250_026, 747_155,
                                                     792_887])
    #expect(brokenInvariant(result) == nil)
}
