import Allocation
import Foundation
import Testing
import Tables
@testable import Pipeline

/// Ten persons and a model with need, supply and categorical variables: the persons of
/// Tests/CLITests/PbraCommandTests.swift (and of AllocationTests/PersonBased/Reference/
/// make_small_pbra_references.py's "CLI example"), whose fitted values those tests check.
private let pbraPersons = """
person_id,practice_code,age_band,female,diabetes,distance_km,cost
1,A1,0-4,0,0,2,100
2,A1,0-4,1,0,4,150
3,A1,65+,0,1,3,900
4,A2,65+,1,0,8,500
5,A2,15-64,0,0,1,60
6,A2,15-64,1,1,5,700
7,A3,15-64,0,0,7,120
8,A3,65+,1,1,6,1200
9,A3,0-4,0,0,9,90
10,A3,15-64,1,0,2,110

"""

private let pbraModel = """
response = "cost"
need = ["female", "diabetes"]
supply = ["distance_km"]

[[categorical]]
variable = "age_band"
reference = "15-64"

"""

/// A folder holding the persons, the model and a pipeline file with the given steps.
private func pbraPipeline(steps: String, in folder: String) throws -> String {
    try Data(pbraPersons.utf8).write(to: URL(fileURLWithPath: folder + "/persons.csv"))
    try Data(pbraModel.utf8).write(to: URL(fileURLWithPath: folder + "/model.toml"))
    return try writePipeline("""
    title = "Person-based allocation"

    [inputs]
    persons = "persons.csv"
    model = "model.toml"

    \(steps)
    """, in: folder)
}

private let pbraSteps = """
[[step]]
kind = "pbra-fit"
persons = "persons"
model = "model"
robust = true
chunk-rows = 3

[[step]]
kind = "pbra-predict"
persons = "persons"
coefficients = "pbra-fit.csv"
model = "model"
neutralise = "supply"
chunk-rows = 4
"""

/// What `consortium pbra fit --robust --summary S --out C` and `pbra predict --neutralise supply
/// --persons-out P --out N` wrote before their work moved into the Pipeline steps: the Allocation
/// calls of their bodies, written with CSVWriter. Returns the paths (coefficients, summary, need, persons).
private func commandOutputs(in folder: String) throws -> [String] {
    let model = try PersonBasedModelReader.read(path: folder + "/model.toml")
    let fit = try PersonBasedRegression.fit(persons: .file(path: folder + "/persons.csv"), model: model,
                                            options: PersonBasedFitOptions(robust: true, chunkRows: 3))
    let paths = ["coefficients.csv", "summary.csv", "need.csv", "persons-predicted.csv"].map { folder + "/command-" + $0 }
    let coefficients = try CSVWriter(path: paths[0], header: PersonBasedCSV.coefficientsHeader(robust: true))
    for row in PersonBasedCSV.coefficientRows(fit) { try coefficients.write(row) }
    try coefficients.commit()
    let summary = try CSVWriter(path: paths[1], header: PersonBasedCSV.summaryHeader)
    for row in PersonBasedCSV.summaryRows(fit) { try summary.write(row) }
    try summary.commit()
    let persons = try CSVWriter(path: paths[3], header: PersonBasedCSV.personsHeader)
    let prediction = try NeedPredictor.predict(
        persons: .file(path: folder + "/persons.csv"), model: model, coefficients: try FittedCoefficientsFile.read(path: paths[0]),
        neutralise: .supply, chunkRows: 4,
        eachChunk: { chunk in for row in PersonBasedCSV.personRows(chunk) { try persons.write(row) } })
    try persons.commit()
    let need = try CSVWriter(path: paths[2], header: PersonBasedCSV.practicesHeader)
    for row in PersonBasedCSV.practiceRows(prediction) { try need.write(row) }
    try need.commit()
    return paths
}

@Test func pbraStepsWriteWhatThePbraCommandsWrite() throws {
    let folder = try freshFolder("pbra")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = try pbraPipeline(steps: pbraSteps, in: folder)
    let report = try PipelineRun.run(try PipelineSpec.load(path: path), into: folder + "/run", replace: false, engineVersion: "test")
    let expected = try commandOutputs(in: folder)
    for (runFile, commandFile) in zip(["pbra-fit.csv", "pbra-fit-summary.csv", "pbra-predict.csv", "pbra-predict-persons.csv"], expected) {
        let written = try #require(contents(folder + "/run/" + runFile), "\(runFile) is missing")
        #expect(written == contents(commandFile), "\(runFile) differs from the command's \(commandFile)")
    }
    let fit = try #require(report.manifest.steps.first { $0.kind == "pbra-fit" })
    #expect(fit.outputs.map(\.path) == ["pbra-fit.csv", "pbra-fit-summary.csv"])
    // Six terms (intercept, female, diabetes, distance_km, age_band=0-4, age_band=65+); the
    // fit streams the ten persons three times (levels, normal equations, HC1).
    #expect(fit.outputs[0].rows == 6)
    #expect(fit.summary["persons"] == .integer(10))
    #expect(fit.summary["terms"] == .integer(6))
    #expect(fit.notes.contains("pbra fit: 10 persons, 6 terms, 3 passes over persons.csv"), "\(fit.notes)")
    let predict = try #require(report.manifest.steps.first { $0.kind == "pbra-predict" })
    #expect(predict.outputs.map(\.path) == ["pbra-predict.csv", "pbra-predict-persons.csv"])
    // Three practices (A1, A2, A3) and ten persons.
    #expect(predict.outputs.map(\.rows) == [3, 10])
    #expect(predict.summary["practices"] == .integer(3))

    // A rerun writes the same bytes in every file but timings.json.
    _ = try PipelineRun.run(try PipelineSpec.load(path: path), into: folder + "/rerun", replace: false, engineVersion: "test")
    let runFiles = files(in: folder + "/run").filter { $0 != PipelineRun.timingsFile }
    #expect(runFiles == files(in: folder + "/rerun").filter { $0 != PipelineRun.timingsFile })
    for file in runFiles {
        #expect(contents(folder + "/run/" + file) == contents(folder + "/rerun/" + file), "\(file) differs between the runs")
    }
}

@Test func pbraStepsCheckTheirOptionsAsTheCommandsDo() throws {
    let folder = try freshFolder("pbra-options")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    func loadError(_ steps: String) throws -> DataError? {
        do {
            _ = try PipelineSpec.load(path: try pbraPipeline(steps: steps, in: folder))
            return nil
        } catch let error as DataError {
            return error
        }
    }
    let neutralise = try #require(try loadError(pbraSteps.replacingOccurrences(of: "neutralise = \"supply\"", with: "neutralise = \"distance\"")))
    #expect(neutralise.message.contains("expected one of supply, none, found \"distance\""), "\(neutralise.message)")
    let chunk = try #require(try loadError(pbraSteps.replacingOccurrences(of: "chunk-rows = 3", with: "chunk-rows = 0")))
    #expect(chunk.message.contains("--chunk-rows: expected a whole number > 0, found 0"), "\(chunk.message)")
    let outOption = try #require(try loadError(pbraSteps + "\nout = \"need.csv\"\n"))
    #expect(outOption.message.contains("out"), "\(outOption.message)")
    let unknownCoefficients = try #require(try loadError(pbraSteps.replacingOccurrences(of: "\"pbra-fit.csv\"", with: "\"fit.csv\"")))
    #expect(unknownCoefficients.message.contains("fit.csv"), "\(unknownCoefficients.message)")
}
