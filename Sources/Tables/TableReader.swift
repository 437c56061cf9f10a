#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a CSV file (RFC 4180; UTF-8 with or without a byte-order mark; LF or CRLF) into typed
/// columns, whole or in chunks of rows.
///
/// The header row is checked first: every required column of the schema must be there (by its
/// name or an alias), and no name may appear twice. Every row must have as many fields as the
/// header. Blank lines are errors, except at the very end of the file. Columns not in the schema
/// are skipped without being converted. The first error in file order stops reading and names
/// the file, line, column and what was expected; a reader that has thrown throws the same error
/// again.
///
/// Memory when streaming with `next(maximumRows:)`: one block of the file (1 MiB) plus the
/// longest record, plus the rows of one chunk. A record longer than `maximumRecordBytes`
/// (64 MiB by default) is an error, so a runaway quote or a giant field cannot exhaust memory.
/// Whole-file reads can split the file between threads (`read(path:schema:name:threads:)`).
public final class TableReader {
    public let source: String
    /// The header as written (white space normalised).
    public private(set) var header: [String] = []
    public let schema: Schema
    /// The longest record accepted, in bytes; may be changed between chunks.
    public var maximumRecordBytes: Int {
        didSet { parser?.maximumRecordBytes = maximumRecordBytes }
    }

    let input: ByteSource
    /// How many bytes one refill reads at most (small values in tests force records to straddle
    /// blocks).
    let blockSize: Int
    private var buffer: UnsafeMutableRawPointer
    /// Usable bytes of `buffer`; `padding` more are allocated for the sentinel after the data.
    private var capacity: Int
    private var filled = 0
    private var consumed = 0
    /// The input offset of `buffer[0]`.
    private var bufferOffset: Int
    private var reachedEnd = false
    var parser: RecordParser!
    private var finished = false
    private(set) var failure: Error?
    /// No record starting at or after this input offset is read (a range of a split file).
    var stopOffset = Int.max
    /// Whether reading stopped because the next record starts at `stopOffset`.
    private(set) var stoppedAtStopOffset = false

    /// The default block size: large enough that reading costs little, small enough to stay in
    /// the processor's second-level cache while it is parsed.
    static let defaultBlockSize = 1 << 20
    static let padding = 16

    /// Opens `path` and reads its header. `name` is how the file is called in messages (the path
    /// by default).
    public convenience init(path: String, schema: Schema, name: String? = nil, maximumRecordBytes: Int = 64 << 20) throws {
        try self.init(input: ByteSource(path: path, name: name), source: name ?? path, schema: schema,
                      maximumRecordBytes: maximumRecordBytes, blockSize: Self.defaultBlockSize)
    }

    /// Reads CSV held in memory (tests, generated data); `name` is used in messages.
    public convenience init(bytes: [UInt8], name: String, schema: Schema, maximumRecordBytes: Int = 64 << 20) throws {
        try self.init(input: ByteSource(bytes: bytes, name: name), source: name, schema: schema,
                      maximumRecordBytes: maximumRecordBytes, blockSize: Self.defaultBlockSize)
    }

    init(input: ByteSource, source: String, schema: Schema, maximumRecordBytes: Int, blockSize: Int) throws {
        precondition(maximumRecordBytes > 0 && blockSize > 0)
        self.input = input
        self.source = source
        self.schema = schema
        self.maximumRecordBytes = maximumRecordBytes
        self.blockSize = blockSize
        capacity = max(1, min(blockSize, maximumRecordBytes + 1))
        buffer = Self.allocateBuffer(capacity)
        bufferOffset = input.offset
        try readHeader()
    }

    /// A reader of another part of the same input: the header is known, the parser starts with
    /// an empty store and counts lines from 1 at `input.offset`.
    init(sibling: TableReader, input: ByteSource) {
        self.input = input
        source = sibling.source
        schema = sibling.schema
        header = sibling.header
        maximumRecordBytes = sibling.maximumRecordBytes
        blockSize = sibling.blockSize
        capacity = sibling.capacity
        buffer = Self.allocateBuffer(capacity)
        bufferOffset = input.offset
        parser = sibling.parser.sibling(firstLine: 1)
    }

    deinit {
        buffer.deallocate()
    }

