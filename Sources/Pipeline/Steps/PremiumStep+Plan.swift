import Premium
import Reports

extension PremiumStep {
    /// Plans a `kind = "premium"` step. Outputs `<name>.csv` (payments), `<name>-summary.csv` and,
    /// with `explain`, `<name>-explanation.txt`; chart `<name>-payments.svg`.
    static func plan(_ section: StepSection) throws -> StepPlan {
        let achievement = try section.requiredFile("achievement")
        let scheme = try section.requiredFile("scheme")
        let population = try section.requiredFile("population")
        let practices = try section.file("practices")
        let baselineAchievement = try section.file("baseline-achievement")
        let explain = try section.text("explain")
        try section.finish()
        let name = section.name
        let outputs = ["\(name).csv", "\(name)-summary.csv"] + (explain != nil ? ["\(name)-explanation.txt"] : [])
        return StepPlan(name: name, kind: section.kind, options: section.options, reads: section.reads, outputs: outputs) { context in
            let options = PremiumOptions(achievement: context.path(achievement), scheme: context.path(scheme), population: context.path(population),
                                         practices: practices.map(context.path), baselineAchievement: baselineAchievement.map(context.path),
                                         explain: explain)
            let result = try PremiumStep.run(options) { context.note($0) }
            context.note("premium: \(result.outcome)")
            try context.write([(result.payments, "\(name).csv"), (result.summary, "\(name)-summary.csv")])
            if let explanation = result.explanation {
                try context.writeText(explanation.joined(separator: "\n") + "\n", file: "\(name)-explanation.txt")
            }
            let distribution = result.distribution
            try context.writeChart(PremiumCharts(distribution: distribution, schemeName: result.scheme.name).payments().svg(identifier: "\(name)-payments"),
                                   file: "\(name)-payments.svg", title: "Premium payments by practice")
            context.summarise("scheme", .string(result.scheme.name))
            context.summarise("pot_pounds", .number(Double(distribution.pot.potPence) / 100))
            context.summarise("paid_pounds", .number(Double(distribution.distributedPence) / 100))
            context.summarise("returned_pounds", .number(Double(distribution.returnedPence) / 100))
            context.summarise("practices", .integer(distribution.practices.count))
            context.summarise("practices_paid", .integer(distribution.practices.filter { $0.paymentPence > 0 }.count))
            if let top = distribution.practices.max(by: { ($0.paymentPence, $1.code) < ($1.paymentPence, $0.code) }) {
                context.summarise("largest_payment", .object([("code", .string(top.code)), ("pounds", .number(Double(top.paymentPence) / 100))]))
            }
        }
    }
}
