import Reports
import Risk

/// The figures of a risk step the manifest keeps and the notebook tells: the population and the
/// simulation, per pooling arrangement the range of the probability of overspend and the
/// reserves the consortia would hold in all, and the smallest list size of the size curve whose
/// budget margin alone gives the break-even probability.
enum RiskSummary {
    static func figures(_ result: RiskStepResult, options: RiskOptions) -> [(String, JSONValue)] {
        let rows = result.analysis.rows
        var figures: [(String, JSONValue)] = [
            ("consortia", .integer(result.population.count)),
            ("patients", .integer((0..<result.population.count).reduce(0) { $0 + result.population.persons(ofGroup: $1) })),
            ("replications", .integer(options.reps)),
            ("seed", .string(String(options.seed))),
            ("break_even_probability", .number(options.breakEvenProbability)),
            ("budgets", .string(options.budgets != nil ? "given" : "margin")),
            ("margin", .number(options.budgets != nil ? nil : options.marginOrDefault)),
            ("high_cost_threshold", .number(options.highCostThreshold)),
            ("pool_share", .number(options.poolShare)),
        ]
        var arrangements: [JSONValue] = []
        for arrangement in PoolingArrangement.allCases {
            let chosen = rows.filter { $0.arrangement == arrangement }
            guard let lowest = chosen.min(by: { ($0.simulated.probabilityOfOverspend, $0.code) < ($1.simulated.probabilityOfOverspend, $1.code) }),
                  let highest = chosen.max(by: { ($0.simulated.probabilityOfOverspend, $1.code) < ($1.simulated.probabilityOfOverspend, $0.code) })
            else { continue }
            let reserves = chosen.reduce(0.0) { $0 + $1.simulated.reserve }
            arrangements.append(.object([
                ("arrangement", .string(arrangement.rawValue)),
                ("lowest_probability_of_overspend", .object([("code", .string(lowest.code)), ("probability", .number(lowest.simulated.probabilityOfOverspend))])),
                ("highest_probability_of_overspend", .object([("code", .string(highest.code)), ("probability", .number(highest.simulated.probabilityOfOverspend))])),
                ("reserves_pounds", .number((reserves * 100).rounded() / 100)),
            ]))
        }
        figures.append(("arrangements", .array(arrangements)))
        let unpooled = result.sizeCurvePoints.filter { $0.arrangement == .none }.sorted { $0.listSize < $1.listSize }
        if !unpooled.isEmpty {
            figures.append(("size_curve_sizes", .array(unpooled.map { .integer($0.listSize) })))
            let enough = unpooled.first { $0.marginNeeded <= $0.margin }
            figures.append(("smallest_size_margin_suffices", enough.map { .integer($0.listSize) } ?? .null))
        }
        return figures
    }
}
