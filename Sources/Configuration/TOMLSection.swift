import Foundation
import TOMLKit
import Tables

/// One table of a parsed TOML document, with its path, for reading typed values and reporting
/// mistakes at the line where they are written. Every key a reader does not expect is an error.
public struct TOMLSection {
    public let table: TOMLTable
    /// Key names with array positions as `[n]` (see `TOMLKeyLocator`).
    public let path: [String]
    public let file: String
    public let locator: TOMLKeyLocator

    /// The place of a key of this section (or of the section when the key is not found).
    public func location(_ key: String? = nil) -> SourceLocation {
        let full = key.map { path + [$0] } ?? path
        guard let position = locator.position(of: full) else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: position.line, column: position.column)
    }

    /// How a key is named in messages: dotted, array positions left out (`need.coefficient`).
    public func displayName(_ key: String? = nil) -> String {
        let names = path.filter { !$0.hasPrefix("[") } + (key.map { [$0] } ?? [])
        return names.isEmpty ? "the top level" : names.joined(separator: ".")
    }

    public func error(_ key: String?, _ message: String) -> DataError {
        DataError(.badData, at: location(key), "\(displayName(key)): \(message)")
    }

    /// Fails on the first key (in file order) that is not in `allowed`.
    public func rejectUnknownKeys(allowed: [String]) throws {
        let unknown = table.keys.filter { !allowed.contains($0) }
        guard !unknown.isEmpty else { return }
        let first = unknown.min { left, right in
            let l = locator.position(of: path + [left]) ?? TOMLKeyLocator.Position(line: .max, column: .max)
            let r = locator.position(of: path + [right]) ?? TOMLKeyLocator.Position(line: .max, column: .max)
            return (l.line, l.column) < (r.line, r.column)
        }!
        let place = path.isEmpty ? "" : " in [\(displayName())]"
        throw DataError(.badData, at: location(first),
                        "unknown key \"\(first)\"\(place); expected one of: \(allowed.joined(separator: ", "))")
    }

    public func has(_ key: String) -> Bool { table[key] != nil }

    public func string(_ key: String) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw error(key, "expected text in quotes, found \(describe(value))") }
        return text
    }

    public func requiredString(_ key: String) throws -> String {
        guard let text = try string(key) else { throw error(nil, "the key \"\(key)\" is required") }
        return text
    }

    /// A number written as an integer or a float.
    public func number(_ key: String) throws -> Double? {
        guard let value = table[key] else { return nil }
        return try number(value, key: key)
    }

    public func number(_ value: TOMLValueConvertible, key: String) throws -> Double {
        if let integer = value.int { return Double(integer) }
        if let real = value.double, real.isFinite { return real }
        throw error(key, "expected a number, found \(describe(value))")
    }

    public func requiredNumber(_ key: String) throws -> Double {
        guard let number = try number(key) else { throw error(nil, "the key \"\(key)\" is required") }
        return number
    }

    public func section(_ key: String) throws -> TOMLSection? {
        guard let value = table[key] else { return nil }
        guard let nested = value.table else { throw error(key, "expected a table, found \(describe(value))") }
        return TOMLSection(table: nested, path: path + [key], file: file, locator: locator)
    }

    /// The tables of an array of tables (`[[key]]`).
    public func sections(_ key: String) throws -> [TOMLSection] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else {
            throw error(key, "expected an array of tables written [[\(displayName(key))]], found \(describe(value))")
        }
        var sections: [TOMLSection] = []
        for index in 0..<array.count {
            guard let nested = array[index].table else {
                throw error(key, "expected an array of tables written [[\(displayName(key))]], found an array of \(array[index].type)")
            }
            sections.append(TOMLSection(table: nested, path: path + [key, "[\(index)]"], file: file, locator: locator))
        }
        return sections
    }

    public init(table: TOMLTable, path: [String], file: String, locator: TOMLKeyLocator) {
        self.table = table
        self.path = path
        self.file = file
        self.locator = locator
    }

    /// Parses a TOML document; a syntax error is a bad-data error at its line and column.
    /// `name` is how the file is called in messages.
    public static func parse(text: String, name: String) throws -> TOMLSection {
        let document: TOMLTable
        do {
            document = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw DataError(.badData, at: SourceLocation(file: name, line: error.source.begin.line, column: error.source.begin.column),
                            "not valid TOML: \(error.description)")
        }
        return TOMLSection(table: document, path: [], file: name, locator: TOMLKeyLocator(text: text))
    }

    /// Reads and parses a TOML file (`cannotOpen` when it cannot be read).
    public static func load(path: String) throws -> TOMLSection {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(.cannotOpen, at: SourceLocation(file: path), "cannot open the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError(.badData, at: SourceLocation(file: path), "expected UTF-8 text")
        }
        return try parse(text: text, name: path)
    }

    public func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .string: return "text \(DataError.quoted(value.string ?? ""))"
        case .int: return "the integer \(value.int ?? 0)"
        case .double: return "the number \(value.double ?? .nan)"
        case .bool: return "\(value.bool ?? false)"
        case .table: return "a table"
        case .array: return "an array"
        default: return "a \(value.type)"
        }
    }
}
