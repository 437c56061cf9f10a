/// A Jupyter notebook in nbformat 4 (minor version 5: cells carry an `id`), built from cells and
/// written as JSON the way Jupyter writes it — one-space indentation, keys sorted, sources and
/// text outputs as lists of lines — so a notebook exported twice from the same run is the same
/// bytes, and one opened and saved in Jupyter changes little.
///
/// Outputs are stored already rendered (`text/html` with `text/plain` for tables,
/// `image/svg+xml` for charts), so the notebook reads without being run; its code cells
/// recompute them from the run's files.
public struct Notebook: Sendable, Equatable {
    public var cells: [NotebookCell]
    /// The notebook's title, kept in its metadata.
    public var title: String

    public init(title: String, cells: [NotebookCell] = []) {
        self.title = title
        self.cells = cells
    }

    /// The notebook as nbformat 4.5 JSON, ending with a newline. Cell ids are `cell-1`,
    /// `cell-2`, …; code cells are numbered in order as if run from the top.
    public func json() -> String {
        var executionCount = 0
        var cellValues: [JSONValue] = []
        for (index, cell) in cells.enumerated() {
            let identifier = JSONValue.string("cell-\(index + 1)")
            switch cell {
            case .markdown(let source):
                cellValues.append(.object([("cell_type", .string("markdown")), ("id", identifier), ("metadata", .object([])),
                                           ("source", Self.lines(source))]))
            case .code(let source, let outputs):
                executionCount += 1
                let outputValues = outputs.map { $0.json(executionCount: executionCount) }
                cellValues.append(.object([("cell_type", .string("code")), ("execution_count", .integer(executionCount)), ("id", identifier),
                                           ("metadata", .object([])), ("outputs", .array(outputValues)), ("source", Self.lines(source))]))
            }
        }
        let metadata = JSONValue.object([
            ("kernelspec", .object([("display_name", .string("Python 3")), ("language", .string("python")), ("name", .string("python3"))])),
            ("language_info", .object([("file_extension", .string(".py")), ("mimetype", .string("text/x-python")), ("name", .string("python"))])),
            ("title", .string(title)),
        ])
        let document = JSONValue.object([
            ("cells", .array(cellValues)), ("metadata", metadata), ("nbformat", .integer(4)), ("nbformat_minor", .integer(5)),
        ])
        return document.rendered(indent: 1, sortKeys: true) + "\n"
    }

    /// Text as nbformat's multi-line string: a list of lines, each but the last ending in "\n".
    static func lines(_ text: String) -> JSONValue {
        var lines: [JSONValue] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" {
                lines.append(.string(current))
                current = ""
            }
        }
        if !current.isEmpty { lines.append(.string(current)) }
        return .array(lines)
    }
}

/// A cell of a notebook.
public enum NotebookCell: Sendable, Equatable {
    /// Markdown text.
    case markdown(String)
    /// Python source and the outputs it gives, already rendered.
    case code(String, outputs: [NotebookOutput])
}

/// One output of a code cell.
public enum NotebookOutput: Sendable, Equatable {
    /// The value of the cell's last expression, in several representations keyed by MIME type
    /// (`text/html`, `text/plain`).
    case result([(mimeType: String, content: String)])
    /// Something the cell displayed (a chart: `image/svg+xml`, with a `text/plain` fallback).
    case display([(mimeType: String, content: String)])
    /// Text printed to standard output.
    case stream(String)

    public static func == (left: NotebookOutput, right: NotebookOutput) -> Bool {
        switch (left, right) {
        case let (.result(a), .result(b)), let (.display(a), .display(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.mimeType == $1.mimeType && $0.content == $1.content }
        case let (.stream(a), .stream(b)):
            return a == b
        default:
            return false
        }
    }

    func json(executionCount: Int) -> JSONValue {
        switch self {
        case .result(let representations):
            return .object([("data", Self.data(representations)), ("execution_count", .integer(executionCount)), ("metadata", .object([])),
                            ("output_type", .string("execute_result"))])
        case .display(let representations):
            return .object([("data", Self.data(representations)), ("metadata", .object([])), ("output_type", .string("display_data"))])
        case .stream(let text):
            return .object([("name", .string("stdout")), ("output_type", .string("stream")), ("text", Notebook.lines(text))])
        }
    }

    static func data(_ representations: [(mimeType: String, content: String)]) -> JSONValue {
        .object(representations.map { ($0.mimeType, Notebook.lines($0.content)) })
    }
}
