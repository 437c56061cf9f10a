import Foundation
import Testing
@testable import Allocation
import Population
import Tables
import TestSupport

/// The formula presets of datasets/formulas read, and run on a small consortium whose inputs use
/// NHS Digital's twenty 5-year bands (0_4 … 90_94, 95+).
private enum Presets {
    static let folder = repositoryRoot
        .appendingPathComponent("datasets/formulas").path

    static func path(_ name: String) -> String { folder + "/" + name }

    /// Four practices in two consortia with lists, practice variables, areas and attribution.
    static func inputs(in temporary: TemporaryFolder) -> BudgetInputFiles {
        var generator = SyntheticRandom(seed: 2024)
        var lists = "ORG_CODE,SEX,AGE_GROUP_5,NUMBER_OF_PATIENTS\n"
        let bands = stride(from: 0, to: 95, by: 5).map { "\($0)_\($0 + 4)" } + ["95+"]
        for practice in ["A1", "A2", "B1", "B2"] {
            for sex in ["MALE", "FEMALE"] {
                for band in bands { lists += "\(practice),\(sex),\(band),\(Int.random(in: 0...400, using: &generator))\n" }
            }
        }
        let practices = """
        practice_code,consortium_code,market_forces_factor,new_registrations_share,nursing_home_share,rurality
        A1,CA,1.02,0.08,0.010,Urban
        A2,CA,0.98,0.05,0.002,Rural
        B1,CB,1.10,0.12,0.000,Urban
        B2,CB,1.00,0.06,0.020,Rural

        """
        var areas = "lsoa_code,smr_under_65,llti_ratio,smr_under_75,imd_score\n"
        var attribution = "practice_code,lsoa_code,patients\n"
        for area in 1...8 {
            areas += "E0100000\(area),\(Int.random(in: 60...160, using: &generator)),\(Int.random(in: 70...140, using: &generator)),"
            areas += "\(Int.random(in: 60...170, using: &generator)),\(Double(Int.random(in: 20...600, using: &generator)) / 10)\n"
        }
        for (index, practice) in ["A1", "A2", "B1", "B2"].enumerated() {
            for area in (index * 2 + 1)...(index * 2 + 3) where area <= 8 {
                attribution += "\(practice),E0100000\(area),\(Int.random(in: 100...3000, using: &generator))\n"
            }
        }
        return BudgetInputFiles(
            practices: temporary.write("practices.csv", practices), population: temporary.write("lists.csv", lists),
            attribution: temporary.write("attribution.csv", attribution), areas: temporary.write("areas.csv", areas),
            baseline: temporary.write("baseline.csv", "practice_code,baseline\nA1,10000\nA2,15000\nB1,20000\nB2,9000\n"))
    }
}

@Test func presetsDeclareTheirStatus() throws {
    #expect(try FormulaReader.read(path: Presets.path("published-weighted-patients.toml")).status == "published")
    for name in ["gms-workload-structure-illustrative.toml", "consortium-allocation-structure-illustrative.toml"] {
        #expect(try FormulaReader.read(path: Presets.path(name)).status == "illustrative", "\(name)")
    }
}

@Test func gmsWorkloadPresetRunsOnTwentyBandLists() throws {
    let temporary = TemporaryFolder()
    var files = Presets.inputs(in: temporary)
    files.baseline = nil
    let formula = try FormulaReader.read(path: Presets.path("gms-workload-structure-illustrative.toml"))
    #expect(formula.components.map(\.name) == ["mortality_under_65", "limiting_illness", "list_turnover", "nursing_homes", "market_forces", "rurality"])
    let outcome = try BudgetPipeline.run(BudgetRequest(files: files, formula: formula, total: .pence(500_000_000), level: .practice))
    #expect(outcome.result.lines.map(\.budget).reduce(0, +) == 500_000_000)
    #expect(outcome.result.indexColumns.count == 7)
    // Each index has registered-weighted mean 1 (its normalisation), up to rounding.
    let registered = outcome.result.lines.map(\.registeredPatients)
    for column in 0..<7 {
        let mean = zip(outcome.result.lines, registered).map { $0.indices[column]! * $1 }.reduce(0, +) / registered.reduce(0, +)
        #expect(abs(mean - 1) < 1e-12, "column \(outcome.result.indexColumns[column])")
    }
}

@Test func consortiumPresetRunsWithUnmetNeedAndPaceOfChange() throws {
    let temporary = TemporaryFolder()
    let formula = try FormulaReader.read(path: Presets.path("consortium-allocation-structure-illustrative.toml"))
    #expect(formula.unmetNeed?.share == 0.1)
    #expect(formula.paceOfChange == PaceOfChangeRule(minimumGrowth: 0.01, gapClosure: 0.25, maximumGrowthOverTarget: 0.02))
    guard case .ageSexWeights(let weights) = formula.population else {
        Issue.record("expected age-sex weights")
        return
    }
    #expect(weights.scheme == AgeBandScheme.nineteenBands)
    // Baselines £54,000 in all; a total of £56,000 is 3.7% more.
    let outcome = try BudgetPipeline.run(BudgetRequest(files: Presets.inputs(in: temporary), formula: formula, total: .pence(5_600_000), level: .practice))
    #expect(outcome.result.lines.map(\.budget).reduce(0, +) == 5_600_000)
    #expect(outcome.result.lines.map(\.targetBudget).reduce(0, +) == 5_600_000)
    #expect(outcome.result.pace != nil)
    for line in outcome.result.lines { #expect(line.growth! >= 0.01 - 1.0 / Double(line.baseline!)) }
}
