import ArgumentParser
import Benchmarking
import Foundation
import Tables

extension BenchmarkStatistic: ExpressibleByArgument {}
extension Polarity: ExpressibleByArgument {}
extension FunnelMethod: ExpressibleByArgument {}
extension DispersionModel: ExpressibleByArgument {}
extension DispersionTest: ExpressibleByArgument {}

/// `consortium benchmark`: organisations against England, their consortium or their peers.
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Compare organisations with England, their consortium or their peers: significance, funnel limits with over-dispersion, quintiles.",
        discussion: """
        Input (--counts): one row per indicator x organisation with indicator_id, org_code, numerator, denominator, and optionally parent_code (the consortium), period, area_type and indicator_name. An OHID Fingertips export is read as it is (Indicator ID, Area Code, Count, Denominator, Parent Code, Time period, Area Type, Indicator Name); choose its practices with --area-type GPs and its England row with --england row.

        For each organisation: the value with its 95% and 99.8% confidence limits (Wilson for proportions, Byar or exact Poisson for rates and ratios), compared with the comparator value: lower / similar / higher, or better / similar / worse when the indicators file (--indicators: indicator_id, polarity, optional name, statistic, multiplier, england_value) gives a polarity. Funnel limits around the comparator at 95% and 99.8%: exact binomial or Poisson with Spiegelhalter's interpolation (or --funnel normal). Over-dispersion: z-scores Winsorised at --winsorise percent in each tail, phi, and when I*phi exceeds the 95% point of chi-square(I-1) (or phi > 1 with --dispersion-test phi-above-one) the limits are widened by additive random effects tau^2 (or by sqrt(phi) with --dispersion-model multiplicative); funnel_flag is taken against the widened limits. Quintile and decile of the value (1 = lowest; ties share the group of their lowest rank). With --change-from, the change since an earlier period (Newcombe difference for proportions, rate ratio on the log scale for rates and ratios).

        Output columns: indicator_id, org_code, value, lowercl, uppercl, comparator, comparator_value, z, significance, funnel_lower_95, funnel_upper_95, funnel_lower_998, funnel_upper_998, quintile, then decile, period, parent_code, numerator, denominator, confidence, statistic, method, multiplier, comparator_code, comparator_organisations, lowercl_998, uppercl_998, significance_998, funnel_method, phi, tau2, dispersion_model, adjusted_lower_95, adjusted_upper_95, adjusted_lower_998, adjusted_upper_998, z_adjusted, funnel_flag, [change columns], notes. Values and limits are times the multiplier (100 for proportions, 100,000 for rates, 1 for ratios by default); tau2 is in squared units of value.

        Example:
          consortium benchmark --counts fingertips-smoking.csv --area-type GPs --england row --polarity lower_is_better --svg plots --out smoking-benchmark.csv
        """
    )

    @Option(name: .customLong("counts"), help: "Indicator counts CSV (canonical layout or a Fingertips export).")
    var countsPath: String

    @Option(name: .customLong("out"), help: "Output CSV (standard output when absent).")
    var outputPath: String?

    @Option(help: "Statistic of indicators the indicators file does not describe.")
    var statistic: BenchmarkStatistic = .proportion

    @Option(help: "Multiplier of values (default: 100 for proportions, 100000 for rates, 1 for ratios).")
    var multiplier: Double?

    @Option(help: "Polarity of indicators the indicators file does not describe.")
    var polarity: Polarity = .noJudgement

    @Option(name: .customLong("indicators"), help: "Indicators metadata CSV: indicator_id, polarity, optional name, statistic, multiplier, england_value.")
    var indicatorsPath: String?

    @Option(help: "Comparator: england, consortium (parent_code) or peers (--peers).")
    var comparator: String = "england"

    @Option(help: "England's value: pooled (over the organisations), row (the row with --england-code), or a number on the output scale.")
    var england: String = "pooled"

    @Option(name: .customLong("england-code"), help: "The org_code of England's row.")
    var englandCode: String = "E92000001"

    @Option(name: .customLong("peers"), help: "Peers CSV (org_code, peer_code[, peer_rank]) as written by `consortium peers`.")
    var peersPath: String?

    @Option(name: .customLong("area-type"), help: "Keep only rows of this area type (e.g. GPs); the others are counted on standard error.")
    var areaType: String?

    @Option(help: "The period to benchmark when the file has several.")
    var period: String?

    @Option(name: .customLong("change-from"), help: "An earlier period: add the change since then, with its 95% interval.")
    var changeFrom: String?

    @Flag(name: .customLong("skip-missing"), help: "Leave out (and count) rows with an empty numerator or denominator instead of failing.")
    var skipMissing = false

    @Option(help: "Funnel limits: exact (binomial or Poisson, interpolated) or normal.")
    var funnel: FunnelMethod = .exact

    @Option(help: "Percentage of z-scores Winsorised in each tail before phi is estimated.")
    var winsorise: Double = 10

    @Option(name: .customLong("dispersion-model"), help: "Widening applied when over-dispersed: additive, multiplicative or none.")
    var dispersionModel: DispersionModel = .additive

    @Option(name: .customLong("dispersion-test"), help: "When to widen: chi-square (I*phi above the 95% point of chi-square(I-1)) or phi-above-one.")
    var dispersionTest: DispersionTest = .chiSquare

    @Option(name: .customLong("summary"), help: "Write one row per indicator: phi, its threshold, tau2, the model and why, outlier counts.")
    var summaryPath: String?

    @Option(name: .customLong("curve"), help: "Write funnel curve points (limits over a range of denominators) for plotting.")
    var curvePath: String?

    @Option(name: .customLong("svg"), help: "Write one funnel plot per indicator as SVG into this folder (created if missing).")
    var svgFolder: String?

    @Option(name: .customLong("label-outliers"), help: "How many outliers beyond the 99.8% limits the SVG labels.")
    var labelOutliers: Int = 12

    func validate() throws {
        guard ["england", "consortium", "peers"].contains(comparator) else {
            throw ValidationError("--comparator must be england, consortium or peers, not '\(comparator)'")
        }
        if comparator == "peers" && peersPath == nil { throw ValidationError("--comparator peers needs --peers FILE") }
        if comparator != "peers" && peersPath != nil { throw ValidationError("--peers is used only with --comparator peers") }
        if comparator == "peers" && (svgFolder != nil || curvePath != nil) {
            throw ValidationError("--svg and --curve need one target per funnel: use --comparator england or consortium")
        }
        if england != "pooled" && england != "row" && Double(england) == nil {
            throw ValidationError("--england must be pooled, row or a number, not '\(england)'")
        }
        if !(winsorise >= 0 && winsorise < 50) { throw ValidationError("--winsorise must be at least 0 and below 50 (percent in each tail)") }
        if let multiplier, !(multiplier > 0) { throw ValidationError("--multiplier must be greater than 0") }
        if changeFrom != nil && period == nil { throw ValidationError("--change-from needs --period (the later period)") }
        if labelOutliers < 0 { throw ValidationError("--label-outliers must be 0 or more") }
    }

    func run() throws {
        try reportingErrors {
            let metadata = try indicatorsPath.map { try IndicatorMetadata.read(table: TableReader.read(path: $0, schema: IndicatorMetadata.schema)) }
            let englandSource: EnglandSource
            switch england {
            case "pooled": englandSource = .pooled
            case "row": englandSource = .row(code: englandCode)
            default: englandSource = .value(Double(england)!)
            }
            let options = BenchmarkInputOptions(areaType: areaType, england: englandSource, period: period, changeFrom: changeFrom, skipMissing: skipMissing,
                                                statistic: statistic, multiplier: multiplier, polarity: polarity, metadata: metadata)
            let table = try TableReader.read(path: countsPath, schema: BenchmarkInput.schema)
            let (indicators, report) = try BenchmarkInput.read(table: table, options: options)
            if report.rowsUsed != report.rowsRead { printError("\(countsPath): \(report.summary)") }

            let choice: ComparatorChoice
            switch comparator {
            case "consortium": choice = .consortium
            case "peers": choice = .peers(try PeerAssignments(table: TableReader.read(path: peersPath!, schema: PeerAssignments.schema)))
            default: choice = .england
            }
            let settings = BenchmarkSettings(comparator: choice, funnelMethod: funnel,
                                             dispersion: DispersionPolicy(winsorisePercent: winsorise, model: dispersionModel, test: dispersionTest))
            let results = try indicators.map { try IndicatorBenchmark.run($0, settings: settings) }

            let output = try CSVWriter(path: outputPath, header: BenchmarkTable.header(withChange: changeFrom != nil))
            for result in results {
                for row in result.rows { try output.write(BenchmarkTable.values(row, of: result, withChange: changeFrom != nil)) }
            }
            var summary: CSVWriter?
            if let summaryPath {
                let writer = try CSVWriter(path: summaryPath, header: BenchmarkTable.summaryHeader)
                for result in results { try writer.write(BenchmarkTable.summaryValues(result)) }
                summary = writer
            }
            let curves = (curvePath != nil || svgFolder != nil) ? results.map { ($0, $0.curves()) } : []
            var curveWriter: CSVWriter?
            if let curvePath {
                let writer = try CSVWriter(path: curvePath, header: BenchmarkTable.curveHeader)
                for (result, resultCurves) in curves {
                    for curve in resultCurves {
                        for point in curve.points { try writer.write(BenchmarkTable.curveValues(point, curve: curve, of: result)) }
                    }
                }
                curveWriter = writer
            }
            var documents: [(path: String, text: String)] = []
            if let svgFolder {
                for (result, resultCurves) in curves {
                    for curve in resultCurves {
                        let plot = FunnelPlotSVG(title: BenchmarkTable.chartTitle(result), xAxisTitle: BenchmarkTable.xAxisTitle(result),
                                                 yAxisTitle: BenchmarkTable.yAxisTitle(result), labelledOutliers: labelOutliers)
                        let name = BenchmarkTable.svgFileName(result, curve: curve, several: resultCurves.count > 1)
                        documents.append((svgFolder + "/" + name, plot.render(benchmark: result, curve: curve)))
                    }
                }
            }
            // Everything is computed: now commit the files.
            try output.commit()
            try summary?.commit()
            try curveWriter?.commit()
            if let svgFolder {
                do {
                    try FileManager.default.createDirectory(atPath: svgFolder, withIntermediateDirectories: true)
                    for document in documents {
                        try Data(document.text.utf8).write(to: URL(fileURLWithPath: document.path), options: .atomic)
                    }
                } catch {
                    throw DataError(.cannotCreate, at: SourceLocation(file: svgFolder), "cannot write the SVG files: \(error.localizedDescription)")
                }
            }
        }
    }
}


