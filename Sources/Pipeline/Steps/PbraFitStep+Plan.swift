import Reports

extension PbraFitStep {
    /// Plans a `kind = "pbra-fit"` step. Outputs `<name>.csv` (the coefficients, which a later
    /// pbra-predict step reads as `coefficients = "<name>.csv"`) and `<name>-summary.csv`.
    static func plan(_ section: StepSection) throws -> StepPlan {
        let persons = try section.requiredFile("persons")
        let model = try section.requiredFile("model")
        let robust = try section.flag("robust")
        let chunkRows = try section.integer("chunk-rows", default: 1_024)!
        try section.finish()
        let template = PbraFitOptions(persons: persons.name, model: model.name, robust: robust, chunkRows: chunkRows)
        try section.check { try template.validate() }
        let name = section.name
        let outputs = ["\(name).csv", "\(name)-summary.csv"]
        return StepPlan(name: name, kind: section.kind, options: section.options, reads: section.reads, outputs: outputs) { context in
            var options = template
            options.persons = context.path(persons)
            options.model = context.path(model)
            let result = try PbraFitStep.run(options)
            context.note(result.note)
            try context.write([(result.coefficients, "\(name).csv"), (result.summary, "\(name)-summary.csv")])
            let regression = result.fit.regression
            context.summarise("persons", .integer(regression.n))
            context.summarise("terms", .integer(regression.p))
            context.summarise("r_squared", .number(regression.rSquared))
            context.summarise("robust", .bool(robust))
        }
    }
}
