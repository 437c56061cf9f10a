import Configuration
import Population
import Tables

/// Reads a parametric cost model from TOML (the format is in docs/risk.md):
///
/// ```toml
/// name = "Illustrative annual cost per person"
/// [[band]]
/// age_band = "65-74"
/// sex = "F"                  # optional: M or F; both sexes when left out
/// need_group = "diabetes"    # optional (then in every band)
/// zero_probability = 0.08
/// tail = "lognormal"         # ln(cost) ~ N(log_mean, log_sd²) for a person with a cost
/// log_mean = 7.2
/// log_sd = 1.3
/// # or: tail = "gamma", shape = 0.9, scale = 3000
/// ```
///
/// Every mistake is a bad-data error at the key's line and column: an unknown key, an age band
/// that does not parse, a sex other than M or F, a probability outside [0, 1], a tail other than
/// lognormal or gamma, a parameter of the other family, a scale, shape or log_sd ≤ 0, and two
/// bands whose ages overlap for the same sex and need group.
public enum CostSpecificationReader {
    static let topLevelKeys = ["name", "description", "status", "band"]
    static let bandKeys = ["age_band", "sex", "need_group", "zero_probability", "tail", "log_mean", "log_sd", "shape", "scale"]

    /// Reads the file at `path`.
    public static func read(path: String) throws -> CostModel {
        try model(from: TOMLSection.load(path: path))
    }

    /// Reads TOML text; `name` names it in messages.
    public static func read(text: String, name: String) throws -> CostModel {
        try model(from: TOMLSection.parse(text: text, name: name))
    }

    static func model(from root: TOMLSection) throws -> CostModel {
        try root.rejectUnknownKeys(allowed: topLevelKeys)
        _ = try root.string("name")
        _ = try root.string("description")
        _ = try root.string("status")
        let sections = try root.sections("band")
        guard !sections.isEmpty else {
            throw root.error(nil, "expected at least one [[band]] table with age_band, zero_probability and a tail")
        }
        var cells: [CostCell] = []
        var distributions: [PersonCostDistribution] = []
        var locations: [SourceLocation] = []
        for section in sections {
            try section.rejectUnknownKeys(allowed: bandKeys)
            let label = try section.requiredString("age_band")
            guard let ages = AgeBand(label: label) else {
                throw section.error("age_band", "expected an age band such as \"0-4\", \"65-74\" or \"85+\", found \(DataError.quoted(label))")
            }
            var sexes = Sex.allCases
            if let sexLabel = try section.string("sex") {
                guard let sex = Sex(label: sexLabel) else {
                    throw section.error("sex", "expected \"M\" or \"F\" (or leave sex out for both), found \(DataError.quoted(sexLabel))")
                }
                sexes = [sex]
            }
            let needGroup = try section.string("need_group")
            if let needGroup, needGroup.isEmpty {
                throw section.error("need_group", "expected a need group name, found an empty text")
            }
            let distribution = PersonCostDistribution.parametric(try parametricCost(section))
            for sex in sexes {
                cells.append(CostCell(sex: sex, ages: ages, needGroup: needGroup))
                distributions.append(distribution)
                locations.append(section.location("age_band"))
            }
        }
        return try CostModel(cells: cells, distributions: distributions, locations: locations, source: root.file)
    }

    static func parametricCost(_ section: TOMLSection) throws -> ParametricCost {
        let zeroProbability = try section.requiredNumber("zero_probability")
        guard zeroProbability >= 0 && zeroProbability <= 1 else {
            throw section.error("zero_probability", "expected a probability from 0 to 1, found \(Table.formatNumber(zeroProbability))")
        }
        guard let family = try section.string("tail") else {
            if zeroProbability == 1 {
                for key in ["log_mean", "log_sd", "shape", "scale"] where section.has(key) {
                    throw section.error(key, "a parameter without a tail; give tail = \"lognormal\" or \"gamma\"")
                }
                return ParametricCost(zeroProbability: 1, tail: nil)
            }
            throw section.error(nil, "the key \"tail\" is required (\"lognormal\" or \"gamma\") when zero_probability is below 1")
        }
        let tail: CostTail
        switch family {
        case "lognormal":
            try reject(["shape", "scale"], in: section, family: "gamma")
            let logMean = try section.requiredNumber("log_mean")
            let logDeviation = try positive("log_sd", section)
            tail = .lognormal(logMean: logMean, logStandardDeviation: logDeviation)
        case "gamma":
            try reject(["log_mean", "log_sd"], in: section, family: "lognormal")
            tail = .gamma(shape: try positive("shape", section), scale: try positive("scale", section))
        default:
            throw section.error("tail", "expected \"lognormal\" or \"gamma\", found \(DataError.quoted(family))")
        }
        try checkFinite(tail, section)
        return ParametricCost(zeroProbability: zeroProbability, tail: tail)
    }

    static func positive(_ key: String, _ section: TOMLSection) throws -> Double {
        let value = try section.requiredNumber(key)
        guard value > 0 else { throw section.error(key, "expected a number > 0, found \(Table.formatNumber(value))") }
        return value
    }

    static func reject(_ keys: [String], in section: TOMLSection, family: String) throws {
        for key in keys where section.has(key) {
            throw section.error(key, "\(key) is a parameter of \(family) tails, not of this band's tail")
        }
    }

    /// The third moment must be finite for the simulation's error bound (E[Y³] overflows for a
    /// lognormal with 3μ + 4.5σ² > 709).
    static func checkFinite(_ tail: CostTail, _ section: TOMLSection) throws {
        guard tail.moment(order: 3).isFinite else {
            throw section.error("tail", "the tail's third moment overflows a double; costs this large are not supported")
        }
    }
}
