import Tables

extension JSONValue {
    /// Parses JSON text (RFC 8259), keeping the order of object members. Numbers without a
    /// fraction or exponent that fit an `Int` become `.integer`, the others `.number`. A syntax
    /// error is a bad-data error naming `name`, the line and the column.
    public static func parse(_ text: String, name: String) throws -> JSONValue {
        var parser = JSONParser(bytes: Array(text.utf8), name: name)
        parser.skipWhiteSpace()
        let value = try parser.value(depth: 0)
        parser.skipWhiteSpace()
        guard parser.position == parser.bytes.count else { throw parser.failure("expected the end of the text") }
        return value
    }
}

/// A recursive-descent reader of the JSON grammar, one byte at a time.
struct JSONParser {
    let bytes: [UInt8]
    let name: String
    var position = 0

    init(bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
    }

    func failure(_ message: String) -> DataError {
        var line = 1, column = 1
        for byte in bytes[0..<min(position, bytes.count)] {
            if byte == 10 { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return DataError(.badData, at: SourceLocation(file: name, line: line, column: column), "not valid JSON: \(message)")
    }

    mutating func skipWhiteSpace() {
        while position < bytes.count, [32, 9, 10, 13].contains(bytes[position]) { position += 1 }
    }

    mutating func value(depth: Int) throws -> JSONValue {
        guard depth < 512 else { throw failure("nested too deeply") }
        guard position < bytes.count else { throw failure("expected a value, found the end of the text") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    mutating func literal(_ word: String) throws {
        let expected = Array(word.utf8)
        guard position + expected.count <= bytes.count, Array(bytes[position..<(position + expected.count)]) == expected else {
            throw failure("expected \(word)")
        }
        position += expected.count
    }

    mutating func object(depth: Int) throws -> JSONValue {
        position += 1
        var members: [(String, JSONValue)] = []
        skipWhiteSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
        while true {
            skipWhiteSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw failure("expected a member name in quotes") }
            let key = try string()
            skipWhiteSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw failure("expected ':' after a member name") }
            position += 1
            skipWhiteSpace()
            members.append((key, try value(depth: depth + 1)))
            skipWhiteSpace()
            guard position < bytes.count else { throw failure("expected ',' or '}', found the end of the text") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
            throw failure("expected ',' or '}'")
        }
    }

    mutating func array(depth: Int) throws -> JSONValue {
        position += 1
        var elements: [JSONValue] = []
        skipWhiteSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(elements) }
        while true {
            skipWhiteSpace()
            elements.append(try value(depth: depth + 1))
            skipWhiteSpace()
            guard position < bytes.count else { throw failure("expected ',' or ']', found the end of the text") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(elements) }
            throw failure("expected ',' or ']'")
        }
    }

    mutating func string() throws -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flushRun() {
            scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
            run.removeAll()
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                flushRun()
                return String(scalars)
            }
            if byte < 0x20 { throw failure("a control character inside a string") }
            if byte != UInt8(ascii: "\\") {
                run.append(byte)
                position += 1
                continue
            }
            flushRun()
            position += 1
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hexQuad()
                if (0xD800...0xDBFF).contains(code) {
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                        throw failure("a lone high surrogate")
                    }
                    position += 2
                    let low = try hexQuad()
                    guard (0xDC00...0xDFFF).contains(low) else { throw failure("a high surrogate without its low surrogate") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw failure("an escape that is not a character") }
                scalars.append(scalar)
            default: throw failure("an unknown escape")
            }
        }
        throw failure("a string without its closing quote")
    }

    mutating func hexQuad() throws -> UInt32 {
        guard position + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[position..<(position + 4)], as: UTF8.self), radix: 16) else {
            throw failure("expected four hexadecimal digits after \\u")
        }
        position += 4
        return code
    }

    mutating func number() throws -> JSONValue {
        let start = position
        var isInteger = true
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        while position < bytes.count {
            let byte = bytes[position]
            if byte >= 48 && byte <= 57 { position += 1; continue }
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                isInteger = false
                position += 1
                continue
            }
            break
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isInteger, let integer = Int(text) { return .integer(integer) }
        guard !text.isEmpty, let number = Double(text), number.isFinite else {
            position = start
            throw failure("expected a value")
        }
        return .number(number)
    }
}
