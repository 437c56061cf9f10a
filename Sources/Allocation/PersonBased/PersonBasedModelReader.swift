import Configuration
import Tables
import TOMLKit

/// Reads a person-based model from TOML (the format is docs/pbra-model.md) with the shared
/// Configuration module: every key that is not part of the format is an error naming the file,
/// line and key, and every mistake in a value names the place where it is written.
public enum PersonBasedModelReader {
    static let topLevelKeys = ["response", "intercept", "weights", "need", "supply", "categorical"]
    static let categoricalKeys = ["variable", "role", "reference", "levels"]

    /// Reads the model file at `path` (`cannotOpen` when it cannot be read).
    public static func read(path: String) throws -> PersonBasedModel {
        try read(TOMLSection.load(path: path))
    }

    /// Reads a model from TOML text; `name` is how the file is called in messages.
    public static func read(text: String, name: String) throws -> PersonBasedModel {
        try read(TOMLSection.parse(text: text, name: name))
    }

    static func read(_ root: TOMLSection) throws -> PersonBasedModel {
        try root.rejectUnknownKeys(allowed: topLevelKeys)
        var locations: [String: SourceLocation] = [:]
        var firstKey: [String: String] = [:]
        func claim(_ variable: String, key: String, in section: TOMLSection) throws {
            if let earlier = firstKey[variable] {
                throw section.error(key, "the column \(DataError.quoted(variable)) is already used as \(earlier); a column can play one part only")
            }
            firstKey[variable] = section.displayName(key)
            locations[variable] = section.location(key)
        }
        let response = try root.requiredString("response")
        guard !response.isEmpty else { throw root.error("response", "expected a column name, found an empty text") }
        try claim(response, key: "response", in: root)
        let intercept = try bool(root, "intercept") ?? true
        let weights = try root.string("weights")
        if let weights {
            guard !weights.isEmpty else { throw root.error("weights", "expected a column name, found an empty text") }
            try claim(weights, key: "weights", in: root)
        }
        let need = try stringArray(root, "need") ?? []
        for name in need { try claim(name, key: "need", in: root) }
        let supply = try stringArray(root, "supply") ?? []
        for name in supply { try claim(name, key: "supply", in: root) }
        var categorical: [CategoricalVariable] = []
        for section in try root.sections("categorical") {
            let variable = try categoricalVariable(section, intercept: intercept)
            try claim(variable.variable, key: "variable", in: section)
            categorical.append(variable)
        }
        guard intercept || !need.isEmpty || !supply.isEmpty || !categorical.isEmpty else {
            throw root.error(nil, "the model has no terms: give intercept = true or some need, supply or categorical variables")
        }
        return PersonBasedModel(response: response, intercept: intercept, weights: weights, need: need, supply: supply,
                                categorical: categorical, location: SourceLocation(file: root.file), variableLocations: locations)
    }

    static func categoricalVariable(_ section: TOMLSection, intercept: Bool) throws -> CategoricalVariable {
        try section.rejectUnknownKeys(allowed: categoricalKeys)
        let variable = try section.requiredString("variable")
        guard !variable.isEmpty else { throw section.error("variable", "expected a column name, found an empty text") }
        let roleName = try section.string("role") ?? VariableRole.need.rawValue
        guard let role = VariableRole(rawValue: roleName) else {
            throw section.error("role", "expected \"need\" or \"supply\", found \(DataError.quoted(roleName))")
        }
        let reference = try section.string("reference")
        if reference == nil && intercept {
            throw section.error(nil, "the key \"reference\" is required when the model has an intercept: the level whose effect the intercept holds")
        }
        let levels = try stringArray(section, "levels")
        if let levels {
            var seen: Set<String> = []
            for level in levels where !seen.insert(level).inserted {
                throw section.error("levels", "the level \(DataError.quoted(level)) is listed twice")
            }
            if let reference, !seen.contains(reference) {
                throw section.error("reference", "the reference level \(DataError.quoted(reference)) is not among the declared levels (\(levels.map { DataError.quoted($0) }.joined(separator: ", ")))")
            }
            guard levels.count >= (reference == nil ? 1 : 2) else {
                throw section.error("levels", "expected at least one level besides the reference, found \(levels.count) level\(levels.count == 1 ? "" : "s")")
            }
        }
        return CategoricalVariable(variable: variable, role: role, reference: reference, levels: levels, location: section.location(),
                                   referenceLocation: section.location("reference"))
    }

    /// An array of non-empty texts, or nil when the key is absent.
    static func stringArray(_ section: TOMLSection, _ key: String) throws -> [String]? {
        guard let value = section.table[key] else { return nil }
        guard let array = value.array else {
            throw section.error(key, "expected an array of texts such as [\"a\", \"b\"], found \(section.describe(value))")
        }
        var texts: [String] = []
        for index in 0..<array.count {
            guard let text = array[index].string else {
                throw section.error(key, "expected texts in quotes, found \(section.describe(array[index])) at position \(index + 1)")
            }
            guard !text.isEmpty else { throw section.error(key, "expected a column name, found an empty text at position \(index + 1)") }
            texts.append(text)
        }
        return texts
    }

    /// `true` or `false`, or nil when the key is absent.
    static func bool(_ section: TOMLSection, _ key: String) throws -> Bool? {
        guard let value = section.table[key] else { return nil }
        guard let flag = value.bool else { throw section.error(key, "expected true or false, found \(section.describe(value))") }
        return flag
    }
}
