import Dispatch

/// Joining the tables read from consecutive parts of one file.
extension Table {
    /// The rows of `parts` one after the other, with the line numbers of part k moved on by
    /// `lineOffsets[k]` (all parts have the same source, header and columns). `parts` is emptied.
    /// Each column of the first part is moved out of it and extended in place (it was reserved
    /// for the whole file); the columns are joined on `threads` threads.
    static func concatenating(_ parts: inout [Table], lineOffsets: [Int], threads: Int) -> Table {
        precondition(parts.count == lineOffsets.count && !parts.isEmpty)
        var first = parts.removeFirst()
        let rest = parts
        parts = []
        let names = Array(first.values.keys)
        // One slot per column plus one for the line numbers; each slot is moved in, replaced by
        // its joined value on one thread, and moved out.
        let slots = UnsafeMutablePointer<ColumnValues>.allocate(capacity: names.count + 1)
        defer { slots.deallocate() }
        for (index, name) in names.enumerated() {
            (slots + index).initialize(to: first.values.removeValue(forKey: name)!)
        }
        (slots + names.count).initialize(to: .wholeNumbers(first.lineNumbers))
        first.lineNumbers = []
        let work = ConcatenationWork(slots: slots)

        let join = { (index: Int) in
            var joined = (work.slots + index).move()
            if index == names.count {
                guard case .wholeNumbers(var lines) = consume joined else { preconditionFailure() }
                if lineOffsets[0] != 0 {
                    for row in lines.indices { lines[row] += lineOffsets[0] }
                }
                for (part, offset) in zip(rest, lineOffsets.dropFirst()) {
                    lines.append(contentsOf: part.lineNumbers.lazy.map { $0 + offset })
                }
                (work.slots + index).initialize(to: .wholeNumbers(lines))
                return
            }
            for part in rest {
                joined = appending(consume joined, part.values[names[index]]!)
            }
            (work.slots + index).initialize(to: joined)
        }
        if threads > 1 {
            DispatchQueue.concurrentPerform(iterations: names.count + 1, execute: join)
        } else {
            for index in 0...names.count { join(index) }
        }

        var values: [String: ColumnValues] = [:]
        for (index, name) in names.enumerated() {
            values[name] = (slots + index).move()
        }
        guard case .wholeNumbers(let lineNumbers) = (slots + names.count).move() else { preconditionFailure() }
        return Table(source: first.source, header: first.header, rowCount: rest.reduce(first.rowCount) { $0 + $1.rowCount },
                     lineNumbers: lineNumbers, values: values, positions: first.positions)
    }

    /// `column` followed by `part` (of the same case), extending `column`'s storage in place.
    private static func appending(_ column: consuming ColumnValues, _ part: ColumnValues) -> ColumnValues {
        switch (consume column, part) {
        case (.text(var values), .text(let more)):
            values.append(contentsOf: more)
            return .text(values)
        case (.codedText(let first), .codedText(let more)):
            return .codedText(CodedText.joining(first, more))
        case (.wholeNumbers(var values), .wholeNumbers(let more)):
            values.append(contentsOf: more)
            return .wholeNumbers(values)
        case (.optionalWholeNumbers(var values), .optionalWholeNumbers(let more)):
            values.append(contentsOf: more)
            return .optionalWholeNumbers(values)
        case (.decimals(var values), .decimals(let more)):
            values.append(contentsOf: more)
            return .decimals(values)
        case (.optionalDecimals(var values), .optionalDecimals(let more)):
            values.append(contentsOf: more)
            return .optionalDecimals(values)
        case (.pence(var values), .pence(let more)):
            values.append(contentsOf: more)
            return .pence(values)
        case (.optionalPence(var values), .optionalPence(let more)):
            values.append(contentsOf: more)
            return .optionalPence(values)
        default:
            preconditionFailure("Table.concatenating: parts with different column types")
        }
    }
}

extension CodedText {
    /// The rows of `first` then those of `second`, in the numbering of `first` (the values of
    /// `second` that `first` lacks are added after its own, in their order).
    static func joining(_ first: consuming CodedText, _ second: CodedText) -> CodedText {
        var codes = first.codes
        var values = first.values
        var index: [String: UInt32] = [:]
        index.reserveCapacity(values.count)
        for (code, value) in values.enumerated() where index[value] == nil { index[value] = UInt32(code) }
        let renumbered = second.values.map { value -> UInt32 in
            if let code = index[value] { return code }
            let code = UInt32(values.count)
            values.append(value)
            index[value] = code
            return code
        }
        codes.reserveCapacity(codes.count + second.codes.count)
        for code in second.codes { codes.append(renumbered[Int(code)]) }
        return CodedText(codes: codes, values: values)
    }
}

/// The slots of a concatenation, shared by the threads that each own one slot at a time.
private final class ConcatenationWork: @unchecked Sendable {
    let slots: UnsafeMutablePointer<ColumnValues>

    init(slots: UnsafeMutablePointer<ColumnValues>) {
        self.slots = slots
    }
}
