import Configuration
import Foundation
import Tables
import TOMLKit

/// Reads a quality-premium scheme from TOML (layout: docs/premium-scheme.md).
///
/// Every key is checked: an unknown key, a value of the wrong type or out of range, measures'
/// weights that do not add up to the stated total, a lower threshold not below the upper, keys
/// that belong to another choice (`prevalence_power` without `basis = "prevalence_adjusted"`)
/// are bad-data errors at the key's file:line:column. A gateway `file` is read relative to the
/// scheme's folder.
public enum PremiumSchemeReader {
    /// Reads a scheme file; `cannotOpen` when it cannot be read, `badData` at the key otherwise.
    public static func read(path: String) throws -> PremiumScheme {
        let root = try TOMLSection.load(path: path)
        let folder = (path as NSString).deletingLastPathComponent
        return try scheme(from: root, folder: folder.isEmpty ? "." : folder)
    }

    /// Parses scheme text; `name` is how the file is called in messages, `folder` where a gateway
    /// file is looked for.
    public static func parse(text: String, name: String, folder: String = ".") throws -> PremiumScheme {
        try scheme(from: TOMLSection.parse(text: text, name: name), folder: folder)
    }

    static func scheme(from root: TOMLSection, folder: String) throws -> PremiumScheme {
        try root.rejectUnknownKeys(allowed: ["scheme", "pot", "standard", "gateway", "eligibility", "limits", "measure"])
        var locations: [String: SourceLocation] = [:]

        guard let header = try root.section("scheme") else { throw root.error(nil, "the [scheme] table is required") }
        try header.rejectUnknownKeys(allowed: ["name", "total_weight", "total_points", "unearned", "exceptions", "consortium_code"])
        let name = try header.requiredString("name")
        let weightKey = try exactlyOne(of: ["total_weight", "total_points"], in: header)
        let weightTotal = try positiveNumber(weightKey, in: header)
        locations["scheme.total_weight"] = header.location(weightKey)
        let unearned = try choice(UnearnedMoney.self, key: "unearned", in: header, required: true)!
        let exceptions = try choice(ExceptionHandling.self, key: "exceptions", in: header, required: false) ?? .subtract
        let consortiumCode = try header.string("consortium_code")
        locations["scheme.consortium_code"] = header.location("consortium_code")

        guard let potSection = try root.section("pot") else { throw root.error(nil, "the [pot] table is required") }
        try potSection.rejectUnknownKeys(allowed: ["amount", "per_head", "reduction_per_failed_standard"])
        let potKey = try exactlyOne(of: ["amount", "per_head"], in: potSection)
        let pot: PotRule = potKey == "amount" ? .fixed(pence: try pence("amount", in: potSection))
            : .perHead(pounds: try nonNegativeNumber("per_head", in: potSection))

        var standards: [NationalStandard] = []
        for standard in try root.sections("standard") {
            try standard.rejectUnknownKeys(allowed: ["name", "met"])
            standards.append(NationalStandard(name: try standard.requiredString("name"), met: try requiredBool("met", in: standard)))
        }
        var reduction = 0.0
        if potSection.has("reduction_per_failed_standard") {
            reduction = try percent("reduction_per_failed_standard", in: potSection)
            if standards.isEmpty {
                throw potSection.error("reduction_per_failed_standard", "a reduction per failed standard needs the standards, listed as [[standard]] tables with name and met")
            }
        } else if !standards.isEmpty {
            throw potSection.error(nil, "the scheme lists [[standard]] tables: state reduction_per_failed_standard (percent of the pot per failed standard)")
        }

        let gateway = try root.section("gateway").map { try readGateway($0, folder: folder, consortiumCode: consortiumCode) }

        var eligibility = EligibilityRule()
        if let section = try root.section("eligibility") {
            try section.rejectUnknownKeys(allowed: ["minimum_list_size", "minimum_denominator"])
            eligibility.minimumListSize = try wholeNumber("minimum_list_size", in: section) ?? 0
            eligibility.minimumDenominator = try wholeNumber("minimum_denominator", in: section) ?? 0
        }

        var limits = PaymentLimits()
        if let section = try root.section("limits") {
            try section.rejectUnknownKeys(allowed: ["cap", "cap_per_head", "floor", "floor_per_head", "floors_for"])
            if let key = try atMostOne(of: ["cap", "cap_per_head"], in: section) {
                limits.cap = key == "cap" ? .pence(try pence(key, in: section)) : .perHead(pounds: try nonNegativeNumber(key, in: section))
                locations["limits.cap"] = section.location(key)
            }
            if let key = try atMostOne(of: ["floor", "floor_per_head"], in: section) {
                limits.floor = key == "floor" ? .pence(try pence(key, in: section)) : .perHead(pounds: try nonNegativeNumber(key, in: section))
                locations["limits.floor"] = section.location(key)
            }
            if section.has("floors_for") {
                guard limits.floor != nil else { throw section.error("floors_for", "says who gets the floor: state floor or floor_per_head too") }
                limits.floorRecipients = try choice(FloorRecipients.self, key: "floors_for", in: section, required: true)!
            }
            if case .pence(let cap)? = limits.cap, case .pence(let floor)? = limits.floor, floor > cap {
                throw section.error("floor", "the floor (\(Money.pounds(floor))) is above the cap (\(Money.pounds(cap)))")
            }
        }

        let measureSections = try root.sections("measure")
        guard !measureSections.isEmpty else { throw root.error(nil, "the scheme has no measures: add [[measure]] tables") }
        let weightName = weightKey == "total_points" ? "points" : "weight"
        var measures: [QualityMeasure] = []
        var seen: [String: SourceLocation] = [:]
        for section in measureSections {
            let measure = try readMeasure(section, weightName: weightName)
            if let first = seen[measure.id] {
                throw section.error("id", "the measure \(DataError.quoted(measure.id)) is defined twice (also at \(first))")
            }
            seen[measure.id] = section.location("id")
            locations["measure.\(measure.id)"] = section.location("id")
            measures.append(measure)
        }
        let weightSum = measures.reduce(0) { $0 + $1.weight }
        if abs(weightSum - weightTotal) > 1e-9 * max(1, weightTotal) {
            let listed = measures.map { "\($0.id) \(Table.formatNumber($0.weight))" }.joined(separator: ", ")
            throw header.error(weightKey, "the measures' \(weightName == "points" ? "points" : "weights") add up to \(Table.formatNumber(weightSum)) (\(listed)), not the stated \(Table.formatNumber(weightTotal))")
        }

        return PremiumScheme(name: name, consortiumCode: consortiumCode, pot: pot, reductionPerFailedStandard: reduction, standards: standards,
                             gateway: gateway, weightTotal: weightTotal, weightName: weightName, measures: measures, eligibility: eligibility,
                             limits: limits, unearned: unearned, exceptions: exceptions, keyLocations: locations, source: root.file)
    }

