import Benchmarking
import Indicators
import Tables

/// The options of a benchmark step (`consortium benchmark`), as its command line spells them.
public struct BenchmarkOptions: Sendable {
    public var counts: String
    public var statistic: BenchmarkStatistic
    public var multiplier: Double?
    public var polarity: Polarity
    public var indicators: String?
    /// `england`, `consortium` or `peers`.
    public var comparator: String
    /// `pooled`, `row` or a number.
    public var england: String
    public var englandCode: String
    public var peers: String?
    public var areaType: String?
    public var period: String?
    public var changeFrom: String?
    /// Rows with an empty numerator or denominator: `pass` (written with an empty value and the
    /// reason, the default), `skip` (left out and counted) or `error`.
    public var missing: MissingValuePolicy
    public var funnel: FunnelMethod
    public var winsorise: Double
    public var dispersionModel: DispersionModel
    public var dispersionTest: DispersionTest

    public init(counts: String, statistic: BenchmarkStatistic = .proportion, multiplier: Double? = nil, polarity: Polarity = .noJudgement,
                indicators: String? = nil, comparator: String = "england", england: String = "pooled", englandCode: String = "E92000001",
                peers: String? = nil, areaType: String? = nil, period: String? = nil, changeFrom: String? = nil, missing: MissingValuePolicy = .pass,
                funnel: FunnelMethod = .exact, winsorise: Double = 10, dispersionModel: DispersionModel = .additive,
                dispersionTest: DispersionTest = .chiSquare) {
        self.counts = counts
        self.statistic = statistic
        self.multiplier = multiplier
        self.polarity = polarity
        self.indicators = indicators
        self.comparator = comparator
        self.england = england
        self.englandCode = englandCode
        self.peers = peers
        self.areaType = areaType
        self.period = period
        self.changeFrom = changeFrom
        self.missing = missing
        self.funnel = funnel
        self.winsorise = winsorise
        self.dispersionModel = dispersionModel
        self.dispersionTest = dispersionTest
    }

    public func validate() throws {
        guard ["england", "consortium", "peers"].contains(comparator) else {
            throw OptionError("--comparator must be england, consortium or peers, not '\(comparator)'")
        }
        if comparator == "peers" && peers == nil { throw OptionError("--comparator peers needs --peers FILE") }
        if comparator != "peers" && peers != nil { throw OptionError("--peers is used only with --comparator peers") }
        if england != "pooled" && england != "row" && Double(england) == nil {
            throw OptionError("--england must be pooled, row or a number, not '\(england)'")
        }
        if !(winsorise >= 0 && winsorise < 50) { throw OptionError("--winsorise must be at least 0 and below 50 (percent in each tail)") }
        if let multiplier, !(multiplier > 0) { throw OptionError("--multiplier must be greater than 0") }
        if changeFrom != nil && period == nil { throw OptionError("--change-from needs --period (the later period)") }
        if funnel == .wilson && statistic != .proportion {
            throw OptionError("--funnel wilson gives Wilson-score limits for proportions; use --funnel exact or normal for a \(statistic.rawValue)")
        }
    }

    /// Whether each indicator has one funnel target (England or consortium comparators), so
    /// funnel curves and plots can be drawn.
    public var hasFunnels: Bool { comparator != "peers" }
}

/// A finished benchmark step.
public struct BenchmarkStepResult {
    public var results: [IndicatorBenchmark]
    /// The input's breakdown columns (area type, sex, age, category type, category) written
    /// after `period` in every table.
    public var breakdownColumns: [String]
    /// Rows read but not used, and why (area types, periods, empty counts, repeats).
    public var notes: [String]
    /// One row per indicator × organisation (`BenchmarkTable`).
    public var table: StepTable
    /// One row per indicator: phi, its threshold, tau², the model and why, outlier counts.
    public var summary: StepTable

