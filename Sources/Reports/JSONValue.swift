import Tables

/// Values compare as JSON reads them: an integer equals the same number written with a fraction
/// (JSON does not tell them apart); object members compare in order.
///
/// A JSON value (RFC 8259) whose text is the same on every machine: object members keep the
/// order they are given in (or are sorted by key when asked), numbers are written in the
/// shortest form that reads back to the same double, strings escape only what JSON requires
/// (quotation mark, reverse solidus, control characters) and keep other characters as UTF-8.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    /// A finite number (non-finite numbers are written as `null`, which JSON has instead).
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Members in the order given.
    case object([(String, JSONValue)])

    public static func == (left: JSONValue, right: JSONValue) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.integer(a), .number(b)), let (.number(b), .integer(a)): return Double(a) == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// An optional text, `null` when absent.
    public static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// An optional number, `null` when absent.
    public static func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }

    /// The member named `key` of an object (nil for other values or a missing key).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The text of a string value.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The elements of an array value.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The value of a number (integer or not).
    public var numberValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    /// The JSON text. `indent` spaces per level (0: everything on one line, no spaces);
    /// `sortKeys` orders object members by key (byte order of UTF-8). Ends without a newline.
    public func rendered(indent: Int = 2, sortKeys: Bool = false) -> String {
        var output = ""
        write(to: &output, indent: indent, level: 0, sortKeys: sortKeys)
        return output
    }

    private func write(to output: inout String, indent: Int, level: Int, sortKeys: Bool) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .number(let value): output += Self.numberText(value)
        case .string(let text): Self.writeString(text, to: &output)
        case .array(let elements):
            if elements.isEmpty { output += "[]"; return }
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                Self.newline(&output, indent: indent, level: level + 1)
                element.write(to: &output, indent: indent, level: level + 1, sortKeys: sortKeys)
            }
            Self.newline(&output, indent: indent, level: level)
            output += "]"
        case .object(let members):
            if members.isEmpty { output += "{}"; return }
            let ordered = sortKeys ? members.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) } : members
            output += "{"
            for (index, member) in ordered.enumerated() {
                if index > 0 { output += "," }
                Self.newline(&output, indent: indent, level: level + 1)
                Self.writeString(member.0, to: &output)
                output += indent > 0 ? ": " : ":"
                member.1.write(to: &output, indent: indent, level: level + 1, sortKeys: sortKeys)
            }
            Self.newline(&output, indent: indent, level: level)
            output += "}"
        }
    }

    private static func newline(_ output: inout String, indent: Int, level: Int) {
        guard indent > 0 else { return }
        output += "\n"
        output += String(repeating: " ", count: indent * level)
    }

    /// A double as JSON: whole values below 10¹⁵ without a decimal point, others in the shortest
    /// round-trip form (the CSV writer's rule); non-finite as `null`.
    static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return CSVWriter.format(.number(value))
    }

    static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