    private static func allocateBuffer(_ capacity: Int) -> UnsafeMutableRawPointer {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity + padding, alignment: 64)
        buffer.initializeMemory(as: UInt8.self, repeating: 0, count: capacity + padding)
        return buffer
    }

    /// Reads the whole file into one table. With `threads` > 1 a regular file is split into up
    /// to that many byte ranges at line ends (at least 4 MiB each, so small files use fewer
    /// threads), read at the same time and joined in order; the rows, line numbers and the error
    /// thrown (the first one in file order) are exactly those of one thread. The columns are
    /// joined in place, so the peak memory is about one and a half times the table's.
    /// `TableReader.availableProcessors` is a sensible value for `threads`.
    public static func read(path: String, schema: Schema, name: String? = nil, threads: Int = 1) throws -> Table {
        let reader = try TableReader(path: path, schema: schema, name: name)
        return try reader.readAll(threads: threads)
    }

    /// The number of processors online, at least 1 (`sysconf(_SC_NPROCESSORS_ONLN)`).
    public static var availableProcessors: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// Reads CSV bytes into one table (see `read(path:schema:name:threads:)` for `threads`).
    public static func read(bytes: [UInt8], name: String, schema: Schema, threads: Int = 1) throws -> Table {
        let reader = try TableReader(bytes: bytes, name: name, schema: schema)
        return try reader.readAll(threads: threads)
    }

    /// Reads all remaining rows.
    public func readAll() throws -> Table {
        try readAll(threads: 1)
    }

    /// Reads the next chunk of at most `maximumRows` rows; nil when the file is done.
    public func next(maximumRows: Int) throws -> Table? {
        precondition(maximumRows > 0)
        if let failure { throw failure }
        if finished { return nil }
        try fill(maximumRows: maximumRows, expectedBytes: 0)
        if parser.store.rowCount == 0 && finished { return nil }
        return takeTable()
    }

    /// A table with the file's columns (as the schema reads them) and no rows: what a file with
    /// a header and no rows holds, for a reader whose `next(maximumRows:)` returned nil at once.
    public func emptyTable() -> Table {
        parser.store.take(source: source, header: header)
    }

    /// Lets a reader that stopped at `stopOffset` read on (after the offset was moved).
    func resume() {
        finished = false
        stoppedAtStopOffset = false
    }

    func takeTable() -> Table {
        parser.store.take(source: source, header: header)
    }

    /// The input offset of the next unread byte.
    var offset: Int { bufferOffset + consumed }

    /// Parses until the chunk holds `maximumRows` rows, the stop offset or the end of the input.
    /// With `expectedBytes` > 0 the columns reserve room for about that many bytes of rows once
    /// the first block shows how long a row is.
    func fill(maximumRows: Int, expectedBytes: Int) throws {
        if let failure { throw failure }
        let startOffset = offset
        var reserved = expectedBytes <= 0
        do {
            while !finished {
                let view = (buffer + consumed).assumingMemoryBound(to: UInt8.self)
                let stopAt = stopOffset == .max ? Int.max : stopOffset - offset
                let progress = try parser.parse(view, count: filled - consumed, isFinal: reachedEnd,
                                                maximumRows: maximumRows, stopAt: stopAt)
                consumed += progress.consumed
                switch progress.stop {
                case .rowLimit:
                    return
                case .stopOffset:
                    stoppedAtStopOffset = true
                    finished = true
                case .endOfInput:
                    finished = true
                case .needMoreInput:
                    if !reserved && parser.store.rowCount > 0 {
                        reserved = true
                        let bytesPerRow = Double(offset - startOffset) / Double(parser.store.rowCount)
                        let expectedRows = Double(expectedBytes) / bytesPerRow * 1.02 + 1024
                        parser.store.reserve(rows: max(0, Int(expectedRows) - parser.store.rowCount))
                    }
                    try refill(line: parser.nextLine)
                }
            }
        } catch {
            failure = error
            throw error
        }
    }

    /// Moves the unread tail to the front of the buffer and reads up to one block more (or as much
    /// as the unfinished record holds); grows the buffer when one record fills it, up to
    /// `maximumRecordBytes` + 1 bytes.
    private func refill(line: Int) throws {
        let pending = filled - consumed
        if pending > maximumRecordBytes {
            throw DataError(.badData, at: SourceLocation(file: source, line: line),
                            "a record longer than \(maximumRecordBytes) bytes (an unclosed quote, or a field too large to be data)")
        }
        if consumed > 0 && pending > 0 {
            buffer.copyMemory(from: buffer + consumed, byteCount: pending)
        }
        bufferOffset += consumed
        filled = pending
        consumed = 0
        if filled == capacity {
            let grown = min(capacity * 2, maximumRecordBytes + 1)
            let larger = Self.allocateBuffer(grown)
            larger.copyMemory(from: buffer, byteCount: filled)
            buffer.deallocate()
            buffer = larger
            capacity = grown
        }
        // Read at least as much as the unfinished record already holds, so that a record much
        // longer than a block is rescanned a logarithmic number of times, not once per block.
        let got = try input.read(into: buffer + filled, count: min(max(blockSize, pending), capacity - filled))
        if got == 0 { reachedEnd = true }
        filled += got
        buffer.storeBytes(of: 0, toByteOffset: filled, as: UInt8.self)
    }

    private func readHeader() throws {
        var scanner = RecordScanner(source: source)
        try refill(line: 1)
        // Skip a UTF-8 byte-order mark.
        while filled < 3 && !reachedEnd { try refill(line: 1) }
        let bytes = buffer.assumingMemoryBound(to: UInt8.self)
        if filled >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { consumed = 3 }
        var headerRecord: Int?
        while headerRecord == nil {
            let view = UnsafeBufferPointer(start: buffer.assumingMemoryBound(to: UInt8.self) + consumed, count: filled - consumed)
            switch try scanner.scan(view, from: 0, isFinal: reachedEnd) {
            case .record(let next):
                headerRecord = next
            case .endOfInput:
                throw DataError(.badData, at: SourceLocation(file: source, line: 1), "the file is empty (expected a header row)")
            case .needMoreInput:
                try refill(line: 1)
            }
        }
        let fieldCount = scanner.fieldStarts.count
        if fieldCount == 1 && scanner.fieldEnds[0] == scanner.fieldStarts[0] {
            throw DataError(.badData, at: SourceLocation(file: source, line: 1), "the file is empty (expected a header row)")
        }
        let base = buffer.assumingMemoryBound(to: UInt8.self) + consumed
        var names: [String] = []
        // Header positions (1-based) by matching key; a key held by two columns is an error only
        // when the schema asks for that column.
        var positionsByKey: [String: [Int]] = [:]
        for index in 0..<fieldCount {
            let field = UnsafeBufferPointer(start: base + scanner.fieldStarts[index], count: scanner.fieldEnds[index] - scanner.fieldStarts[index])
            let bytes = scanner.fieldHasEscapedQuote[index] ? RecordParser.unescaped(field) : Array(field)
            guard let raw = String(validating: bytes, as: UTF8.self) else {
                throw DataError(.badData, at: SourceLocation(file: source, line: 1, column: index + 1),
                                "expected a UTF-8 column name, found \(DataError.quoted(bytes: bytes))")
            }
            let name = normalisedHeaderName(raw)
            let key = headerKey(name)
            if !key.isEmpty { positionsByKey[key, default: []].append(index + 1) }
            names.append(name)
        }
        consumed += headerRecord!
        header = names

        var plans = Array(repeating: FieldPlan.skipped, count: fieldCount)
        var columns: [ColumnStore.Column] = []
        var slots: [FieldPlan.Kind: Int] = [:]
        for spec in schema.columns {
            let candidates = [spec.name] + spec.aliases
            guard let positions = candidates.lazy.compactMap({ positionsByKey[headerKey($0)] }).first else {
                if spec.optional { continue }
                let also = spec.aliases.isEmpty ? "" : " (or \(spec.aliases.map { DataError.quoted($0) }.joined(separator: ", ")))"
                throw DataError(.badData, at: SourceLocation(file: source, line: 1),
                                "missing column \(DataError.quoted(spec.name))\(also); the header has \(names.count) columns: \(names.prefix(12).joined(separator: ", "))\(names.count > 12 ? ", …" : "")")
            }
            let found = positions[0]
            if positions.count > 1 {
                throw DataError(.badData, at: SourceLocation(file: source, line: 1, column: positions[1]),
                                "the column name \(DataError.quoted(names[positions[1] - 1])) appears twice (also column \(found)), so it is not clear which to read")
            }
            if plans[found - 1].kind != .skip {
                throw DataError(.badData, at: SourceLocation(file: source, line: 1, column: found),
                                "the column \(DataError.quoted(names[found - 1])) is asked for twice by the schema")
            }
            let kind: FieldPlan.Kind
            var decimalMinimum = -Double.infinity
            var integerMinimum = Int.min
            switch spec.type {
            case .text: kind = .text
            case .decimal(let minimum):
                kind = .decimal
                if let minimum { decimalMinimum = minimum }
            case .wholeNumber(let minimum):
                kind = .wholeNumber
                if let minimum { integerMinimum = minimum }
            case .money: kind = .money
            }
            // Whole numbers and money share the integer scratch.
            let storage: FieldPlan.Kind = kind == .money ? .wholeNumber : kind
            let slot = slots[storage, default: 0]
            slots[storage] = slot + 1
            plans[found - 1] = FieldPlan(kind: kind, allowsEmpty: spec.allowsEmpty, slot: slot, column: columns.count,
                                         decimalMinimum: decimalMinimum, integerMinimum: integerMinimum, grouping: spec.grouping)
            columns.append(ColumnStore.Column(spec: spec, position: found, kind: kind, slot: slot))
        }
        parser = RecordParser(source: source, header: names, plans: plans, columns: columns, firstLine: scanner.nextLine,
                              maximumRecordBytes: maximumRecordBytes)
    }
}
