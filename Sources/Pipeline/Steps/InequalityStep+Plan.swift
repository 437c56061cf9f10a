import Inequality
import Reports

extension InequalityStep {
    /// Plans a `kind = "inequality"` step. Outputs `<name>.csv` (the measures) and
    /// `<name>-groups.csv`; chart `<name>-gradient.svg`.
    static func plan(_ section: StepSection, title: String) throws -> StepPlan {
        let indicator = try section.requiredFile("indicator")
        let deprivation = try section.file("deprivation")
        let statistic = try section.choice("statistic", default: InequalityStatistic.proportion)
        let multiplier = try section.number("multiplier", default: 1)!
        let scale = try section.choice("scale", default: IndicatorScale.identity)
        let direction = try section.choice("direction", default: InequalityDirection.mostMinusLeast)
        let weights = try section.choice("weights", default: SlopeIndexWeights.population)
        let confidence = try section.commaList("confidence", default: "95")!
        let interval = try section.commaList("interval", default: "simulation")!
        let reps = try section.integer("reps", default: 10_000)!
        let seed = try section.integer("seed", default: 1)!
        guard seed >= 0 else { throw section.error("seed", "expected a whole number from 0, found \(seed)") }
        let groups = try section.integer("groups")
        let minimumGroups = try section.integer("minimum-groups", default: 5)!
        let bounds = try section.commaList("bounds")
        let scoreOrder = try section.choice("score-order", default: DeprivationOrder.higherIsMoreDeprived)
        let by = try section.commaList("by")
        let decomposeBy = try section.text("decompose-by")
        let areaType = try section.text("area-type")
        let organisationColumn = try section.text("organisation-column")
        let numeratorColumn = try section.text("numerator-column")
        let denominatorColumn = try section.text("denominator-column")
        let onUnusable = try section.choice("on-unusable", default: UnusableRowPolicy.error)
        let period = try section.text("period")
        let groupColumn = try section.text("group-column")
        let valueColumn = try section.text("value-column")
        let populationColumn = try section.text("population-column")
        let lowerColumn = try section.text("lower-column")
        let upperColumn = try section.text("upper-column")
        let seColumn = try section.text("se-column")
        try section.finish()
        var template = InequalityStepOptions(
            indicator: indicator.name, deprivation: deprivation?.name, statistic: statistic, multiplier: multiplier, scale: scale,
            direction: direction, weights: weights, confidence: confidence, interval: interval, reps: reps, seed: UInt64(seed),
            groups: groups, minimumGroups: minimumGroups, bounds: bounds, scoreOrder: scoreOrder, by: by, decomposeBy: decomposeBy,
            areaType: areaType, organisationColumn: organisationColumn, numeratorColumn: numeratorColumn,
            denominatorColumn: denominatorColumn, onUnusable: onUnusable, period: period)
        template.groupColumn = groupColumn
        template.valueColumn = valueColumn
        template.populationColumn = populationColumn
        template.lowerColumn = lowerColumn
        template.upperColumn = upperColumn
        template.seColumn = seColumn
        try section.check { try template.validate() }
        let name = section.name
        return StepPlan(name: name, kind: section.kind, options: section.options, reads: section.reads,
                        outputs: ["\(name).csv", "\(name)-groups.csv"]) { context in
            var options = template
            options.indicator = context.path(indicator)
            options.deprivation = deprivation.map(context.path)
            let result = try InequalityStep.run(options)
            for note in result.readingNotes { context.note(note) }
            if !result.notes.isEmpty { context.note("skipped \(result.notes.joined(separator: "; "))") }
            try context.write([(result.estimates, "\(name).csv"), (result.groups, "\(name)-groups.csv")])
            let charts = InequalityCharts(options: options, title: title)
            try context.writeChart(charts.gradient(result.analyses, identifier: "\(name)-gradient"), file: "\(name)-gradient.svg", title: title)
            context.summarise("analyses", .array(result.analyses.map { analysis in
                var members: [(String, JSONValue)] = [("key", .array(analysis.key.map(JSONValue.string)))]
                members.append(("groups", .integer(analysis.result.groups.count)))
                members.append(("organisations", .integer(analysis.result.groups.reduce(0) { $0 + $1.organisationCount })))
                members.append(("most_deprived_value", .number(analysis.result.groups.first!.value * multiplier)))
                members.append(("least_deprived_value", .number(analysis.result.groups.last!.value * multiplier)))
                for measure in ["mean", "sii", "rii", "rii_ratio", "gap", "ratio", "concentration_index"] {
                    guard let estimate = analysis.result.estimates.first(where: { $0.measure == measure && ($0.confidence == nil || $0.confidence == 0.95) }) else { continue }
                    var fields: [(String, JSONValue)] = [("value", .number(estimate.value))]
                    if let limits = estimate.limits {
                        fields.append(("lower95", .number(limits.lower)))
                        fields.append(("upper95", .number(limits.upper)))
                    }
                    members.append((measure, .object(fields)))
                }
                return .object(members)
            }))
        }
    }
}
