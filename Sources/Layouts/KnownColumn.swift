import Tables

/// A column the engine knows by one name (snake_case, as it writes it) and that publishers have
/// headed in several ways over the years.
///
/// Header names are matched by `headerKey` (letters and digits, lower case), so spacing,
/// punctuation and letter case never matter: `headers` lists only the different *words* a
/// publisher has used (`Time period` and `Year`; `Count` and `x`).
public struct KnownColumn: Sendable, Hashable {
    /// The engine's name of the column (canonical layout, output).
    public let name: String
    /// Every header a publisher has used for it, the usual one first (for messages).
    public let headers: [String]

    public init(_ name: String, headers: [String] = []) {
        self.name = name
        self.headers = headers
    }

    /// The same column, also known by `more` headers.
    public func also(_ more: [String]) -> KnownColumn {
        KnownColumn(name, headers: headers + more.filter { !headers.contains($0) })
    }

    /// The header names tried, the engine's own name first.
    public var candidates: [String] { [name] + headers }

    /// What a reader asks the table reader for: this column by every name it has had.
    public func spec(_ type: ColumnType = .text, optional: Bool = false, allowsEmpty: Bool = false,
                     grouping: DigitGrouping = .none) -> ColumnSpec {
        ColumnSpec(name, type, aliases: headers, optional: optional, allowsEmpty: allowsEmpty, grouping: grouping)
    }

    /// How the column is named in a message: the engine's name, with the publishers' headers.
    public var described: String {
        headers.isEmpty ? name : "\(name) (\(headers.joined(separator: " or ")))"
    }
}

/// The matching keys of a header, to ask which known columns a file has.
public struct HeaderKeys: Sendable {
    public let header: [String]
    private let keys: [String: Int]

    public init(_ header: [String]) {
        self.header = header
        var keys: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            let key = headerKey(name)
            if !key.isEmpty && keys[key] == nil { keys[key] = index + 1 }
        }
        self.keys = keys
    }

    /// Whether the header has a column of this name (by key).
    public func contains(_ name: String) -> Bool { keys[headerKey(name)] != nil }

    /// Whether the header has the column under any of its names.
    public func contains(_ column: KnownColumn) -> Bool { column.candidates.contains { contains($0) } }

    /// The header's own spelling of the column, when it has it.
    public func headerName(of column: KnownColumn) -> String? {
        for candidate in column.candidates {
            if let position = keys[headerKey(candidate)] { return header[position - 1] }
        }
        return nil
    }
}
