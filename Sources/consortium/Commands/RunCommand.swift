import ArgumentParser
import Pipeline
#if canImport(Glibc)
import Glibc
#endif

/// `consortium run`: the whole pipeline of a TOML file into an output folder, with a manifest,
/// charts and a notebook.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline file (budgets, needs, indicators, inequality, synth steps) into a folder with a manifest, charts and a notebook.",
        discussion: """
        The pipeline file (TOML, docs/pipeline.md) names the inputs ([inputs] name = "path", relative to the file) and the steps ([[step]] kind = "budgets" | "needs" | "indicators" | "inequality" | "synth", name, and the options of the command of that name, spelled as on its command line: baseline-payment = "Global Sum"). A file option names an input, or a file an earlier step wrote (needs.csv). Unknown keys are errors naming the key.

        The folder gets each step's CSV (<name>.csv; inequality also <name>-groups.csv), SVG charts (budgets: <name>-per-head.svg, <name>-distance.svg with baselines; inequality: <name>-gradient.svg), manifest.json (every input with size, rows and SHA-256, the engine version, every step's options, outputs and notes; no timings), report.ipynb (the notebook of the run) and timings.json. The same inputs give the same bytes, except timings.json.

        The run is built in a temporary folder beside --out and renamed into place at the end: a failing step stops the run with its error and exit code, and leaves nothing. If --out exists, the run stops with exit 73 before doing anything, unless --force replaces it (the old folder is removed only once the new one is complete).

        A progress bar on standard error shows the steps and rows read, on a terminal or with --progress.

        Example:
          consortium run datasets/exampleshire/pipeline.toml --out exampleshire-run
        """
    )

    @Argument(help: ArgumentHelp("The pipeline file (TOML).", valueName: "pipeline.toml"))
    var pipeline: String

    @Option(help: ArgumentHelp("The folder to write (created; see --force).", valueName: "folder"))
    var out: String

    @Flag(help: "Replace --out if it exists.")
    var force = false

    @Flag(help: "Show progress on standard error even when it is not a terminal.")
    var progress = false

    /// Refuses an --out folder holding the pipeline file or one of its inputs (a pipeline file
    /// that cannot be read is reported by `run()`, with its line and column).
    func validate() throws {
        try OutputsOverInputs.refuse(folderOption: "--out", folder: out, inputs: [("the pipeline file", pipeline)])
        if let spec = try? PipelineSpec.load(path: pipeline) {
            try OutputsOverInputs.refuse(folderOption: "--out", folder: out, inputs: spec.inputs.map { ("the pipeline's input \($0.name)", $0.path) })
        }
    }

    func run() throws {
        try reportingErrors {
            let spec = try PipelineSpec.load(path: pipeline)
            let bar = (progress || isatty(2) != 0) ? TerminalProgress(redraws: isatty(2) != 0) : nil
            _ = try PipelineRun.run(spec, into: out, replace: force, engineVersion: Consortium.version, progress: bar)
        }
    }
}
