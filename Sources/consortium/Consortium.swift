import ArgumentParser

/// The `consortium` command line: a thin layer that parses options, calls the engine's modules
/// and writes CSV. Each command lives in its own file under `Commands/`.
@main
struct Consortium: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "consortium",
        abstract: "Population and practice analytics for NHS commissioning.",
        discussion: """
        Every command reads CSV (and TOML for formulas and schemes) and writes CSV to --out FILE, or to standard output when --out is absent. Errors name the file, line and column.

        Exit codes: 0 success, 64 bad command line, 65 bad data, 66 input cannot be opened, 73 output cannot be created, 70 internal error.

        Example:
          consortium synth --scale consortium --seed 1 --out-dir exampleshire
        """,
        version: version,
        subcommands: CommandRegistry.all
    )

    /// Installs the handling of interruptions (`InterruptCleanup`), then parses and runs the command.
    static func main() {
        InterruptCleanup.install()
        main(nil)
    }
}
