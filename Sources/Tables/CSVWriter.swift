#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One value of an output row.
public enum CSVValue: Sendable, Equatable {
    case text(String)
    /// Written in the shortest form that reads back to the same Double (`0.1`, `1e-05`); whole
    /// values below 10^15 without a decimal point (`12`). Not finite (NaN, ±∞) is written empty.
    case number(Double)
    case wholeNumber(Int)
    /// Pounds from whole pence, always with two decimals (`-12.05`).
    case pence(Int)
    /// Pounds rounded half away from zero to the penny (judged on the exact value of the Double),
    /// with two decimals.
    case money(Double)
    /// An empty field.
    case missing
}

/// Writes CSV (UTF-8, LF, no byte-order mark, RFC 4180 quoting where a field needs it) to a file
/// or to standard output, all or nothing: a file is written to a temporary name in the same
/// folder and renamed over the destination by `commit()`; standard output is held until
/// `commit()`. If the writer is dropped without `commit()`, nothing is left behind.
public final class CSVWriter {
    public let destination: String?
    private var temporaryPath: String?
    private var temporaryToken: TemporaryOutputs.Token?
    private var descriptor: Int32 = -1
    private var pending: [UInt8] = []
    private var committed = false
    private let columnCount: Int
    public private(set) var rowsWritten = 0
    /// With background formatting: the rows of the batch being filled, flat.
    private var batch: [CSVValue] = []
    private var formatter: CSVBackgroundFormatter?

    /// Opens the output. `path` nil means standard output. Fails with a `cannotCreate` error when
    /// the folder does not exist or is not writable. With `formatsInBackground`, rows are
    /// formatted and written on a second thread (`CSVBackgroundFormatter`) while the caller
    /// produces the next ones; the bytes are the same.
    public init(path: String?, header: [String], formatsInBackground: Bool = false) throws {
        destination = path
        columnCount = header.count
        pending.reserveCapacity(1 << 20)
        if let path {
            let folder: String
            let base: String
            if let slash = path.lastIndex(of: "/") {
                folder = String(path[..<slash]).isEmpty ? "/" : String(path[..<slash])
                base = String(path[path.index(after: slash)...])
            } else {
                folder = "."
                base = path
            }
            let temporary = "\(folder)/.\(base).partial-\(getpid())"
            let (token, opened) = TemporaryOutputs.creating(temporary) { () -> (Int32, Int32) in
                let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                return (descriptor, errno)
            }
            descriptor = opened.0
            if descriptor < 0 {
                TemporaryOutputs.finishing(token) {}
                throw DataError(.cannotCreate, at: SourceLocation(file: path), "cannot create the output file: \(String(cString: strerror(opened.1)))")
            }
            temporaryPath = temporary
            temporaryToken = token
        }
        appendRow(header.map { CSVValue.text($0) })
        if formatsInBackground {
            try flushIfFile()
            formatter = CSVBackgroundFormatter(columnCount: columnCount, descriptor: descriptor, name: destination ?? "output")
            batch.reserveCapacity(CSVBackgroundFormatter.batchRows * columnCount)
        }
    }

    deinit {
        if !committed { discard() }
    }

    /// Writes one row; it must have as many values as the header.
    public func write(_ row: [CSVValue]) throws {
        precondition(row.count == columnCount, "CSVWriter: a row of \(row.count) values for \(columnCount) columns")
        rowsWritten += 1
        if let formatter {
            batch.append(contentsOf: row)
            if batch.count >= CSVBackgroundFormatter.batchRows * columnCount {
                try formatter.submit(batch)
                batch.removeAll(keepingCapacity: true)
            }
            return
        }
        appendRow(row)
        if pending.count >= 1 << 20 && descriptor >= 0 { try flush() }
    }

    /// Hands the last batch to the background formatter and waits for it; the bytes held for
    /// standard output join `pending`.
    private func finishBackground() throws {
        guard let formatter else { return }
        self.formatter = nil
        if !batch.isEmpty { try formatter.submit(batch) }
        batch = []
        pending.append(contentsOf: try formatter.drain())
    }

    private func flushIfFile() throws {
        if descriptor >= 0 { try flush() }
    }

    /// Finishes the output: flushes, closes and renames the temporary file over the destination
    /// (or prints everything to standard output). On failure nothing is left behind.
    public func commit() throws {
        do {
            try finishBackground()
            if let destination, let temporaryPath {
                try flush()
                if fsync(descriptor) != 0 || close(descriptor) != 0 {
                    descriptor = -1
                    throw DataError(.cannotCreate, at: SourceLocation(file: destination), "cannot write the output file: \(String(cString: strerror(errno)))")
                }
                descriptor = -1
                let failure = TemporaryOutputs.finishing(temporaryToken!) { () -> Int32? in
                    if rename(temporaryPath, destination) == 0 { return nil }
                    let reason = errno
                    unlink(temporaryPath)
                    return reason
                }
                temporaryToken = nil
                if let failure {
                    throw DataError(.cannotCreate, at: SourceLocation(file: destination), "cannot create the output file: \(String(cString: strerror(failure)))")
                }
            } else {
                try writeAll(descriptor: 1, name: "standard output")
            }
        } catch {
            discard()
            throw error
        }
        committed = true
    }

