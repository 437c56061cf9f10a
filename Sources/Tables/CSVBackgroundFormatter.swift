import Foundation

/// Formats and writes a `CSVWriter`'s rows on a second thread, batch by batch in order, while the
/// caller goes on producing rows: the bytes are those the writer would have written itself.
///
/// Batches are flat arrays of values (`columnCount` per row). At most `maximumQueued` batches
/// wait, so memory stays flat. The first write error is kept and thrown by `drain()` (and by the
/// next `submit`); batches after it are dropped.
final class CSVBackgroundFormatter: @unchecked Sendable {
    /// Rows per batch (about 1 MiB of output for typical rows).
    static let batchRows = 8192
    private static let maximumQueued = 4

    private let queue = DispatchQueue(label: "consortium.csv-formatting")
    private let slots = DispatchSemaphore(value: CSVBackgroundFormatter.maximumQueued)
    private let columnCount: Int
    private let descriptor: Int32
    private let name: String
    // Touched on `queue` only, and by the caller after `drain()`.
    private var held: [UInt8] = []
    private var buffer: [UInt8] = []
    private var failure: Error?

    /// `descriptor` -1: hold the bytes (standard output, written at commit) in `held`.
    init(columnCount: Int, descriptor: Int32, name: String) {
        self.columnCount = columnCount
        self.descriptor = descriptor
        self.name = name
        buffer.reserveCapacity(1 << 20)
    }

    /// Queues one batch; blocks while `maximumQueued` batches wait.
    func submit(_ values: [CSVValue]) throws {
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard failure == nil else { return }
            buffer.removeAll(keepingCapacity: true)
            CSVWriter.appendRows(values, columnCount: columnCount, to: &buffer)
            if descriptor < 0 {
                held.append(contentsOf: buffer)
            } else {
                do { try CSVWriter.writeAll(buffer, descriptor: descriptor, name: name) } catch { failure = error }
            }
        }
    }

    /// Waits for every queued batch; returns the bytes held for standard output, or throws the
    /// first write error.
    func drain() throws -> [UInt8] {
        try queue.sync {
            if let failure { throw failure }
            defer { held = [] }
            return held
        }
    }
}
