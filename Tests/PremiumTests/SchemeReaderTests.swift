import Testing
import Premium
import Tables

private let validScheme = """
[scheme]
name = "Test scheme"
total_weight = 100
unearned = "redistribute"

[pot]
per_head = 1.50
reduction_per_failed_standard = 10

[[standard]]
name = "A&E four hours"
met = false

[[standard]]
name = "Cancer 62 days"
met = true

[gateway]
allocation = 1000000.00
outturn = 1000500.00
on_overspend = "reduce"
reduction = 50

[eligibility]
minimum_list_size = 750
minimum_denominator = 10

[limits]
cap_per_head = 2.5
floor = 250
floors_for = "earning"

[[measure]]
id = "bp"
name = "Blood pressure controlled"
weight = 60
polarity = "higher_is_better"
lower_threshold = 40
upper_threshold = 80
basis = "prevalence_adjusted"
prevalence_power = 0.5
population_index = false

[[measure]]
id = "admissions"
weight = 40
polarity = "lower_is_better"
scoring = "improvement"
lower_threshold = 0
upper_threshold = 5
basis = "weighted_list_size"
weighted_list_column = "weighted_patients"
weighted_list_file = "population"
minimum_denominator = 25
"""

/// Parses `text` and returns the error's description (file:line:column: message), or nil.
private func failure(_ text: String) -> String? {
    do {
        _ = try PremiumSchemeReader.parse(text: text, name: "scheme.toml")
        return nil
    } catch let error as DataError {
        #expect(error.kind == .badData)
        return error.description
    } catch {
        return "unexpected \(error)"
    }
}

@Test func readsEveryPartOfAScheme() throws {
    let scheme = try PremiumSchemeReader.parse(text: validScheme, name: "scheme.toml")
    #expect(scheme.name == "Test scheme")
    #expect(scheme.pot == .perHead(pounds: 1.5))
    #expect(scheme.reductionPerFailedStandard == 10)
    #expect(scheme.standards == [NationalStandard(name: "A&E four hours", met: false), NationalStandard(name: "Cancer 62 days", met: true)])
    #expect(scheme.gateway == FinancialGateway(allocationPence: 100_000_000, outturnPence: 100_050_000, consequence: .reduce(percent: 50),
                                               source: "scheme.toml:18:1"))
    #expect(scheme.eligibility == EligibilityRule(minimumListSize: 750, minimumDenominator: 10))
    #expect(scheme.limits == PaymentLimits(cap: .perHead(pounds: 2.5), floor: .pence(25_000), floorRecipients: .earningPractices))
    #expect(scheme.unearned == .redistribute)
    #expect(scheme.exceptions == .subtract)
    #expect(scheme.measures == [
        QualityMeasure(id: "bp", name: "Blood pressure controlled", weight: 60, polarity: .higherIsBetter, lowerThreshold: 40, upperThreshold: 80,
                       basis: .prevalenceAdjusted(power: 0.5, populationIndex: false)),
        QualityMeasure(id: "admissions", weight: 40, polarity: .lowerIsBetter, scoring: .improvement, lowerThreshold: 0, upperThreshold: 5,
                       basis: .weightedListSize(column: "weighted_patients", source: .population), minimumDenominator: 25),
    ])
    // Key places for errors found later (line 30 holds floor = 250; line 34 the first id).
    #expect(scheme.location(of: "limits.floor").description == "scheme.toml:30:1")
    #expect(scheme.location(of: "measure.bp").description == "scheme.toml:34:1")
}

@Test func weightsNotAddingUpToTheStatedTotalNameTheTotal() {
    let text = validScheme.replacingOccurrences(of: "weight = 40", with: "weight = 30")
    // total_weight is on line 3, column 1.
    #expect(failure(text) == "scheme.toml:3:1: scheme.total_weight: the measures' weights add up to 90 (bp 60, admissions 30), not the stated 100")
}

@Test func lowerThresholdAboveUpperNamesTheLowerThreshold() {
    let text = validScheme.replacingOccurrences(of: "lower_threshold = 40", with: "lower_threshold = 85")
    // The first measure's lower_threshold is on line 38.
    #expect(failure(text) == "scheme.toml:38:1: measure.lower_threshold: the lower threshold (85) must be below the upper threshold (80)")
}

@Test func equalThresholdsAreRejected() {
    let text = validScheme.replacingOccurrences(of: "lower_threshold = 40", with: "lower_threshold = 80")
    #expect(failure(text)?.hasPrefix("scheme.toml:38:1: measure.lower_threshold: the lower threshold (80) must be below") == true)
}