/// The CSV layout of `consortium benchmark`'s outputs: column names and the values of a row, in
/// the order of the design's contract (README, Core outputs: benchmark). No formulas here.
enum BenchmarkTable {
    static func header(withChange: Bool) -> [String] {
        var columns = [
            "indicator_id", "org_code", "value", "lowercl", "uppercl", "comparator", "comparator_value", "z", "significance",
            "funnel_lower_95", "funnel_upper_95", "funnel_lower_998", "funnel_upper_998", "quintile",
            "decile", "period", "parent_code", "numerator", "denominator", "confidence", "statistic", "method", "multiplier",
            "comparator_code", "comparator_organisations", "lowercl_998", "uppercl_998", "significance_998", "funnel_method",
            "phi", "tau2", "dispersion_model", "adjusted_lower_95", "adjusted_upper_95", "adjusted_lower_998", "adjusted_upper_998",
            "z_adjusted", "funnel_flag",
        ]
        if withChange {
            columns += ["previous_period", "previous_value", "change", "change_lowercl", "change_uppercl", "change_measure", "change_significance"]
        }
        columns.append("notes")
        return columns
    }

    static func values(_ row: OrganisationBenchmark, of result: IndicatorBenchmark, withChange: Bool) -> [CSVValue] {
        func number(_ value: Double?) -> CSVValue { value.map { .number($0) } ?? .missing }
        func text(_ value: String?) -> CSVValue { value.map { .text($0) } ?? .missing }
        var values: [CSVValue] = [
            .text(result.indicatorId), .text(row.organisationCode), .number(row.value), .number(row.lower95), .number(row.upper95),
            .text(result.comparatorName), number(row.comparatorValue), number(row.z), text(row.significance95?.rawValue),
            number(row.funnel?.lower95), number(row.funnel?.upper95), number(row.funnel?.lower998), number(row.funnel?.upper998),
            .wholeNumber(row.quintile),
            .wholeNumber(row.decile), text(result.period), text(row.parentCode), .number(row.numerator), .number(row.denominator),
            .text("95%"), .text(result.statistic.rawValue), .text(row.intervalMethod), .number(result.multiplier),
            text(row.comparator.code), .wholeNumber(row.comparator.organisations), .number(row.lower998), .number(row.upper998),
            text(row.significance998?.rawValue), .text(result.funnelMethod.rawValue),
            number(result.dispersion.phi), .number(result.dispersion.tauSquared * result.multiplier * result.multiplier),
            .text(result.dispersion.model.rawValue),
            number(row.adjusted?.lower95), number(row.adjusted?.upper95), number(row.adjusted?.lower998), number(row.adjusted?.upper998),
            number(row.adjustedZ), text(row.position?.rawValue),
        ]
        if withChange {
            values += [
                text(result.previousPeriod), number(row.change?.previousValue), number(row.change?.change), number(row.change?.lower),
                number(row.change?.upper), text(row.change?.measure.rawValue), text(row.change?.significance.rawValue),
            ]
        }
        values.append(.text(row.notes.joined(separator: "; ")))
        return values
    }

