/// What a column must hold. Parsing is strict: a value that does not match is an error naming the
/// file, line and column; nothing is coerced silently.
public enum ColumnType: Sendable, Equatable {
    /// Any valid UTF-8 text, kept exactly as written (no trimming). Codes such as `A81001` and
    /// `E01000001` are text, so leading zeros are kept.
    case text
    /// A whole number: optional `-`, then ASCII digits; at least `minimum` when one is given.
    case wholeNumber(minimum: Int? = nil)
    /// A decimal number: optional sign, digits with an optional decimal point, optional exponent
    /// (`1.5`, `-2`, `3e-4`, `.5`). `nan`, `inf` and hexadecimal are rejected. At least `minimum`
    /// when one is given.
    case decimal(minimum: Double? = nil)
    /// Pounds with at most two decimals (`12`, `12.5`, `-0.75`), held exactly as whole pence.
    case money
}

/// How digits may be grouped in a number column.
public enum DigitGrouping: Sendable, Equatable {
    /// Digits only (`29199`).
    case none
    /// Thousands may be separated by commas in groups of exactly three (`29,199`, `1,296`,
    /// `1,234,567.5`), as in the IMD 2019 files; an ungrouped number is accepted too. `2,91` and
    /// `29,1999` are errors.
    case commaThousands
}

/// One column the reader should take from a file.
public struct ColumnSpec: Sendable {
    /// The name used by the engine (and in the canonical layout).
    public var name: String
    /// Other header names accepted for the same column (published layouts), tried after `name`.
    public var aliases: [String]
    public var type: ColumnType
    /// When false, a file without the column is an error. When true and absent, the table has no
    /// such column (`Table.has(name)` is false).
    public var optional: Bool
    /// When true an empty field is a missing value (nil); when false it is an error.
    public var allowsEmpty: Bool
    public var grouping: DigitGrouping

    public init(
        _ name: String, _ type: ColumnType = .text, aliases: [String] = [], optional: Bool = false,
        allowsEmpty: Bool = false, grouping: DigitGrouping = .none
    ) {
        self.name = name
        self.aliases = aliases
        self.type = type
        self.optional = optional
        self.allowsEmpty = allowsEmpty
        self.grouping = grouping
    }

    /// What the column expects, as said in error messages.
    public var expectation: String {
        switch type {
        case .text: return "text"
        case .wholeNumber(let minimum):
            if let minimum { return "a whole number >= \(minimum)" }
            return "a whole number"
        case .decimal(let minimum):
            if let minimum { return "a number >= \(Table.formatNumber(minimum))" }
            return "a number"
        case .money: return "an amount in pounds with at most two decimals"
        }
    }
}

/// The columns a reader takes, and how it treats the rest.
public struct Schema: Sendable {
    public var columns: [ColumnSpec]

    public init(_ columns: [ColumnSpec]) {
        self.columns = columns
    }
}

/// Normalises a header name for display and messages: runs of white space (including line breaks
/// inside quoted header fields, as in NHS Digital's payments file) become one space, and the ends
/// are trimmed.
public func normalisedHeaderName(_ name: String) -> String {
    var words: [Substring] = []
    // "\r\n" is one Character in Swift, so it is listed as well as "\r" and "\n".
    for word in name.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" }) {
        words.append(word)
    }
    return words.joined(separator: " ")
}

/// The key by which a header name is matched with the names and aliases a reader knows: its
/// letters and digits only, in lower case. So `Lower CI 95.0 limit`, `LowerCI95.0limit` (the R
/// package fingertipsR's spelling) and `lower_ci_95_0_limit` are one column; so are
/// `Appraisal Costs ` (with the trailing space of some NHS Digital editions), `Appraisal Costs`
/// and `appraisal_costs`, and `Area Code`, `AreaCode` and `area_code`. Publishers change the
/// spacing, punctuation and letter case of their headers between years far more often than the
/// words.
public func headerKey(_ name: String) -> String {
    var key = String.UnicodeScalarView()
    for scalar in name.unicodeScalars {
        if scalar.isASCII {
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A: key.append(scalar)
            case 0x41...0x5A: key.append(Unicode.Scalar(scalar.value + 0x20)!)
            default: break
            }
        } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars { key.append(lower) }
        }
    }
    return String(key)
}
