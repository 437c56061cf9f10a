import Testing
@testable import Allocation
import Tables

/// Three practices with 100, 100 and 200 registered patients and no age-sex weighting.
private func input(values: [Double], unmet: [Double]? = nil, registered: [Double] = [100, 100, 200]) -> CapitationInput {
    CapitationInput(practiceCodes: ["A", "B", "C"].prefix(registered.count).map { $0 }, consortiumCodes: Array(repeating: "X", count: registered.count),
                    registeredPatients: registered, basePopulation: registered, componentValues: [values], unmetNeedValues: unmet)
}

private func formula(_ form: IndexForm, unmet: UnmetNeedAdjustment? = nil) -> AllocationFormula {
    AllocationFormula(population: .registeredPatients,
                      components: [IndexComponent(name: "x", kind: .need, source: .practices, variable: "x", form: form)],
                      unmetNeed: unmet)
}

private func indices(_ targets: CapitationTargets) -> [Double] { targets.componentIndices[0].map { $0! } }

@Test func valueFormIsTheVariableOverItsWeightedMean() throws {
    // Market forces factors 1.0, 1.2, 0.9: weighted mean (100 + 120 + 180) / 400 = 1, so the
    // indices are the factors themselves.
    let targets = try CapitationModel.targets(input: input(values: [1.0, 1.2, 0.9]), formula: formula(.value))
    let result = indices(targets)
    for (got, expected) in zip(result, [1.0, 1.2, 0.9]) { #expect(abs(got - expected) < 1e-15) }
    // Weighted populations 100, 120, 180 of 400: shares .25, .3, .45.
    for (got, expected) in zip(targets.targetShare, [0.25, 0.3, 0.45]) { #expect(abs(got - expected) < 1e-15) }
}

@Test func linearFormScalesTheRelativeDeviation() throws {
    // x = 10, 20, 30; x̄ = (1000 + 2000 + 6000) / 400 = 22.5; c = 0.5:
    // 1 + 0.5·(−12.5)/22.5 = 0.72222…, 1 + 0.5·(−2.5)/22.5 = 0.94444…, 1 + 0.5·7.5/22.5 = 1.16666…
    // (weighted mean (72.22 + 94.44 + 233.33)/400 = 1, so normalisation leaves them).
    let targets = try CapitationModel.targets(input: input(values: [10, 20, 30]), formula: formula(.linear(coefficient: 0.5)))
    for (got, expected) in zip(indices(targets), [1 - 12.5 / 45, 1 - 2.5 / 45, 1 + 7.5 / 45]) { #expect(abs(got - expected) < 1e-14) }
}

@Test func exponentialFormNormalisesExpOfCoefficientTimesX() throws {
    // c = ln 2, x = 0, 1, 2: raw ∝ 1, 2, 4; weighted mean (100 + 200 + 800)/400 = 2.75, so the
    // indices are 1/2.75, 2/2.75, 4/2.75.
    let targets = try CapitationModel.targets(input: input(values: [0, 1, 2]), formula: formula(.exponential(coefficient: 0.6931471805599453)))
    for (got, expected) in zip(indices(targets), [1 / 2.75, 2 / 2.75, 4 / 2.75]) { #expect(abs(got - expected) < 1e-14) }
}

@Test func tableFormUsesTheCategoryFactors() throws {
    // Factors 1, 1, 1.5 (urban, urban, rural) with weights 100, 100, 200: mean (100+100+300)/400
    // = 1.25; indices 0.8, 0.8, 1.2.
    let targets = try CapitationModel.targets(input: input(values: [1, 1, 1.5]), formula: formula(.table(["urban": 1, "rural": 1.5])))
    for (got, expected) in zip(indices(targets), [0.8, 0.8, 1.2]) { #expect(abs(got - expected) < 1e-15) }
}

@Test func unmetNeedShareIsDistributedByItsOwnIndex() throws {
    // Two practices of 100 patients, main index 1 for both (main shares .5, .5). Unmet-need values
    // 1 and 3 (value form) normalise to 0.5 and 1.5; with basis registered patients the unmet
    // shares are 50/200 = .25 and 150/200 = .75. With s = 0.2:
    // 0.8·0.5 + 0.2·0.25 = 0.45 and 0.8·0.5 + 0.2·0.75 = 0.55.
    let unmet = UnmetNeedAdjustment(share: 0.2, basis: .registeredPatients,
                                    index: IndexComponent(name: "unmet_need", kind: .unmetNeed, source: .practices, variable: "u", form: .value))
    let targets = try CapitationModel.targets(input: input(values: [1, 1], unmet: [1, 3], registered: [100, 100]), formula: formula(.value, unmet: unmet))
    #expect(abs(targets.targetShare[0] - 0.45) < 1e-15)
    #expect(abs(targets.targetShare[1] - 0.55) < 1e-15)
    #expect(targets.unmetNeedIndex!.map { $0! } == [0.5, 1.5])
    // Need index = share × 200 / 100; the unmet-need factor is need index / (A·I·N) = 0.9 and 1.1.
    #expect(abs(targets.unmetNeedFactor[0]! - 0.9) < 1e-15)
    #expect(abs(targets.unmetNeedFactor[1]! - 1.1) < 1e-15)
}

@Test func linearIndexThatTurnsNegativeIsAnError() throws {
    // x = 10, 20, 30 with c = 2: 1 + 2·(−12.5)/22.5 = −0.111… for practice A.
    #expect(throws: DataError.self) {
        try CapitationModel.targets(input: input(values: [10, 20, 30]), formula: formula(.linear(coefficient: 2)))
    }
}

@Test func practiceWithoutPatientsHasNoIndexAndNoShare() throws {
    // C has no registered patients: its value (NaN) is not used, its share is 0 and its indices nil.
    let targets = try CapitationModel.targets(input: input(values: [1, 2, .nan], registered: [100, 100, 0]), formula: formula(.value))
    #expect(targets.targetShare[2] == 0)
    #expect(targets.componentIndices[0][2] == nil)
    #expect(targets.needIndex[2] == nil)
    // A and B: mean (100 + 200)/200 = 1.5, indices 2/3 and 4/3, shares 1/3 and 2/3.
    #expect(abs(targets.targetShare[0] - 1.0 / 3) < 1e-15)
}
