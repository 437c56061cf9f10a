import Foundation

/// The rows of a file in chunks parsed by several threads at once, handed out in file order.
///
/// The bytes after the header are cut into blocks of about `blockBytes`, each starting just
/// after a line feed (the first block starts where the reader stands). Worker threads take the
/// blocks in order, each parsing its block with a reader of its own that stops at the first
/// record starting at or after the next block's start. The cut is a guess — a line feed inside a
/// quoted field is not a record end — and it is checked when the chunk is handed out: block k−1
/// must have stopped exactly where block k started, with no blank line pending. When it did,
/// block k was parsed from a record boundary in the state the single reader would have been in,
/// so its rows, its line numbers (moved on by the lines before it) and its first error are the
/// single reader's. When it did not, the workers are stopped and block k−1's reader simply
/// reads on to the end of the file, in chunks, on the calling thread. So the rows, line numbers
/// and the error thrown (the first in file order) never depend on the number of threads.
///
/// Each block is read by its own reader, so the codes of `CodedText` columns are numbered per
/// chunk: compare values across chunks by their text, or renumber them.
///
/// Memory: at most `threads + 2` parsed blocks wait to be handed out.
public final class ParallelChunkReader: @unchecked Sendable {
    private let state: ParallelChunkState

    /// Chunks of `reader`'s remaining rows parsed by `threads` worker threads. A source that is
    /// not a regular file, or one thread, reads in chunks of up to 65,536 rows on the calling
    /// thread instead (the same rows and errors).
    public init(reader: TableReader, threads: Int, blockBytes: Int = 4 << 20) {
        precondition(threads > 0 && blockBytes > 0, "ParallelChunkReader: threads and blockBytes must be positive")
        state = ParallelChunkState(reader: reader, threads: threads, blockBytes: blockBytes)
    }

    deinit {
        state.stop()
    }

    /// The next non-empty chunk in file order, nil after the last; throws the first error in file
    /// order in its place (and again on later calls).
    public func next() throws -> Table? {
        try state.next()
    }

    /// Stops the workers and waits for them; afterwards `next()` returns nil.
    public func stop() {
        state.finish()
    }
}

/// What a worker found in one block.
private struct ParsedBlock {
    var outcome: Result<Table, Error>
    /// The block's own reader (to read on from it when the next block's start was a wrong guess).
    var reader: TableReader
    var start: Int
    /// Whether the reader stopped at the next block's start with no blank line pending.
    var endsAtNextStart: Bool
    /// Lines the block spans (`parser.nextLine - 1` of its reader).
    var lines: Int
}

private final class ParallelChunkState: @unchecked Sendable {
    private let reader: TableReader
    private let threads: Int
    private let blockBytes: Int
    private let dataStart: Int
    private let size: Int
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var blocks: [Int: ParsedBlock] = [:]
    private var nextToTake = 0
    private var nextToHandOut = 0
    private var workersRunning = 0
    private var started = false
    private var stopRequested = false
    /// The number of blocks (known from the start: the file's size is fixed).
    private let blockCount: Int
    // Used by the calling thread only:
    private var lineOffset = 0
    private var serialReader: TableReader?
    private var serialLineOffset = 0
    private var failure: Error?
    private var finished = false

    init(reader: TableReader, threads: Int, blockBytes: Int) {
        self.reader = reader
        self.threads = threads
        self.blockBytes = blockBytes
        dataStart = reader.offset
        size = reader.input.size
        let dataBytes = max(0, size - dataStart)
        let parallel = threads > 1 && reader.input.isRegularFile && reader.failure == nil && dataBytes > blockBytes
        blockCount = parallel ? (dataBytes + blockBytes - 1) / blockBytes : 0
        if !parallel { serialReader = reader }
    }

    func next() throws -> Table? {
        if let failure { throw failure }
        if finished { return nil }
        do {
            while true {
                if serialReader != nil {
                    guard let chunk = try nextSerialChunk() else {
                        finished = true
                        return nil
                    }
                    return chunk
                }
                guard let block = try takeBlock() else {
                    finished = true
                    return nil
                }
                if case .success(let table) = block.outcome, table.rowCount == 0 { continue }
                switch block.outcome {
                case .success(let table): return table
                case .failure(let error): throw error
                }
            }
        } catch {
            failure = error
            stop()
            throw error
        }
    }

