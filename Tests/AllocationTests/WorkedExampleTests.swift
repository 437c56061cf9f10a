import Testing
@testable import Allocation
import Tables
import TestSupport

// The worked example, by hand.
//
// Weights (persons): 0-64 → 1, 65+ → 3.  Total £1,000.00 = 100,000 pence.
//
// practice  consortium  0-64   65+   registered  Σ list × weight
// P1        C1           800   200   1,000        800 +   600 = 1,400
// P2        C1          1500   500   2,000       1500 + 1,500 = 3,000
// P3        C1           900   100   1,000        900 +   300 = 1,200
// P4        C2          2700   300   3,000       2700 +   900 = 3,600
// P5        C2          2000  1000   3,000       2000 + 3,000 = 5,000
//                                    R = 10,000               S = 14,200
//
// Weighted population (scaled so its total is R): W = (Σ list × weight) × R / S = base × 50/71
//   P1 1,400 × 50/71 = 985.915492957746…   P2 2,112.676056338028…   P3 845.070422535211…
//   P4 2,535.211267605633…                 P5 3,521.126760563380…
// Target share = base / S: 14/142, 30/142, 12/142, 36/142, 50/142.
// Quotas in pence = share × 100,000:
//   P1 9,859.154929…  P2 21,126.760563…  P3 8,450.704225…  P4 25,352.112676…  P5 35,211.267605…
// Floors add up to 9,859 + 21,126 + 8,450 + 25,352 + 35,211 = 99,998; the 2 pence left go to the
// largest remainders, P2 (.7606) and P3 (.7042): 9,859, 21,127, 8,451, 25,352, 35,211 = 100,000.
// Need index = share × R / registered: P1 14/14.2 = 0.985915…, P2 30/28.4 = 1.056338…,
//   P3 12/14.2 = 0.845070…, P4 36/42.6 = 0.845070…, P5 50/42.6 = 1.173709…
// Consortia: C1 shares 56/142 → 39,436.619718… pence, C2 86/142 → 60,563.380281…; floors
// 99,999, the penny goes to C1 (.6197 > .3803): C1 39,437, C2 60,563.

private let lists = """
practice_code,sex,age_band,patients
P1,M,0-64,400
P1,F,0-64,400
P1,F,65+,200
P2,M,0-64,1500
P2,M,65+,250
P2,F,65+,250
P3,F,0-64,900
P3,M,65+,100
P4,M,0-64,1350
P4,F,0-64,1350
P4,M,65+,300
P5,M,0-64,1000
P5,F,0-64,1000
P5,F,65+,1000

"""

private let practices = """
practice_code,consortium_code
P1,C1
P2,C1
P3,C1
P4,C2
P5,C2

"""

private let formulaText = """
name = "worked example"
status = "illustrative"
total = 1000.00

[age_sex.weights]
"0-64" = 1
"65+" = { M = 3, F = 3.0 }

"""

private func run(level: BudgetLevel) throws -> BudgetOutcome {
    let folder = TemporaryFolder()
    let formula = try FormulaReader.read(text: formulaText, name: "example.toml")
    let files = BudgetInputFiles(practices: folder.write("practices.csv", practices), population: folder.write("lists.csv", lists))
    return try BudgetPipeline.run(BudgetRequest(files: files, formula: formula, total: nil, level: level))
}

@Test func workedExampleWeightedPopulationsSharesAndPennies() throws {
    let outcome = try run(level: .practice)
    let lines = outcome.result.lines
    #expect(lines.map(\.code) == ["P1", "P2", "P3", "P4", "P5"])
    #expect(lines.map(\.registeredPatients) == [1000, 2000, 1000, 3000, 3000])
    let weighted: [Double] = [1400, 3000, 1200, 3600, 5000].map { $0 * 10_000 / 14_200 }
    let shares: [Double] = [14, 30, 12, 36, 50].map { $0 / 142 }
    let need: [Double] = [14 / 14.2, 30 / 28.4, 12 / 14.2, 36 / 42.6, 50 / 42.6]
    for index in 0..<5 {
        #expect(abs(lines[index].weightedPopulation - weighted[index]) < 1e-9)
        #expect(abs(lines[index].targetShare - shares[index]) < 1e-15)
        #expect(abs(lines[index].needIndex! - need[index]) < 1e-12)
        #expect(abs(lines[index].indices[0]! - need[index]) < 1e-12, "age-sex index equals the need index with no other component")
    }
    #expect(lines.map(\.targetBudget) == [9_859, 21_127, 8_451, 25_352, 35_211])
    #expect(lines.map(\.budget) == [9_859, 21_127, 8_451, 25_352, 35_211])
    #expect(lines.map(\.targetBudget).reduce(0, +) == 100_000)
    #expect(outcome.result.indexColumns == ["age_sex_index"])
}

@Test func workedExampleAtConsortiumLevel() throws {
    let outcome = try run(level: .consortium)
    let lines = outcome.result.lines
    #expect(lines.map(\.code) == ["C1", "C2"])
    #expect(lines.map(\.practiceCount) == [3, 2])
    #expect(lines.map(\.registeredPatients) == [4000, 6000])
    #expect(lines.map(\.targetBudget) == [39_437, 60_563])
    // C1's need index: share 56/142 × 10,000 / 4,000 = 0.985915…; its age-sex index is the
    // registered-weighted mean of its practices' (1000·14/14.2 + 2000·30/28.4 + 1000·12/14.2)/4000.
    #expect(abs(lines[0].needIndex! - 56.0 / 142 * 2.5) < 1e-12)
    #expect(abs(lines[0].indices[0]! - 56.0 / 142 * 2.5) < 1e-12)
}

@Test func workedExampleExplanationOfP2() throws {
    // P2 at the average per head: 2,000 / 10,000 × 100,000 = 20,000 pence. Its target is 21,127,
    // and with no component but age-sex the normalisation N = R / ΣW = 1 contributes 0, so the age-
    // sex factor carries all of 21,127 − 20,000 = 1,127 pence.
    let outcome = try run(level: .practice)
    let formula = try FormulaReader.read(text: formulaText, name: "example.toml")
    let explanation = try BudgetExplanation.explain(practiceCode: "P2", input: outcome.loaded.input, targets: outcome.targets,
                                                    formula: formula, result: outcome.result)
    #expect(explanation.lines.map(\.component) == ["equal_share", "age_sex", "normalisation", "pace_of_change", "budget"])
    #expect(explanation.lines.map(\.amount) == [20_000, 1_127, 0, 0, 21_127])
}