    static func readMeasure(_ section: TOMLSection, weightName: String) throws -> QualityMeasure {
        try section.rejectUnknownKeys(allowed: [
            "id", "name", weightName, "polarity", "scoring", "lower_threshold", "upper_threshold", "basis", "weighted_list_column",
            "weighted_list_file", "prevalence_power", "population_index", "minimum_denominator",
        ])
        let id = try section.requiredString("id")
        if id.isEmpty || id == "total" {
            throw section.error("id", "expected a measure id as in the achievement file's measure_id (not empty, and not \"total\", which names the summary's total row)")
        }
        let weight = try positiveNumber(weightName, in: section)
        let polarity = try choice(QualityMeasure.Polarity.self, key: "polarity", in: section, required: true)!
        let scoring = try choice(QualityMeasure.Scoring.self, key: "scoring", in: section, required: false) ?? .level
        let lower = try section.requiredNumber("lower_threshold")
        let upper = try section.requiredNumber("upper_threshold")
        if scoring == .level {
            for (key, value) in [("lower_threshold", lower), ("upper_threshold", upper)] where !(0...100).contains(value) {
                throw section.error(key, "expected an achievement in percent, from 0 to 100, found \(Table.formatNumber(value))")
            }
        } else {
            for (key, value) in [("lower_threshold", lower), ("upper_threshold", upper)] where !(-100...100).contains(value) {
                throw section.error(key, "expected an improvement in percentage points, from -100 to 100, found \(Table.formatNumber(value))")
            }
        }
        guard lower < upper else {
            throw section.error("lower_threshold", "the lower threshold (\(Table.formatNumber(lower))) must be below the upper threshold (\(Table.formatNumber(upper)))")
        }

        let basisName = try section.requiredString("basis")
        let basis: PaymentBasis
        switch basisName {
        case "list_size":
            basis = .listSize
        case "weighted_list_size":
            let column = try section.requiredString("weighted_list_column")
            if column.isEmpty { throw section.error("weighted_list_column", "expected the name of a column") }
            let source = try choice(PaymentBasis.WeightedListSource.self, key: "weighted_list_file", in: section, required: false) ?? .practices
            basis = .weightedListSize(column: column, source: source)
        case "prevalence_adjusted":
            let power = try nonNegativeNumber("prevalence_power", in: section)
            let index = try bool("population_index", in: section) ?? true
            basis = .prevalenceAdjusted(power: power, populationIndex: index)
        default:
            throw section.error("basis", "expected \"list_size\", \"weighted_list_size\" or \"prevalence_adjusted\", found \(DataError.quoted(basisName))")
        }
        let only: [(String, String)] = [
            ("weighted_list_column", "weighted_list_size"), ("weighted_list_file", "weighted_list_size"),
            ("prevalence_power", "prevalence_adjusted"), ("population_index", "prevalence_adjusted"),
        ]
        for (key, needed) in only where section.has(key) && basisName != needed {
            throw section.error(key, "applies only with basis = \"\(needed)\" (this measure's basis is \"\(basisName)\")")
        }
        return QualityMeasure(id: id, name: try section.string("name"), weight: weight, polarity: polarity, scoring: scoring,
                              lowerThreshold: lower, upperThreshold: upper, basis: basis,
                              minimumDenominator: try wholeNumber("minimum_denominator", in: section))
    }

