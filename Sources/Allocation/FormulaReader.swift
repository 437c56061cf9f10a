import Configuration
import Foundation
import Population
import TOMLKit
import Tables

/// Reads a weighted-capitation formula from TOML (the format is documented in docs/formula.md).
/// Every key that is not part of the format is an error naming the file, line and key, so a
/// misspelt `coeficient` cannot silently fall back to a default.
public enum FormulaReader {
    /// Reads the formula file at `path`. A `weights_file` is looked up relative to the formula's
    /// folder.
    public static func read(path: String) throws -> AllocationFormula {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(.cannotOpen, at: SourceLocation(file: path), "cannot read the formula file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError(.badData, at: SourceLocation(file: path), "the formula file is not UTF-8 text")
        }
        let folder = (path as NSString).deletingLastPathComponent
        return try read(text: text, name: path, folder: folder.isEmpty ? "." : folder)
    }

    /// The files the formula at `path` names (`[age_sex] weights_file` and `shares_file`, relative
    /// to the formula's folder), each with its key: more inputs of a command that reads the
    /// formula. Empty when the formula cannot be read (its errors are reported when it is read).
    public static func namedFiles(path: String) -> [(key: String, path: String)] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
              let document = try? TOMLTable(string: text), let ageSex = document["age_sex"]?.table else { return [] }
        let folder = (path as NSString).deletingLastPathComponent
        return ["weights_file", "shares_file"].compactMap { key in
            guard let file = ageSex[key]?.string, !file.isEmpty else { return nil }
            return (key, file.hasPrefix("/") ? file : ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(file))
        }
    }

    /// Reads a formula from TOML text; `name` is used in messages and `folder` to find a
    /// `weights_file`.
    public static func read(text: String, name: String, folder: String = ".") throws -> AllocationFormula {
        let document: TOMLTable
        do {
            document = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw DataError(.badData, at: SourceLocation(file: name, line: error.source.begin.line, column: error.source.begin.column),
                            "not valid TOML: \(error.description)")
        }
        let root = TOMLSection(table: document, path: [], file: name, locator: TOMLKeyLocator(text: text))
        try root.rejectUnknownKeys(allowed: ["name", "description", "status", "total", "age_sex", "need", "cost",
                                            "list_inflation", "unmet_need", "pace_of_change"])
        var formula = AllocationFormula(population: .registeredPatients, location: SourceLocation(file: name))
        formula.name = try root.string("name")
        formula.description = try root.string("description")
        if let status = try root.string("status") {
            guard status == "illustrative" || status == "published" else {
                throw root.error("status", "expected \"illustrative\" or \"published\", found \(DataError.quoted(status))")
            }
            formula.status = status
        }
        if root.has("total") {
            formula.totalPence = try pence(root, "total")
        }
        if let ageSex = try root.section("age_sex") {
            formula.population = try populationBasis(ageSex, folder: folder)
        }
        var components: [IndexComponent] = []
        for section in try root.sections("need") {
            components.append(try component(section, kind: .need, defaultName: nil))
        }
        for section in try root.sections("cost") {
            components.append(try component(section, kind: .cost, defaultName: nil))
        }
        if let section = try root.section("list_inflation") {
            components.append(try component(section, kind: .listInflation, defaultName: "list_inflation"))
        }
        if let section = try root.section("unmet_need") {
            formula.unmetNeed = try unmetNeed(section)
        }
        try checkNames(components + (formula.unmetNeed.map { [$0.index] } ?? []), root: root)
        formula.components = components
        if let section = try root.section("pace_of_change") {
            try section.rejectUnknownKeys(allowed: ["minimum_growth", "gap_closure", "maximum_growth_over_target"])
            let rule = PaceOfChangeRule(
                minimumGrowth: try section.number("minimum_growth") ?? 0,
                gapClosure: try section.requiredNumber("gap_closure"),
                maximumGrowthOverTarget: try section.number("maximum_growth_over_target"),
                location: section.location())
            formula.paceOfChange = try rule.validated()
        }
        return formula
    }

    /// Pounds with at most two decimals, as whole pence.
    static func pence(_ section: TOMLSection, _ key: String) throws -> Int {
        let pounds = try section.requiredNumber(key)
        let scaled = pounds * 100
        let rounded = scaled.rounded()
        guard pounds >= 0, abs(rounded) < 9e15, abs(scaled - rounded) <= 1e-6 * max(1, abs(scaled)) else {
            throw section.error(key, "expected pounds >= 0 with at most two decimals, found \(pounds)")
        }
        return Int(rounded)
    }

    static func populationBasis(_ section: TOMLSection, folder: String) throws -> PopulationBasis {
        try section.rejectUnknownKeys(allowed: ["weights", "weights_file", "column", "shares_file", "share_column"])
        let given = ["weights", "weights_file", "column", "shares_file"].filter { section.has($0) }
        guard given.count == 1 else {
            throw section.error(nil, given.isEmpty
                ? "expected one of weights, weights_file, column or shares_file"
                : "expected only one of weights, weights_file, column or shares_file, found \(given.joined(separator: " and "))")
        }
        if section.has("share_column") && !section.has("shares_file") {
            throw section.error("share_column", "share_column names the column of a shares_file; give shares_file too")
        }
        if let column = try section.string("column") {
            guard !column.isEmpty else { throw section.error("column", "expected a column name, found an empty text") }
            return .practiceColumn(column)
        }
        if let file = try section.string("shares_file") {
            guard !file.isEmpty else { throw section.error("shares_file", "expected a file name, found an empty text") }
            let column = try section.string("share_column") ?? "need_share"
            guard !column.isEmpty else { throw section.error("share_column", "expected a column name, found an empty text") }
            let path = file.hasPrefix("/") ? file : (folder as NSString).appendingPathComponent(file)
            return .practiceShares(PracticeSharesSource(path: path, column: column, location: section.location("shares_file")))
        }
        if let file = try section.string("weights_file") {
            let path = file.hasPrefix("/") ? file : (folder as NSString).appendingPathComponent(file)
            return .ageSexWeights(try AgeSexWeightsFile.read(path: path))
        }
        let weights = try section.section("weights")!
        var bands: [AgeSexWeights.Band] = []
        for label in weights.table.keys {
            guard let ages = AgeBand(label: label) else {
                throw weights.error(label, "expected an age band such as \"0-4\", \"5-14\" or \"85+\", found \(DataError.quoted(label))")
            }
            let value = weights.table[label]!
            if let sexes = value.table {
                let bySex = TOMLSection(table: sexes, path: weights.path + [label], file: weights.file, locator: weights.locator)
                try bySex.rejectUnknownKeys(allowed: ["M", "F"])
                bands.append(.init(ages: ages, male: try bySex.requiredNumber("M"), female: try bySex.requiredNumber("F"),
                                   location: weights.location(label)))
            } else {
                let both = try weights.number(value, key: label)
                bands.append(.init(ages: ages, male: both, female: both, location: weights.location(label)))
            }
        }
        return .ageSexWeights(try AgeSexWeights(bands: bands, location: section.location("weights")))
    }

    static let componentKeys = ["name", "variable", "source", "form", "coefficient", "table"]

    static func component(_ section: TOMLSection, kind: ComponentKind, defaultName: String?, extraKeys: [String] = []) throws -> IndexComponent {
        try section.rejectUnknownKeys(allowed: componentKeys + extraKeys)
        let name: String
        if let given = try section.string("name") {
            name = given
        } else if let defaultName {
            name = defaultName
        } else {
            throw section.error(nil, "the key \"name\" is required")
        }
        guard isSnakeCase(name) else {
            throw section.error("name", "expected a snake_case name (lower-case letters, digits, _; starting with a letter), found \(DataError.quoted(name))")
        }
        let variable = try section.string("variable") ?? name
        guard !variable.isEmpty else { throw section.error("variable", "expected a column name, found an empty text") }
        let source: VariableSource
        switch try section.string("source") ?? "practices" {
        case "practices": source = .practices
        case "areas": source = .areas
        case let other: throw section.error("source", "expected \"practices\" or \"areas\", found \(DataError.quoted(other))")
        }
        let formName = try section.requiredString("form")
        let form: IndexForm
        switch formName {
        case "value", "table":
            if section.has("coefficient") {
                throw section.error("coefficient", "a coefficient is used only with form = \"linear\" or \"exponential\", not \"\(formName)\"")
            }
            if formName == "value" {
                if section.has("table") { throw section.error("table", "a table is used only with form = \"table\"") }
                form = .value
            } else {
                form = .table(try factorTable(section))
            }
        case "linear", "exponential":
            if section.has("table") { throw section.error("table", "a table is used only with form = \"table\"") }
            let coefficient = try section.requiredNumber("coefficient")
            form = formName == "linear" ? .linear(coefficient: coefficient) : .exponential(coefficient: coefficient)
        default:
            throw section.error("form", "expected \"value\", \"linear\", \"exponential\" or \"table\", found \(DataError.quoted(formName))")
        }
        return IndexComponent(name: name, kind: kind, source: source, variable: variable, form: form, location: section.location())
    }

    static func factorTable(_ section: TOMLSection) throws -> [String: Double] {
        guard let table = try section.section("table") else {
            throw section.error(nil, "form = \"table\" needs a table of factors, e.g. table = { \"1\" = 1.2, \"2\" = 1.1 }")
        }
        var factors: [String: Double] = [:]
        for category in table.table.keys {
            let factor = try table.number(table.table[category]!, key: category)
            guard factor > 0 else { throw table.error(category, "expected a factor > 0, found \(factor)") }
            factors[category] = factor
        }
        guard !factors.isEmpty else { throw table.error(nil, "expected at least one category") }
        return factors
    }

    static func unmetNeed(_ section: TOMLSection) throws -> UnmetNeedAdjustment {
        let index = try component(section, kind: .unmetNeed, defaultName: "unmet_need", extraKeys: ["share", "basis"])
        let share = try section.requiredNumber("share")
        guard share >= 0 && share < 1 else {
            throw section.error("share", "expected a fraction of the total from 0 up to (not including) 1, found \(share)")
        }
        let basisName = try section.string("basis") ?? UnmetNeedBasis.weightedPopulation.rawValue
        guard let basis = UnmetNeedBasis(rawValue: basisName) else {
            throw section.error("basis", "expected \"weighted_population\" or \"registered_patients\", found \(DataError.quoted(basisName))")
        }
        return UnmetNeedAdjustment(share: share, basis: basis, index: index)
    }

    /// Names that other output columns or explanation rows already use.
    static let reservedNames: Set<String> = ["age_sex", "need", "normalisation", "equal_share", "pace_of_change", "budget", "unmet_need", "list_inflation"]

    static func checkNames(_ components: [IndexComponent], root: TOMLSection) throws {
        var seen: Set<String> = []
        for component in components {
            let reservedForOthers = reservedNames.contains(component.name)
                && !(component.kind == .unmetNeed && component.name == "unmet_need")
                && !(component.kind == .listInflation && component.name == "list_inflation")
            if reservedForOthers {
                throw DataError(.badData, at: component.location ?? root.location(),
                                "name: \"\(component.name)\" is reserved (output columns and explanation rows use it); choose another name")
            }
            if !seen.insert(component.name).inserted {
                throw DataError(.badData, at: component.location ?? root.location(),
                                "name: \"\(component.name)\" is used by two components; names must be unique")
            }
        }
    }

    static func isSnakeCase(_ name: String) -> Bool {
        guard let first = name.utf8.first, first >= 97 && first <= 122 else { return false }
        return name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }
}