    static let summaryHeader = [
        "indicator_id", "period", "statistic", "multiplier", "comparator", "organisations", "comparator_value", "winsorise_percent",
        "winsorised_lower_z", "winsorised_upper_z", "phi", "phi_threshold", "tau2", "dispersion_model", "dispersion_reason",
        "outside_95", "outside_998", "outside_998_unadjusted",
    ]

    static func summaryValues(_ result: IndicatorBenchmark) -> [CSVValue] {
        let dispersion = result.dispersion
        let targets = Set(result.rows.compactMap(\.comparatorValue))
        return [
            .text(result.indicatorId), result.period.map { .text($0) } ?? .missing, .text(result.statistic.rawValue), .number(result.multiplier),
            .text(result.comparatorName), .wholeNumber(result.rows.count), targets.count == 1 ? .number(targets.first!) : .missing,
            dispersion.winsorisation.map { .number($0.percent) } ?? .missing,
            dispersion.winsorisation.map { .number($0.lowerCut) } ?? .missing, dispersion.winsorisation.map { .number($0.upperCut) } ?? .missing,
            .number(dispersion.phi), .number(dispersion.phiThreshold), .number(dispersion.tauSquared * result.multiplier * result.multiplier),
            .text(dispersion.model.rawValue), .text(dispersion.reason),
            .wholeNumber(result.rows.filter { $0.position?.isBeyond95 == true }.count),
            .wholeNumber(result.rows.filter { $0.position?.isBeyond998 == true }.count),
            .wholeNumber(result.rows.filter { row in row.funnel.map { $0.position(of: row.value).isBeyond998 } ?? false }.count),
        ]
    }

