import Foundation
import Layouts
import Indicators
import Population
import Statistics
import Tables

/// The options of an indicators step (`consortium indicators`).
public struct IndicatorsOptions: Sendable {
    public var statistic: IndicatorStatistic
    public var input: String
    public var standard: String?
    public var reference: String?
    /// Levels in percent, comma-separated (`95,99.8`).
    public var confidence: String
    /// Normal deviates replacing Φ⁻¹(1 − α/2), one per level, comma-separated (`1.96`); nil to
    /// compute them from the levels.
    public var z: String?
    public var multiplier: Double?
    /// Grouping columns, comma-separated.
    public var groupBy: String?
    public var wide: Bool
    public var suppressBelow: Double?
    public var missing: MissingValuePolicy
    /// Band starts for life expectancy, comma-separated.
    public var ages: String?
    /// The limit method (`LimitMethod` raw value); nil for the statistic's standard one.
    public var method: LimitMethod?
    /// Whether the published value and limits are written beside the computed ones.
    public var comparePublished = false
    /// Threads parsing the input; nil for the processors available. The output does not depend on it.
    public var threads: Int?

    public init(statistic: IndicatorStatistic, input: String, standard: String? = nil, reference: String? = nil, confidence: String = "95",
                multiplier: Double? = nil, groupBy: String? = nil, wide: Bool = false, suppressBelow: Double? = nil,
                missing: MissingValuePolicy = .pass, ages: String? = nil) {
        self.statistic = statistic
        self.input = input
        self.standard = standard
        self.reference = reference
        self.confidence = confidence
        self.multiplier = multiplier
        self.groupBy = groupBy
        self.wide = wide
        self.suppressBelow = suppressBelow
        self.missing = missing
        self.ages = ages
    }

    /// The same options with a limit method and published figures compared or not.
    public func with(method: LimitMethod?, comparePublished: Bool) -> IndicatorsOptions {
        var options = self
        options.method = method
        options.comparePublished = comparePublished
        return options
    }

    /// The same options with `--z` deviates.
    public func withZ(_ z: String?) -> IndicatorsOptions {
        var options = self
        options.z = z
        return options
    }

    /// The module's request from the options (without the standard and reference files).
    public func request() throws -> IndicatorRequest {
        var levels: [ConfidenceLevel] = []
        for item in confidence.split(separator: ",", omittingEmptySubsequences: false) {
            guard let percent = Double(item.trimmingCharacters(in: .whitespaces)), percent > 1, percent < 100 else {
                throw OptionError("--confidence: expected levels in percent between 1 and 100 (e.g. 95,99.8), found \"\(item)\"")
            }
            levels.append(ConfidenceLevel(percent: percent))
        }
        if let z {
            let deviates = z.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard deviates.count == levels.count else {
                throw OptionError("--z: expected one deviate per confidence level (\(levels.count)), found \(deviates.count)")
            }
            levels = try zip(levels, deviates).map { level, deviate in
                guard let deviate, deviate > 0, deviate.isFinite else {
                    throw OptionError("--z: expected positive numbers (e.g. 1.96 or 1.96,3.09), found \"\(z)\"")
                }
                return ConfidenceLevel(percent: 100 * (1 - level.alpha), z: deviate)
            }
        }
        var grouping: [IndicatorColumn]?
        if let groupBy {
            grouping = try groupBy.split(separator: ",", omittingEmptySubsequences: false).map { name in
                guard let column = IndicatorColumn(name: String(name)) else {
                    throw OptionError("--group-by: \"\(name)\" is not one of \(IndicatorColumn.allCases.map(\.name).joined(separator: ", "))")
                }
                return column
            }
        }
        var ageList = [0]
        if let ages {
            guard statistic == .lifeExpectancy else { throw OptionError("--ages is only for --statistic life-expectancy") }
            ageList = try ages.split(separator: ",", omittingEmptySubsequences: false).map {
                guard let age = Int($0.trimmingCharacters(in: .whitespaces)) else { throw OptionError("--ages: expected whole numbers, found \"\($0)\"") }
                return age
            }
        }
        if standard != nil && statistic != .dsr { throw OptionError("--standard is only for --statistic dsr") }
        if reference != nil && statistic != .isratio && statistic != .israte {
            throw OptionError("--reference is only for --statistic isratio or israte")
        }
        if multiplier != nil && !statistic.takesMultiplier { throw OptionError("--multiplier does not apply to \(statistic.rawValue)") }
        if let threads, threads < 1 { throw OptionError("--threads: expected a whole number of at least 1, found \(threads)") }
        var request = IndicatorRequest(statistic: statistic, confidence: levels, multiplier: multiplier, grouping: grouping,
                                       suppressBelow: suppressBelow, missingValues: missing, ages: ageList)
        request.method = method
        request.comparesPublished = comparePublished
        if let problem = request.problem { throw OptionError(problem) }
        return request
    }

    public func validate() throws {
        _ = try request()
    }
}

/// A finished indicators step.
public struct IndicatorsStepResult {
    public var results: IndicatorResults
    /// What was skipped (rows with empty values under `--missing skip`).
    public var notes: [String]
    /// Grouping columns, counts, value, lowercl, uppercl, confidence, statistic, method, … (long,
    /// or wide with `--wide`).
    public var table: StepTable
}

/// `consortium indicators` and a run's indicators step: stream the indicator file in chunks of
/// 65,536 rows through Indicators' `IndicatorComputation` (read ahead on a second thread, or
/// chunk by chunk when the caller watches the rows read).
public enum IndicatorsStep {
    /// `rowsRead` is told the running count of rows read, after each chunk.
    public static func run(_ options: IndicatorsOptions, rowsRead: ((Int) -> Void)? = nil) throws -> IndicatorsStepResult {
        var request = try options.request()
        if let standard = options.standard { request.standard = try StandardPopulation.read(path: standard) }
        if let reference = options.reference {
            request.reference = try ReferenceRates(table: TableReader.read(path: reference, schema: ReferenceRates.schema))
        }
        var computation = try IndicatorComputation(request: request)
        let reader = try TableReader(path: options.input, schema: IndicatorCounts.schema(for: request))
        if let rowsRead {
            // Chunk by chunk, telling the count; the same result as reading ahead on a thread.
            var rows = 0
            while let chunk = try reader.next(maximumRows: 1 << 16) {
                try computation.add(IndicatorCounts(table: chunk))
                rows += chunk.rowCount
                rowsRead(rows)
            }
            try computation.addHeader(of: reader)
        } else {
            try computation.add(chunksOf: reader, threads: options.threads ?? ProcessInfo.processInfo.activeProcessorCount)
        }
        let results = try computation.finish()
        var notes: [String] = []
        if results.passedRows > 0 {
            notes.append(ReadingNotes.passedThrough(source: options.input, count: results.passedRows, figures: "numerator or denominator"))
        }
        if results.repeatedRows > 0 {
            notes.append(ReadingNotes.repeats(source: options.input, count: results.repeatedRows, firstLine: results.firstRepeatLine))
        }
        if request.comparesPublished {
            notes.append(results.agreement.note(source: options.input))
        }
        if results.skippedRows > 0 {
            notes.append("skipped \(results.skippedRows) row\(results.skippedRows == 1 ? "" : "s") of \(options.input) with an empty numerator, denominator or value")
        }
        let wide = options.wide
        let table = StepTable(header: results.header(wide: wide)) { emit in
            try results.forEachRow(wide: wide) { try emit($0) }
        }
        return IndicatorsStepResult(results: results, notes: notes, table: table)
    }
}
