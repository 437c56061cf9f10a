/// The RFC 4180 record scanner: splits bytes into records and fields without copying them. It is
/// the reader's careful path, used for the header, for quoted fields, at block boundaries and to
/// report errors; plain records are handled by the fused loop of `RecordParser`.
///
/// Accepts LF and CRLF line ends and fields quoted with `"` in which `""` stands for one quote
/// and commas and line breaks are data. Rejects a NUL byte anywhere, a quote inside an unquoted
/// field, text after a closing quote, a carriage return not followed by a line feed outside
/// quotes (old Mac line ends), and a quote left open at the end of the input. Lines are physical
/// lines, 1-based: every LF counts, also inside a quoted field.
struct RecordScanner {
    /// Byte offsets of each field of the last record: start and end (exclusive), relative to the
    /// buffer given to `scan`. For a quoted field they exclude the surrounding quotes.
    var fieldStarts: [Int] = []
    var fieldEnds: [Int] = []
    /// Whether the field holds a doubled quote `""` that must be unescaped.
    var fieldHasEscapedQuote: [Bool] = []
    /// The line on which the last scanned record starts.
    var recordLine = 1
    /// The line on which the next record starts.
    var nextLine = 1

    let source: String

    init(source: String) {
        self.source = source
        fieldStarts.reserveCapacity(64)
        fieldEnds.reserveCapacity(64)
        fieldHasEscapedQuote.reserveCapacity(64)
    }

    enum Outcome {
        /// A whole record was scanned; the next one starts at this offset.
        case record(next: Int)
        /// The buffer ends inside a record: give more bytes (or say it is the end).
        case needMoreInput
        /// No bytes left.
        case endOfInput
    }

    /// 1 for the bytes that end an unquoted run: NUL, LF, CR, quote, comma; 0 for the others.
    /// Allocated once and never freed, so that hot loops hold a plain pointer.
    static let specialBytes: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        for byte in [0, 10, 13, 34, 44] { table[byte] = 1 }
        return UnsafePointer(table)
    }()

    /// 1 for the bytes that end a run inside quotes: NUL, LF, quote.
    static let quotedSpecialBytes: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        for byte in [0, 10, 34] { table[byte] = 1 }
        return UnsafePointer(table)
    }()

    static let loneCarriageReturn = "a carriage return not followed by a line feed (lines must end with LF or CRLF)"

    /// Scans one record starting at `offset`. When `isFinal` is false and the record may continue
    /// past the buffer, returns `.needMoreInput` without changing the line count.
    mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>, from offset: Int, isFinal: Bool) throws -> Outcome {
        let end = buffer.count
        if offset >= end { return isFinal ? .endOfInput : .needMoreInput }
        let bytes = buffer.baseAddress!
        let special = Self.specialBytes
        fieldStarts.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        fieldHasEscapedQuote.removeAll(keepingCapacity: true)
        var line = nextLine
        var position = offset
        while true {
            // At the start of a field.
            if position < end && bytes[position] == 34 {
                // Quoted field.
                let openingLine = line
                position += 1
                let start = position
                var escaped = false
                while true {
                    if position >= end {
                        if !isFinal { return .needMoreInput }
                        throw DataError(at: SourceLocation(file: source, line: openingLine, column: fieldStarts.count + 1),
                                        "a quoted field is never closed (expected a closing \")")
                    }
                    let byte = bytes[position]
                    if byte == 34 {
                        if position + 1 < end && bytes[position + 1] == 34 {
                            escaped = true
                            position += 2
                            continue
                        }
                        if position + 1 >= end && !isFinal { return .needMoreInput }
                        break
                    } else if byte == 10 {
                        line += 1
                    } else if byte == 0 {
                        throw DataError(at: SourceLocation(file: source, line: line, column: fieldStarts.count + 1),
                                        "expected text, found a NUL byte")
                    }
                    position += 1
                }
                fieldStarts.append(start)
                fieldEnds.append(position)
                fieldHasEscapedQuote.append(escaped)
                position += 1 // closing quote
                if position < end {
                    let byte = bytes[position]
                    if byte != 44 && byte != 10 && byte != 13 {
                        throw DataError(at: SourceLocation(file: source, line: line, column: fieldStarts.count),
                                        "expected a comma or the end of the line after a closing quote, found \(DataError.quoted(bytes: [byte]))")
                    }
                }
            } else {
                let start = position
                while position < end && special[Int(bytes[position])] == 0 { position += 1 }
                if position < end {
                    let byte = bytes[position]
                    if byte == 34 {
                        throw DataError(at: SourceLocation(file: source, line: line, column: fieldStarts.count + 1),
                                        "a quote inside an unquoted field (quote the whole field and double the quote)")
                    }
                    if byte == 0 {
                        throw DataError(at: SourceLocation(file: source, line: line, column: fieldStarts.count + 1),
                                        "expected text, found a NUL byte")
                    }
                } else if !isFinal {
                    return .needMoreInput
                }
                fieldStarts.append(start)
                fieldEnds.append(position)
                fieldHasEscapedQuote.append(false)
            }
            // After a field: comma, line end, or end of input.
            if position >= end {
                if !isFinal { return .needMoreInput }
                recordLine = nextLine
                nextLine = line + 1
                return .record(next: end)
            }
            let byte = bytes[position]
            if byte == 44 {
                position += 1
                continue
            }
            if byte == 13 {
                if position + 1 >= end && !isFinal { return .needMoreInput }
                guard position + 1 < end && bytes[position + 1] == 10 else {
                    throw DataError(at: SourceLocation(file: source, line: line, column: fieldStarts.count), Self.loneCarriageReturn)
                }
                position += 2
            } else {
                position += 1 // LF
            }
            recordLine = nextLine
            nextLine = line + 1
            return .record(next: position)
        }
    }
}
