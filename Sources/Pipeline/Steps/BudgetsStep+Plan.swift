import Allocation
import Configuration
import Reports

extension BudgetsStep {
    /// Plans a `kind = "budgets"` step. Outputs `<name>.csv` (the budgets), `<name>-explanation.csv`
    /// with `explain`; charts `<name>-per-head.svg` and, with baselines, `<name>-distance.svg`.
    static func plan(_ section: StepSection) throws -> StepPlan {
        let practices = try section.file("practices")
        let payments = try section.file("payments")
        let baselinePayment = try section.text("baseline-payment")
        let population = try section.file("population")
        let attribution = try section.file("attribution")
        let areas = try section.file("areas")
        let baseline = try section.file("baseline")
        let mapping = try section.file("mapping")
        let formula = try section.requiredFile("formula")
        let total = try section.text("total")
        let level = try section.text("level", default: "practice")!
        let allowance = try section.number("running-cost-allowance")
        let plannedSpend = try section.file("planned-spend")
        let explain = try section.text("explain")
        let only = try section.texts("only")
        try section.finish()
        let template = BudgetsOptions(
            practices: practices?.name, payments: payments?.name, baselinePayment: baselinePayment, population: population?.name,
            attribution: attribution?.name, areas: areas?.name, baseline: baseline?.name, formula: formula.name, total: total, level: level,
            mapping: mapping?.name, runningCostAllowance: allowance, plannedSpend: plannedSpend?.name, explain: explain, only: only)
        try section.check { try template.validate() }
        let name = section.name
        let outputs = ["\(name).csv"] + (explain != nil ? ["\(name)-explanation.csv"] : [])
        return StepPlan(name: name, kind: section.kind, options: section.options, reads: section.reads, outputs: outputs) { context in
            var options = template
            options.practices = practices.map(context.path)
            options.payments = payments.map(context.path)
            options.population = population.map(context.path)
            options.attribution = attribution.map(context.path)
            options.areas = areas.map(context.path)
            options.baseline = baseline.map(context.path)
            options.mapping = mapping.map(context.path)
            options.formula = context.path(formula)
            options.plannedSpend = plannedSpend.map(context.path)
            if case .input(let formulaName, let written, let path) = formula,
               let weights = try? TOMLSection.load(path: path).section("age_sex")?.string("weights_file") {
                let folder = written.contains("/") ? String(written[..<written.lastIndex(of: "/")!]) + "/" : ""
                let pathFolder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) + "/" : ""
                context.readExtra(name: "\(formulaName): weights_file", written: weights.hasPrefix("/") ? weights : folder + weights,
                                  path: weights.hasPrefix("/") ? weights : pathFolder + weights)
            }
            let result = try BudgetsStep.run(options)
            for note in result.notes { context.note(note) }
            if let pace = result.paceOfChange { context.note("pace of change: \(pace)") }
            var tables: [(table: StepTable, file: String)] = [(result.budgets, "\(name).csv")]
            if let explanation = result.explanationTable { tables.append((explanation, "\(name)-explanation.csv")) }
            try context.write(tables)
            let charts = BudgetCharts(result: result.outcome.result, formulaName: result.formula.name)
            try context.writeChart(charts.perHead().svg(identifier: "\(name)-per-head"), file: "\(name)-per-head.svg", title: "Budget per head against need index")
            if let distance = charts.distanceFromTarget() {
                try context.writeChart(distance.svg(identifier: "\(name)-distance"), file: "\(name)-distance.svg", title: "Distance from target")
            }
            for (key, value) in BudgetSummary.figures(result.outcome.result, formula: result.formula) { context.summarise(key, value) }
        }
    }
}
