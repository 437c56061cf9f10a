import ArgumentParser
import Foundation
import Population
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

    func validate() throws {
        guard (costs == nil) != (persons == nil) else { throw ValidationError("give exactly one of --costs and --persons") }
        if budgets != nil && margin != nil { throw ValidationError("give --budgets or --margin, not both") }
        if let margin, !(margin > -1 && margin.isFinite) { throw ValidationError("--margin must be above -1, found \(margin)") }
        if (pools == nil) != (poolShare == nil) { throw ValidationError("--pools and --pool-share go together") }
        if let poolShare, !(poolShare >= 0 && poolShare <= 1) { throw ValidationError("--pool-share must be from 0 to 1, found \(poolShare)") }
        if let highCostThreshold, !(highCostThreshold >= 0 && highCostThreshold.isFinite) {
            throw ValidationError("--high-cost-threshold must be a number of pounds >= 0, found \(highCostThreshold)")
        }
        guard reps >= 1 else { throw ValidationError("--reps must be at least 1, found \(reps)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, found \(threads)") }
        guard breakEvenProbability > 0 && breakEvenProbability < 1 else {
            throw ValidationError("--break-even-probability must be between 0 and 1, found \(breakEvenProbability)")
        }
        guard exactTailProbability > 0 && exactTailProbability <= 1 else {
            throw ValidationError("--exact-tail-probability must be in (0, 1], found \(exactTailProbability)")
        }
        guard exactPersons >= 0 else { throw ValidationError("--exact-persons must be >= 0, found \(exactPersons)") }
        if sizes != nil || sizeCurveMix != nil, sizeCurve == nil && sizeCurveSvg == nil {
            throw ValidationError("--sizes and --size-curve-mix need --size-curve or --size-curve-svg")
        }
        _ = try listSizes()
    }

    func listSizes() throws -> [Int] {
        guard let sizes else { return SizeCurve.defaultSizes }
        let parts = sizes.split(separator: ",", omittingEmptySubsequences: false)
        let values = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == parts.count, !values.isEmpty, values.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--sizes must be whole numbers > 0 separated by commas, found \"\(sizes)\"")
        }
        return values
    }

    func run() throws {
        try reportingErrors {
            let model: CostModel
            var practices: PracticeCellCounts?
            if let costs {
                model = try CostSpecificationReader.read(path: costs)
            } else {
                let file = try PersonsFileReader.read(path: persons!)
                model = file.model
                practices = file.practices
            }
            if let population {
                practices = try PopulationFileReader.read(path: population, model: model)
            }
            guard let practices else {
                throw ValidationError("the persons file has no practice_code column, so --population is required")
            }
            let groupMapping = try mapping.map { try ConsortiumMapping.read(path: $0) }
            let groups = try GroupPopulation(practices: practices, mapping: groupMapping)
            let budgetRule: BudgetRule = try budgets.map { .given(try GroupBudgets.read(path: $0, codes: groups.codes)) }
                ?? .expectedSpendWithMargin(margin ?? 0.02)
            let riskShare = try pools.map {
                RiskShareArrangement(membership: try PoolMembership.read(path: $0, codes: groups.codes), pool: RiskSharePool(share: poolShare!))
            }
            var mix = groups.totalByCell
            var mixName = "all \(groups.count) consortia together"
            if let sizeCurveMix {
                guard let index = groups.index(of: sizeCurveMix) else {
                    throw DataError(.badData, at: SourceLocation(file: "--size-curve-mix"),
                                    "\(DataError.quoted(sizeCurveMix)) is not one of the consortia of the population")
                }
                mix = Array(groups.cells(ofGroup: index))
                mixName = sizeCurveMix
            }
            let settings = SimulationSettings(
                replications: reps, seed: seed, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                exactTailProbability: exactTailProbability, exactPersonsPerReplication: exactPersons, highCostThreshold: highCostThreshold)

            let result = RiskAnalysis.run(RiskRequest(model: model, population: groups, budgets: budgetRule, riskShare: riskShare,
                                                      settings: settings, breakEvenProbability: breakEvenProbability))
            var curve: [SizeCurvePoint] = []
            if sizeCurve != nil || sizeCurveSvg != nil {
                guard mix.reduce(0, +) > 0 else {
                    throw DataError(.badData, at: SourceLocation(file: "--size-curve-mix"), "the mix \(mixName) has no patients")
                }
                curve = SizeCurve.compute(SizeCurveRequest(model: model, mix: mix, sizes: try listSizes(), margin: margin ?? 0.02,
                                                           settings: settings, breakEvenProbability: breakEvenProbability))
            }

            let writer = try CSVWriter(path: out, header: RiskCSV.header)
            try RiskCSV.write(result, seed: seed, to: writer)
            var curveWriter: CSVWriter?
            if let sizeCurve {
                curveWriter = try CSVWriter(path: sizeCurve, header: RiskCSV.sizeCurveHeader)
                try RiskCSV.writeSizeCurve(curve, seed: seed, to: curveWriter!)
            }
            if let sizeCurveSvg {
                let notes = [
                    "Budget = expected spend + \(Table.formatNumber(100 * (margin ?? 0.02)))%. Solid: Monte Carlo, \(reps.formatted(.number.grouping(.automatic))) replications (seed \(seed)); dashed: normal approximation.",
                    "Age-sex mix of \(mixName); costs from \(((costs ?? persons!) as NSString).lastPathComponent).",
                    "Dotted lines: where the budget alone gives a \(Table.formatNumber(100 * breakEvenProbability))% chance to break even; the reserve needed is the gap above the margin line.",
                ]
                let svg = SizeCurveSVG.render(points: curve, title: "Financial risk by list size", notes: notes,
                                              highCostThreshold: highCostThreshold)
                do {
                    try Data(svg.utf8).write(to: URL(fileURLWithPath: sizeCurveSvg), options: .atomic)
                } catch {
                    throw DataError(.cannotCreate, at: SourceLocation(file: sizeCurveSvg), "cannot create the chart: \(error.localizedDescription)")
                }
            }
            try curveWriter?.commit()
            try writer.commit()
        }
    }
}
