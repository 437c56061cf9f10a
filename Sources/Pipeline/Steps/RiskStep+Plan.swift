import Reports
import Risk

extension RiskStep {
    /// Plans a `kind = "risk"` step. Outputs `<name>.csv` (one row per consortium and
    /// arrangement) and `<name>-size-curve.csv`; chart `<name>-size-curve.svg`. A run always
    /// computes the size curve (`sizes` and `size-curve-mix` shape it).
    static func plan(_ section: StepSection) throws -> StepPlan {
        let costs = try section.file("costs")
        let persons = try section.file("persons")
        let population = try section.file("population")
        let mapping = try section.file("mapping")
        let budgets = try section.file("budgets")
        let margin = try section.number("margin")
        let pools = try section.file("pools")
        let poolShare = try section.number("pool-share")
        let highCostThreshold = try section.number("high-cost-threshold")
        let reps = try section.integer("reps", default: 10_000)!
        guard let seed = try section.integer("seed") else { throw section.error(nil, "the option \"seed\" is required") }
        guard seed >= 0 else { throw section.error("seed", "expected a whole number from 0, found \(seed)") }
        let threads = try section.integer("threads")
        let breakEvenProbability = try section.number("break-even-probability", default: 0.95)!
        let exactTailProbability = try section.number("exact-tail-probability", default: 0.001)!
        let exactPersons = try section.integer("exact-persons", default: 1_000)!
        let sizes = try section.commaList("sizes")
        let sizeCurveMix = try section.text("size-curve-mix")
        try section.finish()
        let template = RiskOptions(
            costs: costs?.name, persons: persons?.name, population: population?.name, mapping: mapping?.name, budgets: budgets?.name,
            margin: margin, pools: pools?.name, poolShare: poolShare, highCostThreshold: highCostThreshold, reps: reps, seed: UInt64(seed),
            threads: threads, breakEvenProbability: breakEvenProbability, exactTailProbability: exactTailProbability,
            exactPersons: exactPersons, sizeCurve: true, sizes: sizes, sizeCurveMix: sizeCurveMix)
        try section.check { try template.validate() }
        let name = section.name
        let outputs = ["\(name).csv", "\(name)-size-curve.csv"]
        return StepPlan(name: name, kind: section.kind, options: section.options, reads: section.reads, outputs: outputs) { context in
            var options = template
            options.costs = costs.map(context.path)
            options.persons = persons.map(context.path)
            options.population = population.map(context.path)
            options.mapping = mapping.map(context.path)
            options.budgets = budgets.map(context.path)
            options.pools = pools.map(context.path)
            let result = try RiskStep.run(options)
            var tables: [(table: StepTable, file: String)] = [(result.risk, "\(name).csv")]
            if let curve = result.sizeCurve { tables.append((curve, "\(name)-size-curve.csv")) }
            try context.write(tables)
            if let chart = result.sizeCurveChart {
                try context.writeChart(chart, file: "\(name)-size-curve.svg", title: "Financial risk by list size")
            }
            for (key, value) in RiskSummary.figures(result, options: options) { context.summarise(key, value) }
        }
    }
}
