import Testing
@testable import Allocation
import Tables
import TestSupport

private let practices = "practice_code,consortium_code,registered_patients,rurality\nA,X,100,Urban\nB,X,300,Rural\n"

@Test func areaVariablesAreAveragedOverEachPracticesPatients() throws {
    // A's patients: 60 in area 1 (score 10), 40 in area 2 (score 20): mean (600 + 800)/100 = 14.
    // B's: 300 in area 3 (score 30): mean 30. Value form: registered-weighted mean
    // (100·14 + 300·30)/400 = 26, indices 14/26 and 30/26.
    let folder = TemporaryFolder()
    let files = BudgetInputFiles(
        practices: folder.write("practices.csv", practices),
        attribution: folder.write("attribution.csv", "practice_code,lsoa_code,patients\nA,L1,60\nA,L2,40\nB,L3,300\n"),
        areas: folder.write("areas.csv", "lsoa_code,imd_score,imd_decile\nL1,10,1\nL2,20,2\nL3,30,3\n"))
    let formula = try FormulaReader.read(text: "[[need]]\nname = \"deprivation\"\nvariable = \"imd_score\"\nsource = \"areas\"\nform = \"value\"\n", name: "f.toml")
    let loaded = try BudgetInputLoader.load(files: files, formula: formula)
    #expect(loaded.input.componentValues[0] == [14, 30])
    let targets = try CapitationModel.targets(input: loaded.input, formula: formula)
    #expect(abs(targets.componentIndices[0][0]! - 14.0 / 26) < 1e-15)
    #expect(abs(targets.componentIndices[0][1]! - 30.0 / 26) < 1e-15)
}

@Test func areaCategoriesAreLookedUpThenAveraged() throws {
    // Deciles 1, 2, 3 with factors 1.2, 1.1, 1.0: A = (60·1.2 + 40·1.1)/100 = 1.16, B = 1.0.
    let folder = TemporaryFolder()
    let files = BudgetInputFiles(
        practices: folder.write("practices.csv", practices),
        attribution: folder.write("attribution.csv", "practice_code,lsoa_code,patients\nA,L1,60\nA,L2,40\nB,L3,300\n"),
        areas: folder.write("areas.csv", "lsoa_code,imd_score,imd_decile\nL1,10,1\nL2,20,2\nL3,30,3\n"))
    let text = "[[need]]\nname = \"deprivation\"\nvariable = \"imd_decile\"\nsource = \"areas\"\nform = \"table\"\ntable = { \"1\" = 1.2, \"2\" = 1.1, \"3\" = 1.0 }\n"
    let loaded = try BudgetInputLoader.load(files: files, formula: try FormulaReader.read(text: text, name: "f.toml"))
    #expect(abs(loaded.input.componentValues[0][0] - 1.16) < 1e-15)
    #expect(loaded.input.componentValues[0][1] == 1.0)
    // A decile the table lacks is an error naming the area.
    let short = "[[need]]\nname = \"deprivation\"\nvariable = \"imd_decile\"\nsource = \"areas\"\nform = \"table\"\ntable = { \"1\" = 1.2, \"2\" = 1.1 }\n"
    #expect { try BudgetInputLoader.load(files: files, formula: try FormulaReader.read(text: short, name: "f.toml")) } throws: { error in
        (error as? DataError)?.message.contains("area L3") == true
    }
}

@Test func practiceCategoriesUseTheFormulasTable() throws {
    // Urban 1, Rural 1.5 with 100 and 300 patients: mean (100 + 450)/400 = 1.375.
    let folder = TemporaryFolder()
    let files = BudgetInputFiles(practices: folder.write("practices.csv", practices))
    let formula = try FormulaReader.read(text: "[[cost]]\nname = \"rural\"\nvariable = \"rurality\"\nform = \"table\"\ntable = { Urban = 1, Rural = 1.5 }\n", name: "f.toml")
    let loaded = try BudgetInputLoader.load(files: files, formula: formula)
    let targets = try CapitationModel.targets(input: loaded.input, formula: formula)
    #expect(abs(targets.componentIndices[0][0]! - 1 / 1.375) < 1e-15)
    #expect(abs(targets.componentIndices[0][1]! - 1.5 / 1.375) < 1e-15)
}

@Test func aPracticeWithPatientsButNoAttributionIsAnError() throws {
    let folder = TemporaryFolder()
    let files = BudgetInputFiles(
        practices: folder.write("practices.csv", practices),
        attribution: folder.write("attribution.csv", "practice_code,lsoa_code,patients\nA,L1,60\n"),
        areas: folder.write("areas.csv", "lsoa_code,imd_score\nL1,10\n"))
    let formula = try FormulaReader.read(text: "[[need]]\nname = \"deprivation\"\nvariable = \"imd_score\"\nsource = \"areas\"\nform = \"value\"\n", name: "f.toml")
    #expect { try BudgetInputLoader.load(files: files, formula: formula) } throws: { error in
        (error as? DataError)?.message.contains("practice B has registered patients but none in the attribution file") == true
    }
}

@Test func aMissingPracticeVariableNamesWhatThereIs() throws {
    let folder = TemporaryFolder()
    let files = BudgetInputFiles(practices: folder.write("practices.csv", practices))
    let formula = try FormulaReader.read(text: "[[cost]]\nname = \"mff\"\nvariable = \"market_forces_factor\"\nform = \"value\"\n", name: "f.toml")
    #expect { try BudgetInputLoader.load(files: files, formula: formula) } throws: { error in
        (error as? DataError)?.message.contains("market_forces_factor") == true
    }
}
