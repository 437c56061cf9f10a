import Foundation
import Tables

/// Reads the chunks of a `TableReader` on a second thread, a few chunks ahead of the caller, so
/// that parsing one chunk overlaps the arithmetic on the previous one (on two cores the slower of
/// the two sets the pace instead of their sum).
///
/// Chunks come out in file order. At most `depth` parsed chunks wait in memory. A reading error
/// is thrown by `next()` after the chunks read before it, so errors surface in file order as
/// with a plain reader. Call `stop()` when done, on every path (`defer`): it ends the thread and
/// waits for it, and the reader is not touched after it returns (the thread holds this object, so
/// it is not deinitialised while the thread waits).
final class ChunkReadAhead: @unchecked Sendable {
    private let reader: TableReader
    private let chunkRows: Int
    private let depth: Int
    /// Guards every variable below.
    private let lock = NSCondition()
    private var ready: [Table] = []
    private var readerDone = false
    private var threadExited = false
    private var stopRequested = false
    private var readingError: Error?
    private var started = false

    init(reader: TableReader, chunkRows: Int, depth: Int = 3) {
        precondition(chunkRows > 0 && depth > 0, "ChunkReadAhead: chunkRows and depth must be positive")
        self.reader = reader
        self.chunkRows = chunkRows
        self.depth = depth
    }

    /// The next chunk, nil after the last; rethrows the reader's error in its place.
    func next() throws -> Table? {
        lock.lock()
        defer { lock.unlock() }
        if !started { startThread() }
        while ready.isEmpty && !readerDone { lock.wait() }
        if !ready.isEmpty {
            let chunk = ready.removeFirst()
            lock.broadcast()
            return chunk
        }
        if let readingError { throw readingError }
        return nil
    }

    /// Ends the reading thread (after the chunk it is parsing) and waits for it to exit.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard started else { return }
        stopRequested = true
        lock.broadcast()
        while !threadExited { lock.wait() }
    }

    /// Called with the lock held.
    private func startThread() {
        started = true
        let thread = Thread { [self] in produce() }
        thread.name = "consortium persons reader"
        thread.start()
    }

    private func produce() {
        var finished = false
        while !finished {
            lock.lock()
            while ready.count >= depth && !stopRequested { lock.wait() }
            let stopping = stopRequested
            lock.unlock()
            if stopping { break }
            let chunk: Table?
            var failure: Error?
            do {
                chunk = try reader.next(maximumRows: chunkRows)
            } catch {
                chunk = nil
                failure = error
            }
            lock.lock()
            if let chunk {
                ready.append(chunk)
            } else {
                readingError = failure
                finished = true
            }
            lock.broadcast()
            lock.unlock()
        }
        lock.lock()
        readerDone = true
        threadExited = true
        lock.broadcast()
        lock.unlock()
    }
}

/// The chunks of a reader, read ahead on a second thread or in turn on the calling thread.
struct ChunkSource {
    private let reader: TableReader
    private let chunkRows: Int
    private let readAhead: ChunkReadAhead?

    init(reader: TableReader, chunkRows: Int, readAhead: Bool) {
        self.reader = reader
        self.chunkRows = chunkRows
        self.readAhead = readAhead ? ChunkReadAhead(reader: reader, chunkRows: chunkRows) : nil
    }

    func next() throws -> Table? {
        if let readAhead { return try readAhead.next() }
        return try reader.next(maximumRows: chunkRows)
    }

    /// Ends the reading thread, if there is one (see `ChunkReadAhead.stop`).
    func stop() {
        readAhead?.stop()
    }
}
