/// What every column builder knows: its spec, the file, and its 1-based field position.
struct ColumnContext {
    let spec: ColumnSpec
    let source: String
    let position: Int

    func failure(_ start: UnsafePointer<UInt8>, _ count: Int, line: Int) -> DataError {
        let location = SourceLocation(file: source, line: line, column: position, columnName: spec.name)
        if count == 0 {
            return DataError(.badData, at: location, "expected \(spec.expectation), found an empty field")
        }
        let shown = DataError.quoted(bytes: UnsafeBufferPointer(start: start, count: min(count, 64)))
        return DataError(.badData, at: location, "expected \(spec.expectation), found \(shown)")
    }
}

/// Collects the values of one column while a file is read, checking each against its spec.
protocol ColumnBuilder: AnyObject {
    var context: ColumnContext { get }
    /// Appends one field (its bytes without surrounding quotes).
    func append(_ start: UnsafePointer<UInt8>, _ count: Int, escaped: Bool, line: Int) throws
    /// Hands over the values collected since the last call.
    func take() -> ColumnValues
}

func makeColumnBuilder(spec: ColumnSpec, source: String, position: Int) -> ColumnBuilder {
    let context = ColumnContext(spec: spec, source: source, position: position)
    switch spec.type {
    case .text: return TextColumnBuilder(context)
    case .wholeNumber: return WholeNumberColumnBuilder(context)
    case .decimal: return DecimalColumnBuilder(context)
    case .money: return MoneyColumnBuilder(context)
    }
}

final class TextColumnBuilder: ColumnBuilder {
    let context: ColumnContext
    private var spec: ColumnSpec { context.spec }

    init(_ context: ColumnContext) {
        self.context = context
    }

    private var values: [String] = []

    func append(_ start: UnsafePointer<UInt8>, _ count: Int, escaped: Bool, line: Int) throws {
        if count == 0 && !spec.allowsEmpty { throw context.failure(start, count, line: line) }
        let bytes = UnsafeBufferPointer(start: start, count: count)
        var text: String?
        if escaped {
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(count)
            var index = 0
            while index < count {
                unescaped.append(bytes[index])
                index += (bytes[index] == 34 && index + 1 < count && bytes[index + 1] == 34) ? 2 : 1
            }
            text = String(validating: unescaped, as: UTF8.self)
        } else {
            text = String(validating: bytes, as: UTF8.self)
        }
        guard let text else {
            let location = SourceLocation(file: context.source, line: line, column: context.position, columnName: spec.name)
            throw DataError(.badData, at: location, "expected UTF-8 text, found bytes that are not UTF-8: \(DataError.quoted(bytes: bytes.prefix(64)))")
        }
        values.append(text)
    }

    func take() -> ColumnValues {
        defer { values = [] }
        return .text(values)
    }
}

final class WholeNumberColumnBuilder: ColumnBuilder {
    let context: ColumnContext
    private var spec: ColumnSpec { context.spec }

    init(_ context: ColumnContext) {
        self.context = context
    }

    private var values: [Int] = []
    private var optionalValues: [Int?] = []

    func append(_ start: UnsafePointer<UInt8>, _ count: Int, escaped: Bool, line: Int) throws {
        if count == 0 && spec.allowsEmpty {
            optionalValues.append(nil)
            return
        }
        guard let value = NumberParsing.parseWholeNumber(start, count, grouping: spec.grouping) else {
            throw context.failure(start, count, line: line)
        }
        if case .wholeNumber(let minimum?) = spec.type, value < minimum { throw context.failure(start, count, line: line) }
        if spec.allowsEmpty { optionalValues.append(value) } else { values.append(value) }
    }

    func take() -> ColumnValues {
        defer { values = []; optionalValues = [] }
        return spec.allowsEmpty ? .optionalWholeNumbers(optionalValues) : .wholeNumbers(values)
    }
}

final class DecimalColumnBuilder: ColumnBuilder {
    let context: ColumnContext
    private var spec: ColumnSpec { context.spec }

    init(_ context: ColumnContext) {
        self.context = context
    }

    private var values: [Double] = []
    private var optionalValues: [Double?] = []

    func append(_ start: UnsafePointer<UInt8>, _ count: Int, escaped: Bool, line: Int) throws {
        if count == 0 && spec.allowsEmpty {
            optionalValues.append(nil)
            return
        }
        guard let value = NumberParsing.parseDecimal(start, count, grouping: spec.grouping) else {
            throw context.failure(start, count, line: line)
        }
        if case .decimal(let minimum?) = spec.type, value < minimum { throw context.failure(start, count, line: line) }
        if spec.allowsEmpty { optionalValues.append(value) } else { values.append(value) }
    }

    func take() -> ColumnValues {
        defer { values = []; optionalValues = [] }
        return spec.allowsEmpty ? .optionalDecimals(optionalValues) : .decimals(values)
    }
}

final class MoneyColumnBuilder: ColumnBuilder {
    let context: ColumnContext
    private var spec: ColumnSpec { context.spec }

    init(_ context: ColumnContext) {
        self.context = context
    }

    private var values: [Int] = []
    private var optionalValues: [Int?] = []

    func append(_ start: UnsafePointer<UInt8>, _ count: Int, escaped: Bool, line: Int) throws {
        if count == 0 && spec.allowsEmpty {
            optionalValues.append(nil)
            return
        }
        guard let value = NumberParsing.parsePence(start, count, grouping: spec.grouping) else {
            throw context.failure(start, count, line: line)
        }
        if spec.allowsEmpty { optionalValues.append(value) } else { values.append(value) }
    }

    func take() -> ColumnValues {
        defer { values = []; optionalValues = [] }
        return spec.allowsEmpty ? .optionalPence(optionalValues) : .pence(values)
    }
}