@Test func unknownKeysAreNamedWithTheirPlace() {
    let inMeasure = validScheme.replacingOccurrences(of: "polarity = \"higher_is_better\"", with: "polarity = \"higher_is_better\"\n  treshold = 3")
    // The misspelt key is on line 38, indented by two spaces: column 3.
    #expect(failure(inMeasure)?.hasPrefix("scheme.toml:38:3: unknown key \"treshold\" in [measure]; expected one of: id, name, weight,") == true)
    let topLevel = validScheme + "\n[extras]\nx = 1\n"
    // [extras] is on line 55, after the 54 lines of the valid scheme.
    #expect(failure(topLevel)?.hasPrefix("scheme.toml:55:1: unknown key \"extras\"; expected one of: scheme, pot,") == true)
    let inPot = validScheme.replacingOccurrences(of: "per_head = 1.50", with: "per_head = 1.50\nrate = 2")
    #expect(failure(inPot)?.hasPrefix("scheme.toml:8:1: unknown key \"rate\" in [pot]") == true)
}

@Test func pointsAreAcceptedInsteadOfWeights() throws {
    let text = validScheme.replacingOccurrences(of: "total_weight = 100", with: "total_points = 100")
        .replacingOccurrences(of: "weight = 60", with: "points = 60").replacingOccurrences(of: "weight = 40", with: "points = 40")
    let scheme = try PremiumSchemeReader.parse(text: text, name: "scheme.toml")
    #expect(scheme.weightName == "points")
    #expect(scheme.measures.map(\.weight) == [60, 40])
    // Mixing: a measure with weight under total_points is an unknown key.
    let mixed = validScheme.replacingOccurrences(of: "total_weight = 100", with: "total_points = 100")
    #expect(failure(mixed)?.contains("unknown key \"weight\" in [measure]") == true)
}

@Test func keysOfAnotherBasisAreRejected() {
    let text = validScheme.replacingOccurrences(of: "basis = \"prevalence_adjusted\"", with: "basis = \"list_size\"")
    #expect(failure(text) == "scheme.toml:41:1: measure.prevalence_power: applies only with basis = \"prevalence_adjusted\" (this measure's basis is \"list_size\")")
}

@Test func badChoicesListWhatIsAllowed() {
    let text = validScheme.replacingOccurrences(of: "unearned = \"redistribute\"", with: "unearned = \"keep\"")
    #expect(failure(text) == "scheme.toml:4:1: scheme.unearned: expected \"redistribute\" or \"return\", found \"keep\"")
    let polarity = validScheme.replacingOccurrences(of: "\"lower_is_better\"", with: "\"down\"")
    #expect(failure(polarity)?.contains("measure.polarity: expected \"higher_is_better\" or \"lower_is_better\", found \"down\"") == true)
}

@Test func levelThresholdsArePercentages() {
    let text = validScheme.replacingOccurrences(of: "upper_threshold = 80", with: "upper_threshold = 180")
    #expect(failure(text) == "scheme.toml:39:1: measure.upper_threshold: expected an achievement in percent, from 0 to 100, found 180")
}

@Test func moneyHasAtMostTwoDecimals() {
    let text = validScheme.replacingOccurrences(of: "floor = 250", with: "floor = 250.005")
    #expect(failure(text) == "scheme.toml:30:1: limits.floor: expected pounds >= 0 with at most two decimals, found 250.005")
}

@Test func aPotNeedsExactlyOneRule() {
    let both = validScheme.replacingOccurrences(of: "per_head = 1.50", with: "per_head = 1.50\namount = 1000")
    #expect(failure(both) == "scheme.toml:7:1: pot.per_head: give only one of amount and per_head")
    let neither = validScheme.replacingOccurrences(of: "per_head = 1.50", with: "")
    #expect(failure(neither) == "scheme.toml:6:1: pot: state one of amount or per_head")
}

@Test func standardsAndTheirReductionGoTogether() {
    let noReduction = validScheme.replacingOccurrences(of: "reduction_per_failed_standard = 10", with: "")
    #expect(failure(noReduction)?.hasPrefix("scheme.toml:6:1: pot: the scheme lists [[standard]] tables") == true)
}

@Test func aMeasureIdCannotRepeatOrBeTotal() {
    let repeated = validScheme.replacingOccurrences(of: "id = \"admissions\"", with: "id = \"bp\"")
    #expect(failure(repeated) == "scheme.toml:45:1: measure.id: the measure \"bp\" is defined twice (also at scheme.toml:34:1)")
    let total = validScheme.replacingOccurrences(of: "id = \"admissions\"", with: "id = \"total\"")
    #expect(failure(total)?.hasPrefix("scheme.toml:45:1: measure.id: expected a measure id") == true)
}

@Test func aGatewayReductionNeedsReduce() {
    let text = validScheme.replacingOccurrences(of: "on_overspend = \"reduce\"", with: "on_overspend = \"withhold\"")
    #expect(failure(text) == "scheme.toml:22:1: gateway.reduction: applies only with on_overspend = \"reduce\"")
}

@Test func syntaxErrorsNameTheirPlace() {
    let text = validScheme.replacingOccurrences(of: "name = \"Test scheme\"", with: "name = \"Test scheme")
    #expect(failure(text)?.hasPrefix("scheme.toml:2:") == true)
}
