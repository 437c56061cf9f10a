import Testing
import Population
@testable import Inequality

// Every expected number here comes from Reference/inequality_reference.py (pasted into
// ReferenceData.swift), which computes it another way: statsmodels WLS for the SII and its
// analytic limits, numpy lstsq refits for the simulation, the convenient regression for the
// concentration index, the pairwise definition for the Gini, pandas cumulative sums for the deciles.
// Point estimates to 1e-9 relative; simulated limits too (same seeded draws, other arithmetic).

/// The practices' consortia: the script puts practices 1–20 in C1, 21–40 in C2, 41–60 in C3.
private let referenceConsortia = (0..<60).map { "C\(1 + $0 / 20)" }

private func practiceRows(numerators: [Double], withScores: Bool = true) -> [IndicatorObservation] {
    referenceCodes.indices.map { index in
        IndicatorObservation(organisation: referenceCodes[index], group: referenceDeciles[index],
                             deprivationScore: withScores ? referenceScores[index] : nil, partition: referenceConsortia[index],
                             numerator: numerators[index], denominator: referenceDenominators[index])
    }
}

private func estimates(_ result: InequalityResult, _ measure: String) -> [InequalityEstimate] {
    result.estimates.filter { $0.measure == measure }
}

/// Checks value and limits of `measure` rows in output order against `point` and flat
/// [lower, upper, lower, upper, …] lists.
private func expectMeasure(_ result: InequalityResult, _ measure: String, point: Double, limits: [Double],
                           relative: Double = 1e-9, sourceLocation: SourceLocation = #_sourceLocation) {
    let rows = estimates(result, measure)
    #expect(rows.count * 2 == limits.count, "\(measure): \(rows.count) rows", sourceLocation: sourceLocation)
    for (index, row) in rows.enumerated() where index * 2 + 1 < limits.count {
        expectClose(row.value!, point, relative: relative, sourceLocation: sourceLocation)
        expectClose(row.limits!.lower, limits[index * 2], relative: relative, sourceLocation: sourceLocation)
        expectClose(row.limits!.upper, limits[index * 2 + 1], relative: relative, sourceLocation: sourceLocation)
    }
}

@Test func nationalDecilesAndConsortiumQuintilesMatchTheReference() throws {
    let units = referenceCodes.indices.map {
        DeprivationRankingUnit(code: referenceCodes[$0], score: referenceScores[$0], population: referenceRegistered[$0])
    }
    let deciles = try PopulationWeightedGroups.assign(units, groupCount: 10, order: .higherIsMoreDeprived)
    let byCode = Dictionary(uniqueKeysWithValues: deciles.map { ($0.code, $0) })
    for (index, code) in referenceCodes.enumerated() {
        #expect(byCode[code]!.group == referenceDeciles[index], "\(code)")
        expectClose(byCode[code]!.cumulativeMidpoint, referenceMidpoints[index], relative: 1e-12)
    }
    let partitioned = referenceCodes.indices.map {
        DeprivationRankingUnit(code: referenceCodes[$0], score: referenceScores[$0], population: referenceRegistered[$0],
                               partition: referenceConsortia[$0])
    }
    let quintiles = Dictionary(uniqueKeysWithValues: try PopulationWeightedGroups.assign(partitioned, groupCount: 5, order: .higherIsMoreDeprived).map { ($0.code, $0.group) })
    #expect(referenceCodes.indices.allSatisfy { quintiles[referenceCodes[$0]] == referenceConsortiumQuintiles[$0] })
}

