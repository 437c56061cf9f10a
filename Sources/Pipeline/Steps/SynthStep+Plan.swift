import Reports

extension SynthStep {
    /// Plans a `kind = "synth"` step: the data set's files go into the folder `<name>/` of the
    /// run, where later steps name them (`<name>/practices.csv`).
    static func plan(_ section: StepSection) throws -> StepPlan {
        let scale = try section.text("scale", default: "consortium")!
        guard let seed = try section.integer("seed") else { throw section.error(nil, "the option \"seed\" is required") }
        guard seed >= 0 else { throw section.error("seed", "expected a whole number from 0, found \(seed)") }
        let persons = try section.integer("persons", default: 0)!
        try section.finish()
        let options = SynthOptions(scale: scale, seed: UInt64(seed), persons: persons)
        try section.check { try options.validate() }
        let name = section.name
        let outputs = options.fileNames.map { "\(name)/\($0)" }
        return StepPlan(name: name, kind: section.kind, options: section.options, reads: [], outputs: outputs) { context in
            try SynthStep.run(options, folder: context.folder + "/" + name)
            context.recordWritten(outputs)
            context.summarise("files", .integer(outputs.count))
        }
    }
}
