import Foundation
import Reports
import Tables

/// The notebook that tells the story of a run folder: what went in (the manifest's inputs with
/// their fingerprints), then each step — what it does, its options, what it found in words, its
/// key table and its charts — and how to reproduce it. Tables and charts are stored as rendered
/// outputs; the code cells reload the run's CSV files with pandas (`pathFromNotebook` is the run
/// folder as seen from the notebook's folder).
public enum RunNotebook {
    /// Builds the notebook of the run folder at `runFolder`.
    public static func build(runFolder: String, pathFromNotebook: String) throws -> Notebook {
        let manifestPath = runFolder + "/" + PipelineRun.manifestFile
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            throw DataError(.cannotOpen, at: SourceLocation(file: manifestPath), "cannot open the run's manifest (is \(runFolder) a folder written by `consortium run`?)")
        }
        let manifest = try RunManifest.parse(String(decoding: data, as: UTF8.self), name: manifestPath)
        var story = NotebookStory(manifest: manifest, runFolder: runFolder, pathFromNotebook: pathFromNotebook)
        try story.tell()
        return Notebook(title: manifest.title, cells: story.cells)
    }
}

/// The cells of a run's notebook, written step by step.
struct NotebookStory {
    let manifest: RunManifest
    let runFolder: String
    let pathFromNotebook: String
    var cells: [NotebookCell] = []

    init(manifest: RunManifest, runFolder: String, pathFromNotebook: String) {
        self.manifest = manifest
        self.runFolder = runFolder
        self.pathFromNotebook = pathFromNotebook
    }

    mutating func markdown(_ text: String) { cells.append(.markdown(text)) }

    mutating func tell() throws {
        var opening = "# \(manifest.title)\n\n"
        if let description = manifest.description { opening += description + "\n\n" }
        opening += "This notebook tells the story of one run of the `consortium` engine (version \(manifest.engineVersion)), from the pipeline file `\(manifest.pipeline.path)`. "
        opening += "Every table and chart below is stored already rendered, so it reads without running; each code cell reloads the run's files with pandas, so running it again gives the same results. "
        opening += "The run folder's `manifest.json` lists every input and output with its SHA-256."
        markdown(opening)
        try inputsSection()
        for (index, step) in manifest.steps.enumerated() {
            try stepSection(step, number: index + 1)
        }
        reproduceSection()
    }

    mutating func inputsSection() throws {
        var text = "## Inputs\n\n| name | file | rows | bytes | SHA-256 (first 16 digits) |\n| --- | --- | ---: | ---: | --- |\n"
        for input in manifest.inputs {
            text += "| \(input.name ?? "") | `\(input.path)` | \(input.rows.map { NumberFormat().text(Double($0)) } ?? "") | \(NumberFormat().text(Double(input.size))) | `\(input.sha256.prefix(16))` |\n"
        }
        markdown(text)
        var source = "import json\nfrom pathlib import Path\n\nimport pandas as pd\nfrom IPython.display import SVG, display\n\n"
        source += "run = Path(\(pythonString(pathFromNotebook)))\nmanifest = json.loads((run / \"manifest.json\").read_text())\n"
        source += "for step in manifest[\"steps\"]:\n    print(step[\"name\"], step[\"kind\"], [output[\"path\"] for output in step[\"outputs\"]])"
        let printed = manifest.steps.map { step in
            "\(step.name) \(step.kind) [\(step.outputs.map { "'\($0.path)'" }.joined(separator: ", "))]\n"
        }.joined()
        cells.append(.code(source, outputs: [.stream(printed)]))
    }

