import Configuration
import Reports
import Tables
import TOMLKit

/// One `[[step]]` table of a pipeline file, read option by option. Every option read is recorded
/// with the value used (its default when absent) for the manifest; `finish()` then rejects any key
/// that no read asked for, naming it. Keys are the command's long option names (`baseline-payment`,
/// `on-unusable`).
final class StepSection {
    let section: TOMLSection
    let kind: String
    let name: String
    /// Inputs by name.
    let inputs: [String: FileReference]
    /// Files earlier steps write, relative to the run folder.
    let earlierOutputs: [String]
    private(set) var recorded: [(String, JSONValue)] = []
    private(set) var reads: [String] = []
    private var keys = ["kind", "name", "title", "description"]

    init(section: TOMLSection, kind: String, name: String, inputs: [String: FileReference], earlierOutputs: [String]) {
        self.section = section
        self.kind = kind
        self.name = name
        self.inputs = inputs
        self.earlierOutputs = earlierOutputs
    }

    /// A bad-data error at a key of this step (or at the step when nil).
    func error(_ key: String?, _ message: String) -> DataError {
        var error = section.error(key, message)
        error.message = "step \"\(name)\" (\(kind)): " + (key.map { "\($0): " } ?? "") + message
        return error
    }

    /// Runs option checks shared with the command, reporting an `OptionError` at the step.
    func check(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let problem as OptionError {
            throw error(nil, problem.message)
        }
    }

    private func record(_ key: String, _ value: JSONValue) {
        keys.append(key)
        recorded.append((key, value))
    }

    private func value(_ key: String) -> TOMLValueConvertible? {
        section.table[key]
    }

    /// A file option: the name of an input, or the file of an earlier step's output.
    func file(_ key: String) throws -> FileReference? {
        guard let raw = value(key) else {
            record(key, .null)
            return nil
        }
        guard let text = raw.string else { throw error(key, "expected the name of an input or an earlier step's output in quotes, found \(section.describe(raw))") }
        let reference: FileReference
        if let input = inputs[text] {
            reference = input
        } else if earlierOutputs.contains(text) {
            reference = .output(file: text)
        } else {
            let inputNames = inputs.keys.sorted().joined(separator: ", ")
            let outputs = earlierOutputs.isEmpty ? "none yet" : earlierOutputs.joined(separator: ", ")
            throw error(key, "\(DataError.quoted(text)) is neither an input ([inputs]: \(inputNames.isEmpty ? "none" : inputNames)) nor the output of an earlier step (\(outputs))")
        }
        record(key, .string(text))
        if !reads.contains(text) { reads.append(text) }
        return reference
    }

    func requiredFile(_ key: String) throws -> FileReference {
        guard let reference = try file(key) else { throw error(nil, "the option \"\(key)\" is required") }
        return reference
    }

    /// A text option; numbers are accepted and written as the command line would take them.
    func text(_ key: String, default defaultValue: String? = nil) throws -> String? {
        guard let raw = value(key) else {
            record(key, .text(defaultValue))
            return defaultValue
        }
        let text: String
        if let string = raw.string {
            text = string
        } else if let integer = raw.int {
            text = String(integer)
        } else if let real = raw.double, real.isFinite {
            text = CSVWriter.format(.number(real))
        } else {
            throw error(key, "expected text, found \(section.describe(raw))")
        }
        record(key, .string(text))
        return text
    }

    func requiredText(_ key: String) throws -> String {
        guard let text = try text(key) else { throw error(nil, "the option \"\(key)\" is required") }
        return text
    }

    func number(_ key: String, default defaultValue: Double? = nil) throws -> Double? {
        guard let raw = value(key) else {
            record(key, .number(defaultValue))
            return defaultValue
        }
        let number = try section.number(raw, key: key)
        record(key, .number(number))
        return number
    }

    func integer(_ key: String, default defaultValue: Int? = nil) throws -> Int? {
        guard let raw = value(key) else {
            record(key, defaultValue.map(JSONValue.integer) ?? .null)
            return defaultValue
        }
        guard let integer = raw.int else { throw error(key, "expected a whole number, found \(section.describe(raw))") }
        record(key, .integer(integer))
        return integer
    }

    func flag(_ key: String, default defaultValue: Bool = false) throws -> Bool {
        guard let raw = value(key) else {
            record(key, .bool(defaultValue))
            return defaultValue
        }
        guard let flag = raw.bool else { throw error(key, "expected true or false, found \(section.describe(raw))") }
        record(key, .bool(flag))
        return flag
    }

    /// A list of texts: an array of strings, or one string for a list of one.
    func texts(_ key: String) throws -> [String] {
        guard let raw = value(key) else {
            record(key, .array([]))
            return []
        }
        var texts: [String] = []
        if let string = raw.string {
            texts = [string]
        } else if let array = raw.array {
            for index in 0..<array.count {
                guard let string = array[index].string else { throw error(key, "expected an array of texts, found \(section.describe(array[index])) in it") }
                texts.append(string)
            }
        } else {
            throw error(key, "expected an array of texts, found \(section.describe(raw))")
        }
        record(key, .array(texts.map(JSONValue.string)))
        return texts
    }

    /// A comma-separated list as the command line takes it (`"95,99.8"`), also written as a TOML
    /// array (`[95, 99.8]`, `["simulation", "analytic"]`).
    func commaList(_ key: String, default defaultValue: String? = nil) throws -> String? {
        guard let raw = value(key), let array = raw.array else { return try text(key, default: defaultValue) }
        var items: [String] = []
        for index in 0..<array.count {
            let element = array[index]
            if let string = element.string {
                items.append(string)
            } else if let integer = element.int {
                items.append(String(integer))
            } else if let real = element.double, real.isFinite {
                items.append(CSVWriter.format(.number(real)))
            } else {
                throw error(key, "expected numbers or texts in the array, found \(section.describe(element))")
            }
        }
        let joined = items.joined(separator: ",")
        record(key, .string(joined))
        return joined
    }

    /// One of an enumeration's spellings.
    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, default defaultValue: Choice) throws -> Choice where Choice.RawValue == String {
        guard value(key) != nil else {
            record(key, .string(defaultValue.rawValue))
            return defaultValue
        }
        let text = try section.string(key)!
        guard let choice = Choice(rawValue: text) else {
            throw error(key, "expected one of \(Choice.allCases.map(\.rawValue).joined(separator: ", ")), found \(DataError.quoted(text))")
        }
        record(key, .string(text))
        return choice
    }

    /// One of an enumeration's spellings, or nil when the key is absent (the statistic's own
    /// default applies, recorded as null).
    func optionalChoice<Choice: RawRepresentable & CaseIterable>(_ key: String, as type: Choice.Type) throws -> Choice? where Choice.RawValue == String {
        guard value(key) != nil else {
            record(key, .null)
            return nil
        }
        return try choice(key, default: Choice.allCases.first!)
    }

    /// Fails on a key no read asked for (a misspelt option cannot be silently ignored).
    func finish() throws {
        do {
            try section.rejectUnknownKeys(allowed: keys)
        } catch var failure as DataError {
            failure.message = "step \"\(name)\" (\(kind)): " + failure.message
            throw failure
        }
    }

    /// The recorded options as a JSON object, in reading order.
    var options: JSONValue {
        .object(recorded)
    }
}
