import Reports

/// A step of a pipeline, checked and ready to run: its options as recorded for the manifest,
/// what it reads, the files it will write (known before anything runs, so later steps can name
/// them), and the work itself.
struct StepPlan {
    let name: String
    let kind: String
    let options: JSONValue
    /// Inputs and earlier outputs it reads, by name.
    let reads: [String]
    /// Files it writes, relative to the run folder (CSV outputs; charts are found as it runs).
    let outputs: [String]
    let run: (StepContext) throws -> Void
}
