/// The values of one column, typed as its `ColumnSpec` says.
public enum ColumnValues: Sendable {
    case text([String])
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

    public func text(_ name: String) -> [String] {
        guard case .text(let column)? = values[name] else { wrongType(name, "text") }
        return column
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