    /// The next block, checked against the previous one's end and with its lines moved on; nil
    /// after the last. Switches to serial reading when a guessed start was wrong.
    private func takeBlock() throws -> ParsedBlock? {
        condition.lock()
        if !started { startWorkers() }
        let index = nextToHandOut
        if index >= blockCount {
            condition.unlock()
            return nil
        }
        while blocks[index] == nil && !stopRequested { condition.wait() }
        guard blocks[index] != nil else {
            condition.unlock()
            return nil
        }
        var block = blocks.removeValue(forKey: index)!
        nextToHandOut += 1
        let previous = index > 0 ? previousBlock : nil
        condition.broadcast()
        condition.unlock()

        if let previous, !previous.endsAtNextStart || block.start != previous.reader.offset {
            // The guess was wrong (a line feed inside quotes, or a blank line pending): read on
            // from the previous block's reader to the end of the file.
            stop()
            previous.reader.stopOffset = .max
            previous.reader.resume()
            serialReader = previous.reader
            serialLineOffset = lineOffset - previous.lines
            return try takeSerialAsBlock()
        }
        switch block.outcome {
        case .success(let table):
            block.outcome = .success(shifted(table, by: lineOffset))
        case .failure(let error as DataError):
            block.outcome = .failure(error.movingLines(by: lineOffset))
        case .failure:
            break
        }
        lineOffset += block.lines
        previousBlock = block
        return block
    }

    /// The block handed out last (its reader is kept to read on from when the next guess fails).
    private var previousBlock: ParsedBlock?

    /// After switching to serial reading, the first serial chunk as a block.
    private func takeSerialAsBlock() throws -> ParsedBlock? {
        guard let serialReader, let chunk = try nextSerialChunk() else {
            finished = true
            return nil
        }
        return ParsedBlock(outcome: .success(chunk), reader: serialReader, start: 0, endsAtNextStart: true, lines: 0)
    }

    /// The serial reader's next chunk, its lines (and its error's) moved on to the file's.
    private func nextSerialChunk() throws -> Table? {
        do {
            return try serialReader!.next(maximumRows: 1 << 16).map { shifted($0, by: serialLineOffset) }
        } catch let error as DataError {
            throw error.movingLines(by: serialLineOffset)
        }
    }

    private func shifted(_ table: Table, by lines: Int) -> Table {
        guard lines != 0 else { return table }
        var moved = table
        for row in 0..<moved.lineNumbers.count { moved.lineNumbers[row] += lines }
        return moved
    }

    /// Stops the workers for good: later calls to `next()` return nil (or the error thrown).
    func finish() {
        stop()
        finished = true
    }

    func stop() {
        condition.lock()
        stopRequested = true
        condition.broadcast()
        while workersRunning > 0 { condition.wait() }
        blocks.removeAll()
        condition.unlock()
    }

    /// Called with the lock held.
    private func startWorkers() {
        started = true
        for worker in 0..<min(threads, blockCount) {
            workersRunning += 1
            let thread = Thread { [self] in work() }
            thread.name = "consortium parser \(worker + 1)"
            thread.start()
        }
    }

    private func work() {
        while true {
            condition.lock()
            while !stopRequested && nextToTake < blockCount && nextToTake - nextToHandOut >= threads + 2 { condition.wait() }
            if stopRequested || nextToTake >= blockCount {
                workersRunning -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let index = nextToTake
            nextToTake += 1
            condition.unlock()

            let block = parse(block: index)

            condition.lock()
            blocks[index] = block
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Parses block `index` from its guessed start to the guessed start of the next.
    private func parse(block index: Int) -> ParsedBlock {
        var blockReader = reader
        var start = dataStart
        do {
            if index > 0 {
                start = try reader.lineStart(atOrAfter: dataStart + index * blockBytes) ?? size
                blockReader = TableReader(sibling: reader, input: try reader.input.source(at: start))
            }
            let end = index + 1 < blockCount ? (try reader.lineStart(atOrAfter: dataStart + (index + 1) * blockBytes) ?? size) : size
            blockReader.stopOffset = index + 1 < blockCount ? end : .max
            try blockReader.fill(maximumRows: .max, expectedBytes: max(0, end - start))
            let table = blockReader.takeTable()
            return ParsedBlock(outcome: .success(table), reader: blockReader, start: start,
                               endsAtNextStart: blockReader.stoppedAtStopOffset && blockReader.parser.blankLine == nil,
                               lines: blockReader.parser.nextLine - 1)
        } catch {
            return ParsedBlock(outcome: .failure(error), reader: blockReader, start: start, endsAtNextStart: false, lines: 0)
        }
    }
}
