import Population
import Tables

/// The files a premium calculation reads (paths as given on the command line).
public struct PremiumInputFiles: Sendable {
    public var achievement: String
    public var population: String
    public var practices: String?
    public var baselineAchievement: String?

    public init(achievement: String, population: String, practices: String? = nil, baselineAchievement: String? = nil) {
        self.achievement = achievement
        self.population = population
        self.practices = practices
        self.baselineAchievement = baselineAchievement
    }
}

/// Inputs read from files, with notes on rows that were read but not used.
public struct LoadedPremiumInputs: Sendable {
    public var inputs: PremiumInputs
    /// One sentence per kind of row left unused (counts and examples), for standard error.
    public var notes: [String]
}

/// Reads the premium's inputs with the design's layouts (README "Core inputs").
///
/// - Member practices: those of the practices file (`practice_code`, `consortium_code`; only the
///   scheme's `consortium_code` when it states one, which a file of several consortia needs), or
///   without a practices file every practice of the population file.
/// - Registered patients: the population file (`practice_code, sex, age_band, patients`, or NHS
///   Digital's layout), read by `RegisteredLists`; every member needs a list.
/// - Weighted lists: a numeric column of the practices file, or of the population file summed over
///   the practice's rows (NHS Digital's `ALL` total rows left out).
/// - Achievement (`practice_code, measure_id, numerator, denominator[, exceptions]`): whole
///   numbers >= 0, exceptions <= denominator (when subtracted), numerator <= denominator after
///   exceptions, one row per practice and measure. Rows of measures the scheme does not name, and
///   of practices of other consortia in the practices file, are not used and are counted in the
///   notes; a row of a practice unknown to the practices or population file is an error.
/// - The baseline achievement file has the same layout and is needed by measures scored on
///   improvement.
public enum PremiumInputLoader {
    /// Reads the files the scheme needs (see the type's description for the checks).
    public static func load(files: PremiumInputFiles, scheme: PremiumScheme) throws -> LoadedPremiumInputs {
        var notes: [String] = []
        let practicesColumns = scheme.measures.compactMap { measure -> String? in
            if case .weightedListSize(let column, .practices) = measure.basis { return column }
            return nil
        }
        let populationColumns = scheme.measures.compactMap { measure -> String? in
            if case .weightedListSize(let column, .population) = measure.basis { return column }
            return nil
        }

        var frame: PracticeFrame? = nil
        var memberCodes: [String]
        var otherConsortia: Set<String> = []
        var memberSource: String
        if let practicesPath = files.practices {
            let read = try PracticeFrame.read(path: practicesPath, attributes: Array(Set(practicesColumns)).sorted())
            frame = read
            memberSource = practicesPath
            if let code = scheme.consortiumCode {
                memberCodes = read.practices(inConsortium: code).map(\.code)
                if memberCodes.isEmpty {
                    throw scheme.error("scheme.consortium_code", "no practice of \(practicesPath) is in the consortium \(DataError.quoted(code))")
                }
                otherConsortia = Set(read.practices.map(\.code)).subtracting(memberCodes)
            } else {
                let consortia = read.consortiumCodes
                if consortia.count > 1 {
                    throw DataError(.badData, at: SourceLocation(file: practicesPath, columnName: "consortium_code"),
                                    "the practices belong to \(consortia.count) consortia (\(consortia.prefix(5).joined(separator: ", "))\(consortia.count > 5 ? ", …" : "")): state consortium_code in the scheme's [scheme] table")
                }
                memberCodes = read.practices.map(\.code)
            }
        } else {
            if scheme.consortiumCode != nil {
                throw scheme.error("scheme.consortium_code", "choosing a consortium needs the practices file (--practices) to say which practices belong to it")
            }
            if let measure = scheme.measures.first(where: {
                if case .weightedListSize(_, .practices) = $0.basis { return true }
                return false
            }) {
                throw scheme.error("measure.\(measure.id)", "the weighted list comes from the practices file: give --practices (or set weighted_list_file = \"population\")")
            }
            memberCodes = []
            memberSource = files.population
        }

        let lists = try RegisteredLists.read(path: files.population, frame: frame)
        if frame == nil { memberCodes = lists.practiceCodes }
        let totals = lists.totals
        var populationWeighted: [String: [String: Double]] = [:]
        for column in Set(populationColumns) {
            populationWeighted[column] = try weightedLists(path: files.population, column: column)
        }

        var practices: [PremiumPractice] = []
        for code in memberCodes {
            guard let position = lists.index(of: code) else {
                throw DataError(.badData, at: SourceLocation(file: files.population, columnName: "practice_code"),
                                "no registered patients for the member practice \(DataError.quoted(code)) of \(memberSource)")
            }
            var weighted: [String: Double] = [:]
            for column in practicesColumns {
                let value = frame![code]!.attributes[column]!
                guard value >= 0 else {
                    throw DataError(.badData, at: SourceLocation(file: memberSource, columnName: column),
                                    "expected a weighted list >= 0 for the practice \(DataError.quoted(code)), found \(Table.formatNumber(value))")
                }
                weighted[column] = value
            }
            for (column, values) in populationWeighted { weighted[column] = values[code] ?? 0 }
            practices.append(PremiumPractice(code: code, registeredPatients: totals[position], weightedLists: weighted,
                                             location: SourceLocation(file: memberSource, columnName: "practice_code")))
        }

        let members = Set(memberCodes)
        let known = frame.map { Set($0.practices.map(\.code)) } ?? Set(lists.practiceCodes)
        let wanted = Set(scheme.measures.map(\.id))
        let achievement = try readAchievement(path: files.achievement, scheme: scheme, members: members, known: known,
                                              otherConsortia: otherConsortia, wanted: wanted, knownSource: memberSource, notes: &notes)
        var baseline: AchievementTable? = nil
        let improvementMeasures = scheme.measures.filter { $0.scoring == .improvement }
        if let path = files.baselineAchievement {
            if improvementMeasures.isEmpty {
                notes.append("the baseline achievement file \(path) was not used: no measure of the scheme is scored on improvement")
            } else {
                baseline = try readAchievement(path: path, scheme: scheme, members: members, known: known, otherConsortia: otherConsortia,
                                               wanted: Set(improvementMeasures.map(\.id)), knownSource: memberSource, notes: &notes)
            }
        } else if let measure = improvementMeasures.first {
            throw scheme.error("measure.\(measure.id)", "the measure is scored on improvement: give the baseline period's achievement with --baseline-achievement")
        }
        return LoadedPremiumInputs(inputs: PremiumInputs(practices: practices, achievement: achievement, baseline: baseline), notes: notes)
    }

