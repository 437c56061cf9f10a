import Configuration
import Testing
@testable import Allocation
import Population
import Tables
import TestSupport

private func failure(_ text: String) -> DataError? {
    do {
        _ = try FormulaReader.read(text: text, name: "f.toml")
        return nil
    } catch let error as DataError {
        return error
    } catch {
        return nil
    }
}

private let complete = """
name = "full"
description = "every section"
status = "illustrative"
total = 125000000.5

[age_sex.weights]
"0-4" = { M = 3.97, F = 3.6 }
"5-14" = 1
"15+" = 2

[[need]]
name = "mortality"
variable = "smr_under_75"
source = "areas"
form = "exponential"
coefficient = 0.01

[[need]]
name = "deprivation"
variable = "imd_decile"
source = "areas"
form = "table"
table = { "1" = 1.2, "2" = 1.1, "3" = 1 }

[[cost]]
name = "market_forces"
variable = "market_forces_factor"
form = "value"

[list_inflation]
variable = "resident_to_registered"
form = "value"

[unmet_need]
share = 0.1
basis = "registered_patients"
variable = "smr_under_75"
source = "areas"
form = "linear"
coefficient = 1

[pace_of_change]
minimum_growth = 0.01
gap_closure = 0.25
maximum_growth_over_target = 0.02

"""

@Test func readsEverySectionOfTheFormat() throws {
    let formula = try FormulaReader.read(text: complete, name: "f.toml")
    #expect(formula.name == "full")
    #expect(formula.status == "illustrative")
    #expect(formula.totalPence == 12_500_000_050)
    guard case .ageSexWeights(let weights) = formula.population else {
        Issue.record("expected age-sex weights")
        return
    }
    #expect(weights.bands.map(\.ages.description) == ["0-4", "5-14", "15+"])
    #expect(weights.bands[0].male == 3.97 && weights.bands[0].female == 3.6)
    #expect(weights.scheme.index(containing: AgeBand(label: "10-14")!) == 1)
    #expect(weights.scheme.index(containing: AgeBand(label: "90+")!) == 2)
    #expect(formula.components.map(\.name) == ["mortality", "deprivation", "market_forces", "list_inflation"])
    #expect(formula.components.map(\.kind) == [.need, .need, .cost, .listInflation])
    #expect(formula.components[0].form == .exponential(coefficient: 0.01))
    #expect(formula.components[1].form == .table(["1": 1.2, "2": 1.1, "3": 1]))
    #expect(formula.components[0].source == .areas && formula.components[2].source == .practices)
    #expect(formula.unmetNeed?.share == 0.1 && formula.unmetNeed?.basis == .registeredPatients)
    #expect(formula.unmetNeed?.index.form == .linear(coefficient: 1))
    #expect(formula.paceOfChange == PaceOfChangeRule(minimumGrowth: 0.01, gapClosure: 0.25, maximumGrowthOverTarget: 0.02))
}

@Test func unknownTopLevelKeyNamesItsLine() {
    let error = failure("name = \"x\"\n\ntotl = 5\n")
    #expect(error?.location.line == 3)
    #expect(error?.location.column == 1)
    #expect(error?.message.contains("unknown key \"totl\"") == true)
}

@Test func unknownKeyInTheSecondArrayTableNamesItsLine() {
    let text = """
    [[need]]
    name = "a"
    form = "value"

    [[need]]
    name = "b"
    form = "linear"
      coeficient = 0.5

    """
    let error = failure(text)
    #expect(error?.location.line == 8)
    #expect(error?.location.column == 3)
    #expect(error?.message.contains("unknown key \"coeficient\" in [need]") == true)
}

@Test func unknownKeyInsideAnInlineTableNamesItsLineAndColumn() {
    let text = """
    [age_sex]
    weights = { "0-4" = 2, "5+" = { M = 1, X = 2 } }

    """
    // The unknown sex key X is on line 2, column 40.
    let error = failure(text)
    #expect(error?.location.line == 2)
    #expect(error?.location.column == 40)
    #expect(error?.message.contains("unknown key \"X\"") == true)
}

@Test func misspeltSectionIsAnUnknownKey() {
    let error = failure("[pace_of_chnage]\ngap_closure = 0.5\n")
    #expect(error?.location.line == 1)
    #expect(error?.message.contains("unknown key \"pace_of_chnage\"") == true)
}

@Test func syntaxErrorsCarryTOMLKitsPosition() {
    let error = failure("name = \"x\"\ntotal = = 5\n")
    #expect(error?.location.line == 2)
    #expect(error?.message.hasPrefix("not valid TOML") == true)
}

