import ArgumentParser
import Foundation
import Pipeline
import Risk
import Tables

/// `consortium risk`: how likely each consortium is to overspend its budget, the reserve it
/// needs, and what pooling buys — by seeded Monte Carlo beside the normal approximation.
struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Financial risk: probability of overspend, reserves and what pooling buys (seeded Monte Carlo).",
        discussion: """
        Per-person annual costs come from --costs (a TOML file: per sex and age band, and need group where given, a probability of zero cost and a lognormal or gamma tail) or --persons (a CSV file of persons: sex, age_band, cost, optionally practice_code and need_group; each cell's costs are resampled). Persons are counted from --population (registered lists: practice_code, sex, age_band, patients; NHS Digital's layout too) or, without it, from the practice_code column of --persons. Practices are grouped into consortia by --mapping (practice_code, consortium_code; a practices file serves); without it each practice is its own group.

        Budgets come from --budgets (consortium_code, budget) or are the expected spend times (1 + --margin). For every consortium the output has one row per arrangement: none, high_cost_pool (with --high-cost-threshold: the pool pays each person's cost above the threshold, and each consortium pays in its own expected excess), risk_share (with --pools and --pool-share: a fraction of each overspend is shared among the pool's members in proportion to their budgets) and both. Columns: mean, standard deviation, probability of overspend (with its standard error), overspend at the 95th and 99th percentiles, the reserve needed for --break-even-probability, the normal approximation of the same figures, and a Berry-Esseen bound on the simulation's approximation error. Method and formats: docs/risk.md.

        --size-curve and --size-curve-svg write the probability of overspend and the reserve as functions of list size (--sizes) for the mix of all consortia or of --size-curve-mix.

        The same --seed gives the same output for any --threads.

        Example:
          consortium risk --costs datasets/risk/illustrative-costs-lognormal.toml --population datasets/exampleshire/population.csv --mapping datasets/risk/exampleshire-pcn-mapping.csv --margin 0.02 --high-cost-threshold 50000 --pools datasets/risk/exampleshire-pcn-pools.csv --pool-share 0.5 --seed 1 --out risk.csv --size-curve size-curve.csv --size-curve-svg size-curve.svg
        """
    )

    @Option(help: "Parametric cost model (TOML): per band a zero probability and a lognormal or gamma tail.")
    var costs: String?

    @Option(help: "Persons file (CSV): sex, age_band, cost [, practice_code, need_group]; costs resampled by cell.")
    var persons: String?

    @Option(help: "Registered lists (CSV): practice_code, sex, age_band, patients [, need_group].")
    var population: String?

    @Option(help: "Practice to consortium mapping (CSV): practice_code, consortium_code.")
    var mapping: String?

    @Option(help: "Budgets (CSV): consortium_code, budget (pounds).")
    var budgets: String?

    @Option(help: "Without --budgets, budget = expected spend x (1 + margin). Default 0.02.")
    var margin: Double?

    @Option(help: "Risk-sharing pools (CSV): consortium_code, pool_code.")
    var pools: String?

    @Option(help: "Fraction of each overspend shared within the pool (0 to 1); needs --pools.")
    var poolShare: Double?

    @Option(help: "High-cost patient pool: the pool pays each person's annual cost above this many pounds.")
    var highCostThreshold: Double?

    @Option(help: "Monte Carlo replications.")
    var reps: Int = 10_000

    @Option(help: "Seed of the random numbers (a whole number from 0 to 18446744073709551615).")
    var seed: UInt64

    @Option(help: "Worker threads (default: the processors available); results do not depend on it.")
    var threads: Int?

    @Option(help: "Probability of breaking even that the contingency reserve buys.")
    var breakEvenProbability: Double = 0.95

    @Option(help: "Persons above the cost quantile of this upper-tail probability are drawn one by one (method; see docs/risk.md).")
    var exactTailProbability: Double = 0.001

    @Option(help: "About this many persons per replication and consortium are drawn one by one (all of a smaller consortium).")
    var exactPersons: Int = 1_000

    @Option(help: "Output CSV (standard output when absent).")
    var out: String?

    @Option(help: "Size curve CSV: probability of overspend and reserve by list size.")
    var sizeCurve: String?

    @Option(help: "Size curve chart (SVG).")
    var sizeCurveSvg: String?

    @Option(help: "List sizes of the size curve, comma-separated (default 1000,2000,5000,...,2000000).")
    var sizes: String?

    @Option(help: "Use this consortium's age-sex mix for the size curve (default: all consortia together).")
    var sizeCurveMix: String?

    /// The step's options from the command line.
    var options: RiskOptions {
        RiskOptions(costs: costs, persons: persons, population: population, mapping: mapping, budgets: budgets, margin: margin, pools: pools,
                    poolShare: poolShare, highCostThreshold: highCostThreshold, reps: reps, seed: seed, threads: threads,
                    breakEvenProbability: breakEvenProbability, exactTailProbability: exactTailProbability, exactPersons: exactPersons,
                    sizeCurve: sizeCurve != nil || sizeCurveSvg != nil, sizes: sizes, sizeCurveMix: sizeCurveMix)
    }

    func validate() throws {
        try refuseOutputsOverInputs()
        try validatingOptions { try options.validate() }
    }

    func run() throws {
        try reportingErrors {
            let result = try RiskStep.run(options)
            // Every file is opened before any is written, and committed only once the chart is in place.
            let writer = try CSVWriter(path: out, header: result.risk.header)
            let curveWriter = try sizeCurve.map { try CSVWriter(path: $0, header: RiskCSV.sizeCurveHeader) }
            try result.risk.forEachRow { try writer.write($0) }
            if let curveWriter { try result.sizeCurve?.forEachRow { try curveWriter.write($0) } }
            if let sizeCurveSvg, let chart = result.sizeCurveChart {
                try RelativePath.writeAtomically(chart, to: sizeCurveSvg)
            }
            try curveWriter?.commit()
            try writer.commit()
        }
    }
}

extension RiskCommand: ReadsAndWritesFiles {
    var inputFiles: [FileOption] {
        [
            FileOption("--costs", costs),
            FileOption("--persons", persons),
            FileOption("--population", population),
            FileOption("--mapping", mapping),
            FileOption("--budgets", budgets),
            FileOption("--pools", pools),
        ]
    }

    var outputFiles: [FileOption] {
        [
            FileOption("--out", out),
            FileOption("--size-curve", sizeCurve),
            FileOption("--size-curve-svg", sizeCurveSvg),
        ]
    }
}