    static let achievementSchema = Schema([
        ColumnSpec("practice_code"), ColumnSpec("measure_id"), ColumnSpec("numerator", .wholeNumber(minimum: 0)),
        ColumnSpec("denominator", .wholeNumber(minimum: 0)), ColumnSpec("exceptions", .wholeNumber(minimum: 0), optional: true),
    ])

    /// Reads an achievement file, keeping the rows of member practices and the scheme's measures.
    static func readAchievement(path: String, scheme: PremiumScheme, members: Set<String>, known: Set<String>, otherConsortia: Set<String>,
                                wanted: Set<String>, knownSource: String, notes: inout [String]) throws -> AchievementTable {
        let table = try TableReader.read(path: path, schema: achievementSchema)
        let codes = table.text("practice_code")
        let measures = table.text("measure_id")
        let numerators = table.wholeNumbers("numerator")
        let denominators = table.wholeNumbers("denominator")
        let exceptions = table.has("exceptions") ? table.wholeNumbers("exceptions") : nil
        var counts: [String: [String: AchievementCount]] = [:]
        var firstLine: [String: [String: Int]] = [:]
        var otherMeasures: [String: Int] = [:]
        var otherConsortiumRows = 0
        for row in 0..<table.rowCount {
            let code = codes[row]
            let measure = measures[row]
            guard known.contains(code) else {
                throw table.error(row: row, column: "practice_code", "the practice \(DataError.quoted(code)) is not in \(knownSource)")
            }
            if let line = firstLine[measure]?[code] {
                throw table.error(row: row, column: "measure_id",
                                  "the practice \(DataError.quoted(code)) has a second row for the measure \(DataError.quoted(measure)) (also line \(line))")
            }
            firstLine[measure, default: [:]][code] = table.lineNumbers[row]
            guard wanted.contains(measure) else {
                otherMeasures[measure, default: 0] += 1
                continue
            }
            guard members.contains(code) else {
                precondition(otherConsortia.contains(code), "PremiumInputLoader: a known practice that is neither member nor of another consortium")
                otherConsortiumRows += 1
                continue
            }
            let excepted = exceptions?[row] ?? 0
            if scheme.exceptions == .subtract && excepted > denominators[row] {
                throw table.error(row: row, column: "exceptions",
                                  "expected exceptions <= the denominator (\(denominators[row])), found \(excepted)")
            }
            let counted = scheme.exceptions == .subtract ? denominators[row] - excepted : denominators[row]
            if numerators[row] > counted {
                let what = scheme.exceptions == .subtract && exceptions != nil ? "the denominator less exceptions (\(counted))" : "the denominator (\(counted))"
                throw table.error(row: row, column: "numerator", "expected a numerator <= \(what), found \(numerators[row])")
            }
            counts[measure, default: [:]][code] = AchievementCount(
                numerator: numerators[row], denominator: denominators[row], exceptions: excepted, location: table.location(row: row),
                denominatorLocation: table.location(row: row, column: "denominator"))
        }
        if !otherMeasures.isEmpty {
            let rows = otherMeasures.values.reduce(0, +)
            let names = otherMeasures.keys.sorted()
            notes.append("\(path): \(rows) rows of \(names.count) measures the scheme does not use were not used (\(names.prefix(6).joined(separator: ", "))\(names.count > 6 ? ", …" : ""))")
        }
        if otherConsortiumRows > 0 {
            notes.append("\(path): \(otherConsortiumRows) rows of practices of other consortia were not used")
        }
        return AchievementTable(source: path, counts: counts)
    }

    static func weightedLists(path: String, column: String) throws -> [String: Double] {
        let schema = Schema([
            ColumnSpec("practice_code", aliases: ["ORG_CODE"]), ColumnSpec("sex", aliases: ["SEX"]),
            ColumnSpec("age_band", aliases: ["AGE_GROUP_5"]), ColumnSpec(column, .decimal(minimum: 0)),
        ])
        let table = try TableReader.read(path: path, schema: schema)
        let codes = table.text("practice_code")
        let sexes = table.text("sex")
        let bands = table.text("age_band")
        let values = table.decimals(column)
        var sums: [String: Double] = [:]
        for row in 0..<table.rowCount where sexes[row] != "ALL" && bands[row] != "ALL" {
            sums[codes[row], default: 0] += values[row]
        }
        return sums
    }
}