@Test func proportionAcrossDecilesMatchesTheReference() throws {
    let options = InequalityOptions(statistic: .proportion, multiplier: 100, direction: .mostMinusLeast,
                                    confidences: [0.95, 0.998], intervalMethods: [.simulation, .analytic],
                                    repetitions: 10_000, seed: 2024, expectedGroupCount: 10)
    let result = try InequalityAnalysis.analyse(practiceRows(numerators: referenceSmokers), options: options)
    for (index, group) in result.groups.enumerated() {
        expectClose(group.value * 100, proportionGroupValues[index], relative: 1e-12)
        let limits = group.limits(confidence: 0.95)
        expectClose(limits.lower * 100, proportionGroupLower95[index], relative: 1e-12)
        expectClose(limits.upper * 100, proportionGroupUpper95[index], relative: 1e-12)
        expectClose(group.scale.transform(group.value), proportionTransformed[index], relative: 1e-12)
        expectClose(group.scaleStandardError, proportionTransformedSE[index], relative: 1e-10)
    }
    let sii = estimates(result, "sii"), rii = estimates(result, "rii"), ratio = estimates(result, "rii_ratio")
    // Order per measure: simulation 95, simulation 99.8, analytic 95, analytic 99.8.
    for (rows, position) in [(sii, 0), (rii, 1), (ratio, 2)] {
        #expect(rows.count == 4)
        expectClose(rows[0].value!, proportionPoint[position], relative: 1e-10)
        expectClose(rows[0].limits!.lower, proportionSimulated95[position * 2], relative: 1e-9)
        expectClose(rows[0].limits!.upper, proportionSimulated95[position * 2 + 1], relative: 1e-9)
        expectClose(rows[1].limits!.lower, proportionSimulated998[position * 2], relative: 1e-9)
        expectClose(rows[1].limits!.upper, proportionSimulated998[position * 2 + 1], relative: 1e-9)
        expectClose(rows[2].limits!.lower, proportionAnalytic95[position * 2], relative: 1e-9)
        expectClose(rows[2].limits!.upper, proportionAnalytic95[position * 2 + 1], relative: 1e-9)
        expectClose(rows[3].limits!.lower, proportionAnalytic998[position * 2], relative: 1e-9)
        expectClose(rows[3].limits!.upper, proportionAnalytic998[position * 2 + 1], relative: 1e-9)
    }
    expectMeasure(result, "gap", point: proportionGap95_0[0], limits: Array(proportionGap95_0[1...]) + Array(proportionGap99_8[1...]))
    expectMeasure(result, "ratio", point: proportionRatio95_0[0], limits: Array(proportionRatio95_0[1...]) + Array(proportionRatio99_8[1...]))
    // C ranked by score, limits C ∓ z·SE with z = 1.959963984540054 and 3.090232306167813.
    let c = proportionConcentration[0], se = proportionConcentration[1]
    expectMeasure(result, "concentration_index", point: c,
                  limits: [c - 1.959963984540054 * se, c + 1.959963984540054 * se, c - 3.090232306167813 * se, c + 3.090232306167813 * se])
    expectClose(estimates(result, "concentration_index_erreygers")[0].value!, proportionCorrections[0], relative: 1e-9)
    expectClose(estimates(result, "concentration_index_wagstaff")[0].value!, proportionCorrections[1], relative: 1e-9)
    expectClose(estimates(result, "mean")[0].value!, proportionConcentration[2], relative: 1e-12)
    expectClose(estimates(result, "gini")[0].value!, proportionGini, relative: 1e-10)
    for (measure, expected) in [("theil_t", proportionTheilT[0]), ("theil_t_between", proportionTheilT[1]), ("theil_t_within", proportionTheilT[2]),
                                ("theil_l", proportionTheilL[0]), ("theil_l_between", proportionTheilL[1]), ("theil_l_within", proportionTheilL[2]),
                                ("atkinson_0.5", proportionAtkinson[0]), ("atkinson_1", proportionAtkinson[1]), ("atkinson_2", proportionAtkinson[2])] {
        expectClose(estimates(result, measure)[0].value!, expected, relative: 1e-9)
    }
}

@Test func concentrationIndexRankedByDecileMatchesTheReference() throws {
    let options = InequalityOptions(statistic: .proportion, multiplier: 100, confidences: [0.95], repetitions: 1000)
    let result = try InequalityAnalysis.analyse(practiceRows(numerators: referenceSmokers, withScores: false), options: options)
    let row = estimates(result, "concentration_index")[0]
    expectClose(row.value!, proportionConcentrationByDecile[0], relative: 1e-10)
    expectClose(row.limits!.upper - row.value!, 1.959963984540054 * proportionConcentrationByDecile[1], relative: 1e-9)
}

