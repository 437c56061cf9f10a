import Testing
@testable import Allocation
import Tables

private let goodPersons = """
person_id,practice_code,age_band,female,diabetes,distance_km,cost
1,A1,0-4,0,0,2,100
2,A1,0-4,1,0,4,150
3,A1,65+,0,1,3,900
4,A2,65+,1,0,8,500
5,A2,15-64,0,0,1,60
6,A2,15-64,1,1,5,700
7,A3,15-64,0,0,7,120
8,A3,65+,1,1,6,1200
"""

private func fitError(_ persons: String, model: String = SmallPersons.modelText) -> DataError? {
    SmallPersons.dataError {
        _ = try PersonBasedRegression.fit(persons: SmallPersons.source(persons), model: SmallPersons.model(model))
    }
}

@Test func aColumnTheModelNamesMustBeInTheFile() {
    let error = fitError(goodPersons, model: SmallPersons.modelText.replacingOccurrences(of: "\"diabetes\"", with: "\"smoker\""))
    #expect(error?.kind == .badData)
    #expect(error?.location.description == "persons.csv:1")
    #expect(error?.message.contains("missing column \"smoker\"") == true)
}

@Test func aNonNumericCovariateNamesFileLineAndColumn() {
    let persons = goodPersons.replacingOccurrences(of: "3,A1,65+,0,1,3,900", with: "3,A1,65+,yes,1,3,900")
    let error = fitError(persons)
    #expect(error?.location.description == "persons.csv:4:4: female")
    #expect(error?.message == "expected a number, found \"yes\"")
}

@Test func aNegativeCostNamesFileLineAndColumn() {
    let persons = goodPersons.replacingOccurrences(of: "5,A2,15-64,0,0,1,60", with: "5,A2,15-64,0,0,1,-60")
    let error = fitError(persons)
    #expect(error?.location.description == "persons.csv:6:7: cost")
    #expect(error?.message == "expected a number >= 0, found \"-60\"")
}

@Test func anEmptyCovariateIsAnError() {
    let persons = goodPersons.replacingOccurrences(of: "7,A3,15-64,0,0,7,120", with: "7,A3,15-64,0,0,,120")
    let error = fitError(persons)
    #expect(error?.location.description == "persons.csv:8:6: distance_km")
    #expect(error?.message == "expected a number, found an empty field")
}

@Test func aNegativeWeightNamesItsPlace() {
    let persons = "person_id,w,x,cost\n1,1,0,1\n2,-1,1,2\n3,1,2,3\n"
    let error = fitError(persons, model: "response = \"cost\"\nweights = \"w\"\nneed = [\"x\"]\n")
    #expect(error?.location.description == "persons.csv:3:2: w")
}

@Test func aLevelOutsideTheDeclaredLevelsNamesItsPlace() {
    let model = SmallPersons.modelText + "\nlevels = [\"0-4\", \"15-64\"]\n"
    let error = fitError(goodPersons, model: model)
    // The first 65+ is person 3, on line 4, in column 3.
    #expect(error?.location.description == "persons.csv:4:3: age_band")
    #expect(error?.message == "expected one of the levels of model.toml (\"0-4\", \"15-64\"), found \"65+\"")
}

@Test func aReferenceLevelAbsentFromTheFileIsAnError() {
    let model = SmallPersons.modelText.replacingOccurrences(of: "reference = \"15-64\"", with: "reference = \"5-14\"")
    let error = fitError(goodPersons, model: model)
    // The reference key is on line 7 of the model.
    #expect(error?.location.file == "model.toml" && error?.location.line == 7)
    #expect(error?.message.contains("the reference level \"5-14\" of age_band does not occur (levels: \"0-4\", \"15-64\", \"65+\")") == true)
}

@Test func aliasedColumnsAreNamed() {
    // male = 1 − female: a linear combination of the intercept and female.
    var lines = goodPersons.split(separator: "\n").map(String.init)
    lines[0] += ",male"
    for index in 1..<lines.count { lines[index] += lines[index].split(separator: ",")[3] == "1" ? ",0" : ",1" }
    let model = SmallPersons.modelText.replacingOccurrences(of: "need = [\"female\", \"diabetes\"]", with: "need = [\"female\", \"diabetes\", \"male\"]")
    let error = fitError(lines.joined(separator: "\n") + "\n", model: model)
    #expect(error?.kind == .badData)
    #expect(error?.location.file == "persons.csv")
    #expect(error?.message.contains("\"male\" is a linear combination of \"intercept\", \"female\"") == true)
    #expect(error?.message.hasSuffix("Aliased: male; drop them from the model or merge them") == true)
}

@Test func aDeclaredLevelNobodyHasIsAnAliasedZeroColumn() {
    let model = SmallPersons.modelText + "\nlevels = [\"0-4\", \"5-14\", \"15-64\", \"65+\"]\n"
    let error = fitError(goodPersons, model: model)
    #expect(error?.message.contains("\"age_band=5-14\" is zero in every observation") == true)
}

@Test func tooFewPersonsForTheTermsIsAnError() {
    let persons = goodPersons.split(separator: "\n").prefix(6).joined(separator: "\n") + "\n"
    let error = fitError(persons)
    #expect(error?.message == "expected more persons with positive weight than the model's 6 terms, found 5")
}

@Test func anEmptyPersonsFileIsAnError() {
    let error = fitError("person_id,practice_code,age_band,female,diabetes,distance_km,cost\n")
    #expect(error?.location.description == "persons.csv:2")
    #expect(error?.message == "expected a row per person after the header, found none")
}
