import Testing
@testable import Benchmarking

@Suite struct PeriodChangeTests {
    // Reference/benchmarking_reference.py, "Newcombe hybrid score difference p2 - p1":
    // statsmodels confint_proportions_2indep(x2, n2, x1, n1, method="newcomb", compare="diff").
    @Test(arguments: [
        (56.0, 70.0, 48.0, 80.0, 0.95, -0.333872654036906, -0.05243147240236498),
        (56.0, 70.0, 48.0, 80.0, 0.998, -0.4018117646026352, 0.03348725364244223),
        (9.0, 10.0, 3.0, 10.0, 0.95, -0.8090179735354881, -0.17052272393450302),
        (9.0, 10.0, 3.0, 10.0, 0.998, -0.8540903630788513, 0.04762237192141028),
        (0.0, 20.0, 5.0, 25.0, 0.95, 0.004117448685351882, 0.3913095036954033),
        (0.0, 20.0, 5.0, 25.0, 0.998, -0.15344884387868962, 0.5089734596669092),
        (514.0, 3336.0, 560.0, 3400.0, 0.95, -0.006866429299370806, 0.02810677434301187),
        (514.0, 3336.0, 560.0, 3400.0, 0.998, -0.016980785654784808, 0.038194508682101086),
    ])
    func newcombeDifferenceMatchesStatsmodels(x1: Double, n1: Double, x2: Double, n2: Double, level: Double, lower: Double, upper: Double) throws {
        let earlier = OrganisationCounts(organisationCode: "A", numerator: x1, denominator: n1)
        let later = OrganisationCounts(organisationCode: "A", numerator: x2, denominator: n2)
        let change = try PeriodChange.between(earlier: earlier, later: later, statistic: .proportion, multiplier: 1, polarity: .noJudgement, level: level).get()
        #expect(change.measure == .difference)
        expectClose(change.change, x2 / n2 - x1 / n1, relative: 1e-15)
        expectClose(change.lower, lower, "lower")
        expectClose(change.upper, upper, "upper")
    }

    @Test func differencesAreScaledAndJudgedByPolarity() throws {
        // 56/70 → 48/80: the 95% interval (−0.334, −0.052) excludes 0, a decrease; with
        // higher_is_better that is worse. Percent scale: ×100.
        let earlier = OrganisationCounts(organisationCode: "A", numerator: 56, denominator: 70)
        let later = OrganisationCounts(organisationCode: "A", numerator: 48, denominator: 80)
        let change = try PeriodChange.between(earlier: earlier, later: later, statistic: .proportion, multiplier: 100, polarity: .higherIsBetter).get()
        expectClose(change.previousValue, 80, relative: 1e-15)
        expectClose(change.change, -20, relative: 1e-12)
        expectClose(change.lower, -33.3872654036906)
        #expect(change.significance == .worse)
    }

    // "rate ratio": exp(log R ± z·√(1/O₁ + 1/O₂)) computed with numpy.
    @Test func rateRatioOnTheLogScale() throws {
        let earlier = OrganisationCounts(organisationCode: "A", numerator: 120, denominator: 50000)
        let later = OrganisationCounts(organisationCode: "A", numerator: 150, denominator: 52000)
        let change = try PeriodChange.between(earlier: earlier, later: later, statistic: .rate, multiplier: 100_000, polarity: .noJudgement).get()
        #expect(change.measure == .ratio)
        expectClose(change.change, 1.201923076923077)
        expectClose(change.lower, 0.945423082190786)
        expectClose(change.upper, 1.5280133413843535)
        expectClose(change.previousValue, 240, relative: 1e-14)
        #expect(change.significance == .similar)

        let small = try PeriodChange.between(earlier: OrganisationCounts(organisationCode: "B", numerator: 12, denominator: 800),
                                             later: OrganisationCounts(organisationCode: "B", numerator: 4, denominator: 900),
                                             statistic: .ratio, multiplier: 1, polarity: .lowerIsBetter).get()
        expectClose(small.change, 0.2962962962962963)
        expectClose(small.lower, 0.09556190148363432)
        expectClose(small.upper, 0.9186871947492334)
        #expect(small.significance == .better)
    }

    @Test func zeroEventsLeaveTheRatioUndefined() {
        let result = PeriodChange.between(earlier: OrganisationCounts(organisationCode: "A", numerator: 0, denominator: 1000),
                                          later: OrganisationCounts(organisationCode: "A", numerator: 3, denominator: 1000),
                                          statistic: .rate, multiplier: 1, polarity: .noJudgement)
        guard case .failure(let undefined) = result else {
            Issue.record("expected an undefined change")
            return
        }
        #expect(undefined.reason.contains("earlier period"))
    }
}
