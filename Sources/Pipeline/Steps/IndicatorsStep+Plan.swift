import Indicators
import Reports

extension IndicatorsStep {
    /// Plans a `kind = "indicators"` step. Output `<name>.csv`.
    static func plan(_ section: StepSection) throws -> StepPlan {
        let statistic = try section.choice("statistic", default: IndicatorStatistic.proportion)
        let input = try section.requiredFile("input")
        let standard = try section.file("standard")
        let reference = try section.file("reference")
        let confidence = try section.commaList("confidence", default: "95")!
        let multiplier = try section.number("multiplier")
        let groupBy = try section.commaList("group-by")
        let wide = try section.flag("wide")
        let suppressBelow = try section.number("suppress-below")
        let missing = try section.choice("missing", default: MissingValuePolicy.pass)
        let ages = try section.commaList("ages")
        let z = try section.commaList("z")
        let method = try section.optionalChoice("method", as: LimitMethod.self)
        let comparePublished = try section.flag("compare-published")
        let threads = try section.integer("threads")
        try section.finish()
        var template = IndicatorsOptions(statistic: statistic, input: input.name, standard: standard?.name, reference: reference?.name,
                                         confidence: confidence, multiplier: multiplier, groupBy: groupBy, wide: wide,
                                         suppressBelow: suppressBelow, missing: missing, ages: ages).withZ(z)
            .with(method: method, comparePublished: comparePublished)
        template.threads = threads
        try section.check { try template.validate() }
        let name = section.name
        return StepPlan(name: name, kind: section.kind, options: section.options, reads: section.reads, outputs: ["\(name).csv"]) { context in
            var options = template
            options.input = context.path(input)
            options.standard = standard.map(context.path)
            options.reference = reference.map(context.path)
            let result = try IndicatorsStep.run(options) { rows in context.progress?.rowsRead(rows) }
            for note in result.notes { context.note(note) }
            try context.write([(result.table, "\(name).csv")])
            context.summarise("statistic", .string(statistic.rawValue))
            context.summarise("groups", .integer(result.results.count))
            context.summarise("skipped_rows", .integer(result.results.skippedRows))
        }
    }
}
