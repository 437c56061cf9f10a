import ArgumentParser
import Pipeline

/// `consortium synth`: writes a seeded synthetic data set (practices, registered lists,
/// attribution, areas, indicator counts, quality achievement) into a folder.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Generate a realistic synthetic consortium or England-scale data set (seeded).",
        discussion: """
        Writes CSV files in the canonical layouts into --out-dir (created if missing): practices.csv, population.csv (registered lists by sex and 19 age bands), attribution.csv (patients by practice and small area), areas.csv (IMD-like score, rank and decile), indicators.csv (numerators and denominators by practice, indicator and age band), indicator_definitions.csv and indicator_band_rates.csv (the true model), achievement.csv (quality measures) and measure_definitions.csv.

        --scale consortium: one consortium, Exampleshire (40 practices, 300 small areas, 12 indicators). --scale england: 6,500 practices in 106 consortia and 7 regions, about 62 million patients, 32,844 small areas and 50 indicators (about 6 million indicator rows), calibrated to the real 2022/23 frame.

        --persons N adds persons.csv: N registered patients drawn at random with practice, area, sex, age, five conditions and a yearly cost, and persons_model.csv with the true coefficients (cost has expectation intercept + age band + female + conditions + 6 × area IMD score).

        The same seed gives byte-identical files on every machine: the generator has its own portable random numbers and arithmetic.

        Example:
          consortium synth --scale consortium --seed 1 --out-dir exampleshire
        """
    )

    @Option(help: "consortium (one consortium, Exampleshire) or england (England-scale frame).")
    var scale: String = "consortium"

    @Option(help: "Seed of the generator (a whole number from 0 to 18446744073709551615).")
    var seed: UInt64

    @Option(help: "Folder to write the files into; created if it does not exist.")
    var outDir: String

    @Option(help: "Also write persons.csv with this many persons (conditions and a yearly cost from a documented true model, for person-based regression) and persons_model.csv with its coefficients. 0: no persons file.")
    var persons: Int = 0

    /// The step's options from the command line.
    var options: SynthOptions {
        SynthOptions(scale: scale, seed: seed, persons: persons)
    }

    func validate() throws {
        try validatingOptions { try options.validate() }
    }

    func run() throws {
        try reportingErrors {
            try SynthStep.run(options, folder: outDir)
        }
    }
}
