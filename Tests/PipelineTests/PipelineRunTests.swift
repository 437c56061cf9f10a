import Foundation
import Testing
import Reports
import Tables
@testable import Pipeline

/// Runs Exampleshire's bundled pipeline into `folder/name`.
func runExampleshire(into destination: String, replace: Bool = false) throws -> RunReport {
    let spec = try PipelineSpec.load(path: exampleshire + "/pipeline.toml")
    return try PipelineRun.run(spec, into: destination, replace: replace, engineVersion: "test")
}

@Test func rerunIsByteIdenticalExceptTimings() throws {
    let folder = try freshFolder("rerun")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try runExampleshire(into: folder + "/one")
    _ = try runExampleshire(into: folder + "/two")
    let first = files(in: folder + "/one"), second = files(in: folder + "/two")
    #expect(first == second)
    #expect(first.contains("manifest.json") && first.contains("report.ipynb") && first.contains("timings.json"))
    #expect(first.contains("budgets.csv") && first.contains("budgets-per-head.svg") && first.contains("inequality-gradient.svg"))
    for file in first where file != "timings.json" {
        #expect(contents(folder + "/one/" + file) == contents(folder + "/two/" + file), "\(file) differs between runs")
    }
    // Nothing is left beside the run folders.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["one", "two"])
}

@Test func manifestFingerprintsEveryInputAndOutput() throws {
    let folder = try freshFolder("manifest")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let report = try runExampleshire(into: folder + "/run")
    let text = String(decoding: contents(folder + "/run/manifest.json")!, as: UTF8.self)
    let manifest = try RunManifest.parse(text, name: "manifest.json")
    #expect(manifest == report.manifest)
    #expect(manifest.engineVersion == "test")
    #expect(!text.contains("seconds"))
    let practices = try #require(manifest.inputs.first { $0.name == "practices" })
    // 40 practices (datasets/exampleshire/README.md); the digest is checked against the file itself.
    #expect(practices.rows == 40)
    let digest = try SHA256.digest(ofFile: exampleshire + "/practices.csv")
    #expect(practices.sha256 == digest.hex && practices.size == digest.size)
    // The formula's weights file is an input too, named as the pipeline file would name it.
    #expect(manifest.inputs.contains { $0.path == "../formulas/consortium-age-sex-weights-illustrative.csv" && $0.rows == 38 })
    let budgets = try #require(manifest.steps.first { $0.name == "budgets" })
    #expect(budgets.outputs.map(\.path) == ["budgets.csv", "budgets-explanation.csv"])
    #expect(budgets.outputs[0].rows == 40)
    #expect(budgets.outputs[0].sha256 == (try SHA256.digest(ofFile: folder + "/run/budgets.csv")).hex)
    #expect(budgets.charts.map(\.path) == ["budgets-per-head.svg"])
    #expect(budgets.options["level"] == .string("practice"))
    #expect(budgets.summary["total_pounds"] == .number(125_000_000))
}

@Test func failingStepLeavesNothing() throws {
    let folder = try freshFolder("failing")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // Proportions of Exampleshire's count indicators fail: admissions can exceed the list.
    let path = try writePipeline(exampleshirePipeline(steps: """
    [[step]]
    kind = "needs"
    attribution = "attribution"
    areas = "areas"

    [[step]]
    kind = "indicators"
    input = "counts"
    statistic = "proportion"
    """), in: folder)
    let spec = try PipelineSpec.load(path: path)
    do {
        _ = try PipelineRun.run(spec, into: folder + "/run", replace: false, engineVersion: "test")
        Issue.record("expected the indicators step to fail")
    } catch let error as DataError {
        #expect(error.kind == .badData)
        #expect(error.location.file.hasSuffix("indicators.csv"))
        #expect(error.message.contains("(step 2, \"indicators\""))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["pipeline.toml"])
}

@Test func existingFolderIsReplacedOnlyWhenAsked() throws {
    let folder = try freshFolder("existing")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder + "/run", withIntermediateDirectories: false)
    try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/run/old.txt"))
    do {
        _ = try runExampleshire(into: folder + "/run")
        Issue.record("expected the existing folder to stop the run")
    } catch let error as DataError {
        #expect(error.kind == .cannotCreate)
        #expect(error.message.contains("--force"))
    }
    #expect(files(in: folder + "/run") == ["old.txt"])
    _ = try runExampleshire(into: folder + "/run", replace: true)
    #expect(!files(in: folder + "/run").contains("old.txt"))
    #expect(files(in: folder + "/run").contains("manifest.json"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["run"])
}

@Test func missingInputIsCannotOpenBeforeAnyStep() throws {
    let folder = try freshFolder("missing")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = try writePipeline("""
    title = "T"
    [inputs]
    areas = "no-such-file.csv"
    [[step]]
    kind = "needs"
    scores = "areas"
    """, in: folder)
    #expect {
        _ = try PipelineRun.run(try PipelineSpec.load(path: path), into: folder + "/run", replace: false, engineVersion: "test")
    } throws: { error in
        (error as? DataError)?.kind == .cannotOpen
    }
    #expect(!FileManager.default.fileExists(atPath: folder + "/run"))
}

/// The pipeline and the commands share one way to run each step: England's pipeline reproduces
/// the outputs of the commands committed in datasets/examples (written by
/// datasets/examples/inequality/run.sh, the budgets command of
/// budgets-global-sum-vs-weighted-capitation.md and the benchmark command of
/// benchmark-smoking-2022-23/README.md) byte for byte.
@Test func englandPipelineReproducesTheCommandsOutputs() throws {
    let folder = try freshFolder("england")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let spec = try PipelineSpec.load(path: repositoryRoot + "/datasets/england-2022-23/pipeline.toml")
    _ = try PipelineRun.run(spec, into: folder + "/run", replace: false, engineVersion: "test")
    let examples = repositoryRoot + "/datasets/examples"
    let pairs = [
        ("global-sum-by-sub-icb.csv", "global-sum-vs-weighted-capitation-by-sub-icb.csv"),
        ("practice-deciles.csv", "inequality/practice-deciles.csv"),
        ("smoking-inequality.csv", "inequality/smoking-inequality.csv"),
        ("smoking-inequality-groups.csv", "inequality/smoking-groups.csv"),
        ("payments-inequality.csv", "inequality/payments-inequality.csv"),
        ("payments-inequality-groups.csv", "inequality/payments-groups.csv"),
        ("smoking-benchmark-summary.csv", "benchmark-smoking-2022-23/summary.csv"),
        ("smoking-benchmark-curve.csv", "benchmark-smoking-2022-23/funnel-curve.csv"),
        ("smoking-benchmark-91547_2022-23.svg", "benchmark-smoking-2022-23/91547_2022-23.svg"),
    ]
    for (output, example) in pairs {
        #expect(contents(folder + "/run/" + output) == contents(examples + "/" + example), "\(output) differs from \(example)")
    }
    let manifest = try RunManifest.parse(String(decoding: contents(folder + "/run/manifest.json")!, as: UTF8.self), name: "m")
    #expect(manifest.steps[2].notes == [
        "skipped 16100 rows of other years",
        "skipped 395 scored practices not in nhs-payments-to-general-practice-2022-23.csv",
        "skipped 84 practices of nhs-payments-to-general-practice-2022-23.csv without a score",
    ])
}
