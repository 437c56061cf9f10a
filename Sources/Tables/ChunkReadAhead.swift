import Foundation

/// Reads the chunks of a `TableReader` on a second thread, a few chunks ahead of the caller, so
/// that parsing the next chunk overlaps the work on the current one (on two cores the slower of
/// the two sets the pace instead of their sum).
///
/// - Order: chunks come out exactly as `reader.next(maximumRows: chunkRows)` would give them, in
///   file order, with the same rows and line numbers.
/// - Errors: the first reading error is thrown by `next()` in its place, after every chunk read
///   before it, so errors surface where a plain reader would raise them; later calls throw it
///   again.
/// - Memory: at most `depth` parsed chunks wait in memory (two by default); the reading thread
///   starts parsing a chunk only while fewer than `depth` wait, so the reader is never more than
///   `depth` chunks ahead of the chunks handed out.
/// - Stopping: `stop()` ends the thread (after the chunk it is parsing, if any) and waits for it;
///   afterwards the reader is not touched again and may be used by the caller, and `next()`
///   returns nil. Calling it on every path (`defer`) keeps the thread's life deterministic; a
///   read-ahead that is released without `stop()` stops itself the same way.
///
/// The thread starts at the first `next()`; a read-ahead that is never asked for a chunk never
/// touches the reader.
public final class ChunkReadAhead: @unchecked Sendable {
    private let state: ReadAheadState

    /// A read-ahead of `reader` in chunks of at most `chunkRows` rows, keeping at most `depth`
    /// chunks (≥ 1) parsed ahead of the caller.
    public init(reader: TableReader, chunkRows: Int, depth: Int = 2) {
        precondition(chunkRows > 0 && depth > 0, "ChunkReadAhead: chunkRows and depth must be positive")
        self.state = ReadAheadState(reader: reader, chunkRows: chunkRows, depth: depth)
    }

    deinit {
        state.stop()
    }

    /// The next chunk in file order, nil after the last (or after `stop()`); throws the reader's
    /// first error once the chunks read before it have been returned.
    public func next() throws -> Table? {
        try state.next()
    }

    /// Ends the reading thread and waits for it to exit; does nothing if it never started or has
    /// already stopped.
    public func stop() {
        state.stop()
    }
}

/// The queue shared by a `ChunkReadAhead` and its reading thread. The thread holds this object,
/// not the `ChunkReadAhead`, so releasing the latter can stop the thread.
private final class ReadAheadState: @unchecked Sendable {
    private let reader: TableReader
    private let chunkRows: Int
    private let depth: Int
    /// Guards every variable below.
    private let condition = NSCondition()
    private var ready: [Table] = []
    private var started = false
    private var stopRequested = false
    /// The reading thread has left its loop and will not touch the reader again.
    private var threadExited = false
    private var readingError: Error?

    init(reader: TableReader, chunkRows: Int, depth: Int) {
        self.reader = reader
        self.chunkRows = chunkRows
        self.depth = depth
    }

    func next() throws -> Table? {
        condition.lock()
        defer { condition.unlock() }
        if stopRequested { return nil }
        if !started { startThread() }
        while ready.isEmpty && !threadExited { condition.wait() }
        if !ready.isEmpty {
            let chunk = ready.removeFirst()
            condition.broadcast()
            return chunk
        }
        if let readingError { throw readingError }
        return nil
    }

    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopRequested = true
        guard started else { return }
        condition.broadcast()
        while !threadExited { condition.wait() }
        ready.removeAll()
    }

    /// Called with the lock held.
    private func startThread() {
        started = true
        let thread = Thread { [self] in produce() }
        thread.name = "consortium chunk read-ahead"
        thread.start()
    }

    private func produce() {
        while true {
            condition.lock()
            while ready.count >= depth && !stopRequested { condition.wait() }
            let stopping = stopRequested
            condition.unlock()
            if stopping { break }
            let chunk: Table?
            var failure: Error?
            do {
                chunk = try reader.next(maximumRows: chunkRows)
            } catch {
                chunk = nil
                failure = error
            }
            condition.lock()
            if let chunk { ready.append(chunk) } else { readingError = failure }
            condition.broadcast()
            condition.unlock()
            if chunk == nil { break }
        }
        condition.lock()
        threadExited = true
        condition.broadcast()
        condition.unlock()
    }
}

/// The chunks of a `TableReader`, either read ahead on a second thread (`ChunkReadAhead`) or in
/// turn on the calling thread; both give the same chunks and errors in the same order.
public struct TableChunks {
    private let reader: TableReader
    private let chunkRows: Int
    private let readAhead: ChunkReadAhead?

    init(reader: TableReader, chunkRows: Int, readAhead: Bool, depth: Int) {
        precondition(chunkRows > 0, "TableChunks: chunkRows must be positive")
        self.reader = reader
        self.chunkRows = chunkRows
        self.readAhead = readAhead ? ChunkReadAhead(reader: reader, chunkRows: chunkRows, depth: depth) : nil
    }

    /// The next chunk in file order, nil after the last; throws the reader's first error in its place.
    public func next() throws -> Table? {
        if let readAhead { return try readAhead.next() }
        return try reader.next(maximumRows: chunkRows)
    }

    /// Ends the reading thread, if there is one (see `ChunkReadAhead.stop()`).
    public func stop() {
        readAhead?.stop()
    }
}

extension TableReader {
    /// The remaining rows in chunks of at most `maximumRows`: with `readAhead`, parsed on a second
    /// thread at most `depth` chunks ahead (`ChunkReadAhead`); without, read in turn by
    /// `next(maximumRows:)` on the calling thread. Call `stop()` on the result when done.
    public func chunks(maximumRows: Int, readAhead: Bool = true, depth: Int = 2) -> TableChunks {
        TableChunks(reader: self, chunkRows: maximumRows, readAhead: readAhead, depth: depth)
    }
}
