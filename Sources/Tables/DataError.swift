/// Where a value came from: a file, a physical line (1-based, counting line breaks inside quoted
/// fields), and optionally a 1-based field position and the column's name.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var columnName: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
    }

    /// `file:line:column: name` with the parts that are known.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        if let columnName { text += ": \(columnName)" }
        return text
    }
}

/// An error in the data or the files the engine was given. Its `kind` decides the exit code of the
/// CLI (design README: 65 bad data, 66 cannot open an input, 73 cannot create an output).
///
/// The message reads `file:line:column: column: expected X, found "Y"`.
public struct DataError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// A value, a column, a duplicate key, an inconsistency between files (exit 65).
        case badData
        /// An input file cannot be opened or read (exit 66).
        case cannotOpen
        /// An output file cannot be created or written (exit 73).
        case cannotCreate
    }

    public var kind: Kind
    public var location: SourceLocation
    public var message: String

    public init(_ kind: Kind = .badData, at location: SourceLocation, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    /// An error for a value that is not what the column needs.
    public static func unexpected(at location: SourceLocation, expected: String, found: String) -> DataError {
        DataError(.badData, at: location, "expected \(expected), found \(DataError.quoted(found))")
    }

    public var description: String { "\(location): \(message)" }

    /// A found value as it is shown in messages: quoted, control and non-printable characters
    /// escaped, and cut to 60 characters so that a huge field does not flood the terminal.
    public static func quoted(_ text: String) -> String {
        var shown = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 60 { shown += "…"; break }
            switch scalar {
            case "\"": shown += "\\\""
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\t": shown += "\\t"
            case "\u{FFFD}": shown += "\\u{FFFD}"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    shown += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    shown.unicodeScalars.append(scalar)
                }
            }
            count += 1
        }
        return "\"\(shown)\""
    }

    /// Bytes as they are shown in messages: valid UTF-8 as text, anything else as \x.. escapes.
    public static func quoted<Bytes: Collection>(bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if let text = String(validating: bytes, as: UTF8.self) { return quoted(text) }
        var shown = ""
        for byte in bytes.prefix(60) {
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") {
                shown.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                shown += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        if bytes.count > 60 { shown += "…" }
        return "\"\(shown)\""
    }
}
