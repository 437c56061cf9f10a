import ArgumentParser

/// The commands of the CLI, in the order `--help` lists them.
enum CommandRegistry {
    static let all: [ParsableCommand.Type] = [
        BudgetsCommand.self,
        PbraCommand.self,
        SynthCommand.self,
        IndicatorsCommand.self,
        InequalityCommand.self,
        PremiumCommand.self,
        NeedsCommand.self,
        BenchmarkCommand.self,
        PeersCommand.self,
        RiskCommand.self,
        RunCommand.self,
        NotebookCommand.self,
    ]
}
