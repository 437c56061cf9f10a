/// Turns the records of a block of bytes into rows of typed columns.
///
/// Two paths give the same rows and the same errors:
/// - the fused loop: for a record of plain fields (unquoted, or quoted without line feeds or
///   doubled quotes) it finds each field's end while converting it (a decimal is scanned and its
///   digits accumulated in the same pass), writes numbers straight into the column store's
///   scratch, and checks the separators. Anything unusual — a stray or doubled quote, a line
///   break in quotes, a blank line, a wrong field count, a bad value, the end of the block, a
///   NUL — makes it give up on that record before anything is kept;
/// - the careful path: `RecordScanner` splits the record (quotes, line breaks inside quotes,
///   the block end), then every field is checked in order with the messages of the contract.
///
/// The bytes given to `parse` must be followed by a 0 byte (a sentinel), so that the fused loop
/// needs no bounds checks: the sentinel stops every scan and sends the record that reaches it to
/// the careful path, which knows whether more input is coming.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class RecordParser {
    let source: String
    let header: [String]
    let fieldCount: Int
    var maximumRecordBytes: Int
    let store: ColumnStore
    private let planList: [FieldPlan]
    private let plans: UnsafeMutablePointer<FieldPlan>
    /// Start offset and length of each text field of the record being read by the fused loop.
    private let textSpans: UnsafeMutablePointer<Int>
    private var scanner: RecordScanner
    /// The line on which the next record starts.
    private(set) var nextLine: Int
    /// The first of the blank lines met since the last row; they are allowed only at the end.
    private(set) var blankLine: Int?

    enum Stop {
        /// `maximumRows` rows were taken.
        case rowLimit
        /// The next record starts at or after `stopAt`.
        case stopOffset
        /// The rest of the bytes is an incomplete record (or nothing): give more.
        case needMoreInput
        /// All bytes were used and the input is final.
        case endOfInput
    }

    init(source: String, header: [String], plans: [FieldPlan], columns: [ColumnStore.Column], firstLine: Int, maximumRecordBytes: Int) {
        self.source = source
        self.maximumRecordBytes = maximumRecordBytes
        self.header = header
        fieldCount = plans.count
        planList = plans
        self.plans = .allocate(capacity: max(1, plans.count))
        self.plans.initialize(from: plans, count: plans.count)
        store = ColumnStore(columns: columns)
        textSpans = .allocate(capacity: max(2, 2 * store.textCount))
        scanner = RecordScanner(source: source)
        nextLine = firstLine
    }

    deinit {
        plans.deinitialize(count: fieldCount)
        plans.deallocate()
        textSpans.deallocate()
    }

    /// A parser for another part of the same file: same columns, empty store, lines counted
    /// from `firstLine`.
    func sibling(firstLine: Int) -> RecordParser {
        RecordParser(source: source, header: header, plans: planList, columns: store.columns, firstLine: firstLine,
                     maximumRecordBytes: maximumRecordBytes)
    }

    /// Parses whole records from `bytes[0..<count]` (with `bytes[count] == 0` readable) until
    /// the chunk holds `maximumRows` rows, a record would start at or after `stopAt`, or the
    /// bytes run out. Returns how many bytes were used and why it stopped.
    func parse(_ bytes: UnsafePointer<UInt8>, count: Int, isFinal: Bool, maximumRows: Int, stopAt: Int) throws -> (consumed: Int, stop: Stop) {
        let special = RecordScanner.specialBytes
        let quotedSpecial = RecordScanner.quotedSpecialBytes
        let powers = DecimalToDouble.exactPowersOfTen
        let plans = self.plans
        let lastField = fieldCount - 1
        let capacity = store.batchCapacity
        let decimalValues = store.decimalValues
        let decimalPresent = store.decimalPresent
        let textCount = store.textCount
        var position = 0
        while true {
            if store.rowCount >= maximumRows { return (position, .rowLimit) }
            if position >= stopAt { return (position, .stopOffset) }
            if position >= count { return (position, isFinal ? .endOfInput : .needMoreInput) }

            if blankLine == nil {
                // The fused loop: one record of unquoted fields, or give up before keeping anything.
                var cursor = bytes + position
                let row = store.batchRows
                var field = 0
                var complete = false
                fields: while true {
                    let plan = plans + field
                    // A quoted field is taken here when it holds no line feed, NUL or doubled
                    // quote: its bytes between the quotes are then the value.
                    let quoted = cursor.pointee == 34
                    switch plan.pointee.kind {
                    case .decimal:
                        let scanned = DecimalScan.scan(quoted ? cursor + 1 : cursor, powers: powers)
                        let index = plan.pointee.slot &* capacity &+ row
                        if scanned.status == .number {
                            if !(scanned.value >= plan.pointee.decimalMinimum) { break fields }
                            decimalValues[index] = scanned.value
                            decimalPresent[index] = 1
                        } else if scanned.status == .empty && plan.pointee.allowsEmpty {
                            decimalPresent[index] = 0
                        } else {
                            break fields
                        }
                        cursor = scanned.end
                        if quoted {
                            if cursor.pointee != 34 || cursor[1] == 34 { break fields }
                            cursor += 1
                        }
                    case .skip, .text, .wholeNumber, .money:
                        let start: UnsafePointer<UInt8>
                        let end: UnsafePointer<UInt8>
                        if quoted {
                            start = cursor + 1
                            cursor = start
                            while quotedSpecial[Int(cursor.pointee)] == 0 { cursor += 1 }
                            if cursor.pointee != 34 || cursor[1] == 34 { break fields }
                            end = cursor
                            cursor += 1
                        } else {
                            start = cursor
                            while special[Int(cursor.pointee)] == 0 { cursor += 1 }
                            if cursor.pointee == 34 || cursor.pointee == 0 { break fields }
                            end = cursor
                        }
                        let length = end - start
                        switch plan.pointee.kind {
                        case .text:
                            if length == 0 && !plan.pointee.allowsEmpty { break fields }
                            textSpans[2 &* plan.pointee.slot] = start - bytes
                            textSpans[2 &* plan.pointee.slot &+ 1] = length
                        case .wholeNumber, .money:
                            let index = plan.pointee.slot &* capacity &+ row
                            if length == 0 && plan.pointee.allowsEmpty {
                                store.integerPresent[index] = 0
                            } else {
                                let value = plan.pointee.kind == .money
                                    ? NumberParsing.parsePence(start, length, grouping: plan.pointee.grouping)
                                    : NumberParsing.parseWholeNumber(start, length, grouping: plan.pointee.grouping)
                                guard let value, value >= plan.pointee.integerMinimum else { break fields }
                                store.integerValues[index] = value
                                store.integerPresent[index] = 1
                            }
                        case .skip, .decimal:
                            break
                        }
                    }
                    let separator = cursor.pointee
                    if field < lastField {
                        if separator != 44 { break fields }
                        cursor += 1
                        field += 1
                    } else {
                        if separator == 10 {
                            cursor += 1
                        } else if separator == 13 && cursor[1] == 10 {
                            cursor += 2
                        } else {
                            break fields
                        }
                        complete = true
                        break fields
                    }
                }
                if complete && cursor - bytes - position <= maximumRecordBytes && (textCount == 0 || appendTexts(bytes)) {
                    store.commitRow(line: nextLine)
                    nextLine += 1
                    position = cursor - bytes
                    continue
                }
            }

            // The careful path.
            guard let used = try carefulRecord(bytes + position, count: count - position, isFinal: isFinal) else {
                return (position, .needMoreInput)
            }
            position += used
        }
    }

    /// Codes the text fields recorded by the fused loop into the row's scratch; false when one
    /// of them is new and not UTF-8 (the careful path then reports it).
    @inline(__always)
    private func appendTexts(_ bytes: UnsafePointer<UInt8>) -> Bool {
        let row = store.batchRows
        let capacity = store.batchCapacity
        for slot in 0..<store.textCount {
            guard let code = store.dictionaries[slot].code(bytes + textSpans[2 &* slot], textSpans[2 &* slot &+ 1]) else { return false }
            store.codeValues[slot &* capacity &+ row] = code
        }
        return true
    }

    /// Reads one record by the careful path; returns the bytes used, or nil when the record
    /// continues past `count` and the input is not final.
    private func carefulRecord(_ bytes: UnsafePointer<UInt8>, count: Int, isFinal: Bool) throws -> Int? {
        scanner.nextLine = nextLine
        let outcome: RecordScanner.Outcome
        do {
            outcome = try scanner.scan(UnsafeBufferPointer(start: bytes, count: count), from: 0, isFinal: isFinal)
        } catch var error as DataError {
            if error.location.columnName == nil, let column = error.location.column, column >= 1 && column <= header.count {
                error.location.columnName = header[column - 1]
            }
            throw error
        }
        let used: Int
        switch outcome {
        case .needMoreInput: return nil
        case .endOfInput: return count
        case .record(let next): used = next
        }
        let line = scanner.recordLine
        if used > maximumRecordBytes {
            throw DataError(.badData, at: SourceLocation(file: source, line: line),
                            "a record longer than \(maximumRecordBytes) bytes (an unclosed quote, or a field too large to be data)")
        }
        nextLine = scanner.nextLine
        let found = scanner.fieldStarts.count
        if found == 1 && scanner.fieldEnds[0] == scanner.fieldStarts[0] && fieldCount > 1 {
            if blankLine == nil { blankLine = line }
            return used
        }
        if let blank = blankLine {
            throw DataError(.badData, at: SourceLocation(file: source, line: blank), "a blank line (expected \(fieldCount) fields)")
        }
        if found != fieldCount {
            throw DataError(.badData, at: SourceLocation(file: source, line: line, column: min(found, fieldCount + 1)),
                            "expected \(fieldCount) fields as in the header, found \(found)")
        }
        for field in 0..<fieldCount where plans[field].kind != .skip {
            let start = scanner.fieldStarts[field]
            try convert(plans[field], bytes + start, scanner.fieldEnds[field] - start, escaped: scanner.fieldHasEscapedQuote[field], line: line)
        }
        store.commitRow(line: line)
        return used
    }

    /// Checks and stores one field of the careful path (its bytes without surrounding quotes).
    private func convert(_ plan: FieldPlan, _ start: UnsafePointer<UInt8>, _ count: Int, escaped: Bool, line: Int) throws {
        let column = store.columns[plan.column]
        let index = plan.slot * store.batchCapacity + store.batchRows
        switch plan.kind {
        case .skip:
            return
        case .text:
            if count == 0 && !plan.allowsEmpty { throw failure(column, start, count, line: line) }
            let bytes = UnsafeBufferPointer(start: start, count: count)
            let dictionary = store.dictionaries[plan.slot]
            let code = escaped
                ? Self.unescaped(bytes).withUnsafeBufferPointer { dictionary.code($0.baseAddress ?? start, $0.count) }
                : dictionary.code(start, count)
            guard let code else {
                throw DataError(.badData, at: location(column, line: line),
                                "expected UTF-8 text, found bytes that are not UTF-8: \(DataError.quoted(bytes: bytes.prefix(64)))")
            }
            store.codeValues[plan.slot * store.batchCapacity + store.batchRows] = code
        case .decimal:
            if count == 0 && plan.allowsEmpty {
                store.decimalPresent[index] = 0
                return
            }
            guard let value = NumberParsing.parseDecimal(start, count, grouping: plan.grouping), value >= plan.decimalMinimum else {
                throw failure(column, start, count, line: line)
            }
            store.decimalValues[index] = value
            store.decimalPresent[index] = 1
        case .wholeNumber, .money:
            if count == 0 && plan.allowsEmpty {
                store.integerPresent[index] = 0
                return
            }
            let value = plan.kind == .money
                ? NumberParsing.parsePence(start, count, grouping: plan.grouping)
                : NumberParsing.parseWholeNumber(start, count, grouping: plan.grouping)
            guard let value, value >= plan.integerMinimum else { throw failure(column, start, count, line: line) }
            store.integerValues[index] = value
            store.integerPresent[index] = 1
        }
    }

    /// The text of a quoted field with every `""` turned into one `"`.
    static func unescaped(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            result.append(bytes[index])
            index += (bytes[index] == 34 && index + 1 < bytes.count && bytes[index + 1] == 34) ? 2 : 1
        }
        return result
    }

    private func location(_ column: ColumnStore.Column, line: Int) -> SourceLocation {
        SourceLocation(file: source, line: line, column: column.position, columnName: column.spec.name)
    }

    private func failure(_ column: ColumnStore.Column, _ start: UnsafePointer<UInt8>, _ count: Int, line: Int) -> DataError {
        if count == 0 {
            return DataError(.badData, at: location(column, line: line), "expected \(column.spec.expectation), found an empty field")
        }
        let shown = DataError.quoted(bytes: UnsafeBufferPointer(start: start, count: min(count, 64)))
        return DataError(.badData, at: location(column, line: line), "expected \(column.spec.expectation), found \(shown)")
    }
}
