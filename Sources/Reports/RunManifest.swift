import Tables

/// A file a run read or wrote: its path as the run names it, its size, its number of data rows
/// (CSV records after the header; nil for other files) and its SHA-256.
public struct FileRecord: Sendable, Equatable {
    public var name: String?
    public var path: String
    public var size: Int
    public var rows: Int?
    public var sha256: String

    public init(name: String? = nil, path: String, size: Int, rows: Int?, sha256: String) {
        self.name = name
        self.path = path
        self.size = size
        self.rows = rows
        self.sha256 = sha256
    }

    var json: JSONValue {
        var members: [(String, JSONValue)] = []
        if let name { members.append(("name", .string(name))) }
        members += [("path", .string(path)), ("size", .integer(size)), ("rows", rows.map(JSONValue.integer) ?? .null), ("sha256", .string(sha256))]
        return .object(members)
    }
}

/// One step of a run as the manifest records it.
public struct StepRecord: Sendable, Equatable {
    public var name: String
    public var kind: String
    /// A heading for the step in charts and the notebook.
    public var title: String
    /// Markdown the notebook shows before the step's results.
    public var description: String?
    /// Every option of the step with the value used (defaults included), in the step's order.
    public var options: JSONValue
    /// The inputs and earlier outputs it read, by the names the pipeline gives them.
    public var reads: [String]
    public var outputs: [FileRecord]
    public var charts: [FileRecord]
    /// What the step reported (rows skipped and why, the pace-of-change solution, …).
    public var notes: [String]
    /// Figures the notebook tells the story with (per step kind).
    public var summary: JSONValue

    public init(name: String, kind: String, title: String, description: String? = nil, options: JSONValue, reads: [String], outputs: [FileRecord], charts: [FileRecord],
                notes: [String], summary: JSONValue = .object([])) {
        self.name = name
        self.kind = kind
        self.title = title
        self.description = description
        self.options = options
        self.reads = reads
        self.outputs = outputs
        self.charts = charts
        self.notes = notes
        self.summary = summary
    }
}

/// What a run did, with no timings, so that the same inputs give the same bytes: the engine and
/// its version, the pipeline file, every input with size, rows and SHA-256, and every step with
/// its options, outputs (each with its SHA-256), charts and notes. Written as `manifest.json`.
public struct RunManifest: Sendable, Equatable {
    public static let formatVersion = 1

    public var engineName: String
    public var engineVersion: String
    public var title: String
    public var description: String?
    public var pipeline: FileRecord
    public var inputs: [FileRecord]
    public var steps: [StepRecord]

    public init(engineName: String, engineVersion: String, title: String, description: String?, pipeline: FileRecord,
                inputs: [FileRecord], steps: [StepRecord]) {
        self.engineName = engineName
        self.engineVersion = engineVersion
        self.title = title
        self.description = description
        self.pipeline = pipeline
        self.inputs = inputs
        self.steps = steps
    }

    /// The manifest as JSON (two-space indentation, members in a fixed order), ending with a newline.
    public func json() -> String {
        let document = JSONValue.object([
            ("manifest_version", .integer(Self.formatVersion)),
            ("engine", .object([("name", .string(engineName)), ("version", .string(engineVersion))])),
            ("title", .string(title)),
            ("description", .text(description)),
            ("pipeline", pipeline.json),
            ("inputs", .array(inputs.map(\.json))),
            ("steps", .array(steps.map { step in
                .object([
                    ("name", .string(step.name)), ("kind", .string(step.kind)), ("title", .string(step.title)),
                    ("description", .text(step.description)), ("options", step.options),
                    ("reads", .array(step.reads.map(JSONValue.string))),
                    ("outputs", .array(step.outputs.map(\.json))), ("charts", .array(step.charts.map(\.json))),
                    ("notes", .array(step.notes.map(JSONValue.string))), ("summary", step.summary),
                ])
            })),
        ])
        return document.rendered(indent: 2) + "\n"
    }

    /// Reads a manifest written by `json()`; a missing or mistyped member is a bad-data error
    /// naming `name`.
    public static func parse(_ text: String, name: String) throws -> RunManifest {
        let document = try JSONValue.parse(text, name: name)
        func fail(_ what: String) -> DataError { DataError(.badData, at: SourceLocation(file: name), "not a run manifest: \(what)") }
        guard document["manifest_version"]?.numberValue == Double(formatVersion) else {
            throw fail("expected manifest_version \(formatVersion)")
        }
        func file(_ value: JSONValue?) throws -> FileRecord {
            guard let value, let path = value["path"]?.stringValue, let size = value["size"]?.numberValue,
                  let sha = value["sha256"]?.stringValue else { throw fail("a file record without path, size or sha256") }
            return FileRecord(name: value["name"]?.stringValue, path: path, size: Int(size), rows: value["rows"]?.numberValue.map { Int($0) }, sha256: sha)
        }
        guard let engine = document["engine"], let engineName = engine["name"]?.stringValue, let version = engine["version"]?.stringValue,
              let title = document["title"]?.stringValue, let inputs = document["inputs"]?.arrayValue,
              let steps = document["steps"]?.arrayValue else {
            throw fail("expected engine, title, inputs and steps")
        }
        var stepRecords: [StepRecord] = []
        for step in steps {
            guard let stepName = step["name"]?.stringValue, let kind = step["kind"]?.stringValue else { throw fail("a step without name or kind") }
            stepRecords.append(StepRecord(
                name: stepName, kind: kind, title: step["title"]?.stringValue ?? stepName, description: step["description"]?.stringValue,
                options: step["options"] ?? .object([]),
                reads: step["reads"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                outputs: try (step["outputs"]?.arrayValue ?? []).map { try file($0) },
                charts: try (step["charts"]?.arrayValue ?? []).map { try file($0) },
                notes: step["notes"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                summary: step["summary"] ?? .object([])))
        }
        return RunManifest(engineName: engineName, engineVersion: version, title: title, description: document["description"]?.stringValue,
                           pipeline: try file(document["pipeline"]), inputs: try inputs.map { try file($0) }, steps: stepRecords)
    }
}
