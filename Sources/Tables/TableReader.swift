/// Reads a CSV file (RFC 4180; UTF-8 with or without a byte-order mark; LF or CRLF) into typed
/// columns, whole or in chunks of rows.
///
/// The header row is checked first: every required column of the schema must be there (by its
/// name or an alias), and no name may appear twice. Every row must have as many fields as the
/// header. Blank lines are errors, except at the very end of the file. Columns not in the schema
/// are skipped without being converted. The first error stops reading and names the file, line,
/// column and what was expected.
///
/// Memory: one block of the file (8 MiB) plus the longest record, plus the rows of one chunk.
/// A record longer than `maximumRecordBytes` (64 MiB by default) is an error, so a runaway
/// quote or a giant field cannot exhaust memory.
public final class TableReader {
    public let source: String
    /// The header as written (white space normalised).
    public private(set) var header: [String] = []
    public let schema: Schema
    public var maximumRecordBytes: Int

    private let input: ByteSource
    private var scanner: RecordScanner
    private var buffer: UnsafeMutableRawBufferPointer
    private var filled = 0
    private var consumed = 0
    private var reachedEnd = false
    private var builders: [ColumnBuilder?] = []
    private var positions: [String: Int] = [:]
    private var blankLine: Int?
    private var finished = false

    /// Opens `path` and reads its header. `name` is how the file is called in messages (the path
    /// by default).
    public convenience init(path: String, schema: Schema, name: String? = nil, maximumRecordBytes: Int = 64 << 20) throws {
        try self.init(input: ByteSource(path: path), source: name ?? path, schema: schema, maximumRecordBytes: maximumRecordBytes)
    }

    /// Reads CSV held in memory (tests, generated data); `name` is used in messages.
    public convenience init(bytes: [UInt8], name: String, schema: Schema, maximumRecordBytes: Int = 64 << 20) throws {
        try self.init(input: ByteSource(bytes: bytes, name: name), source: name, schema: schema, maximumRecordBytes: maximumRecordBytes)
    }

