/// Finds the line and column where each key of a TOML document is written, so that messages about
/// a formula file can name the place (TOMLKit reports positions only for syntax errors).
///
/// Paths are key names with array positions written `[0]`, `[1]`, … : the `coefficient` of the
/// second `[[need]]` table is `["need", "[1]", "coefficient"]`. The scanner is run only on
/// documents TOMLKit has already accepted, so it skips values without judging them. It knows
/// table headers (`[a.b]`), array-of-tables headers (`[[a]]`), dotted and quoted keys, inline
/// tables and arrays (also nested and spread over lines), basic and literal strings (also
/// multi-line), and comments.
public struct TOMLKeyLocator {
    public struct Position: Equatable, Sendable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    private var positions: [[String]: Position] = [:]

    public init(text: String) {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.scanDocument()
        positions = scanner.found
    }

    /// The position of `path`, or of its longest prefix that was found (the key's table), or nil.
    public func position(of path: [String]) -> Position? {
        var prefix = path
        while !prefix.isEmpty {
            if let position = positions[prefix] { return position }
            prefix.removeLast()
        }
        return nil
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var lineStart = 0
        var found: [[String]: Position] = [:]
        /// How many `[[name]]` tables have been opened, by their full path (without indices).
        var arrayCounts: [[String]: Int] = [:]

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
        }

        var atEnd: Bool { index >= bytes.count }
        var current: UInt8 { bytes[index] }
        var position: Position { Position(line: line, column: index - lineStart + 1) }

        mutating func advance() {
            if bytes[index] == 10 {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }

        mutating func record(_ path: [String], at place: Position) {
            if found[path] == nil { found[path] = place }
        }

        mutating func skipSpaces() {
            while !atEnd && (current == 32 || current == 9) { advance() }
        }

        /// Skips spaces, line breaks and comments.
        mutating func skipBlank() {
            while !atEnd {
                if current == 32 || current == 9 || current == 10 || current == 13 {
                    advance()
                } else if current == 35 {
                    skipComment()
                } else {
                    return
                }
            }
        }

        mutating func skipComment() {
            while !atEnd && current != 10 { advance() }
        }

        mutating func scanDocument() {
            var table: [String] = []
            while true {
                skipBlank()
                if atEnd { return }
                if current == 91 {  // [
                    let place = position
                    advance()
                    let isArray = !atEnd && current == 91
                    if isArray { advance() }
                    skipSpaces()
                    let names = readKey()
                    while !atEnd && current != 10 && current != 35 { advance() }
                    table = resolve(names)
                    if isArray {
                        let count = arrayCounts[names, default: 0]
                        arrayCounts[names] = count + 1
                        table.append("[\(count)]")
                    }
                    record(table, at: place)
                } else {
                    scanKeyValue(in: table)
                }
            }
        }

        /// A header's dotted names with the current index of every array of tables they pass.
        func resolve(_ names: [String]) -> [String] {
            var path: [String] = []
            for (offset, name) in names.enumerated() {
                path.append(name)
                if offset < names.count - 1, let count = arrayCounts[Array(names[...offset])] {
                    path.append("[\(count - 1)]")
                }
            }
            return path
        }

        mutating func scanKeyValue(in table: [String]) {
            let place = position
            let names = readKey()
            if names.isEmpty {
                // Not a key (the scanner only sees valid TOML, so this is a stray byte): move on.
                advance()
                return
            }
            let path = table + names
            record(path, at: place)
            skipSpaces()
            if !atEnd && current == 61 { advance() }  // =
            skipSpaces()
            scanValue(path)
        }

        /// Reads a possibly dotted key of bare or quoted parts; stops before `=` or `]`.
        mutating func readKey() -> [String] {
            var names: [String] = []
            while !atEnd {
                skipSpaces()
                if atEnd { break }
                if current == 34 || current == 39 {
                    names.append(readQuotedKey())
                } else {
                    var name: [UInt8] = []
                    while !atEnd, isBareKeyByte(current) {
                        name.append(current)
                        advance()
                    }
                    if name.isEmpty { break }
                    names.append(String(decoding: name, as: UTF8.self))
                }
                skipSpaces()
                if !atEnd && current == 46 {  // .
                    advance()
                    continue
                }
                break
            }
            return names
        }

        func isBareKeyByte(_ byte: UInt8) -> Bool {
            (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 95 || byte == 45
        }

        mutating func readQuotedKey() -> String {
            let quote = current
            advance()
            var name: [UInt8] = []
            while !atEnd && current != quote && current != 10 {
                if quote == 34 && current == 92 {  // backslash escape: keep the escaped byte
                    advance()
                    if atEnd { break }
                }
                name.append(current)
                advance()
            }
            if !atEnd && current == quote { advance() }
            return String(decoding: name, as: UTF8.self)
        }

        mutating func scanValue(_ path: [String]) {
            guard !atEnd else { return }
            switch current {
            case 34, 39:
                skipString()
            case 123:  // {
                advance()
                while true {
                    skipBlank()
                    if atEnd { return }
                    if current == 125 { advance(); return }
                    if current == 44 { advance(); continue }
                    let place = position
                    let names = readKey()
                    if names.isEmpty { advance(); continue }
                    record(path + names, at: place)
                    skipSpaces()
                    if !atEnd && current == 61 { advance() }
                    skipSpaces()
                    scanValue(path + names)
                }
            case 91:  // [
                advance()
                var element = 0
                while true {
                    skipBlank()
                    if atEnd { return }
                    if current == 93 { advance(); return }
                    if current == 44 {
                        element += 1
                        advance()
                        continue
                    }
                    let elementPath = path + ["[\(element)]"]
                    record(elementPath, at: position)
                    scanValue(elementPath)
                }
            default:
                while !atEnd && current != 44 && current != 93 && current != 125 && current != 10 && current != 35 { advance() }
            }
        }

        mutating func skipString() {
            let quote = current
            let triple = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
            if triple {
                advance(); advance(); advance()
                while !atEnd {
                    if quote == 34 && current == 92 {
                        advance()
                        if !atEnd { advance() }
                        continue
                    }
                    if current == quote && index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote {
                        advance(); advance(); advance()
                        // Up to two more quotes may close the string (`""""` ends with a quote in it).
                        while !atEnd && current == quote { advance() }
                        return
                    }
                    advance()
                }
                return
            }
            advance()
            while !atEnd && current != quote && current != 10 {
                if quote == 34 && current == 92 { advance() }
                if !atEnd { advance() }
            }
            if !atEnd && current == quote { advance() }
        }
    }
}