@Test func ratioOfSumsAcrossDecilesMatchesTheReference() throws {
    let options = InequalityOptions(statistic: .ratio, multiplier: 1, confidences: [0.95, 0.998],
                                    intervalMethods: [.simulation, .analytic], repetitions: 10_000, seed: 7)
    let result = try InequalityAnalysis.analyse(practiceRows(numerators: referencePayments), options: options)
    for (index, group) in result.groups.enumerated() {
        expectClose(group.value, ratioGroupValues[index], relative: 1e-12)
        expectClose(group.scaleStandardError, ratioGroupSE[index], relative: 1e-10)
    }
    for (measure, position) in [("sii", 0), ("rii", 1), ("rii_ratio", 2)] {
        let rows = estimates(result, measure)
        expectClose(rows[0].value!, ratioPoint[position], relative: 1e-10)
        expectClose(rows[0].limits!.lower, ratioSimulated95[position * 2], relative: 1e-9)
        expectClose(rows[0].limits!.upper, ratioSimulated95[position * 2 + 1], relative: 1e-9)
        expectClose(rows[1].limits!.lower, ratioSimulated998[position * 2], relative: 1e-9)
        expectClose(rows[1].limits!.upper, ratioSimulated998[position * 2 + 1], relative: 1e-9)
        expectClose(rows[2].limits!.lower, ratioAnalytic95[position * 2], relative: 1e-9)
        expectClose(rows[2].limits!.upper, ratioAnalytic95[position * 2 + 1], relative: 1e-9)
    }
    let gap = estimates(result, "gap")[0], ratio = estimates(result, "ratio")[0]
    expectClose(gap.value!, ratioGap95[0], relative: 1e-10)
    expectClose(gap.limits!.lower, ratioGap95[1], relative: 1e-9)
    expectClose(gap.limits!.upper, ratioGap95[2], relative: 1e-9)
    expectClose(ratio.value!, ratioRatio95[0], relative: 1e-10)
    expectClose(ratio.limits!.lower, ratioRatio95[1], relative: 1e-9)
    expectClose(ratio.limits!.upper, ratioRatio95[2], relative: 1e-9)
    let c = estimates(result, "concentration_index")[0]
    expectClose(c.value!, ratioConcentration[0], relative: 1e-9)
    expectClose(c.limits!.upper - c.value!, 1.959963984540054 * ratioConcentration[1], relative: 1e-8)
    // No natural bounds for pounds per patient: no Erreygers or Wagstaff rows.
    #expect(estimates(result, "concentration_index_erreygers").isEmpty)
    expectClose(estimates(result, "gini")[0].value!, ratioGini, relative: 1e-10)
    for (measure, expected) in [("theil_t", ratioTheilT[0]), ("theil_t_between", ratioTheilT[1]), ("theil_t_within", ratioTheilT[2]),
                                ("theil_l", ratioTheilL[0]), ("theil_l_between", ratioTheilL[1]), ("theil_l_within", ratioTheilL[2]),
                                ("atkinson_0.5", ratioAtkinson[0]), ("atkinson_1", ratioAtkinson[1]), ("atkinson_2", ratioAtkinson[2])] {
        expectClose(estimates(result, measure)[0].value!, expected, relative: 1e-9)
    }
}

/// PHEindicatormethods' documented phe_sii example inputs ("Area1": life expectancy by decile).
private let pheExampleRows: [IndicatorObservation] = {
    let population: [Double] = [7291, 7997, 6105, 7666, 5790, 6934, 5918, 5974, 7147, 7534]
    let value = [75.9, 78.3, 83.8, 83.6, 80.5, 81.1, 81.7, 84.2, 80.6, 86.3]
    let lower = [72.7, 75.3, 80.9, 80.2, 77.1, 78, 79, 81.4, 75.8, 83.2]
    let upper = [79.1, 81.4, 86.8, 87.1, 83.8, 84.2, 84.4, 86.9, 85.4, 89.4]
    return (0..<10).map { IndicatorObservation(group: $0 + 1, value: value[$0], lower95: lower[$0], upper95: upper[$0], population: population[$0]) }
}()

@Test func givenValuesWithLimitsMatchTheReference() throws {
    let options = InequalityOptions(statistic: .value, scale: .identity, direction: .leastMinusMost, confidences: [0.95, 0.998],
                                    intervalMethods: [.simulation, .analytic], repetitions: 10_000, seed: 99)
    let result = try InequalityAnalysis.analyse(pheExampleRows, options: options)
    for (index, group) in result.groups.enumerated() { expectClose(group.scaleStandardError, valueSE[index], relative: 1e-12) }
    for (measure, position) in [("sii", 0), ("rii", 1), ("rii_ratio", 2)] {
        let rows = estimates(result, measure)
        expectClose(rows[0].value!, valuePoint[position], relative: 1e-10)
        expectClose(rows[0].limits!.lower, valueSimulated95[position * 2], relative: 1e-9)
        expectClose(rows[0].limits!.upper, valueSimulated95[position * 2 + 1], relative: 1e-9)
        expectClose(rows[2].limits!.lower, valueAnalytic95[position * 2], relative: 1e-9)
        expectClose(rows[2].limits!.upper, valueAnalytic95[position * 2 + 1], relative: 1e-9)
    }
}