@Test func wrongTypesAndMissingKeysAreErrors() {
    #expect(failure("[[need]]\nname = \"a\"\nform = \"linear\"\ncoefficient = \"big\"\n")?.location.line == 4)
    #expect(failure("[[need]]\nname = \"a\"\nform = \"linear\"\n")?.message.contains("\"coefficient\" is required") == true)
    #expect(failure("[[need]]\nname = \"a\"\nform = \"value\"\ncoefficient = 1\n")?.location.line == 4)
    #expect(failure("[[need]]\nname = \"a\"\nform = \"cubic\"\n")?.location.line == 3)
    #expect(failure("[need]\nname = \"a\"\n")?.message.contains("array of tables") == true)
    #expect(failure("[age_sex]\ncolumn = \"w\"\nweights = { \"0+\" = 1 }\n")?.message.contains("only one of") == true)
    #expect(failure("status = \"official\"\n")?.location.line == 1)
    #expect(failure("total = 10.001\n")?.message.contains("two decimals") == true)
    #expect(failure("[unmet_need]\nshare = 1\nform = \"value\"\n")?.location.line == 2)
    #expect(failure("[pace_of_change]\ngap_closure = 1.5\n")?.location.line == 1)
}

@Test func namesMustBeUniqueSnakeCaseAndNotReserved() {
    #expect(failure("[[need]]\nname = \"a\"\nform = \"value\"\n[[cost]]\nname = \"a\"\nform = \"value\"\n")?.location.line == 4)
    #expect(failure("[[need]]\nname = \"Deprivation\"\nform = \"value\"\n")?.location.line == 2)
    #expect(failure("[[need]]\nname = \"need\"\nform = \"value\"\n")?.message.contains("reserved") == true)
}

@Test func weightsThatAreAllZeroAreAnError() {
    let error = failure("[age_sex.weights]\n\"0-64\" = 0\n\"65+\" = { M = 0, F = 0 }\n")
    #expect(error?.message.contains("every weight is zero") == true)
    #expect(error?.location.line == 1)
}

@Test func weightBandsMustCoverEveryAgeOnce() {
    // 0-64 then 60+ overlap; 0-64 then 70+ leave a gap; 5-64 does not start at 0.
    #expect(failure("[age_sex.weights]\n\"0-64\" = 1\n\"60+\" = 2\n")?.message.contains("expected a band starting at age 65") == true)
    #expect(failure("[age_sex.weights]\n\"0-64\" = 1\n\"70+\" = 2\n")?.message.contains("expected a band starting at age 65") == true)
    #expect(failure("[age_sex.weights]\n\"5-64\" = 1\n\"65+\" = 2\n")?.message.contains("starting at age 0") == true)
}

@Test func weightsFromACSVFileNextToTheFormula() throws {
    let folder = TemporaryFolder()
    folder.write("weights.csv", "age_band,sex,weight\n0-44,M,1\n0-44,F,1.5\n45+,M,2\n45+,F,2.5\n")
    let path = folder.write("f.toml", "[age_sex]\nweights_file = \"weights.csv\"\n")
    let formula = try FormulaReader.read(path: path)
    guard case .ageSexWeights(let weights) = formula.population else {
        Issue.record("expected weights")
        return
    }
    #expect(weights.bands.map(\.female) == [1.5, 2.5])
    // A band with one sex only is an error naming the weights file and line.
    folder.write("weights.csv", "age_band,sex,weight\n0-44,M,1\n0-44,F,1.5\n45+,M,2\n")
    #expect { try FormulaReader.read(path: path) } throws: { error in
        let dataError = error as? DataError
        return dataError?.location.line == 4 && dataError?.location.file.hasSuffix("weights.csv") == true
    }
}

@Test func keyLocatorFollowsHeadersArraysAndDottedKeys() {
    let text = """
    # comment with key = value
    a.b = 1
    [[t]]
    x = "has # and = inside"
    [[t]]
    'quoted key' = [1, 2,
      { y = 3 }]
    [t.sub]
    z = \"\"\"multi
    line = not a key\"\"\"
    w = 2
    """
    let locator = TOMLKeyLocator(text: text)
    #expect(locator.position(of: ["a", "b"]) == .init(line: 2, column: 1))
    #expect(locator.position(of: ["t", "[0]", "x"]) == .init(line: 4, column: 1))
    #expect(locator.position(of: ["t", "[1]", "quoted key"])?.line == 6)
    #expect(locator.position(of: ["t", "[1]", "quoted key", "[2]", "y"]) == .init(line: 7, column: 5))
    #expect(locator.position(of: ["t", "[1]", "sub", "w"])?.line == 11)
    #expect(locator.position(of: ["t", "[1]", "sub", "missing"])?.line == 8)
}
