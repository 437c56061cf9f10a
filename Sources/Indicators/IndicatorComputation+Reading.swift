import Foundation
import Tables

extension IndicatorComputation {
    /// Adds every remaining row of `reader` (opened with `IndicatorCounts.schema`), reading ahead:
    /// the next chunk of `chunkRows` rows is read on a second thread while the current one is
    /// grouped, so that on two cores the grouping costs little beyond the reading. At most
    /// `chunksAhead` chunks wait in memory. The first error (of reading or of the data) is thrown,
    /// and the reading thread has stopped when this returns. The result is the same as calling
    /// `add(_:)` with each chunk in turn.
    public mutating func add(chunksOf reader: TableReader, chunkRows: Int = 1 << 16, chunksAhead: Int = 2) throws {
        let pipeline = ChunkPipeline(reader: reader, chunkRows: chunkRows, capacity: max(1, chunksAhead))
        pipeline.start()
        do {
            while let chunk = try pipeline.next() {
                try add(IndicatorCounts(table: chunk))
            }
        } catch {
            pipeline.cancel()
            throw error
        }
    }
}

/// A reader thread handing chunks to the caller through a bounded queue guarded by one condition.
private final class ChunkPipeline: @unchecked Sendable {
    private let reader: TableReader
    private let chunkRows: Int
    private let capacity: Int
    private let condition = NSCondition()
    private var chunks: [Table] = []
    /// The reader has stopped producing (end of file, error or cancellation).
    private var finished = false
    /// The reading thread has left its loop and will not touch the reader again.
    private var exited = false
    private var cancelled = false
    private var failure: Error?

    init(reader: TableReader, chunkRows: Int, capacity: Int) {
        self.reader = reader
        self.chunkRows = chunkRows
        self.capacity = capacity
    }

    func start() {
        let thread = Thread { [self] in read() }
        thread.start()
    }

    private func read() {
        while true {
            condition.lock()
            while chunks.count >= capacity && !cancelled { condition.wait() }
            let stop = cancelled
            condition.unlock()
            if stop { break }
            do {
                let chunk = try reader.next(maximumRows: chunkRows)
                condition.lock()
                if let chunk { chunks.append(chunk) } else { finished = true }
                condition.broadcast()
                condition.unlock()
                if chunk == nil { break }
            } catch {
                condition.lock()
                failure = error
                condition.broadcast()
                condition.unlock()
                break
            }
        }
        condition.lock()
        finished = true
        exited = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk in file order; nil at the end; the reading error, if any, once the chunks
    /// read before it are taken.
    func next() throws -> Table? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !finished { condition.wait() }
        if !chunks.isEmpty {
            let chunk = chunks.removeFirst()
            condition.broadcast()
            return chunk
        }
        while !exited { condition.wait() }
        if let failure { throw failure }
        return nil
    }

    /// Stops the reading thread (after the chunk it is reading) and waits for it.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !exited { condition.wait() }
        condition.unlock()
    }
}
