import Foundation
import Population
import Risk
import Tables

/// The options of a risk step, spelled as `consortium risk` spells them (docs/risk.md). File
/// options hold paths.
public struct RiskOptions: Sendable {
    /// Parametric cost model (TOML); exactly one of `costs` and `persons`.
    public var costs: String?
    /// Persons file (CSV) whose costs are resampled by cell.
    public var persons: String?
    public var population: String?
    public var mapping: String?
    public var budgets: String?
    /// Without `budgets`: budget = expected spend × (1 + margin); nil means 0.02.
    public var margin: Double?
    public var pools: String?
    public var poolShare: Double?
    public var highCostThreshold: Double?
    public var reps: Int
    public var seed: UInt64
    /// Worker threads; nil: the processors available. Results do not depend on it.
    public var threads: Int?
    public var breakEvenProbability: Double
    public var exactTailProbability: Double
    public var exactPersons: Int
    /// Whether the size curve (CSV and chart) is computed.
    public var sizeCurve: Bool
    /// List sizes of the size curve, comma-separated; nil: `SizeCurve.defaultSizes`.
    public var sizes: String?
    /// A consortium whose age-sex mix the size curve uses; nil: all consortia together.
    public var sizeCurveMix: String?

    public init(costs: String? = nil, persons: String? = nil, population: String? = nil, mapping: String? = nil, budgets: String? = nil,
                margin: Double? = nil, pools: String? = nil, poolShare: Double? = nil, highCostThreshold: Double? = nil, reps: Int = 10_000,
                seed: UInt64, threads: Int? = nil, breakEvenProbability: Double = 0.95, exactTailProbability: Double = 0.001,
                exactPersons: Int = 1_000, sizeCurve: Bool = false, sizes: String? = nil, sizeCurveMix: String? = nil) {
        self.costs = costs
        self.persons = persons
        self.population = population
        self.mapping = mapping
        self.budgets = budgets
        self.margin = margin
        self.pools = pools
        self.poolShare = poolShare
        self.highCostThreshold = highCostThreshold
        self.reps = reps
        self.seed = seed
        self.threads = threads
        self.breakEvenProbability = breakEvenProbability
        self.exactTailProbability = exactTailProbability
        self.exactPersons = exactPersons
        self.sizeCurve = sizeCurve
        self.sizes = sizes
        self.sizeCurveMix = sizeCurveMix
    }

    /// The budget margin used when no budgets are given.
    public var marginOrDefault: Double { margin ?? 0.02 }

    /// Checks that the options fit together.
    public func validate() throws {
        guard (costs == nil) != (persons == nil) else { throw OptionError("give exactly one of --costs and --persons") }
        if budgets != nil && margin != nil { throw OptionError("give --budgets or --margin, not both") }
        if let margin, !(margin > -1 && margin.isFinite) { throw OptionError("--margin must be above -1, found \(margin)") }
        if (pools == nil) != (poolShare == nil) { throw OptionError("--pools and --pool-share go together") }
        if let poolShare, !(poolShare >= 0 && poolShare <= 1) { throw OptionError("--pool-share must be from 0 to 1, found \(poolShare)") }
        if let highCostThreshold, !(highCostThreshold >= 0 && highCostThreshold.isFinite) {
            throw OptionError("--high-cost-threshold must be a number of pounds >= 0, found \(highCostThreshold)")
        }
        guard reps >= 1 else { throw OptionError("--reps must be at least 1, found \(reps)") }
        if let threads, threads < 1 { throw OptionError("--threads must be at least 1, found \(threads)") }
        guard breakEvenProbability > 0 && breakEvenProbability < 1 else {
            throw OptionError("--break-even-probability must be between 0 and 1, found \(breakEvenProbability)")
        }
        guard exactTailProbability > 0 && exactTailProbability <= 1 else {
            throw OptionError("--exact-tail-probability must be in (0, 1], found \(exactTailProbability)")
        }
        guard exactPersons >= 0 else { throw OptionError("--exact-persons must be >= 0, found \(exactPersons)") }
        if sizes != nil || sizeCurveMix != nil, !sizeCurve {
            throw OptionError("--sizes and --size-curve-mix need --size-curve or --size-curve-svg")
        }
        _ = try listSizes()
    }

    /// The list sizes of the size curve.
    public func listSizes() throws -> [Int] {
        guard let sizes else { return SizeCurve.defaultSizes }
        let parts = sizes.split(separator: ",", omittingEmptySubsequences: false)
        let values = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == parts.count, !values.isEmpty, values.allSatisfy({ $0 > 0 }) else {
            throw OptionError("--sizes must be whole numbers > 0 separated by commas, found \"\(sizes)\"")
        }
        return values
    }
}

