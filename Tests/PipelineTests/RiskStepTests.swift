import Foundation
import Testing
import Reports
import Tables
@testable import Pipeline

/// datasets/risk, where the example cost model, PCN mapping and pools live.
let riskExamples = repositoryRoot + "/datasets/risk"

/// A risk step with the options of the example command of docs/risk.md.
let exampleRiskStep = """
[[step]]
kind = "risk"
costs = "risk-costs"
population = "population"
mapping = "pcn-mapping"
margin = 0.02
high-cost-threshold = 50000
pools = "pcn-pools"
pool-share = 0.5
seed = 1
"""

let riskInputs = """
risk-costs = "\(riskExamples)/illustrative-costs-lognormal.toml"
pcn-mapping = "\(riskExamples)/exampleshire-pcn-mapping.csv"
pcn-pools = "\(riskExamples)/exampleshire-pcn-pools.csv"
"""

@Test func riskStepWritesWhatTheRiskCommandWrites() throws {
    let folder = try freshFolder("risk")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = try writePipeline(exampleshirePipeline(steps: exampleRiskStep, extraInputs: riskInputs), in: folder)
    let report = try PipelineRun.run(try PipelineSpec.load(path: path), into: folder + "/run", replace: false, engineVersion: "test")
    // datasets/risk/example-output holds the files `consortium risk` wrote for exactly these
    // options (the example command of docs/risk.md, as its README says): the run's files equal them byte for byte.
    for (runFile, commandFile) in [("risk.csv", "risk.csv"), ("risk-size-curve.csv", "size-curve.csv"), ("risk-size-curve.svg", "size-curve.svg")] {
        let written = try #require(contents(folder + "/run/" + runFile), "\(runFile) is missing")
        #expect(written == contents(riskExamples + "/example-output/" + commandFile), "\(runFile) differs from the command's \(commandFile)")
    }
    let step = try #require(report.manifest.steps.first { $0.kind == "risk" })
    #expect(step.outputs.map(\.path) == ["risk.csv", "risk-size-curve.csv"])
    #expect(step.charts.map(\.path) == ["risk-size-curve.svg"])
    // 8 PCNs × 4 arrangements (none, high-cost pool, risk share, both); 380,600 patients (datasets/exampleshire/README.md).
    #expect(step.outputs[0].rows == 32)
    #expect(step.summary["consortia"] == .integer(8))
    #expect(step.summary["patients"] == .integer(380_600))
    #expect(step.options["reps"] == .integer(10_000))
}

@Test func riskStepChecksItsOptionsAsTheCommandDoes() throws {
    let withoutShare = try #require(try specError(exampleshirePipeline(steps: """
    [[step]]
    kind = "risk"
    costs = "risk-costs"
    population = "population"
    pools = "pcn-pools"
    seed = 1
    """, extraInputs: riskInputs)))
    #expect(withoutShare.message.contains("step \"risk\" (risk): --pools and --pool-share go together"))
    let withoutSeed = try #require(try specError(exampleshirePipeline(steps: """
    [[step]]
    kind = "risk"
    costs = "risk-costs"
    population = "population"
    """, extraInputs: riskInputs)))
    #expect(withoutSeed.message.contains("the option \"seed\" is required"))
    let misspelt = try #require(try specError(exampleshirePipeline(steps: exampleRiskStep + "\nsize-curve-svg = \"x.svg\"\n", extraInputs: riskInputs)))
    #expect(misspelt.message.contains("size-curve-svg"))
}