    /// Funnel curve points for plotting (limits over a range of denominators).
    public func curveTable() -> StepTable {
        let curves = results.map { ($0, $0.curves()) }
        return StepTable(header: BenchmarkTable.curveHeader(breakdown: breakdownColumns)) { emit in
            for (result, resultCurves) in curves {
                for curve in resultCurves {
                    for point in curve.points { try emit(BenchmarkTable.curveValues(point, curve: curve, of: result)) }
                }
            }
        }
    }

    /// One funnel plot per indicator (and comparator), as file names and SVG text.
    public func funnelPlots(labelOutliers: Int) -> [(file: String, title: String, svg: String)] {
        var documents: [(file: String, title: String, svg: String)] = []
        let distinguishing = BenchmarkTable.distinguishingValues(results)
        for (index, result) in results.enumerated() where !result.rows.isEmpty {
            let curves = result.curves()
            for curve in curves {
                let title = BenchmarkTable.chartTitle(result, distinguishing: distinguishing[index])
                let plot = FunnelPlotSVG(title: title, xAxisTitle: BenchmarkTable.xAxisTitle(result),
                                         yAxisTitle: BenchmarkTable.yAxisTitle(result), labelledOutliers: labelOutliers)
                documents.append((BenchmarkTable.svgFileName(result, curve: curve, several: curves.count > 1, distinguishing: distinguishing[index]), title,
                                  plot.render(benchmark: result, curve: curve)))
            }
        }
        return documents
    }
}

/// `consortium benchmark` and a run's benchmark step: read the counts, compare each organisation
/// with its comparator, widen funnels for over-dispersion (Benchmarking's `IndicatorBenchmark`).
public enum BenchmarkStep {
    public static func run(_ options: BenchmarkOptions) throws -> BenchmarkStepResult {
        try options.validate()
        let metadata = try options.indicators.map { try IndicatorMetadata.read(table: TableReader.read(path: $0, schema: IndicatorMetadata.schema)) }
        let englandSource: EnglandSource
        switch options.england {
        case "pooled": englandSource = .pooled
        case "row": englandSource = .row(code: options.englandCode)
        default: englandSource = .value(Double(options.england)!)
        }
        let inputOptions = BenchmarkInputOptions(areaType: options.areaType, england: englandSource, period: options.period,
                                                 changeFrom: options.changeFrom, missing: options.missing, statistic: options.statistic,
                                                 multiplier: options.multiplier, polarity: options.polarity, metadata: metadata)
        let table = try TableReader.read(path: options.counts, schema: BenchmarkInput.schema)
        let (indicators, report) = try BenchmarkInput.read(table: table, options: inputOptions)
        let notes = report.notes(source: options.counts)
        let breakdownColumns = indicators.first?.breakdown.columns ?? []
        let choice: ComparatorChoice
        switch options.comparator {
        case "consortium": choice = .consortium
        case "peers": choice = .peers(try PeerAssignments(table: TableReader.read(path: options.peers!, schema: PeerAssignments.schema)))
        default: choice = .england
        }
        let settings = BenchmarkSettings(comparator: choice, funnelMethod: options.funnel,
                                         dispersion: DispersionPolicy(winsorisePercent: options.winsorise, model: options.dispersionModel,
                                                                      test: options.dispersionTest))
        let results = try indicators.map { try IndicatorBenchmark.run($0, settings: settings) }
        let withChange = options.changeFrom != nil
        let main = StepTable(header: BenchmarkTable.header(withChange: withChange, breakdown: breakdownColumns)) { emit in
            for result in results {
                for row in result.rows { try emit(BenchmarkTable.values(row, of: result, withChange: withChange)) }
                for row in result.suppressed { try emit(BenchmarkTable.suppressedValues(row, of: result, withChange: withChange)) }
            }
        }
        let summary = StepTable(header: BenchmarkTable.summaryHeader(breakdown: breakdownColumns)) { emit in
            for result in results { try emit(BenchmarkTable.summaryValues(result)) }
        }
        return BenchmarkStepResult(results: results, breakdownColumns: breakdownColumns, notes: notes, table: main, summary: summary)
    }
}
