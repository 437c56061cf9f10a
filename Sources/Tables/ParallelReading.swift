import Dispatch

/// Whole-file reading on several threads.
///
/// The bytes after the header are cut into ranges of about equal size, each starting just after
/// a line feed. The cut is a guess: a line feed inside a quoted field is not a record end. Each
/// range is read by its own parser, which stops at the first record starting at or after the
/// next range's start, and the guess is checked afterwards: range k-1 must stop exactly where
/// range k started. When it does, range k was read from a record boundary with the state the
/// single-threaded reader would have had there — except for a blank line pending at the end of
/// range k-1 — so its rows and its first error are the single-threaded ones, with line numbers
/// moved by the count of lines before it. When it does not (or a blank line is pending), range
/// k-1 simply reads on to the end of the file and the later ranges are dropped: the result is
/// always that of the single-threaded reader, and the error thrown is the first in file order.
extension TableReader {
    /// Below this many bytes per thread a file is read on one thread.
    static let defaultMinimumBytesPerThread = 4 << 20

    func readAll(threads: Int, minimumBytesPerThread: Int = TableReader.defaultMinimumBytesPerThread) throws -> Table {
        if let failure { throw failure }
        let dataStart = offset
        let dataBytes = input.size - dataStart
        let rangeCount = min(max(threads, 1), dataBytes / max(1, minimumBytesPerThread))
        guard rangeCount > 1, input.isRegularFile else {
            try fill(maximumRows: .max, expectedBytes: input.isRegularFile ? dataBytes : 0)
            return takeTable()
        }

        var starts = [dataStart]
        for range in 1..<rangeCount {
            let nominal = dataStart + Int((Double(dataBytes) * Double(range) / Double(rangeCount)).rounded(.down))
            if let start = try lineStart(atOrAfter: max(nominal, starts.last! + 1)), start < input.size {
                starts.append(start)
            }
        }
        if starts.count == 1 {
            try fill(maximumRows: .max, expectedBytes: dataBytes)
            return takeTable()
        }

        var readers: [TableReader] = [self]
        for start in starts.dropFirst() {
            readers.append(TableReader(sibling: self, input: try input.source(at: start)))
        }
        for (index, reader) in readers.enumerated() {
            reader.stopOffset = index + 1 < starts.count ? starts[index + 1] : .max
        }
        let outcomes = ParallelOutcomes(count: readers.count)
        DispatchQueue.concurrentPerform(iterations: readers.count) { index in
            let reader = readers[index]
            // The first range reserves room for the whole file, so that the later ranges are
            // appended to its columns in place.
            let end = index + 1 < starts.count ? starts[index + 1] : reader.input.size
            let expected = index == 0 ? reader.input.size - starts[0] : end - starts[index]
            outcomes.set(index, Result { () throws -> Table in
                try reader.fill(maximumRows: .max, expectedBytes: expected)
                return reader.takeTable()
            })
        }

        var tables: [Table] = []
        var offsets: [Int] = []
        var lineOffset = 0
        for (index, reader) in readers.enumerated() {
            if index > 0 {
                let previous = readers[index - 1]
                let matched = previous.stoppedAtStopOffset && previous.offset == starts[index] && previous.parser.blankLine == nil
                if !matched {
                    // The cut fell inside a quoted field, or a blank line is pending: the previous
                    // range reads on to the end instead.
                    let previousOffset = offsets.last!
                    previous.stopOffset = .max
                    previous.resume()
                    do {
                        try previous.fill(maximumRows: .max, expectedBytes: 0)
                    } catch let error as DataError {
                        throw error.movingLines(by: previousOffset)
                    }
                    tables.append(previous.takeTable())
                    offsets.append(previousOffset)
                    break
                }
            }
            switch outcomes.get(index) {
            case .failure(let error as DataError):
                throw error.movingLines(by: lineOffset)
            case .failure(let error):
                throw error
            case .success(let table):
                tables.append(table)
                offsets.append(lineOffset)
            }
            lineOffset += reader.parser.nextLine - 1
        }
        return Table.concatenating(&tables, lineOffsets: offsets, threads: rangeCount)
    }

    /// The offset just after the first line feed at or after `position`, or nil when there is
    /// none within 64 MiB or before the end.
    func lineStart(atOrAfter position: Int) throws -> Int? {
        let window = 1 << 16
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: window, alignment: 16)
        defer { chunk.deallocate() }
        var at = position
        while at < input.size && at - position < 64 << 20 {
            let got = try input.read(into: chunk, count: window, at: at)
            if got == 0 { return nil }
            let bytes = chunk.assumingMemoryBound(to: UInt8.self)
            for index in 0..<got where bytes[index] == 10 {
                return at + index + 1
            }
            at += got
        }
        return nil
    }
}

/// One result slot per range, each written by exactly one thread and read after all have
/// finished (`concurrentPerform` returns only then).
private final class ParallelOutcomes: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Result<Table, Error>?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ outcome: Result<Table, Error>) {
        slots[index] = outcome
    }

    func get(_ index: Int) -> Result<Table, Error> {
        slots[index]!
    }
}

extension DataError {
    /// The same error with its line moved on by `lines` (for a range read from a later offset).
    func movingLines(by lines: Int) -> DataError {
        var moved = self
        if let line = location.line { moved.location.line = line + lines }
        return moved
    }
}
