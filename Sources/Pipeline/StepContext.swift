import Foundation
import Reports
import Tables

/// What a running step writes through: its outputs and charts go into the run folder, its notes
/// and summary into the manifest, its progress to whoever watches.
final class StepContext {
    /// The folder being built (a temporary folder beside the destination).
    let folder: String
    let stepName: String
    let progress: RunProgress?
    /// Paths as the engine opens them → how the manifest and notes name them.
    let displayNames: [(path: String, name: String)]
    private(set) var outputs: [String] = []
    private(set) var charts: [(file: String, title: String)] = []
    private(set) var notes: [String] = []
    private(set) var summary: [(String, JSONValue)] = []
    /// Files read that the pipeline file does not list (a formula's weights file), by display name and path.
    private(set) var extraInputs: [(name: String, written: String, path: String)] = []

    init(folder: String, stepName: String, progress: RunProgress?, displayNames: [(path: String, name: String)]) {
        self.folder = folder
        self.stepName = stepName
        self.progress = progress
        self.displayNames = displayNames
    }

    /// The path to open for a file option.
    func path(_ reference: FileReference) -> String {
        switch reference {
        case .input(_, _, let path): return path
        case .output(let file): return folder + "/" + file
        }
    }

    /// Writes tables to files of the run folder, all or nothing.
    func write(_ tables: [(table: StepTable, file: String)]) throws {
        try StepTable.write(tables.map { ($0.table, folder + "/" + $0.file) })
        outputs += tables.map(\.file)
    }

    /// Writes a text output (an explanation) to a file of the run folder.
    func writeText(_ text: String, file: String) throws {
        let path = folder + "/" + file
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw DataError(.cannotCreate, at: SourceLocation(file: path), "cannot write the file")
        }
        outputs.append(file)
    }

    /// Records files a step wrote into the run folder by itself.
    func recordWritten(_ files: [String]) {
        outputs += files
    }

    /// Writes a chart (SVG text) to a file of the run folder.
    func writeChart(_ svg: String, file: String, title: String) throws {
        let path = folder + "/" + file
        guard FileManager.default.createFile(atPath: path, contents: Data(svg.utf8)) else {
            throw DataError(.cannotCreate, at: SourceLocation(file: path), "cannot write the chart")
        }
        charts.append((file, title))
    }

    /// Records a note, naming files as the pipeline file and the run folder name them (so the
    /// manifest does not depend on where the run was started or on its temporary folder).
    func note(_ text: String) {
        notes.append(displayed(text))
    }

    func displayed(_ text: String) -> String {
        var shown = text.replacingOccurrences(of: folder + "/", with: "")
        for (path, name) in displayNames where path != name {
            shown = shown.replacingOccurrences(of: path, with: name)
        }
        return shown
    }

    /// Adds a figure to the step's summary in the manifest (the notebook tells the story with them).
    func summarise(_ key: String, _ value: JSONValue) {
        summary.append((key, value))
    }

    func readExtra(name: String, written: String, path: String) {
        extraInputs.append((name, written, path))
    }
}

/// Progress of a run as it goes: steps and, for steps that stream their input, rows read.
public protocol RunProgress: AnyObject {
    /// Inputs are being fingerprinted (before the steps run).
    func checkingInputs(count: Int)
    /// Step `index` (from 1) of `count` starts.
    func stepStarted(index: Int, count: Int, name: String, kind: String)
    /// Rows read so far by the running step.
    func rowsRead(_ rows: Int)
    /// The running step is done.
    func stepFinished(index: Int, count: Int, name: String)
    /// Everything is written and in place.
    func finished()
}
