import ArgumentParser
import Inequality
import Pipeline

extension InequalityStatistic: ExpressibleByArgument {}
extension IndicatorScale: ExpressibleByArgument {}
extension InequalityDirection: ExpressibleByArgument {}
extension SlopeIndexWeights: ExpressibleByArgument {}

/// `consortium inequality`: SII, RII, gaps, concentration index, Gini, Theil and Atkinson across
/// deprivation groups.
struct InequalityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inequality",
        abstract: "Inequality across deprivation groups: SII and RII with limits, gap and ratio, concentration index, Gini, Theil, Atkinson.",
        discussion: """
        Input (--indicator), long format, either
          counts or amounts per organisation: org_code (or practice_code, Area Code), numerator (or Count), denominator (or Denominator), with the organisation's deprivation group from --deprivation (org_code, deprivation_group, optional imd_score, as written by `consortium needs`) or from a deprivation_group column; or
          one row per group: deprivation_group, numerator, denominator; or, with --statistic value, deprivation_group, value, population and lowercl/uppercl (95%) or se.
        Group 1 is the most deprived. --by names columns whose values make separate analyses (e.g. indicator_id). An OHID Fingertips export is read as it is; keep its practices with --area-type GPs.
        A data frame written for PHEindicatormethods' phe_sii runs unchanged: quantile (or decile), population, x or value with lower_cl/upper_cl or se; rows of area x group give one analysis per area. Columns named otherwise are named as phe_sii's arguments take them: --group-column (quantile), --value-column, --population-column, --lower-column/--upper-column, --se-column, with --by for its group_by columns. docs/layouts/inequality.md lists every name read.
        Exact repeats (England under each parent) are read once and counted; the same row with other figures is an error naming both lines. Rows with a Category Type (breakdowns) are left out and counted. A file of several periods (or indicators, sexes, ages) gives one analysis per period, in a period column; --period chooses one.

        Statistics: proportion (Wilson limits, logit scale), rate (Byar or exact Poisson, log scale), ratio (ratio of sums such as pounds per weighted patient; ratio-estimator limits from the organisations), value (given values and limits). Values are reported times --multiplier (100 for percentages).

        SII: weighted regression of the group values on the midpoints of their cumulative population shares (0 = most deprived end, 1 = least), weights the populations (or --weights inverse-variance). SII = fitted most deprived minus fitted least deprived by default (--direction least-minus-most gives PHEindicatormethods' sign). rii = SII / population-weighted mean; rii_ratio = ratio of the fitted ends. Limits by simulation as phe_sii does (each group drawn from its own limits on the logit, log or natural scale; --reps, --seed; repeatable) and/or analytic (WLS covariance, delta method, t): --interval simulation,analytic. gap and ratio compare group 1 with the last group. The concentration index ranks organisations by imd_score when given (else by group), with the Kakwani-Wagstaff-van Doorslaer standard error; Erreygers and Wagstaff corrections for bounded indicators (proportions, or --bounds). Gini, Theil T and L (with between/within parts by --decompose-by, e.g. consortium_code of the deprivation file) and Atkinson (0.5, 1, 2) are population-weighted over the organisations (or groups).

        Output columns: the --by columns, measure, value, lowercl, uppercl, confidence, method. --groups-out writes each group's population, value and limits.

        Bad data stop with exit 65 naming file and line: a group with no rows or zero population, fewer than --minimum-groups groups, a row without a group, an organisation missing from --deprivation (or skipped and counted with --on-unusable skip).

        Example:
          consortium inequality --indicator fingertips-smoking.csv --area-type GPs --deprivation practice-deciles.csv --statistic proportion --multiplier 100 --interval simulation,analytic --confidence 95,99.8 --seed 1 --out smoking-inequality.csv
        """
    )

    @Option(name: .customLong("indicator"), help: "Indicator CSV: organisation or group rows.")
    var indicatorPath: String

    @Option(name: .customLong("deprivation"), help: "Deprivation groups of organisations: org_code, deprivation_group, optional imd_score.")
    var deprivationPath: String?

    @Option(help: "How group values and limits are formed: proportion, rate, ratio or value.")
    var statistic: InequalityStatistic = .proportion

    @Option(help: "Multiplier of reported values (100 for percentages, 100000 for rates per 100,000).")
    var multiplier: Double = 1

    @Option(help: "With --statistic value: the scale of the values (identity, log for rates, logit for proportions).")
    var scale: IndicatorScale = .identity

    @Option(help: "Sign convention: most-minus-least (default) or least-minus-most (PHEindicatormethods).")
    var direction: InequalityDirection = .mostMinusLeast

    @Option(help: "SII regression weights: population or inverse-variance.")
    var weights: SlopeIndexWeights = .population

    @Option(help: "Confidence levels in percent, comma-separated (95,99.8).")
    var confidence: String = "95"

    @Option(help: "SII limits: simulation, analytic, or both comma-separated.")
    var interval: String = "simulation"

    @Option(help: "Simulation repetitions (at least 1000).")
    var reps: Int = 10_000

    @Option(help: "Simulation seed (the same seed gives the same limits).")
    var seed: UInt64 = 1

    @Option(name: .customLong("groups"), help: "The number of deprivation groups expected (groups must run from 1 to it).")
    var expectedGroups: Int?

    @Option(name: .customLong("minimum-groups"), help: "The fewest groups accepted.")
    var minimumGroups: Int = 5

    @Option(help: "Bounds of the indicator for the Erreygers and Wagstaff corrections, as a,b on the reported scale.")
    var bounds: String?

    @Option(name: .customLong("score-order"), help: "Which imd_score values are deprived: higher or lower.")
    var scoreOrder: DeprivationOrder = .higherIsMoreDeprived

    @Option(help: "Columns of the indicator file whose values make separate analyses, comma-separated.")
    var by: String?

    @Option(name: .customLong("decompose-by"), help: "A column of the deprivation file (e.g. consortium_code) for the between/within Theil parts.")
    var decomposeBy: String?

    @Option(name: .customLong("area-type"), help: "Keep only rows of this Area Type (e.g. GPs); the others are counted on standard error.")
    var areaType: String?

    @Option(help: "Keep only rows of this period (Time period, Year or period); without it a file of several periods gives one analysis per period.")
    var period: String?

    @Option(name: .customLong("organisation-column"), help: "The organisation code column of the indicator file.")
    var organisationColumn: String?

    @Option(name: .customLong("numerator-column"), help: "The numerator column of the indicator file.")
    var numeratorColumn: String?

    @Option(name: .customLong("denominator-column"), help: "The denominator column of the indicator file.")
    var denominatorColumn: String?

    @Option(name: .customLong("group-column"), help: "The deprivation group column of group rows (phe_sii's quantile).")
    var groupColumn: String?

    @Option(name: .customLong("value-column"), help: "With --statistic value: the value column (phe_sii's value).")
    var valueColumn: String?

    @Option(name: .customLong("population-column"), help: "With --statistic value: the population column (phe_sii's population).")
    var populationColumn: String?

    @Option(name: .customLong("lower-column"), help: "With --statistic value: the 95% lower limit column (phe_sii's lower_cl).")
    var lowerColumn: String?

    @Option(name: .customLong("upper-column"), help: "With --statistic value: the 95% upper limit column (phe_sii's upper_cl).")
    var upperColumn: String?

    @Option(name: .customLong("se-column"), help: "With --statistic value: the standard error column (phe_sii's se).")
    var seColumn: String?

    @Option(name: .customLong("on-unusable"), help: "An organisation row without a group, counts or a denominator: error, or skip and count it.")
    var onUnusable: UnusableRowPolicy = .error

    @Option(name: .customLong("groups-out"), help: "Also write the groups: the --by columns, deprivation_group, population, organisations, numerator, denominator, value, lowercl, uppercl (95%).")
    var groupsOutputPath: String?

    @Option(name: .customLong("out"), help: "Output CSV (standard output when absent).")
    var outputPath: String?

    /// The step's options from the command line.
    var options: InequalityStepOptions {
        var options = InequalityStepOptions(
            indicator: indicatorPath, deprivation: deprivationPath, statistic: statistic, multiplier: multiplier, scale: scale,
            direction: direction, weights: weights, confidence: confidence, interval: interval, reps: reps, seed: seed,
            groups: expectedGroups, minimumGroups: minimumGroups, bounds: bounds, scoreOrder: scoreOrder, by: by, decomposeBy: decomposeBy,
            areaType: areaType, organisationColumn: organisationColumn, numeratorColumn: numeratorColumn,
            denominatorColumn: denominatorColumn, onUnusable: onUnusable, period: period)
        options.groupColumn = groupColumn
        options.valueColumn = valueColumn
        options.populationColumn = populationColumn
        options.lowerColumn = lowerColumn
        options.upperColumn = upperColumn
        options.seColumn = seColumn
        return options
    }

    func validate() throws {
        try refuseOutputsOverInputs()
        try validatingOptions { try options.validate() }
    }

    func run() throws {
        try reportingErrors {
            let result = try InequalityStep.run(options)
            var outputs: [(StepTable, String?)] = [(result.estimates, outputPath)]
            if let groupsOutputPath { outputs.append((result.groups, groupsOutputPath)) }
            try StepTable.write(outputs)
            for note in result.readingNotes { printError("note: \(note)") }
            if !result.notes.isEmpty { printError("note: \(indicatorPath): skipped \(result.notes.joined(separator: "; "))") }
        }
    }
}

extension InequalityCommand: ReadsAndWritesFiles {
    var inputFiles: [FileOption] {
        [
            FileOption("--indicator", indicatorPath),
            FileOption("--deprivation", deprivationPath),
        ]
    }

    var outputFiles: [FileOption] {
        [
            FileOption("--out", outputPath),
            FileOption("--groups-out", groupsOutputPath),
        ]
    }
}