    mutating func stepSection(_ step: StepRecord, number: Int) throws {
        var text = "## \(number). \(step.title)\n\n"
        if let description = step.description { text += description + "\n\n" }
        text += StepNarrative.text(step)
        let options = optionText(step.options)
        if !options.isEmpty { text += "\n\nOptions (`kind = \"\(step.kind)\"`, as `consortium \(step.kind)` takes them): \(options)." }
        if !step.notes.isEmpty { text += "\n\nThe step reported:\n" + step.notes.map { "\n- \($0)" }.joined() }
        markdown(text)
        for chart in step.charts { try chartCell(chart) }
        for table in StepTables.tables(for: step) {
            try tableCell(table)
        }
    }

    /// A code cell that reads a CSV with pandas and shows part of it, with the rendered result.
    mutating func tableCell(_ table: StepTables.Table) throws {
        let preview = try CSVPreview(path: runFolder + "/" + table.file)
        let variable = table.variable
        var dtypes = preview.header.filter { $0.hasSuffix("_code") || $0 == "org_code" }.map { "\(pythonString($0)): str" }
        dtypes = dtypes.isEmpty ? [] : ["dtype={\(dtypes.joined(separator: ", "))}"]
        let arguments = ["run / " + pythonString(table.file)] + dtypes
        var source = "\(variable) = pd.read_csv(\(arguments.joined(separator: ", ")))\n"
        // Columns the file has, less those empty in every row (baselines when none were given).
        let columns = table.columns.filter { name in preview.header.contains(name) && preview.columns[name]!.contains { !$0.isEmpty } }
        source += "columns = [\(columns.map(pythonString).joined(separator: ", "))]\n"
        var rows = Array(0..<preview.rowCount)
        if let filter = table.filter {
            let values = preview.columns[filter.column] ?? []
            rows = rows.filter { filter.values.contains(values[$0]) }
            source += "\(variable)[\(variable)[\(pythonString(filter.column))].isin([\(filter.values.map(pythonString).joined(separator: ", "))])]"
        } else {
            source += variable
        }
        source += "[columns]"
        if rows.count > table.limit {
            rows = Array(rows.prefix(table.limit))
            source += ".head(\(table.limit))"
        }
        source += ".round(\(table.decimals))"
        let caption = "\(NumberFormat().text(Double(preview.rowCount))) rows × \(preview.header.count) columns in \(table.file)"
        let display = preview.display(columns: columns, rows: rows, decimals: table.decimals, caption: caption)
        if let heading = table.heading { markdown(heading) }
        cells.append(.code(source, outputs: [.result([("text/html", display.html()), ("text/plain", display.plainText())])]))
    }

    mutating func chartCell(_ chart: FileRecord) throws {
        let path = runFolder + "/" + chart.path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(.cannotOpen, at: SourceLocation(file: path), "cannot open the chart")
        }
        var svg = String(decoding: data, as: UTF8.self)
        if svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") { svg = String(svg[svg.index(after: end)...]) }
        cells.append(.code("display(SVG(filename=run / \(pythonString(chart.path))))",
                           outputs: [.display([("image/svg+xml", svg), ("text/plain", "<IPython.core.display.SVG object>")])]))
    }

    mutating func reproduceSection() {
        var text = "## Reproduce\n\n```sh\nconsortium run \(manifest.pipeline.path) --out RUN_FOLDER\nconsortium notebook RUN_FOLDER --out NOTEBOOK.ipynb\n```\n\n"
        text += "Run from the folder of `\(manifest.pipeline.path)` (its inputs are named relative to it), with engine version \(manifest.engineVersion). "
        text += "The same inputs give the same files byte for byte (only `timings.json` differs); compare the SHA-256 of each file with `manifest.json`."
        markdown(text)
    }

    /// The options in words: `key = value` for those set, skipping the empty ones.
    func optionText(_ options: JSONValue) -> String {
        guard case .object(let members) = options else { return "" }
        return members.compactMap { key, value -> String? in
            switch value {
            case .null: return nil
            case .array(let items) where items.isEmpty: return nil
            default: return "`\(key) = \(value.rendered(indent: 0))`"
            }
        }.joined(separator: ", ")
    }

    func pythonString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
