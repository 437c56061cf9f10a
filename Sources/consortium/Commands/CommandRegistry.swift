import ArgumentParser

/// The commands of the CLI, in the order `--help` lists them.
enum CommandRegistry {
    static let all: [ParsableCommand.Type] = [
        BudgetsCommand.self,
        SynthCommand.self,
        IndicatorsCommand.self,
        InequalityCommand.self,
        NeedsCommand.self,
        RunCommand.self,
        NotebookCommand.self,
    ]
}
