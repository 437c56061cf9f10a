import ArgumentParser

/// The commands of the CLI, in the order `--help` lists them.
enum CommandRegistry {
    static let all: [ParsableCommand.Type] = [
        IndicatorsCommand.self,
        SynthCommand.self,
        BenchmarkCommand.self,
        PeersCommand.self,
    ]
}
