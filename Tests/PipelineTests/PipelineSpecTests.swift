import Foundation
import Testing
import Tables
@testable import Pipeline

/// A pipeline text with inputs pointing at the bundled Exampleshire files.
func exampleshirePipeline(steps: String, extraInputs: String = "") -> String {
    """
    title = "Test"

    [inputs]
    practices = "\(exampleshire)/practices.csv"
    population = "\(exampleshire)/population.csv"
    attribution = "\(exampleshire)/attribution.csv"
    areas = "\(exampleshire)/areas.csv"
    counts = "\(exampleshire)/indicators.csv"
    formula = "\(exampleshire)/pipeline-formula.toml"
    \(extraInputs)

    \(steps)
    """
}

func specError(_ text: String) throws -> DataError? {
    let folder = try freshFolder("spec")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = try writePipeline(text, in: folder)
    do {
        _ = try PipelineSpec.load(path: path)
        return nil
    } catch let error as DataError {
        return error
    }
}

@Test func unknownOptionIsNamedWithItsLine() throws {
    let error = try #require(try specError(exampleshirePipeline(steps: """
    [[step]]
    kind = "needs"
    attribution = "attribution"
    areas = "areas"
    grups = 5
    """)))
    #expect(error.kind == .badData)
    #expect(error.message.contains("unknown key \"grups\""))
    #expect(error.message.contains("step \"needs\" (needs)"))
    #expect(error.message.contains("groups"))
    // Line 16 of the text: title, blank, [inputs], 6 inputs, the empty extra line, blank, then
    // [[step]], kind, attribution, areas and grups.
    #expect(error.location.line == 16)
}

@Test func unknownTopLevelKeyAndKind() throws {
    let topLevel = try #require(try specError("title = \"T\"\ntitel = \"x\"\n[[step]]\nkind = \"needs\"\n"))
    #expect(topLevel.message.contains("unknown key \"titel\""))
    let kind = try #require(try specError("title = \"T\"\n[[step]]\nkind = \"budget\"\n"))
    #expect(kind.message.contains("expected one of synth, budgets, needs, indicators, inequality, premium, benchmark, peers, risk, pbra-fit, pbra-predict, found \"budget\""))
    let none = try #require(try specError("title = \"T\"\n"))
    #expect(none.message.contains("no steps"))
}

@Test func fileOptionsNameInputsOrEarlierOutputs() throws {
    let unknown = try #require(try specError(exampleshirePipeline(steps: """
    [[step]]
    kind = "inequality"
    indicator = "counts"
    deprivation = "needs.csv"
    """)))
    #expect(unknown.message.contains("deprivation: \"needs.csv\" is neither an input"))
    #expect(unknown.message.contains("none yet"))
    // The same reference after a needs step is fine.
    #expect(try specError(exampleshirePipeline(steps: """
    [[step]]
    kind = "needs"
    attribution = "attribution"
    areas = "areas"

    [[step]]
    kind = "inequality"
    indicator = "counts"
    deprivation = "needs.csv"
    """)) == nil)
}

@Test func stepNamesAreUniqueAndDistinctFromInputs() throws {
    let twice = try #require(try specError(exampleshirePipeline(steps: """
    [[step]]
    kind = "needs"
    attribution = "attribution"
    areas = "areas"

    [[step]]
    kind = "needs"
    attribution = "attribution"
    areas = "areas"
    """)))
    #expect(twice.message.contains("a second step named \"needs\""))
    let clash = try #require(try specError(exampleshirePipeline(steps: """
    [[step]]
    kind = "needs"
    name = "areas"
    attribution = "attribution"
    areas = "areas"
    """)))
    #expect(clash.message.contains("also an input's name"))
    let badName = try #require(try specError(exampleshirePipeline(steps: """
    [[step]]
    kind = "needs"
    name = "Needs 1"
    attribution = "attribution"
    areas = "areas"
    """)))
    #expect(badName.message.contains("lower-case letters"))
}

@Test func commandChecksApplyToSteps() throws {
    // The budgets command's own check: --practices and --payments are exclusive.
    let both = try #require(try specError(exampleshirePipeline(steps: """
    [[step]]
    kind = "budgets"
    practices = "practices"
    payments = "practices"
    formula = "formula"
    """)))
    #expect(both.message.contains("give the practices with --practices FILE or --payments FILE (one of them)"))
    #expect(both.message.hasPrefix("step \"budgets\" (budgets): "))
    let reps = try #require(try specError(exampleshirePipeline(steps: """
    [[step]]
    kind = "inequality"
    indicator = "counts"
    reps = 10
    """)))
    #expect(reps.message.contains("--reps must be at least 1000"))
    let choice = try #require(try specError(exampleshirePipeline(steps: """
    [[step]]
    kind = "indicators"
    input = "counts"
    statistic = "ratio"
    """)))
    #expect(choice.message.contains("statistic: expected one of proportion"))
    let type = try #require(try specError(exampleshirePipeline(steps: """
    [[step]]
    kind = "needs"
    attribution = "attribution"
    areas = "areas"
    groups = "five"
    """)))
    #expect(type.message.contains("groups: expected a whole number, found text \"five\""))
    let method = try #require(try specError(exampleshirePipeline(steps: """
    [[step]]
    kind = "indicators"
    input = "counts"
    statistic = "rate"
    method = "wilson"
    """)))
    #expect(method.message.contains("rate takes the limit methods byar, exact-poisson, not wilson"))
    let compared = try #require(try specError(exampleshirePipeline(steps: """
    [[step]]
    kind = "indicators"
    input = "counts"
    statistic = "dsr"
    compare-published = true
    """)))
    #expect(compared.message.contains("published figures can be compared for proportions and rates"))
}

@Test func indicatorsMethodAndComparisonAreRecorded() throws {
    let folder = try freshFolder("method")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let spec = try PipelineSpec.load(path: try writePipeline(exampleshirePipeline(steps: """
    [[step]]
    kind = "indicators"
    input = "counts"
    statistic = "rate"
    method = "exact-poisson"

    [[step]]
    kind = "indicators"
    name = "standard"
    input = "counts"
    statistic = "rate"
    """), in: folder))
    #expect(spec.steps[0].options["method"] == .string("exact-poisson"))
    #expect(spec.steps[0].options["compare-published"] == .bool(false))
    #expect(spec.steps[1].options["method"] == .null)
}

@Test func optionsAreRecordedWithDefaultsInReadingOrder() throws {
    let folder = try freshFolder("record")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let spec = try PipelineSpec.load(path: try writePipeline(exampleshirePipeline(steps: """
    [[step]]
    kind = "inequality"
    indicator = "counts"
    confidence = [95, 99.8]
    interval = "simulation,analytic"
    """), in: folder))
    let options = spec.steps[0].options
    #expect(options["indicator"] == .string("counts"))
    #expect(options["confidence"] == .string("95,99.8"))
    #expect(options["interval"] == .string("simulation,analytic"))
    #expect(options["reps"] == .integer(10_000))
    #expect(options["deprivation"] == .null)
    #expect(spec.steps[0].reads == ["counts"])
    #expect(spec.steps[0].outputs == ["inequality.csv", "inequality-groups.csv"])
}

@Test func inputsResolveRelativeToThePipelineFile() throws {
    let spec = try PipelineSpec.load(path: exampleshire + "/pipeline.toml")
    #expect(spec.inputs.first == PipelineSpec.Input(name: "practices", written: "practices.csv", path: exampleshire + "/practices.csv"))
    #expect(spec.stepNames.map(\.kind) == ["budgets", "needs", "indicators", "inequality", "benchmark", "premium", "risk"])
}