/// A finished risk step: the module's results and the rows and chart of the outputs.
public struct RiskStepResult {
    public var model: CostModel
    public var population: GroupPopulation
    public var analysis: RiskResult
    /// The size curve's points; empty unless `sizeCurve` was asked for.
    public var sizeCurvePoints: [SizeCurvePoint]
    /// One row per consortium and arrangement (`RiskCSV.header`).
    public var risk: StepTable
    /// One row per list size and arrangement (`RiskCSV.sizeCurveHeader`), with `sizeCurve`.
    public var sizeCurve: StepTable?
    /// The size curve's chart (SVG text), with `sizeCurve`.
    public var sizeCurveChart: String?
}

/// `consortium risk` and a run's risk step: read the cost model and the lists, simulate each
/// consortium's annual spend under each pooling arrangement (Risk's `RiskAnalysis`) and, when
/// asked, the size curve (`SizeCurve`), and lay out the rows and the chart.
public enum RiskStep {
    public static func run(_ options: RiskOptions) throws -> RiskStepResult {
        try options.validate()
        let model: CostModel
        var practices: PracticeCellCounts?
        if let costs = options.costs {
            model = try CostSpecificationReader.read(path: costs)
        } else {
            let file = try PersonsFileReader.read(path: options.persons!)
            model = file.model
            practices = file.practices
        }
        if let population = options.population {
            practices = try PopulationFileReader.read(path: population, model: model)
        }
        guard let practices else {
            throw OptionError("the persons file has no practice_code column, so --population is required")
        }
        let groupMapping = try options.mapping.map { try ConsortiumMapping.read(path: $0) }
        let groups = try GroupPopulation(practices: practices, mapping: groupMapping)
        let budgetRule: BudgetRule = try options.budgets.map { .given(try GroupBudgets.read(path: $0, codes: groups.codes)) }
            ?? .expectedSpendWithMargin(options.marginOrDefault)
        let riskShare = try options.pools.map {
            RiskShareArrangement(membership: try PoolMembership.read(path: $0, codes: groups.codes), pool: RiskSharePool(share: options.poolShare!))
        }
        var mix = groups.totalByCell
        var mixName = "all \(groups.count) consortia together"
        if let code = options.sizeCurveMix {
            guard let index = groups.index(of: code) else {
                throw DataError(.badData, at: SourceLocation(file: "--size-curve-mix"),
                                "\(DataError.quoted(code)) is not one of the consortia of the population")
            }
            mix = Array(groups.cells(ofGroup: index))
            mixName = code
        }
        let settings = SimulationSettings(
            replications: options.reps, seed: options.seed, threads: options.threads ?? ProcessInfo.processInfo.activeProcessorCount,
            exactTailProbability: options.exactTailProbability, exactPersonsPerReplication: options.exactPersons,
            highCostThreshold: options.highCostThreshold)

        let analysis = RiskAnalysis.run(RiskRequest(model: model, population: groups, budgets: budgetRule, riskShare: riskShare,
                                                    settings: settings, breakEvenProbability: options.breakEvenProbability))
        let seed = options.seed
        let risk = StepTable(header: RiskCSV.header) { emit in
            for row in RiskCSV.rows(analysis, seed: seed) { try emit(row) }
        }
        guard options.sizeCurve else {
            return RiskStepResult(model: model, population: groups, analysis: analysis, sizeCurvePoints: [], risk: risk)
        }
        guard mix.reduce(0, +) > 0 else {
            throw DataError(.badData, at: SourceLocation(file: "--size-curve-mix"), "the mix \(mixName) has no patients")
        }
        let points = SizeCurve.compute(SizeCurveRequest(model: model, mix: mix, sizes: try options.listSizes(), margin: options.marginOrDefault,
                                                        settings: settings, breakEvenProbability: options.breakEvenProbability))
        let curve = StepTable(header: RiskCSV.sizeCurveHeader) { emit in
            for row in RiskCSV.sizeCurveRows(points, seed: seed) { try emit(row) }
        }
        let costsFile = ((options.costs ?? options.persons!) as NSString).lastPathComponent
        let notes = [
            "Budget = expected spend + \(Table.formatNumber(100 * options.marginOrDefault))%. Solid: Monte Carlo, \(options.reps.formatted(.number.grouping(.automatic))) replications (seed \(seed)); dashed: normal approximation.",
            "Age-sex mix of \(mixName); costs from \(costsFile).",
            "Dotted lines: where the budget alone gives a \(Table.formatNumber(100 * options.breakEvenProbability))% chance to break even; the reserve needed is the gap above the margin line.",
        ]
        let chart = SizeCurveSVG.render(points: points, title: "Financial risk by list size", notes: notes,
                                        highCostThreshold: options.highCostThreshold)
        return RiskStepResult(model: model, population: groups, analysis: analysis, sizeCurvePoints: points, risk: risk,
                              sizeCurve: curve, sizeCurveChart: chart)
    }
}