    /// Abandons the output and removes the temporary file.
    public func discard() {
        _ = try? finishBackground()
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        if let temporaryPath {
            if let temporaryToken {
                TemporaryOutputs.finishing(temporaryToken) { _ = unlink(temporaryPath) }
            } else {
                unlink(temporaryPath)
            }
        }
        temporaryPath = nil
        temporaryToken = nil
        pending.removeAll()
        committed = true
    }

    private func flush() throws {
        try writeAll(descriptor: descriptor, name: destination ?? "output")
    }

    private func writeAll(descriptor: Int32, name: String) throws {
        try CSVWriter.writeAll(pending, descriptor: descriptor, name: name)
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes every byte to the descriptor (retrying after a signal).
    static func writeAll(_ bytes: [UInt8], descriptor: Int32, name: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw DataError(.cannotCreate, at: SourceLocation(file: name), "cannot write: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    private func appendRow(_ row: [CSVValue]) {
        // Into a local buffer, so the appends are not each checked for exclusive access.
        var bytes = pending
        pending = []
        CSVWriter.appendRows(row, columnCount: row.count, to: &bytes)
        pending = bytes
    }

    /// Appends rows given flat, `columnCount` values each, as CSV lines.
    static func appendRows(_ values: [CSVValue], columnCount: Int, to bytes: inout [UInt8]) {
        var column = 0
        for value in values {
            if column > 0 { bytes.append(44) }
            append(value, to: &bytes)
            column += 1
            if column == columnCount {
                bytes.append(10)
                column = 0
            }
        }
    }

    /// The text of one value as written in a field (without quoting).
    public static func format(_ value: CSVValue) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func append(_ value: CSVValue, to bytes: inout [UInt8]) {
        switch value {
        case .text(let text):
            let needsQuotes = text.utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
            if needsQuotes {
                bytes.append(34)
                for byte in text.utf8 {
                    if byte == 34 { bytes.append(34) }
                    bytes.append(byte)
                }
                bytes.append(34)
            } else {
                bytes.append(contentsOf: text.utf8)
            }
        case .number(let number):
            if number == number.rounded() && abs(number) < 1e15 {
                appendDigits(Int(number), to: &bytes)
            } else if number.isFinite {
                bytes.append(contentsOf: number.description.utf8)
            }
        case .wholeNumber(let number):
            appendDigits(number, to: &bytes)
        case .pence(let pence):
            appendPence(pence, to: &bytes)
        case .money(let pounds):
            if pounds.isFinite { appendPence(roundedPence(pounds), to: &bytes) }
        case .missing:
            break
        }
    }

    /// The whole number of pence nearest to the exact value of `pounds` × 100, halves away from
    /// zero. The product `pounds * 100` is itself rounded (2.675 is stored as 2.67499999999999982…,
    /// but 2.675 * 100 rounds to exactly 267.5), so the halfway test uses a fused multiply-add:
    /// fma(pounds, 100, -h) is rounded once, so its sign is the sign of the exact difference
    /// between pounds × 100 and the candidate halfway point h.
    static func roundedPence(_ pounds: Double) -> Int {
        let magnitude = pounds.magnitude
        let scaled = magnitude * 100
        var pence: Double
        if scaled >= 0x1p52 {
            pence = scaled // every Double from 2^52 up is a whole number
        } else {
            let lower = scaled.rounded(.down)
            let difference = (-(lower + 0.5)).addingProduct(magnitude, 100)
            pence = difference >= 0 ? lower + 1 : lower
        }
        if pounds < 0 { pence = -pence }
        return Int(pence)
    }

    /// Appends the decimal digits of `value` (with a minus sign when negative), as `String(value)`
    /// spells it, without making a String.
    static func appendDigits(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(45) }
        appendDigits(magnitude: value.magnitude, to: &bytes)
    }

    static func appendDigits(magnitude: UInt, to bytes: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // room for the 20 digits of UInt.max
        var count = 0
        var rest = magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                count += 1
                buffer[24 - count] = UInt8(48 + rest % 10)
                rest /= 10
            } while rest != 0
            bytes.append(contentsOf: buffer[(24 - count)...])
        }
    }

    static func appendPence(_ pence: Int, to bytes: inout [UInt8]) {
        let magnitude = pence.magnitude
        if pence < 0 { bytes.append(45) }
        appendDigits(magnitude: magnitude / 100, to: &bytes)
        bytes.append(46)
        let fraction = magnitude % 100
        bytes.append(UInt8(48 + fraction / 10))
        bytes.append(UInt8(48 + fraction % 10))
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif
