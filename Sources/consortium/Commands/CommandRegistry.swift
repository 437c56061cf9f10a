import ArgumentParser

/// The commands of the CLI, in the order `--help` lists them.
enum CommandRegistry {
    static let all: [ParsableCommand.Type] = [
        BudgetsCommand.self,
        SynthCommand.self,
        RiskCommand.self,
    ]
}