@Test func inverseVarianceWeightsMatchTheReference() throws {
    let options = InequalityOptions(statistic: .value, scale: .identity, direction: .leastMinusMost, weights: .inverseVariance,
                                    confidences: [0.95], intervalMethods: [.simulation, .analytic], repetitions: 10_000, seed: 99)
    let result = try InequalityAnalysis.analyse(pheExampleRows, options: options)
    for (measure, position) in [("sii", 0), ("rii", 1), ("rii_ratio", 2)] {
        let rows = estimates(result, measure)
        expectClose(rows[0].value!, valueInverseVariancePoint[position], relative: 1e-10)
        expectClose(rows[0].limits!.lower, valueInverseVarianceSimulated95[position * 2], relative: 1e-9)
        expectClose(rows[0].limits!.upper, valueInverseVarianceSimulated95[position * 2 + 1], relative: 1e-9)
        expectClose(rows[1].limits!.lower, valueInverseVarianceAnalytic95[position * 2], relative: 1e-9)
        expectClose(rows[1].limits!.upper, valueInverseVarianceAnalytic95[position * 2 + 1], relative: 1e-9)
    }
}

@Test func ratesByQuintileMatchTheReference() throws {
    let deaths: [Double] = [412, 305, 233, 160, 7]
    let persons: [Double] = [61000, 58000, 60500, 59000, 4000]
    let rows = (0..<5).map { IndicatorObservation(group: $0 + 1, numerator: deaths[$0], denominator: persons[$0]) }
    let options = InequalityOptions(statistic: .rate, multiplier: 100_000, confidences: [0.95, 0.998],
                                    intervalMethods: [.simulation, .analytic], repetitions: 10_000, seed: 5)
    let result = try InequalityAnalysis.analyse(rows, options: options)
    for (index, group) in result.groups.enumerated() {
        let limits = group.limits(confidence: 0.95)
        expectClose(group.value * 100_000, rateGroupValues[index], relative: 1e-12)
        // Quintile 5 has 7 deaths: exact Poisson limits from the chi-square quantiles.
        expectClose(limits.lower * 100_000, rateGroupLower95[index], relative: 1e-10)
        expectClose(limits.upper * 100_000, rateGroupUpper95[index], relative: 1e-10)
    }
    for (measure, position) in [("sii", 0), ("rii", 1), ("rii_ratio", 2)] {
        let rows = estimates(result, measure)
        expectClose(rows[0].value!, ratePoint[position], relative: 1e-10)
        expectClose(rows[0].limits!.lower, rateSimulated95[position * 2], relative: 1e-9)
        expectClose(rows[0].limits!.upper, rateSimulated95[position * 2 + 1], relative: 1e-9)
        expectClose(rows[1].limits!.lower, rateSimulated998[position * 2], relative: 1e-9)
        expectClose(rows[1].limits!.upper, rateSimulated998[position * 2 + 1], relative: 1e-9)
        expectClose(rows[2].limits!.lower, rateAnalytic95[position * 2], relative: 1e-9)
        expectClose(rows[2].limits!.upper, rateAnalytic95[position * 2 + 1], relative: 1e-9)
    }
    expectMeasure(result, "gap", point: rateGap95_0[0], limits: Array(rateGap95_0[1...]) + Array(rateGap99_8[1...]))
    expectMeasure(result, "ratio", point: rateRatio95_0[0], limits: Array(rateRatio95_0[1...]) + Array(rateRatio99_8[1...]))
}

@Test func portableNormalStreamMatchesThePythonImplementation() {
    // The simulation's draws: Population's SyntheticRandom(seed:) normals, replicated in portable_random.py.
    var generator = SyntheticRandom(seed: 42)
    for expected in normalsSeed42 { expectClose(generator.normal(), expected, relative: 1e-14) }
}

@Test func simulatedLimitsAreRepeatableForASeedAndMoveWithIt() throws {
    func limits(seed: UInt64) throws -> [[Double]] {
        let options = InequalityOptions(statistic: .rate, multiplier: 100_000, repetitions: 2000, seed: seed)
        let rows = (0..<5).map { IndicatorObservation(group: $0 + 1, numerator: [412.0, 305, 233, 160, 7][$0], denominator: 60000) }
        return try InequalityAnalysis.analyse(rows, options: options).estimates.filter { $0.measure == "sii" }
            .map { [$0.limits!.lower, $0.limits!.upper] }
    }
    #expect(try limits(seed: 11) == limits(seed: 11))
    #expect(try limits(seed: 11) != limits(seed: 12))
}
