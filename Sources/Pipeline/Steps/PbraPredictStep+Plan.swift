import Allocation
import Reports
import Tables

extension PbraPredictStep {
    /// Plans a `kind = "pbra-predict"` step. Outputs `<name>.csv` (need by practice) and
    /// `<name>-persons.csv` (each person's predicted cost, written as the persons stream past).
    static func plan(_ section: StepSection) throws -> StepPlan {
        let persons = try section.requiredFile("persons")
        let coefficients = try section.requiredFile("coefficients")
        let model = try section.requiredFile("model")
        let neutralise = try section.choice("neutralise", default: Neutralisation.supply)
        let chunkRows = try section.integer("chunk-rows", default: 1_024)!
        try section.finish()
        let template = PbraPredictOptions(persons: persons.name, coefficients: coefficients.name, model: model.name,
                                          neutralise: neutralise.rawValue, chunkRows: chunkRows)
        try section.check { try template.validate() }
        let name = section.name
        let outputs = ["\(name).csv", "\(name)-persons.csv"]
        return StepPlan(name: name, kind: section.kind, options: section.options, reads: section.reads, outputs: outputs) { context in
            var options = template
            options.persons = context.path(persons)
            options.coefficients = context.path(coefficients)
            options.model = context.path(model)
            let personsFile = "\(name)-persons.csv"
            let personsWriter = try CSVWriter(path: context.folder + "/" + personsFile, header: PersonBasedCSV.personsHeader)
            let result = try PbraPredictStep.run(options) { try personsWriter.write($0) }
            try context.write([(result.practices, "\(name).csv")])
            try personsWriter.commit()
            context.recordWritten([personsFile])
            let prediction = result.prediction
            context.summarise("persons", .integer(prediction.persons))
            context.summarise("practices", .integer(prediction.practices.count))
            context.summarise("neutralise", .string(neutralise.rawValue))
            context.summarise("total_predicted_cost", .number(prediction.totalPredictedCost))
        }
    }
}
