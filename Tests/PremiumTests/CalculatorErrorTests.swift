import Testing
import Premium
import Tables

private func message(_ scheme: PremiumScheme, _ inputs: PremiumInputs) -> String? {
    do {
        _ = try PremiumCalculator.distribute(scheme: scheme, inputs: inputs)
        return nil
    } catch let error as DataError {
        #expect(error.kind == .badData)
        return error.description
    } catch {
        return "unexpected \(error)"
    }
}

private func oneMeasure(minimumDenominator: Int? = nil, basis: PaymentBasis = .listSize) -> PremiumScheme {
    var scheme = PremiumScheme(name: "errors", pot: .fixed(pence: 100_000), weightTotal: 1,
                               measures: [QualityMeasure(id: "m", weight: 1, lowerThreshold: 0, upperThreshold: 100, basis: basis,
                                                         minimumDenominator: minimumDenominator)],
                               unearned: .return, source: "scheme.toml")
    scheme.keyLocations["measure.m"] = SourceLocation(file: "scheme.toml", line: 9, column: 1)
    return scheme
}

@Test func aMeasureWithNoDataNamesItsKey() {
    let inputs = Build.inputs([Build.practice("P1", 100)], ["other": Build.counts([("P1", 1, 2, 0)], measure: "other")])
    #expect(message(oneMeasure(), inputs) == "scheme.toml:9:1: measure.m: the achievement file achievement.csv has no rows for the measure \"m\"")
}

@Test func aZeroDenominatorAfterExceptionsNamesTheRow() {
    // P2's row is line 3 of achievement.csv: denominator 4, exceptions 4.
    let inputs = Build.inputs([Build.practice("P1", 100), Build.practice("P2", 100)],
                              ["m": Build.counts([("P1", 1, 2, 0), ("P2", 0, 4, 4)], measure: "m")])
    let found = message(oneMeasure(), inputs)
    #expect(found?.hasPrefix("achievement.csv:3:4: denominator: the denominator after exceptions is 0 for the practice \"P2\" and the measure \"m\"") == true)
}

@Test func aMinimumDenominatorMakesZeroDenominatorsIneligibleInstead() throws {
    let inputs = Build.inputs([Build.practice("P1", 100), Build.practice("P2", 100)],
                              ["m": Build.counts([("P1", 1, 2, 0), ("P2", 0, 4, 4)], measure: "m")])
    let result = try PremiumCalculator.distribute(scheme: oneMeasure(minimumDenominator: 1), inputs: inputs)
    #expect(result.practices[1].measures[0].eligibility == .denominatorBelowMinimum(minimum: 1))
    #expect(result.practices[1].measures[0].achievement == nil)
    // P1 alone is eligible: 50% × the whole basis → £500 of £1,000.
    #expect(result.practices.map(\.paymentPence) == [50_000, 0])
}

@Test func aMemberWithoutARowIsAnError() {
    let inputs = Build.inputs([Build.practice("P1", 100), Build.practice("P2", 100)], ["m": Build.counts([("P1", 1, 2, 0)], measure: "m")])
    #expect(message(oneMeasure(), inputs)?.hasPrefix("achievement.csv: no row for the practice \"P2\" and the measure \"m\"") == true)
}

@Test func prevalenceOfAnEligiblePracticeWithNoPatientsIsAnError() {
    let inputs = Build.inputs([Build.practice("P1", 100), Build.practice("P2", 0)],
                              ["m": Build.counts([("P1", 1, 2, 0), ("P2", 1, 2, 0)], measure: "m")])
    #expect(message(oneMeasure(basis: .prevalenceAdjusted(power: 1, populationIndex: true)), inputs)
            == "practices.csv: practice_code: the practice \"P2\" has no registered patients, so its prevalence for \"m\" is undefined")
}

@Test func aMinimumListSizeMakesSmallPracticesIneligible() throws {
    var scheme = oneMeasure()
    scheme.eligibility.minimumListSize = 500
    let inputs = Build.inputs([Build.practice("P1", 1000), Build.practice("P2", 499)],
                              ["m": Build.counts([("P1", 1, 2, 0), ("P2", 2, 2, 0)], measure: "m")])
    let result = try PremiumCalculator.distribute(scheme: scheme, inputs: inputs)
    #expect(result.practices[1].measures[0].eligibility == .listBelowMinimum(minimum: 500))
    #expect(result.practices[1].measures[0].score == nil)
    #expect(result.measurePots[0].eligiblePractices == 1)
}
