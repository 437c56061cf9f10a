import Testing
@testable import Allocation
import Tables
import TestSupport

// Budgets with the person-based need shares as the population basis ([age_sex] shares_file).
private let practices = """
practice_code,consortium_code,registered_patients,contract_type,market_forces_factor
P1,C1,1000,GMS,1
P2,C1,3000,PMS,1.1
P3,C2,2000,GMS,1

"""

// Shares as pbra predict writes them (extra columns are ignored): 0.2, 0.5, 0.3.
private let needShares = """
practice_code,patients,predicted_cost,need_share
P1,950,200000,0.2
P2,3100,500000,0.5
P3,1900,300000,0.3

"""

private func run(formula: String, shares: String = needShares, selection: [(label: String, value: String)] = []) throws -> BudgetOutcome {
    let folder = TemporaryFolder()
    folder.write("need.csv", shares)
    let formulaPath = folder.write("formula.toml", formula)
    let files = BudgetInputFiles(practices: folder.write("practices.csv", practices), selection: selection)
    return try BudgetPipeline.run(BudgetRequest(files: files, formula: try FormulaReader.read(path: formulaPath), total: nil, level: .practice))
}

@Test func needSharesBecomeTheTargetShares() throws {
    let outcome = try run(formula: "total = 1000\n[age_sex]\nshares_file = \"need.csv\"\n")
    let lines = outcome.result.lines
    // Without other components the target share is the file's share: 0.2, 0.5, 0.3 of £1,000.
    #expect(zip(lines.map(\.targetShare), [0.2, 0.5, 0.3]).allSatisfy { abs($0 - $1) < 1e-15 })
    #expect(lines.map(\.targetBudget) == [20_000, 50_000, 30_000])
    // Need index = share × Σn / nₚ: 0.2 × 6000 / 1000 = 1.2, 0.5 × 6000 / 3000 = 1, 0.3 × 6000 / 2000 = 0.9;
    // the age_sex_index column holds it (no other component).
    #expect(zip(lines.map { $0.needIndex! }, [1.2, 1, 0.9]).allSatisfy { abs($0 - $1) < 1e-12 })
    #expect(zip(lines.map { $0.indices[0]! }, [1.2, 1, 0.9]).allSatisfy { abs($0 - $1) < 1e-12 })
}

@Test func otherComponentsApplyOnTopOfTheNeedShares() throws {
    // Market forces 1, 1.1, 1: registered-weighted mean (1000 + 3300 + 2000)/6000 = 1.05, indices
    // 1/1.05, 1.1/1.05, 1/1.05; weighted ∝ 0.2, 0.55, 0.3 (the common 1/1.05 cancels), total 1.05:
    // shares 0.2/1.05, 0.55/1.05, 0.3/1.05.
    let formula = "total = 1000\n[age_sex]\nshares_file = \"need.csv\"\n[[cost]]\nname = \"market_forces\"\nvariable = \"market_forces_factor\"\nform = \"value\"\n"
    let lines = try run(formula: formula).result.lines
    #expect(zip(lines.map(\.targetShare), [0.2 / 1.05, 0.55 / 1.05, 0.3 / 1.05]).allSatisfy { abs($0 - $1) < 1e-15 })
}

@Test func sharesAreRenormalisedOverTheSelectedPractices() throws {
    // --only contract_type=GMS keeps P1 and P3: shares 0.2/0.5 = 0.4 and 0.6; P2's row is not used.
    let outcome = try run(formula: "total = 1000\n[age_sex]\nshares_file = \"need.csv\"\n", selection: [("contract_type", "GMS")])
    #expect(outcome.result.lines.map(\.code) == ["P1", "P3"])
    #expect(zip(outcome.result.lines.map(\.targetShare), [0.4, 0.6]).allSatisfy { abs($0 - $1) < 1e-15 })
    #expect(outcome.loaded.notes.contains { $0.contains("1 practices of") && $0.contains("their shares were not used") })
}

@Test func aCustomShareColumn() throws {
    let shares = "practice_code,share\nP1,1\nP2,1\nP3,2\n"
    let outcome = try run(formula: "total = 1000\n[age_sex]\nshares_file = \"need.csv\"\nshare_column = \"share\"\n", shares: shares)
    #expect(outcome.result.lines.map(\.targetBudget) == [25_000, 25_000, 50_000])
}

@Test func sharesFileMistakesAreErrors() {
    let missing = SmallPersons.dataError { _ = try run(formula: "total = 1\n[age_sex]\nshares_file = \"need.csv\"\n", shares: "practice_code,need_share\nP1,0.5\nP3,0.5\n") }
    #expect(missing?.message.hasPrefix("no need_share for practice P2; every practice of") == true)
    #expect(missing?.message.hasSuffix("practices.csv needs one") == true)
    let negative = SmallPersons.dataError { _ = try run(formula: "total = 1\n[age_sex]\nshares_file = \"need.csv\"\n", shares: "practice_code,need_share\nP1,0.5\nP2,-0.1\nP3,0.5\n") }
    #expect(negative?.location.line == 3 && negative?.location.column == 2)
    let twice = SmallPersons.dataError { _ = try run(formula: "total = 1\n[age_sex]\nshares_file = \"need.csv\"\n", shares: "practice_code,need_share\nP1,0.5\nP2,0.1\nP1,0.5\nP3,1\n") }
    #expect(twice?.message.contains("a second share for practice \"P1\" (first on line 2)") == true)
}

@Test func sharesFileKeysAreChecked() {
    func formulaError(_ text: String) -> DataError? {
        SmallPersons.dataError { _ = try FormulaReader.read(text: text, name: "f.toml") }
    }
    #expect(formulaError("[age_sex]\nshares_file = \"a.csv\"\ncolumn = \"w\"\n")?.message.contains("expected only one of weights, weights_file, column or shares_file") == true)
    #expect(formulaError("[age_sex]\ncolumn = \"w\"\nshare_column = \"s\"\n")?.message.contains("share_column names the column of a shares_file") == true)
    let plain = try? FormulaReader.read(text: "[age_sex]\nshares_file = \"need.csv\"\n", name: "f.toml", folder: "/data")
    guard case .practiceShares(let source)? = plain?.population else {
        Issue.record("expected practice shares")
        return
    }
    #expect(source == PracticeSharesSource(path: "/data/need.csv", column: "need_share", location: SourceLocation(file: "f.toml", line: 2, column: 1)))
}