    static let curveHeader = [
        "indicator_id", "period", "comparator", "comparator_code", "target", "denominator",
        "funnel_lower_998", "funnel_lower_95", "funnel_upper_95", "funnel_upper_998",
        "adjusted_lower_998", "adjusted_lower_95", "adjusted_upper_95", "adjusted_upper_998", "dispersion_model",
    ]

    static func curveValues(_ point: FunnelCurvePoint, curve: FunnelCurve, of result: IndicatorBenchmark) -> [CSVValue] {
        [
            .text(result.indicatorId), result.period.map { .text($0) } ?? .missing, .text(result.comparatorName),
            curve.comparatorCode.map { .text($0) } ?? .missing, .number(curve.target), .number(point.denominator),
            .number(point.funnel.lower998), .number(point.funnel.lower95), .number(point.funnel.upper95), .number(point.funnel.upper998),
            .number(point.adjusted.lower998), .number(point.adjusted.lower95), .number(point.adjusted.upper95), .number(point.adjusted.upper998),
            .text(result.dispersion.model.rawValue),
        ]
    }

    static func chartTitle(_ result: IndicatorBenchmark) -> String {
        (result.name ?? "Indicator \(result.indicatorId)") + (result.name != nil ? " (\(result.indicatorId))" : "")
    }

    static func xAxisTitle(_ result: IndicatorBenchmark) -> String {
        switch result.statistic {
        case .proportion: return "Denominator"
        case .rate: return "Denominator (person-time or population)"
        case .ratio: return "Expected count"
        }
    }

    static func yAxisTitle(_ result: IndicatorBenchmark) -> String {
        switch (result.statistic, result.multiplier) {
        case (.proportion, 100): return "Value (%)"
        case (.proportion, 1): return "Proportion"
        case (.ratio, 1): return "Ratio (observed / expected)"
        default:
            let multiplier = result.multiplier
            guard multiplier >= 1, multiplier == multiplier.rounded(), multiplier < 1e15 else { return "Value × \(Table.formatNumber(multiplier))" }
            var digits = String(Int64(multiplier))
            var grouped = ""
            while digits.count > 3 {
                grouped = "," + digits.suffix(3) + grouped
                digits.removeLast(3)
            }
            return "Value per " + digits + grouped
        }
    }

    /// `<indicator>[_<period>][_<comparator code>].svg`, with characters other than letters,
    /// digits, `-` and `_` replaced by `-`.
    static func svgFileName(_ result: IndicatorBenchmark, curve: FunnelCurve, several: Bool) -> String {
        var parts = [result.indicatorId]
        if let period = result.period { parts.append(period) }
        if several, let code = curve.comparatorCode { parts.append(code) }
        let name = parts.joined(separator: "_")
        let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
        return safe + ".svg"
    }
}
