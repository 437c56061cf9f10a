import Tables

/// Where a persons file comes from: a path, or CSV bytes held in memory (tests, generated data).
/// Each pass over the persons opens a new reader, so a file is streamed as often as the work needs
/// (levels, fit, robust covariance) and never held whole.
public enum PersonsSource: Sendable {
    case file(path: String)
    case bytes([UInt8], name: String)

    /// How the file is called in messages.
    public var name: String {
        switch self {
        case .file(let path): return path
        case .bytes(_, let name): return name
        }
    }

    /// A reader at the first row, taking the columns of `schema`.
    public func reader(schema: Schema) throws -> TableReader {
        switch self {
        case .file(let path): return try TableReader(path: path, schema: schema)
        case .bytes(let bytes, let name): return try TableReader(bytes: bytes, name: name, schema: schema)
        }
    }

    /// A location in the file (line and column when known).
    func location(line: Int? = nil, column: Int? = nil, columnName: String? = nil) -> SourceLocation {
        SourceLocation(file: name, line: line, column: column, columnName: columnName)
    }
}
