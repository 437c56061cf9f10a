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

        An output that is one of the inputs (by any spelling, a symbolic or a hard link) is refused before anything is read. Interrupted (SIGINT, SIGTERM) or out of room (a full disk, `ulimit -f`), a command removes its unfinished outputs.

        Exit codes: 0 success, 64 bad command line (an output naming an input too), 65 bad data, 66 input cannot be opened, 73 output cannot be created or written, 70 internal error, 130 and 143 interrupted by SIGINT and SIGTERM.

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
