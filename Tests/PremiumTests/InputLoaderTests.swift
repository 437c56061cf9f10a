import Foundation
import Testing
import Premium
import Tables
import TestSupport

private let schemeText = """
[scheme]
name = "Loader"
total_weight = 1
unearned = "return"

[pot]
amount = 1000

[[measure]]
id = "m"
weight = 1
polarity = "higher_is_better"
lower_threshold = 0
upper_threshold = 100
basis = "weighted_list_size"
weighted_list_column = "weighted"
weighted_list_file = "population"
"""

private let population = """
practice_code,sex,age_band,patients,weighted
A1,F,0-4,10,12.5
A1,M,0-4,20,20
B2,F,0-4,30,33
C3,F,0-4,5,5

"""

private func load(_ folder: TemporaryFolder, achievement: String, practices: String? = nil, scheme: String = schemeText) throws -> LoadedPremiumInputs {
    let schemeValue = try PremiumSchemeReader.parse(text: scheme, name: "scheme.toml")
    return try PremiumInputLoader.load(
        files: PremiumInputFiles(achievement: folder.write("achievement.csv", achievement), population: folder.write("population.csv", population),
                                 practices: practices.map { folder.write("practices.csv", $0) }),
        scheme: schemeValue)
}

private func loadError(_ folder: TemporaryFolder, achievement: String, practices: String? = nil, scheme: String = schemeText) -> String? {
    do {
        _ = try load(folder, achievement: achievement, practices: practices, scheme: scheme)
        return nil
    } catch let error as DataError {
        return error.description.replacingOccurrences(of: folder.path + "/", with: "")
    } catch {
        return "unexpected \(error)"
    }
}

@Test func readsListsWeightedListsAndAchievement() throws {
    let folder = TemporaryFolder(prefix: "premium-inputs")
    let loaded = try load(folder, achievement: "practice_code,measure_id,numerator,denominator\nA1,m,1,2\nB2,m,3,4\nC3,m,0,1\nA1,other,1,1\n")
    let practices = loaded.inputs.practices
    #expect(practices.map(\.code) == ["A1", "B2", "C3"])
    #expect(practices.map(\.registeredPatients) == [30, 30, 5])
    // Weighted lists summed over the practice's rows: 12.5 + 20, 33, 5.
    #expect(practices.map { $0.weightedLists["weighted"] } == [32.5, 33, 5])
    #expect(loaded.inputs.achievement.count(measure: "m", practice: "B2")?.numerator == 3)
    #expect(loaded.inputs.achievement.count(measure: "m", practice: "B2")?.location.description == "\(folder.path)/achievement.csv:3")
    // The row of a measure the scheme does not use is counted in a note.
    #expect(loaded.notes.count == 1)
    #expect(loaded.notes.first?.hasSuffix("achievement.csv: 1 rows of 1 measures the scheme does not use were not used (other)") == true)
}

@Test func aPracticeUnknownToThePopulationIsAnError() {
    let folder = TemporaryFolder(prefix: "premium-inputs")
    #expect(loadError(folder, achievement: "practice_code,measure_id,numerator,denominator\nA1,m,1,2\nZ9,m,1,2\n")
            == "achievement.csv:3:1: practice_code: the practice \"Z9\" is not in population.csv")
}

@Test func aSecondRowForThePracticeAndMeasureIsAnError() {
    let folder = TemporaryFolder(prefix: "premium-inputs")
    #expect(loadError(folder, achievement: "practice_code,measure_id,numerator,denominator\nA1,m,1,2\nA1,m,1,2\n")
            == "achievement.csv:3:2: measure_id: the practice \"A1\" has a second row for the measure \"m\" (also line 2)")
}

@Test func numeratorAboveTheDenominatorAfterExceptionsIsAnError() {
    let folder = TemporaryFolder(prefix: "premium-inputs")
    #expect(loadError(folder, achievement: "practice_code,measure_id,numerator,denominator,exceptions\nA1,m,3,5,3\n")
            == "achievement.csv:2:3: numerator: expected a numerator <= the denominator less exceptions (2), found 3")
    #expect(loadError(folder, achievement: "practice_code,measure_id,numerator,denominator,exceptions\nA1,m,0,5,6\n")
            == "achievement.csv:2:5: exceptions: expected exceptions <= the denominator (5), found 6")
}

@Test func negativeOrFractionalCountsAreRejectedByTheReader() {
    let folder = TemporaryFolder(prefix: "premium-inputs")
    #expect(loadError(folder, achievement: "practice_code,measure_id,numerator,denominator\nA1,m,1.5,2\n")
            == "achievement.csv:2:3: numerator: expected a whole number >= 0, found \"1.5\"")
}

@Test func practicesOfOtherConsortiaAreLeftOutWhenTheSchemeNamesOne() throws {
    let folder = TemporaryFolder(prefix: "premium-inputs")
    let scheme = schemeText.replacingOccurrences(of: "unearned = \"return\"", with: "unearned = \"return\"\nconsortium_code = \"X\"")
    let loaded = try load(folder, achievement: "practice_code,measure_id,numerator,denominator\nA1,m,1,2\nB2,m,3,4\nC3,m,0,1\n",
                          practices: "practice_code,consortium_code\nA1,X\nB2,X\nC3,Y\n", scheme: scheme)
    #expect(loaded.inputs.practices.map(\.code) == ["A1", "B2"])
    #expect(loaded.notes.contains { $0.hasSuffix("achievement.csv: 1 rows of practices of other consortia were not used") })
}

@Test func severalConsortiaWithoutAChoiceIsAnError() {
    let folder = TemporaryFolder(prefix: "premium-inputs")
    #expect(loadError(folder, achievement: "practice_code,measure_id,numerator,denominator\nA1,m,1,2\n",
                      practices: "practice_code,consortium_code\nA1,X\nB2,X\nC3,Y\n")
            == "practices.csv: consortium_code: the practices belong to 2 consortia (X, Y): state consortium_code in the scheme's [scheme] table")
}

@Test func improvementWithoutABaselineFileNamesTheMeasure() {
    let folder = TemporaryFolder(prefix: "premium-inputs")
    let scheme = schemeText.replacingOccurrences(of: "polarity = \"higher_is_better\"", with: "polarity = \"higher_is_better\"\nscoring = \"improvement\"")
        .replacingOccurrences(of: "upper_threshold = 100", with: "upper_threshold = 10")
    #expect(loadError(folder, achievement: "practice_code,measure_id,numerator,denominator\nA1,m,1,2\n", scheme: scheme)
            == "scheme.toml:10:1: measure.m: the measure is scored on improvement: give the baseline period's achievement with --baseline-achievement")
}

@Test func theGatewayFileIsReadBesideTheScheme() throws {
    let folder = TemporaryFolder(prefix: "premium-inputs")
    folder.write("finance.csv", "consortium_code,allocation,outturn\nX,1000.00,999.99\nY,500,600\n")
    let text = schemeText.replacingOccurrences(of: "unearned = \"return\"", with: "unearned = \"return\"\nconsortium_code = \"Y\"")
        + "\n\n[gateway]\nfile = \"finance.csv\"\non_overspend = \"withhold\"\n"
    let path = folder.write("scheme.toml", text)
    let scheme = try PremiumSchemeReader.read(path: path)
    #expect(scheme.gateway?.allocationPence == 50_000)
    #expect(scheme.gateway?.outturnPence == 60_000)
    #expect(scheme.gateway?.overspent == true)
    #expect(scheme.gateway?.source == "\(folder.path)/finance.csv:3")
}
