#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import Tables

/// The ways a test reads the same bytes: whole with the default block, streamed in chunks of a
/// few rows through tiny blocks (so that records straddle blocks at many places), and whole on
/// several threads with cuts forced even in tiny inputs.
enum ReadingMode: CustomStringConvertible, CaseIterable {
    case whole
    case tinyBlocks(blockSize: Int, rowsPerChunk: Int)
    case threads(Int)
    /// Streamed by `ParallelChunkReader` with blocks of a few bytes (so that many block starts are
    /// guessed, some inside quoted fields).
    case parallelChunks(threads: Int, blockBytes: Int)

    static let allCases: [ReadingMode] = [
        .whole, .tinyBlocks(blockSize: 1, rowsPerChunk: 1), .tinyBlocks(blockSize: 2, rowsPerChunk: 3),
        .tinyBlocks(blockSize: 5, rowsPerChunk: 2), .tinyBlocks(blockSize: 16, rowsPerChunk: 1000), .threads(2), .threads(3),
        .parallelChunks(threads: 2, blockBytes: 3), .parallelChunks(threads: 3, blockBytes: 11), .parallelChunks(threads: 2, blockBytes: 64),
    ]

    var description: String {
        switch self {
        case .whole: return "whole"
        case .tinyBlocks(let blockSize, let rows): return "blocks of \(blockSize) bytes, chunks of \(rows) rows"
        case .threads(let count): return "\(count) threads"
        case .parallelChunks(let threads, let blockBytes): return "parallel chunks on \(threads) threads, blocks of \(blockBytes) bytes"
        }
    }
}

/// Reads `text` in one mode, returning one table (chunks joined).
func readTable(_ bytes: [UInt8], _ schema: Schema, name: String = "t.csv", mode: ReadingMode = .whole,
               maximumRecordBytes: Int = 64 << 20) throws -> Table {
    switch mode {
    case .whole:
        let reader = try TableReader(input: ByteSource(bytes: bytes, name: name), source: name, schema: schema,
                                     maximumRecordBytes: maximumRecordBytes, blockSize: TableReader.defaultBlockSize)
        return try reader.readAll()
    case .tinyBlocks(let blockSize, let rowsPerChunk):
        let reader = try TableReader(input: ByteSource(bytes: bytes, name: name), source: name, schema: schema,
                                     maximumRecordBytes: maximumRecordBytes, blockSize: blockSize)
        var chunks: [Table] = []
        while let chunk = try reader.next(maximumRows: rowsPerChunk) {
            #expect(chunk.rowCount <= rowsPerChunk)
            chunks.append(chunk)
        }
        if chunks.isEmpty { return try reader.readAll() }
        return Table.concatenating(&chunks, lineOffsets: Array(repeating: 0, count: chunks.count), threads: 1)
    case .threads(let count):
        let reader = try TableReader(input: ByteSource(bytes: bytes, name: name), source: name, schema: schema,
                                     maximumRecordBytes: maximumRecordBytes, blockSize: 7)
        return try reader.readAll(threads: count, minimumBytesPerThread: 1)
    case .parallelChunks(let threads, let blockBytes):
        let reader = try TableReader(input: ByteSource(bytes: bytes, name: name), source: name, schema: schema,
                                     maximumRecordBytes: maximumRecordBytes, blockSize: 5)
        let parallel = ParallelChunkReader(reader: reader, threads: threads, blockBytes: blockBytes)
        defer { parallel.stop() }
        var chunks: [Table] = []
        while let chunk = try parallel.next() {
            #expect(chunk.rowCount > 0)
            chunks.append(chunk)
        }
        if chunks.isEmpty { return try reader.readAll() }
        return Table.concatenating(&chunks, lineOffsets: Array(repeating: 0, count: chunks.count), threads: 1)
    }
}

func readTable(_ text: String, _ schema: Schema, name: String = "t.csv", mode: ReadingMode = .whole,
               maximumRecordBytes: Int = 64 << 20) throws -> Table {
    try readTable(Array(text.utf8), schema, name: name, mode: mode, maximumRecordBytes: maximumRecordBytes)
}

/// Every value of a table in a comparable form (numbers by their bit patterns, so that -0 and 0
/// differ), with its header, row count and line numbers.
func fingerprint(_ table: Table) -> [String] {
    var lines = ["header \(table.header)", "rows \(table.rowCount)", "lines \(table.lineNumbers)"]
    for name in table.values.keys.sorted() {
        switch table.values[name]! {
        case .text(let values): lines.append("\(name) text \(values)")
        case .codedText(let values): lines.append("\(name) text \(values.strings)")
        case .wholeNumbers(let values): lines.append("\(name) whole \(values)")
        case .optionalWholeNumbers(let values): lines.append("\(name) whole? \(values)")
        case .decimals(let values): lines.append("\(name) decimal \(values.map(\.bitPattern))")
        case .optionalDecimals(let values): lines.append("\(name) decimal? \(values.map { $0?.bitPattern })")
        case .pence(let values): lines.append("\(name) pence \(values)")
        case .optionalPence(let values): lines.append("\(name) pence? \(values)")
        }
    }
    return lines
}

/// Reads `bytes` in every mode and checks that each gives the same table as a whole read;
/// returns that table.
@discardableResult
func readInEveryMode(_ bytes: [UInt8], _ schema: Schema, name: String = "t.csv",
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Table {
    let whole = try readTable(bytes, schema, name: name)
    for mode in ReadingMode.allCases.dropFirst() {
        let other = try readTable(bytes, schema, name: name, mode: mode)
        #expect(fingerprint(other) == fingerprint(whole), "\(mode)", sourceLocation: sourceLocation)
    }
    return whole
}

func readInEveryMode(_ text: String, _ schema: Schema, name: String = "t.csv",
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Table {
    try readInEveryMode(Array(text.utf8), schema, name: name, sourceLocation: sourceLocation)
}

/// Checks that reading `bytes` fails in every mode with exactly `message` (the error's
/// description, `file:line:column: name: ...`) and the given kind.
func expectError(_ bytes: [UInt8], _ schema: Schema, _ message: String, kind: DataError.Kind = .badData,
                 maximumRecordBytes: Int = 64 << 20, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for mode in ReadingMode.allCases {
        do {
            let table = try readTable(bytes, schema, mode: mode, maximumRecordBytes: maximumRecordBytes)
            Issue.record("\(mode): read \(table.rowCount) rows, expected the error \(message)", sourceLocation: sourceLocation)
        } catch let error as DataError {
            #expect(error.description == message, "\(mode)", sourceLocation: sourceLocation)
            #expect(error.kind == kind, "\(mode)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(mode): unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }
}

func expectError(_ text: String, _ schema: Schema, _ message: String, kind: DataError.Kind = .badData,
                 maximumRecordBytes: Int = 64 << 20, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    expectError(Array(text.utf8), schema, message, kind: kind, maximumRecordBytes: maximumRecordBytes, sourceLocation: sourceLocation)
}

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() {
        var template = Array("/tmp/tables-tests-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "cannot create a temporary folder")
        path = String(cString: template)
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    func entries() -> [String] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    func remove() {
        for name in entries() { unlink(file(name)) }
        rmdir(path)
    }
}
