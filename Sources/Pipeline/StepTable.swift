import Tables

/// The rows one step writes to one CSV file: a header and a function that hands each row, in
/// order, to a consumer — so a command and a run write the same rows without holding them twice.
public struct StepTable {
    public let header: [String]
    private let produceRows: (([CSVValue]) throws -> Void) throws -> Void

    public init(header: [String], rows: @escaping (([CSVValue]) throws -> Void) throws -> Void) {
        self.header = header
        produceRows = rows
    }

    /// Calls `body` with every row in order.
    public func forEachRow(_ body: ([CSVValue]) throws -> Void) throws {
        try withoutActuallyEscaping(body) { try produceRows($0) }
    }

    /// Writes the tables to their paths (nil: standard output) all or nothing: every file is
    /// opened first, then written, then committed, so a file that cannot be created leaves none
    /// behind. Returns the number of data rows written to each. With `threads` above 1, rows are
    /// formatted on a second thread while the next are produced (the same bytes).
    @discardableResult
    public static func write(_ outputs: [(table: StepTable, path: String?)], threads: Int = 1) throws -> [Int] {
        let writers = try outputs.map { try CSVWriter(path: $0.path, header: $0.table.header, formatsInBackground: threads > 1) }
        for (index, output) in outputs.enumerated() {
            try output.table.forEachRow { try writers[index].write($0) }
        }
        for writer in writers { try writer.commit() }
        return writers.map(\.rowsWritten)
    }
}

/// Options that do not fit together, or a value an option cannot take. A command reports it as a
/// command-line error (exit 64); a run reports it as bad data at the step of the pipeline file
/// (exit 65). The message names the options as the command line spells them (`--level`).
public struct OptionError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
