/// The values of one column, typed as its `ColumnSpec` says.
public enum ColumnValues: Sendable {
    case text([String])
    /// Text stored as one code per row into the column's distinct values.
    case codedText(CodedText)
    case wholeNumbers([Int])
    case optionalWholeNumbers([Int?])
    case decimals([Double])
    case optionalDecimals([Double?])
    case pence([Int])
    case optionalPence([Int?])
}

/// A CSV file read into typed columns, with the physical line of every row kept so that any
/// later check can name the file, line and column of a bad value.
public struct Table: Sendable {
    /// The file name used in messages.
    public let source: String
    /// The header as written in the file (white space normalised).
    public let header: [String]
    public let rowCount: Int
    /// The physical line (1-based) on which each row starts.
    public internal(set) var lineNumbers: [Int]
    var values: [String: ColumnValues]
    /// The 1-based position in the file of each column taken, by its engine name.
    let positions: [String: Int]

    init(source: String, header: [String], rowCount: Int, lineNumbers: [Int], values: [String: ColumnValues], positions: [String: Int]) {
        self.source = source
        self.header = header
        self.rowCount = rowCount
        self.lineNumbers = lineNumbers
        self.values = values
        self.positions = positions
    }

    /// Whether the file had the column (always true for a required column).
    public func has(_ name: String) -> Bool { values[name] != nil }

    /// The values of a text column, one `String` per row.
    public func text(_ name: String) -> [String] {
        switch values[name] {
        case .text(let column)?: return column
        case .codedText(let column)?: return column.strings
        default: wrongType(name, "text")
        }
    }

    /// The values of a text column as codes into its distinct values (the form the reader keeps
    /// them in): equal codes are equal text, so grouping by codes needs no string comparison.
    public func codedText(_ name: String) -> CodedText {
        switch values[name] {
        case .codedText(let column)?: return column
        case .text(let column)?: return CodedText(coding: column)
        default: wrongType(name, "text")
        }
    }

    public func wholeNumbers(_ name: String) -> [Int] {
        guard case .wholeNumbers(let column)? = values[name] else { wrongType(name, "wholeNumbers") }
        return column
    }

    public func optionalWholeNumbers(_ name: String) -> [Int?] {
        switch values[name] {
        case .optionalWholeNumbers(let column)?: return column
        case .wholeNumbers(let column)?: return column.map { $0 }
        default: wrongType(name, "optionalWholeNumbers")
        }
    }

    public func decimals(_ name: String) -> [Double] {
        guard case .decimals(let column)? = values[name] else { wrongType(name, "decimals") }
        return column
    }

    public func optionalDecimals(_ name: String) -> [Double?] {
        switch values[name] {
        case .optionalDecimals(let column)?: return column
        case .decimals(let column)?: return column.map { $0 }
        default: wrongType(name, "optionalDecimals")
        }
    }

    /// Money columns, in whole pence.
    public func pence(_ name: String) -> [Int] {
        guard case .pence(let column)? = values[name] else { wrongType(name, "pence") }
        return column
    }

    public func optionalPence(_ name: String) -> [Int?] {
        switch values[name] {
        case .optionalPence(let column)?: return column
        case .pence(let column)?: return column.map { $0 }
        default: wrongType(name, "optionalPence")
        }
    }

    /// The location of a row (0-based index) and, optionally, one of its columns.
    public func location(row: Int, column name: String? = nil) -> SourceLocation {
        SourceLocation(file: source, line: lineNumbers[row], column: name.flatMap { positions[$0] }, columnName: name)
    }

    /// A bad-data error about one value of the table.
    public func error(row: Int, column name: String? = nil, _ message: String) -> DataError {
        DataError(.badData, at: location(row: row, column: name), message)
    }

    private func wrongType(_ name: String, _ accessor: String) -> Never {
        preconditionFailure("Table \(source): column \(name) is not read as \(accessor) (or was not in the schema)")
    }

    /// A number as the engine writes it: the shortest text that reads back to the same Double.
    public static func formatNumber(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }
}

/// A text column as a code per row and the distinct values the codes stand for: row `r` holds
/// `values[codes[r]]`. Codes number the values in order of first appearance in the file (for one
/// reader; tables from different readers number them independently). `values` may hold values
/// that no row of this table has (met in earlier chunks of the same file).
public struct CodedText: Sendable {
    public let codes: [UInt32]
    public let values: [String]

    public init(codes: [UInt32], values: [String]) {
        self.codes = codes
        self.values = values
    }

    /// Codes the strings in order of first appearance.
    public init(coding strings: [String]) {
        var index: [String: UInt32] = [:]
        var values: [String] = []
        var codes: [UInt32] = []
        codes.reserveCapacity(strings.count)
        for string in strings {
            if let code = index[string] {
                codes.append(code)
            } else {
                let code = UInt32(values.count)
                index[string] = code
                values.append(string)
                codes.append(code)
            }
        }
        self.init(codes: codes, values: values)
    }

    public var count: Int { codes.count }

    public subscript(row: Int) -> String { values[Int(codes[row])] }

    /// One `String` per row.
    public var strings: [String] { codes.map { values[Int($0)] } }
}
