import ArgumentParser
import Benchmarking
import Foundation
import Indicators
import Pipeline
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
        abstract: "Compare organisations with England, their consortium or their peers (benchmark counts or an OHID Fingertips export): significance, funnel limits with over-dispersion, quintiles.",
        discussion: """
        Input (--counts), in either layout, recognised from the header (docs/layouts/benchmark.md): benchmark counts, one row per indicator x organisation with indicator_id, org_code (or practice_code), numerator (or observed), denominator (or expected), and optionally parent_code (or consortium_code), period, area_type, sex, age_band, category_type, group and indicator_name; or an OHID Fingertips export as downloaded (Indicator ID, Area Code, Count, Denominator, Parent Code, Time period, Area Type, Sex, Age, Category Type, Category, Indicator Name, Value note), in the web tool's spelling or fingertipsR's (AreaCode, Timeperiod). Headers are matched ignoring case, spaces and punctuation. Rows that repeat an earlier row exactly (England once with an empty Parent Code and again under each parent) are read once and counted on standard error; the same indicator, area, period, area type, sex, age, category type and category with other figures is an error naming both lines. Each indicator is benchmarked within each (period, area type, sex, age, category type, category) group against that group's comparator: with --england row, England's row of the same indicator, period, sex, age and category. --area-type and --period keep one area type or period; the rows left out are counted. Rows with an empty Count or Denominator (suppressed): --missing pass (default) writes them with an empty value and the reason in notes, skip leaves them out, error stops; the rows passed or left out are counted on standard error.

        For each organisation: the value with its 95% and 99.8% confidence limits (Wilson for proportions, Byar or exact Poisson for rates and ratios), compared with the comparator value: lower / similar / higher, or better / similar / worse when the indicators file (--indicators: indicator_id, polarity, optional name, statistic, multiplier, england_value) gives a polarity. Funnel limits around the comparator at 95% and 99.8%: exact binomial or Poisson with Spiegelhalter's interpolation (or --funnel normal, or for proportions --funnel wilson: PHEindicatormethods' calculate_funnel_limits, the proportions whose Wilson score interval just reaches the comparator). funnel_significance labels each value against the unadjusted funnel limits as PHEindicatormethods' assign_funnel_significance does: High (0.001), High (0.025), Not significant, Low (0.025), Low (0.001). Over-dispersion: z-scores Winsorised at --winsorise percent in each tail, phi, and when I*phi exceeds the 95% point of chi-square(I-1) (or phi > 1 with --dispersion-test phi-above-one) the limits are widened by additive random effects tau^2 (or by sqrt(phi) with --dispersion-model multiplicative); funnel_flag is taken against the widened limits. Quintile and decile of the value (1 = lowest; ties share the group of their lowest rank). With --change-from, the change since an earlier period (Newcombe difference for proportions, rate ratio on the log scale for rates and ratios).

        Output columns: indicator_id, org_code, value, lowercl, uppercl, comparator, comparator_value, z, significance, funnel_lower_95, funnel_upper_95, funnel_lower_998, funnel_upper_998, quintile, then decile, period, the input's area_type, sex, age_band, category_type and group, parent_code, numerator, denominator, confidence, statistic, method, multiplier, comparator_code, comparator_organisations, lowercl_998, uppercl_998, significance_998, funnel_method, phi, tau2, dispersion_model, adjusted_lower_95, adjusted_upper_95, adjusted_lower_998, adjusted_upper_998, z_adjusted, funnel_flag, funnel_significance, [change columns], notes. Values and limits are times the multiplier (100 for proportions, 100,000 for rates, 1 for ratios by default); tau2 is in squared units of value.

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

    @Option(help: "Rows with an empty numerator or denominator (Fingertips' suppressed values): pass (write them with an empty value and the reason), skip (leave them out and count them) or error.")
    var missing: MissingValuePolicy?

    @Flag(name: .customLong("skip-missing"), help: ArgumentHelp("The same as --missing skip (kept for older scripts).", visibility: .hidden))
    var skipMissing = false

    @Option(help: "Funnel limits: exact (binomial or Poisson, interpolated), normal, or wilson (proportions: PHEindicatormethods' Wilson-score funnel, with its labels in funnel_significance).")
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

    /// The step's options from the command line.
    var options: BenchmarkOptions {
        BenchmarkOptions(counts: countsPath, statistic: statistic, multiplier: multiplier, polarity: polarity, indicators: indicatorsPath,
                         comparator: comparator, england: england, englandCode: englandCode, peers: peersPath, areaType: areaType,
                         period: period, changeFrom: changeFrom, missing: missing ?? (skipMissing ? .skip : .pass), funnel: funnel, winsorise: winsorise,
                         dispersionModel: dispersionModel, dispersionTest: dispersionTest)
    }

    func validate() throws {
        try refuseOutputsOverInputs()
        if skipMissing, let missing, missing != .skip {
            throw ValidationError("--skip-missing contradicts --missing \(missing.rawValue); give only --missing")
        }
        try validatingOptions { try options.validate() }
        if !options.hasFunnels && (svgFolder != nil || curvePath != nil) {
            throw ValidationError("--svg and --curve need one target per funnel: use --comparator england or consortium")
        }
        if labelOutliers < 0 { throw ValidationError("--label-outliers must be 0 or more") }
    }

    func run() throws {
        try reportingErrors {
            let result = try BenchmarkStep.run(options)
            for note in result.notes { printError(note) }
            var outputs: [(StepTable, String?)] = [(result.table, outputPath)]
            if let summaryPath { outputs.append((result.summary, summaryPath)) }
            if let curvePath { outputs.append((result.curveTable(), curvePath)) }
            let documents = svgFolder != nil ? result.funnelPlots(labelOutliers: labelOutliers) : []
            // Everything is computed: now commit the files.
            try StepTable.write(outputs)
            if let svgFolder {
                do {
                    try FileManager.default.createDirectory(atPath: svgFolder, withIntermediateDirectories: true)
                    for document in documents {
                        try RelativePath.writeAtomically(document.svg, to: svgFolder + "/" + document.file)
                    }
                } catch let error as DataError {
                    throw error
                } catch {
                    throw DataError(.cannotCreate, at: SourceLocation(file: svgFolder), "cannot write the SVG files: \(error.localizedDescription)")
                }
            }
        }
    }
}

extension BenchmarkCommand: ReadsAndWritesFiles {
    var inputFiles: [FileOption] {
        [
            FileOption("--counts", countsPath),
            FileOption("--indicators", indicatorsPath),
            FileOption("--peers", peersPath),
        ]
    }

    var outputFiles: [FileOption] {
        [
            FileOption("--out", outputPath),
            FileOption("--summary", summaryPath),
            FileOption("--curve", curvePath),
        ]
    }
}