    init(input: ByteSource, source: String, schema: Schema, maximumRecordBytes: Int) throws {
        self.input = input
        self.source = source
        self.schema = schema
        self.maximumRecordBytes = maximumRecordBytes
        scanner = RecordScanner(source: source)
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(8 << 20, max(maximumRecordBytes, 1 << 16)), alignment: 64)
        try readHeader()
    }

    deinit {
        buffer.deallocate()
    }

    /// Reads the whole file into one table.
    public static func read(path: String, schema: Schema, name: String? = nil) throws -> Table {
        let reader = try TableReader(path: path, schema: schema, name: name)
        return try reader.readAll()
    }

    /// Reads CSV bytes into one table.
    public static func read(bytes: [UInt8], name: String, schema: Schema) throws -> Table {
        let reader = try TableReader(bytes: bytes, name: name, schema: schema)
        return try reader.readAll()
    }

    /// Reads all remaining rows.
    public func readAll() throws -> Table {
        try next(maximumRows: Int.max) ?? emptyTable()
    }

    /// Reads the next chunk of at most `maximumRows` rows; nil when the file is done.
    public func next(maximumRows: Int) throws -> Table? {
        precondition(maximumRows > 0)
        if finished { return nil }
        var lineNumbers: [Int] = []
        var rows = 0
        while rows < maximumRows {
            guard let fieldCount = try nextRecord() else {
                finished = true
                break
            }
            let line = scanner.recordLine
            if fieldCount == 1 && scanner.fieldEnds[0] == scanner.fieldStarts[0] && header.count > 1 {
                // A blank line: allowed only at the end of the file.
                if blankLine == nil { blankLine = line }
                continue
            }
            if let blank = blankLine {
                throw DataError(.badData, at: SourceLocation(file: source, line: blank), "a blank line (expected \(header.count) fields)")
            }
            if fieldCount != header.count {
                throw DataError(.badData, at: SourceLocation(file: source, line: line, column: min(fieldCount, header.count + 1)),
                                "expected \(header.count) fields as in the header, found \(fieldCount)")
            }
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: UInt8.self)
            for (index, builder) in builders.enumerated() {
                guard let builder else { continue }
                let start = scanner.fieldStarts[index]
                try builder.append(base + consumedRecordBase + start, scanner.fieldEnds[index] - start,
                                   escaped: scanner.fieldHasEscapedQuote[index], line: line)
            }
            lineNumbers.append(line)
            rows += 1
        }
        if rows == 0 && finished { return nil }
        return makeTable(rows: rows, lineNumbers: lineNumbers)
    }

    private func emptyTable() -> Table {
        makeTable(rows: 0, lineNumbers: [])
    }

    private func makeTable(rows: Int, lineNumbers: [Int]) -> Table {
        var values: [String: ColumnValues] = [:]
        for builder in builders {
            guard let builder else { continue }
            values[builder.context.spec.name] = builder.take()
        }
        return Table(source: source, header: header, rowCount: rows, lineNumbers: lineNumbers, values: values, positions: positions)
    }

    /// Offset of the current record's bytes within the buffer (field offsets are relative to it).
    private var consumedRecordBase = 0

    /// Scans the next record into `scanner`; returns its field count, or nil at the end.
    private func nextRecord() throws -> Int? {
        while true {
            let view = UnsafeBufferPointer(start: UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: UInt8.self) + consumed,
                                           count: filled - consumed)
            switch try scanner.scan(view, from: 0, isFinal: reachedEnd) {
            case .record(let next):
                consumedRecordBase = consumed
                consumed += next
                return scanner.fieldStarts.count
            case .endOfInput:
                return nil
            case .needMoreInput:
                try refill()
            }
        }
    }

    /// Moves the unread tail to the front of the buffer and reads more; grows the buffer when one
    /// record fills it, up to `maximumRecordBytes`.
    private func refill() throws {
        let pending = filled - consumed
        if consumed > 0 && pending > 0 {
            buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + consumed, byteCount: pending)
        }
        filled = pending
        consumed = 0
        if filled == buffer.count {
            if buffer.count >= maximumRecordBytes {
                throw DataError(.badData, at: SourceLocation(file: source, line: scanner.nextLine),
                                "a record longer than \(maximumRecordBytes) bytes (an unclosed quote, or a field too large to be data)")
            }
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: min(buffer.count * 2, maximumRecordBytes), alignment: 64)
            grown.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: filled)
            buffer.deallocate()
            buffer = grown
        }
        while filled < buffer.count {
            let got = try input.read(into: buffer.baseAddress! + filled, count: buffer.count - filled)
            if got == 0 {
                reachedEnd = true
                break
            }
            filled += got
        }
    }

    private func readHeader() throws {
        try refill()
        // Skip a UTF-8 byte-order mark.
        if filled >= 3 {
            let bytes = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            if bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { consumed = 3 }
        }
        guard let fieldCount = try nextRecord(), !(fieldCount == 1 && scanner.fieldEnds[0] == scanner.fieldStarts[0]) else {
            throw DataError(.badData, at: SourceLocation(file: source, line: 1), "the file is empty (expected a header row)")
        }
        let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: UInt8.self) + consumedRecordBase
        var names: [String] = []
        var seen: [String: Int] = [:]
        for index in 0..<fieldCount {
            let start = scanner.fieldStarts[index]
            var bytes = Array(UnsafeBufferPointer(start: base + start, count: scanner.fieldEnds[index] - start))
            if scanner.fieldHasEscapedQuote[index] {
                var unescaped: [UInt8] = []
                var position = 0
                while position < bytes.count {
                    unescaped.append(bytes[position])
                    position += (bytes[position] == 34 && position + 1 < bytes.count && bytes[position + 1] == 34) ? 2 : 1
                }
                bytes = unescaped
            }
            guard let raw = String(validating: bytes, as: UTF8.self) else {
                throw DataError(.badData, at: SourceLocation(file: source, line: 1, column: index + 1),
                                "expected a UTF-8 column name, found \(DataError.quoted(bytes: bytes))")
            }
            let name = normalisedHeaderName(raw)
            if !name.isEmpty, let first = seen[name] {
                throw DataError(.badData, at: SourceLocation(file: source, line: 1, column: index + 1),
                                "the column name \(DataError.quoted(name)) appears twice (also column \(first))")
            }
            seen[name] = index + 1
            names.append(name)
        }
        header = names
        builders = Array(repeating: nil, count: fieldCount)
        for spec in schema.columns {
            let candidates = [spec.name] + spec.aliases
            guard let found = candidates.lazy.compactMap({ seen[normalisedHeaderName($0)] }).first else {
                if spec.optional { continue }
                let also = spec.aliases.isEmpty ? "" : " (or \(spec.aliases.map { DataError.quoted($0) }.joined(separator: ", ")))"
                throw DataError(.badData, at: SourceLocation(file: source, line: 1),
                                "missing column \(DataError.quoted(spec.name))\(also); the header has \(names.count) columns: \(names.prefix(12).joined(separator: ", "))\(names.count > 12 ? ", …" : "")")
            }
            if builders[found - 1] != nil {
                throw DataError(.badData, at: SourceLocation(file: source, line: 1, column: found),
                                "the column \(DataError.quoted(names[found - 1])) is asked for twice by the schema")
            }
            builders[found - 1] = makeColumnBuilder(spec: spec, source: source, position: found)
            positions[spec.name] = found
        }
    }
}
