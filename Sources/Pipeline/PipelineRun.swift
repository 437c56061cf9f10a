import Foundation
import Reports
import Tables

/// What a finished run wrote, for the caller to report.
public struct RunReport: Sendable {
    public var folder: String
    public var manifest: RunManifest
    /// Seconds per step, in order (also in timings.json).
    public var stepSeconds: [(name: String, seconds: Double)]
}

/// Runs a pipeline into a folder: fingerprints the inputs, runs the steps in order (each writing
/// its CSV outputs and charts), then writes `manifest.json`, the notebook `report.ipynb` and
/// `timings.json`. Everything is built in a temporary folder beside the destination and renamed
/// into place at the end; a failing step stops the run with its error and leaves nothing.
///
/// Everything but timings.json depends only on the inputs, the pipeline file and the engine
/// version: rerunning gives the same bytes.
public enum PipelineRun {
    public static let manifestFile = "manifest.json"
    public static let notebookFile = "report.ipynb"
    public static let timingsFile = "timings.json"

    public static func run(_ spec: PipelineSpec, into destination: String, replace: Bool, engineVersion: String,
                           progress: RunProgress? = nil) throws -> RunReport {
        let clock = ContinuousClock()
        let started = clock.now
        var folder = try RunFolder(destination: destination, replace: replace)
        try folder.create()
        do {
            let report = try build(spec, folder: folder, engineVersion: engineVersion, progress: progress, clock: clock, started: started)
            try folder.commit()
            progress?.finished()
            return report
        } catch var error as DataError {
            folder.discard()
            error.location.file = error.location.file.replacingOccurrences(of: folder.temporary, with: folder.destination)
            error.message = error.message.replacingOccurrences(of: folder.temporary, with: folder.destination)
            throw error
        } catch {
            folder.discard()
            throw error
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func build(_ spec: PipelineSpec, folder: RunFolder, engineVersion: String, progress: RunProgress?,
                      clock: ContinuousClock, started: ContinuousClock.Instant) throws -> RunReport {
        progress?.checkingInputs(count: spec.inputs.count)
        var inputRecords = try spec.inputs.map { try RowCount.record(name: $0.name, shownAs: $0.written, path: $0.path) }
        let pipelineDigest = try SHA256.digest(ofFile: spec.file)
        let pipelineName = spec.file.contains("/") ? String(spec.file[spec.file.index(after: spec.file.lastIndex(of: "/")!)...]) : spec.file
        let pipelineRecord = FileRecord(path: pipelineName, size: pipelineDigest.size, rows: nil, sha256: pipelineDigest.hex)
        let checked = clock.now
        let displayNames = spec.inputs.map { (path: $0.path, name: $0.written) }.sorted { $0.path.count > $1.path.count }

        var stepRecords: [StepRecord] = []
        var stepSeconds: [(name: String, seconds: Double)] = []
        for (index, plan) in spec.steps.enumerated() {
            progress?.stepStarted(index: index + 1, count: spec.steps.count, name: plan.name, kind: plan.kind)
            let stepStart = clock.now
            let context = StepContext(folder: folder.temporary, stepName: plan.name, progress: progress, displayNames: displayNames)
            do {
                try plan.run(context)
            } catch var error as DataError {
                error.message += " (step \(index + 1), \(DataError.quoted(plan.name)), of \(spec.file))"
                throw error
            }
            for extra in context.extraInputs where !inputRecords.contains(where: { $0.path == extra.written }) {
                inputRecords.append(try RowCount.record(name: extra.name, shownAs: extra.written, path: extra.path))
            }
            let outputs = try context.outputs.map { try RowCount.record(name: nil, shownAs: $0, path: folder.temporary + "/" + $0) }
            let charts = try context.charts.map { chart -> FileRecord in
                var record = try RowCount.record(name: chart.title, shownAs: chart.file, path: folder.temporary + "/" + chart.file)
                record.rows = nil
                return record
            }
            stepRecords.append(StepRecord(name: plan.name, kind: plan.kind, title: spec.stepTitles[index], description: spec.stepDescriptions[index],
                                          options: plan.options, reads: plan.reads, outputs: outputs, charts: charts, notes: context.notes,
                                          summary: .object(context.summary)))
            stepSeconds.append((plan.name, seconds(clock.now - stepStart)))
            progress?.stepFinished(index: index + 1, count: spec.steps.count, name: plan.name)
        }

        let manifest = RunManifest(engineName: "consortium", engineVersion: engineVersion, title: spec.title, description: spec.description,
                                   pipeline: pipelineRecord, inputs: inputRecords, steps: stepRecords)
        try write(manifest.json(), to: folder.temporary + "/" + manifestFile)
        let notebookStart = clock.now
        let notebook = try RunNotebook.build(runFolder: folder.temporary, pathFromNotebook: ".")
        try write(notebook.json(), to: folder.temporary + "/" + notebookFile)
        let finished = clock.now
        let timings = JSONValue.object([
            ("checking_inputs_seconds", .number(seconds(checked - started))),
            ("steps", .array(stepSeconds.map { .object([("name", .string($0.name)), ("seconds", .number($0.seconds))]) })),
            ("notebook_seconds", .number(seconds(finished - notebookStart))),
            ("total_seconds", .number(seconds(finished - started))),
        ])
        try write(timings.rendered(indent: 2) + "\n", to: folder.temporary + "/" + timingsFile)
        return RunReport(folder: folder.destination, manifest: manifest, stepSeconds: stepSeconds)
    }

    /// Writes text to a new file, failing with `cannotCreate`.
    static func write(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw DataError(.cannotCreate, at: SourceLocation(file: path), "cannot write the file")
        }
    }
}
