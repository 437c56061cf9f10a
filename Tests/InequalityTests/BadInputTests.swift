import Testing
import Tables
@testable import Inequality

private func row(_ group: Int, _ numerator: Double, _ denominator: Double, line: Int, organisation: String? = nil) -> IndicatorObservation {
    IndicatorObservation(organisation: organisation, group: group, numerator: numerator, denominator: denominator,
                         location: SourceLocation(file: "counts.csv", line: line))
}

private let fiveGroups = (1...5).map { row($0, Double(10 * $0), 1000, line: $0 + 1) }
private let options = InequalityOptions(statistic: .proportion, repetitions: 1000, source: "counts.csv")

private func message(_ rows: [IndicatorObservation], _ options: InequalityOptions = options) -> String? {
    do {
        _ = try InequalityAnalysis.analyse(rows, options: options)
        return nil
    } catch let error as DataError {
        return error.description
    } catch {
        return "\(error)"
    }
}

@Test func missingRankIsAnError() {
    let rows = fiveGroups.filter { $0.group != 3 }
    #expect(message(rows) == "counts.csv: deprivation group 3 has no rows (groups must run from 1 to 5 with none missing)")
}

@Test func fewerThanTheMinimumGroupsIsAnError() {
    #expect(message(Array(fiveGroups.prefix(4))) == "counts.csv: found 4 deprivation groups; the inequality measures need at least 5")
}

@Test func expectedGroupCountCatchesAnEmptyLastGroupAndAnOutOfRangeGroup() {
    var expectTen = options
    expectTen.expectedGroupCount = 6
    #expect(message(fiveGroups, expectTen) == "counts.csv: deprivation group 6 has no rows (groups must run from 1 to 6 with none missing)")
    expectTen.expectedGroupCount = 4
    #expect(message(fiveGroups, expectTen) == "counts.csv:6: expected a deprivation group from 1 to 4, found 5")
}

@Test func groupZeroAndZeroPopulationAreErrorsWithTheLine() {
    #expect(message(fiveGroups + [row(0, 1, 10, line: 9)]) == "counts.csv:9: expected a deprivation group of 1 (most deprived) or more, found 0")
    #expect(message(fiveGroups + [row(2, 0, 0, line: 8)]) == "counts.csv:8: expected a denominator > 0, found 0")
    var given = InequalityOptions(statistic: .value, repetitions: 1000, source: "values.csv")
    given.scale = .identity
    let values = (1...5).map { IndicatorObservation(group: $0, value: 70, standardError: 1, population: $0 == 4 ? 0 : 100,
                                                    location: SourceLocation(file: "values.csv", line: $0 + 1)) }
    #expect(message(values, given) == "values.csv:5: expected a population > 0 for the group")
}

@Test func proportionsOutsideTheLogitDomainAreErrors() {
    var rows = fiveGroups
    rows[4] = row(5, 0, 1000, line: 6)
    #expect(message(rows) == "counts.csv:6: deprivation group 5 has 0 events in 1000; a proportion is simulated on the logit scale, which needs 0 < numerator < denominator")
    rows[4] = row(5, 1001, 1000, line: 6)
    #expect(message(rows) == "counts.csv:6: the numerator 1001 exceeds the denominator 1000 of a proportion")
}

@Test func aRatioGroupNeedsTwoOrganisations() {
    var ratio = options
    ratio.statistic = .ratio
    let rows = (1...5).flatMap { group in
        (0..<(group == 2 ? 1 : 2)).map { row(group, 100, 10, line: group * 10 + $0, organisation: "P\(group)\($0)") }
    }
    #expect(message(rows, ratio) == "counts.csv:20: deprivation group 2 has one organisation; the limits of a ratio need at least two")
}

@Test func duplicateOrganisationIsAnError() {
    let rows = fiveGroups.enumerated().map { row($0.element.group, 10, 100, line: $0.offset + 2, organisation: $0.offset == 3 ? "P0" : "P\($0.offset)") }
    #expect(message(rows) == "counts.csv:5: the organisation \"P0\" appears twice (also line 2)")
}

@Test func joinReportsOrCountsUnusableRows() throws {
    let deprivation = [OrganisationDeprivation(code: "A", group: 1), OrganisationDeprivation(code: "B", group: 2)]
    let rows = [
        OrganisationCounts(organisation: "A", numerator: 1, denominator: 10, location: SourceLocation(file: "smoking.csv", line: 2)),
        OrganisationCounts(organisation: "Z", numerator: 1, denominator: 10, location: SourceLocation(file: "smoking.csv", line: 3)),
        OrganisationCounts(organisation: "B", numerator: nil, denominator: 10, location: SourceLocation(file: "smoking.csv", line: 4)),
        OrganisationCounts(organisation: "B", numerator: 0, denominator: 0, location: SourceLocation(file: "smoking.csv", line: 5)),
    ]
    #expect {
        try DeprivationJoin.attach(rows, to: DeprivationLookup(deprivation, name: "deciles.csv"), policy: .error)
    } throws: { error in
        (error as? DataError)?.description == "smoking.csv:3: the organisation \"Z\" is not in deciles.csv"
    }
    let (observations, skipped) = try DeprivationJoin.attach(rows, to: DeprivationLookup(deprivation, name: "deciles.csv"), policy: .skip)
    #expect(observations.map(\.organisation) == ["A"])
    #expect(skipped == [.notInDeprivationFile: 1, .missingCounts: 1, .zeroDenominator: 1])
}

@Test func anOrganisationTwiceInTheDeprivationFileIsAnError() {
    #expect {
        try DeprivationLookup([OrganisationDeprivation(code: "A", group: 1, location: SourceLocation(file: "deciles.csv", line: 2)),
                               OrganisationDeprivation(code: "A", group: 2, location: SourceLocation(file: "deciles.csv", line: 9))],
                              name: "deciles.csv")
    } throws: { error in
        (error as? DataError)?.description == "deciles.csv:9: the organisation \"A\" appears twice (also line 2)"
    }
}

@Test func undefinedMeasuresAreReportedWithoutAValueAndSaySo() throws {
    // Organisation P3 has no events: Theil L and Atkinson(1), (2) are undefined over organisations,
    // while the group-level measures are fine.
    let rows = (1...5).flatMap { group in
        [row(group, 50, 1000, line: group * 2, organisation: "P\(group)a"),
         row(group, group == 3 ? 0 : 30, 1000, line: group * 2 + 1, organisation: "P\(group)b")]
    }
    let result = try InequalityAnalysis.analyse(rows, options: options)
    let theilL = result.estimates.first { $0.measure == "theil_l" }!
    #expect(theilL.value == nil)
    #expect(theilL.method == "not defined: 1 of the values are 0 (Theil L needs values > 0)")
    #expect(result.estimates.first { $0.measure == "atkinson_2" }!.value == nil)
    #expect(result.estimates.first { $0.measure == "atkinson_0.5" }!.value != nil)
    #expect(result.estimates.first { $0.measure == "gini" }!.value != nil)
}