    static func readGateway(_ section: TOMLSection, folder: String, consortiumCode: String?) throws -> FinancialGateway {
        try section.rejectUnknownKeys(allowed: ["allocation", "outturn", "file", "on_overspend", "reduction"])
        let onOverspend = try section.requiredString("on_overspend")
        let consequence: FinancialGateway.Consequence
        switch onOverspend {
        case "withhold":
            if section.has("reduction") { throw section.error("reduction", "applies only with on_overspend = \"reduce\"") }
            consequence = .withhold
        case "reduce":
            consequence = .reduce(percent: try percent("reduction", in: section))
        default:
            throw section.error("on_overspend", "expected \"withhold\" or \"reduce\", found \(DataError.quoted(onOverspend))")
        }
        if let file = try section.string("file") {
            for key in ["allocation", "outturn"] where section.has(key) {
                throw section.error(key, "the gateway's figures come from file = \(DataError.quoted(file)): give them there or here, not both")
            }
            let path = file.hasPrefix("/") ? file : (folder as NSString).appendingPathComponent(file)
            let figures = try FinanceFile.read(path: path, consortiumCode: consortiumCode, schemeKey: section.location("file"))
            return FinancialGateway(allocationPence: figures.allocation, outturnPence: figures.outturn, consequence: consequence,
                                    source: figures.source)
        }
        let allocation = try pence("allocation", in: section)
        let outturn = try pence("outturn", in: section)
        return FinancialGateway(allocationPence: allocation, outturnPence: outturn, consequence: consequence, source: "\(section.location())")
    }

    // MARK: Typed values

    static func exactlyOne(of keys: [String], in section: TOMLSection) throws -> String {
        guard let key = try atMostOne(of: keys, in: section) else {
            throw section.error(nil, "state one of \(keys.joined(separator: " or "))")
        }
        return key
    }

    static func atMostOne(of keys: [String], in section: TOMLSection) throws -> String? {
        let present = keys.filter { section.has($0) }
        if present.count > 1 { throw section.error(present[1], "give only one of \(keys.joined(separator: " and "))") }
        return present.first
    }

    static func choice<Value: RawRepresentable & CaseIterable>(_ type: Value.Type, key: String, in section: TOMLSection,
                                                               required: Bool) throws -> Value? where Value.RawValue == String {
        guard let text = try section.string(key) else {
            if required { throw section.error(nil, "the key \"\(key)\" is required") }
            return nil
        }
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
            throw section.error(key, "expected \(allowed), found \(DataError.quoted(text))")
        }
        return value
    }

    static func bool(_ key: String, in section: TOMLSection) throws -> Bool? {
        guard let value = section.table[key] else { return nil }
        guard let flag = value.bool else { throw section.error(key, "expected true or false, found \(section.describe(value))") }
        return flag
    }

    static func requiredBool(_ key: String, in section: TOMLSection) throws -> Bool {
        guard let flag = try bool(key, in: section) else { throw section.error(nil, "the key \"\(key)\" is required") }
        return flag
    }

    static func positiveNumber(_ key: String, in section: TOMLSection) throws -> Double {
        let value = try section.requiredNumber(key)
        guard value > 0 else { throw section.error(key, "expected a number > 0, found \(Table.formatNumber(value))") }
        return value
    }

    static func nonNegativeNumber(_ key: String, in section: TOMLSection) throws -> Double {
        let value = try section.requiredNumber(key)
        guard value >= 0 else { throw section.error(key, "expected a number >= 0, found \(Table.formatNumber(value))") }
        return value
    }

    static func percent(_ key: String, in section: TOMLSection) throws -> Double {
        let value = try section.requiredNumber(key)
        guard (0...100).contains(value) else { throw section.error(key, "expected a percentage from 0 to 100, found \(Table.formatNumber(value))") }
        return value
    }

    static func wholeNumber(_ key: String, in section: TOMLSection) throws -> Int? {
        guard let value = try section.number(key) else { return nil }
        guard value >= 0, value == value.rounded(), value < 1e15 else {
            throw section.error(key, "expected a whole number >= 0, found \(Table.formatNumber(value))")
        }
        return Int(value)
    }

    /// Pounds with at most two decimals, >= 0, as whole pence.
    static func pence(_ key: String, in section: TOMLSection) throws -> Int {
        let value = try section.requiredNumber(key)
        let pence = value * 100
        guard value >= 0, value < 1e13, abs(pence - pence.rounded()) < 1e-6 else {
            throw section.error(key, "expected pounds >= 0 with at most two decimals, found \(Table.formatNumber(value))")
        }
        return Int(pence.rounded())
    }
}
