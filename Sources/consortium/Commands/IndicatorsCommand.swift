import Foundation
import ArgumentParser
import Indicators
import Pipeline

extension IndicatorStatistic: ExpressibleByArgument {}
extension MissingValuePolicy: ExpressibleByArgument {}
extension LimitMethod: ExpressibleByArgument {}

/// `consortium indicators`: one statistic with confidence limits for every group of an indicator
/// file. Parses options, reads CSV, calls the Indicators module, writes CSV.
struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "Proportions, rates, DSRs, indirectly standardised ratios and rates, means and life expectancy with confidence limits.",
        discussion: """
        Input: indicator counts (indicator_id, org_code, numerator, denominator; optional period, sex, age_band, group; value for means) or an OHID Fingertips export as downloaded (Indicator ID, Area Code, Area Type, Time period, Sex, Age, Category Type, Category, Count, Denominator, Value; with or without spaces in the names), recognised from the header. Rows repeating an earlier row exactly (England under every parent area) are read once and counted on standard error; rows with the same identity and different figures are an error naming both lines.

        Rows are grouped by --group-by (default: every identity column present, except age_band for dsr, isratio, israte and life-expectancy, which combine a group's rows by age band). Proportions and rates add the rows of a group; means take each row's value as a record.

        Statistics (methods: design/methods.md; output vocabulary of PHEindicatormethods):
          proportion       Wilson score limits; --multiplier 100 (percentage) by default.
          rate             Byar's limits for counts >= 10, exact Poisson below; per 100,000 by default.
          dsr              Dobson limits; European Standard Population 2013 unless --standard FILE (age_band, population); each group is standardised over the run of bands its rows cover (all ages, or e.g. 0-4 to 70-74 for deaths under 75), the same run for every group of an indicator; suppressed when the total count is below 10.
          isratio, israte  observed / expected against --reference FILE (age_band [, sex] [, indicator_id, period, area_type, group], reference_numerator and reference_denominator, or reference_rate per unit of population) or, without it, against the input's own totals (all groups sharing every grouping value but org_code); exact/Byar limits on the observed count. isratio is x1 unless --multiplier (100 for an SMR); israte is per 100,000.
          mean             Student t limits.
          life-expectancy  Chiang II abridged life table (bands 0, 1-4, 5-9 ... 85-89, 90+), Silcocks limits, at --ages (default 0).

        Limit methods (--method): proportion wilson (default), exact-binomial, exact-poisson or byar; rate, isratio and israte byar (default) or exact-poisson; the others have their own. Exact methods use the level; --z replaces the normal quantile of Wilson and Byar.

        --compare-published (proportion, rate; one input row per group): adds published_value, published_lowercl, published_uppercl (the file's Value and Lower/Upper CI limits at 95% and 99.8%, or published_value, published_lower95, ... in indicator counts), difference_value, difference_lowercl, difference_uppercl (ours minus published) and reproduced: yes when every published figure is within half a unit of its last written decimal of ours, no when one is not (or ours is empty), empty when nothing is published. A summary is written on standard error.

        Output (to --out or standard output): grouping columns, numerator, denominator (total_count, total_pop for dsr; observed, expected[, ref_rate] for indirect standardisation; value_sum, value_count, stdev for mean; age, pops_used, dths_used for life expectancy), value, lowercl, uppercl, confidence, statistic, method, suppressed. One row per confidence level, or with --wide one row per group and columns lower95_0cl, upper95_0cl, lower99_8cl, upper99_8cl.

        Exit codes: 0 success, 64 bad options, 65 bad data (file:line:column on standard error; no output file is left), 66 an input cannot be opened, 73 the output cannot be created.

        Example:
          consortium indicators --statistic dsr --input deaths.csv --confidence 95,99.8 --wide --out dsr.csv
          consortium indicators --statistic proportion --input fingertips.csv --missing skip
        """
    )

    @Option(help: "The statistic: proportion, rate, dsr, isratio, israte, mean or life-expectancy.")
    var statistic: IndicatorStatistic

    @Option(help: "The indicator file (canonical counts or a Fingertips export).")
    var input: String

    @Option(help: "A standard population for dsr: columns age_band, population (default: European Standard Population 2013).")
    var standard: String?

    @Option(help: "Reference rates for isratio/israte (default: the input's own totals).")
    var reference: String?

    @Option(help: "Confidence levels in percent, comma-separated (e.g. 95,99.8).")
    var confidence: String = "95"

    @Option(help: "Normal deviates to use instead of the exact quantile of each level, comma-separated (e.g. 1.96, as Fingertips published some years); exact methods use the level.")
    var z: String?

    @Option(help: "The limit method: wilson (proportion default), exact-binomial (Clopper-Pearson), exact-poisson (the count's exact Poisson limits / denominator), byar (Byar's from a count of 10, exact below; rate, isratio, israte default).")
    var method: LimitMethod?

    @Flag(name: .customLong("compare-published"), help: "Read the published value and limits of each row (Fingertips Value, Lower CI 95.0 limit, ...; proportion and rate) and write them beside ours with the differences and whether ours rounds to them.")
    var comparePublished = false

    @Option(help: "The reporting scale (proportion 100, rates and dsr 100000, isratio 1); not for mean or life-expectancy.")
    var multiplier: Double?

    @Option(name: .customLong("group-by"), help: "Grouping columns, comma-separated (canonical or Fingertips names).")
    var groupBy: String?

    @Flag(help: "One row per group with lowerNN_Ncl/upperNN_Ncl columns per level, instead of one row per level.")
    var wide = false

    @Option(name: .customLong("suppress-below"), help: "Blank values whose count is below this, giving the reason in the suppressed column.")
    var suppressBelow: Double?

    @Option(help: "Rows with an empty numerator, denominator or value: pass (default: a proportion or rate is written with an empty value and the reason; other statistics stop), error, or skip (left out). Counts are reported on standard error.")
    var missing: MissingValuePolicy = .pass

    @Option(help: "Ages for life-expectancy, comma-separated band starts (e.g. 0,65).")
    var ages: String?

    @Option(help: "Threads parsing the input (default: the processors available); the output is the same for any number.")
    var threads: Int?

    @Option(help: "The output file (default: standard output).")
    var out: String?

    /// The step's options from the command line.
    var options: IndicatorsOptions {
        var options = IndicatorsOptions(statistic: statistic, input: input, standard: standard, reference: reference, confidence: confidence,
                          multiplier: multiplier, groupBy: groupBy, wide: wide, suppressBelow: suppressBelow, missing: missing, ages: ages).withZ(z)
            .with(method: method, comparePublished: comparePublished)
        options.threads = threads
        return options
    }

    func validate() throws {
        try refuseOutputsOverInputs()
        try validatingOptions { try options.validate() }
    }

    func run() throws {
        try reportingErrors {
            let result = try IndicatorsStep.run(options)
            try StepTable.write([(result.table, out)], threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
            for note in result.notes { printError(note) }
        }
    }
}

extension IndicatorsCommand: ReadsAndWritesFiles {
    var inputFiles: [FileOption] {
        [
            FileOption("--input", input),
            FileOption("--standard", standard),
            FileOption("--reference", reference),
        ]
    }

    var outputFiles: [FileOption] {
        [
            FileOption("--out", out),
        ]
    }
}
