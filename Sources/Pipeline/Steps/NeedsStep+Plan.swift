import Inequality
import Reports

extension NeedsStep {
    /// Plans a `kind = "needs"` step. Output `<name>.csv`.
    static func plan(_ section: StepSection) throws -> StepPlan {
        let attribution = try section.file("attribution")
        let areas = try section.file("areas")
        let scores = try section.file("scores")
        let period = try section.text("period"), oldYear = try section.text("year")
        if period != nil && oldYear != nil { throw section.error("year", "give period or year (the same option), not both") }
        let year = period ?? oldYear
        let areaType = try section.text("area-type")
        let population = try section.file("population")
        let groups = try section.integer("groups", default: 10)!
        let withinConsortium = try section.flag("within-consortium")
        let scoreOrder = try section.choice("score-order", default: DeprivationOrder.higherIsMoreDeprived)
        let onUnusable = try section.choice("on-unusable", default: UnusableRowPolicy.error)
        try section.finish()
        let template = NeedsOptions(attribution: attribution?.name, areas: areas?.name, scores: scores?.name, year: year,
                                    population: population?.name, groups: groups, withinConsortium: withinConsortium,
                                    scoreOrder: scoreOrder, onUnusable: onUnusable, areaType: areaType)
        try section.check { try template.validate() }
        let name = section.name
        return StepPlan(name: name, kind: section.kind, options: section.options, reads: section.reads, outputs: ["\(name).csv"]) { context in
            var options = template
            options.attribution = attribution.map(context.path)
            options.areas = areas.map(context.path)
            options.scores = scores.map(context.path)
            options.population = population.map(context.path)
            let result = try NeedsStep.run(options)
            for note in result.readingNotes { context.note(note) }
            for note in result.notes { context.note("skipped \(note)") }
            try context.write([(result.table, "\(name).csv")])
            let patients = result.assigned.reduce(0) { $0 + $1.population }
            var byGroup: [Int: (practices: Int, patients: Double)] = [:]
            for unit in result.assigned {
                byGroup[unit.group, default: (0, 0)].practices += 1
                byGroup[unit.group, default: (0, 0)].patients += unit.population
            }
            context.summarise("practices", .integer(result.assigned.count))
            context.summarise("patients", .number(patients))
            context.summarise("groups", .integer(groups))
            context.summarise("practices_by_group", .array(byGroup.keys.sorted().map { group in
                .object([("group", .integer(group)), ("practices", .integer(byGroup[group]!.practices)), ("patients", .number(byGroup[group]!.patients))])
            }))
            if let lowest = result.assigned.min(by: { ($0.score, $0.code) < ($1.score, $1.code) }),
               let highest = result.assigned.max(by: { ($0.score, $1.code) < ($1.score, $0.code) }) {
                context.summarise("lowest_score", .object([("code", .string(lowest.code)), ("score", .number(lowest.score))]))
                context.summarise("highest_score", .object([("code", .string(highest.code)), ("score", .number(highest.score))]))
            }
        }
    }
}
