import Testing
@testable import Allocation
import Tables

/// The DataError a model text raises, or nil when it reads.
private func modelError(_ text: String) -> DataError? {
    do {
        _ = try PersonBasedModelReader.read(text: text, name: "model.toml")
        return nil
    } catch let error as DataError {
        return error
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

@Test func readsEveryKeyOfTheModelFormat() throws {
    let text = """
    response = "cost"
    intercept = true
    weights = "months"
    need = ["female", "diabetes"]
    supply = ["distance_km"]

    [[categorical]]
    variable = "age_band"
    reference = "15-64"
    levels = ["0-4", "15-64", "65+"]

    [[categorical]]
    variable = "trust"
    role = "supply"
    reference = "T1"
    """
    let model = try PersonBasedModelReader.read(text: text, name: "model.toml")
    #expect(model.response == "cost" && model.intercept && model.weights == "months")
    #expect(model.need == ["female", "diabetes"] && model.supply == ["distance_km"])
    #expect(model.categorical.map(\.variable) == ["age_band", "trust"])
    #expect(model.categorical[0].role == .need && model.categorical[1].role == .supply)
    #expect(model.categorical[0].levels == ["0-4", "15-64", "65+"] && model.categorical[1].levels == nil)
    #expect(model.undeclaredCategoricals.map(\.variable) == ["trust"])
    // Where each variable is named: the need array is on line 4, the second [[categorical]]'s variable on line 13.
    #expect(model.location(of: "diabetes").line == 4)
    #expect(model.location(of: "trust").line == 13)
    #expect(model.categorical[1].referenceLocation.line == 15)
}

@Test func interceptDefaultsToTrueAndListsToEmpty() throws {
    let model = try PersonBasedModelReader.read(text: "response = \"cost\"\n", name: "m.toml")
    #expect(model.intercept && model.need.isEmpty && model.supply.isEmpty && model.categorical.isEmpty && model.weights == nil)
}

@Test func unknownKeysAreErrorsAtTheirLine() {
    let top = modelError("response = \"cost\"\nneeds = [\"female\"]\n")
    #expect(top?.location.line == 2)
    #expect(top?.message.contains("unknown key \"needs\"") == true)
    let nested = modelError("response = \"cost\"\n[[categorical]]\nvariable = \"age_band\"\nreference = \"0-4\"\nlevel = [\"0-4\"]\n")
    #expect(nested?.location.line == 5)
    #expect(nested?.message.contains("unknown key \"level\" in [categorical]") == true)
}

@Test func missingResponseIsAnError() {
    let error = modelError("need = [\"female\"]\n")
    #expect(error?.message.contains("the key \"response\" is required") == true)
}

@Test func aColumnCanPlayOnePartOnly() {
    let twice = modelError("response = \"cost\"\nneed = [\"female\"]\nsupply = [\"female\"]\n")
    #expect(twice?.location.line == 3)
    #expect(twice?.message.contains("already used as need") == true)
    let responseAsNeed = modelError("response = \"cost\"\nneed = [\"cost\"]\n")
    #expect(responseAsNeed?.message.contains("already used as response") == true)
    let repeated = modelError("response = \"cost\"\nneed = [\"female\", \"female\"]\n")
    #expect(repeated?.message.contains("already used as need") == true)
}

@Test func referenceIsRequiredWithAnInterceptOnly() throws {
    let error = modelError("response = \"cost\"\n[[categorical]]\nvariable = \"age_band\"\n")
    #expect(error?.location.line == 2)
    #expect(error?.message.contains("\"reference\" is required") == true)
    let withoutIntercept = try PersonBasedModelReader.read(
        text: "response = \"cost\"\nintercept = false\n[[categorical]]\nvariable = \"age_band\"\n", name: "m.toml")
    #expect(withoutIntercept.categorical[0].reference == nil)
}

@Test func declaredLevelsMustHoldTheReferenceOnceEach() {
    let absent = modelError("response = \"cost\"\n[[categorical]]\nvariable = \"a\"\nreference = \"x\"\nlevels = [\"y\", \"z\"]\n")
    #expect(absent?.location.line == 4)
    #expect(absent?.message.contains("the reference level \"x\" is not among the declared levels") == true)
    let duplicate = modelError("response = \"cost\"\n[[categorical]]\nvariable = \"a\"\nreference = \"y\"\nlevels = [\"y\", \"z\", \"y\"]\n")
    #expect(duplicate?.message.contains("the level \"y\" is listed twice") == true)
    let onlyReference = modelError("response = \"cost\"\n[[categorical]]\nvariable = \"a\"\nreference = \"y\"\nlevels = [\"y\"]\n")
    #expect(onlyReference?.message.contains("at least one level besides the reference") == true)
}

@Test func wrongValueTypesAreErrors() {
    #expect(modelError("response = \"cost\"\nneed = \"female\"\n")?.message.contains("expected an array of texts") == true)
    #expect(modelError("response = \"cost\"\nneed = [\"female\", 3]\n")?.message.contains("found the integer 3 at position 2") == true)
    #expect(modelError("response = \"cost\"\nintercept = \"yes\"\n")?.message.contains("expected true or false") == true)
    #expect(modelError("response = \"cost\"\n[[categorical]]\nvariable = \"a\"\nreference = \"x\"\nrole = \"access\"\n")?
        .message.contains("expected \"need\" or \"supply\", found \"access\"") == true)
    #expect(modelError("response = \"\"\n")?.message.contains("expected a column name") == true)
}

@Test func aModelWithoutTermsIsAnError() {
    let error = modelError("response = \"cost\"\nintercept = false\n")
    #expect(error?.message.contains("the model has no terms") == true)
}

@Test func syntaxErrorsNameTheirLine() {
    let error = modelError("response = \"cost\"\nneed = [\"female\"\n")
    #expect(error?.message.hasPrefix("not valid TOML") == true)
    #expect(error?.location.line != nil)
}
