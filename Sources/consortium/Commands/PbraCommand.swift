import Allocation
import ArgumentParser
import Pipeline
import Tables

/// `consortium pbra`: person-based resource allocation (fit, then predict need by practice).
struct PbraCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pbra",
        abstract: "Person-based resource allocation: regress each person's cost on need and supply variables, then predict need by practice.",
        discussion: """
        `pbra fit` fits the model (a TOML file, docs/pbra-model.md) to a persons CSV by ordinary or weighted least squares, streaming the file in chunks (memory does not grow with the number of persons). `pbra predict` predicts every person's cost with the supply variables held at their national means, and sums the predictions to practices: the need_share column can be a budget formula's target share ([age_sex] shares_file, docs/formula.md).

        Example:
          consortium pbra fit --persons persons.csv --model model.toml --robust --summary summary.csv --out coefficients.csv
          consortium pbra predict --persons persons.csv --coefficients coefficients.csv --model model.toml --neutralise supply --out need.csv
        """,
        subcommands: [PbraFitCommand.self, PbraPredictCommand.self]
    )
}

/// `consortium pbra fit`.
struct PbraFitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a person-based model: coefficients, standard errors, t and p by term.",
        discussion: """
        The persons CSV has one row per person with the model's response (cost, a number >= 0), need and supply variables (numbers), categorical variables (text) and optional weights (numbers >= 0); other columns are ignored. Categorical variables become indicator columns, one per level except the reference; levels not declared in the model are collected by a first pass over the file. The fit streams the file in chunks through the normal equations (dsyrk), solved by Cholesky; collinear (aliased) terms are an error naming them. --robust adds HC1 standard errors by a second pass.

        Output (coefficients): term, variable, level, role (intercept, need, supply), coefficient, standard_error, t, p (two-sided, Student t on n - p degrees of freedom), with --robust robust_standard_error, robust_t, robust_p, then national_mean (the weighted mean of the term's column; pbra predict holds supply terms at it). --summary FILE writes statistic, term, value: rows, n, p, degrees_of_freedom, sum_of_weights, response_mean, r_squared, adjusted_r_squared, residual_standard_error, and supply_mean per supply term.

        Example:
          consortium pbra fit --persons persons.csv --model model.toml --robust --summary summary.csv --out coefficients.csv
        """
    )

    @Option(help: ArgumentHelp("Persons CSV: one row per person with the model's columns.", valueName: "file"))
    var persons: String

    @Option(help: ArgumentHelp("The model, in TOML (docs/pbra-model.md).", valueName: "file"))
    var model: String

    @Flag(help: "Also compute HC1 robust standard errors (a second pass over the persons).")
    var robust = false

    @Option(help: ArgumentHelp("Write the fit's summary statistics (statistic, term, value) to this CSV.", valueName: "file"))
    var summary: String?

    @Option(help: ArgumentHelp("Persons per chunk while streaming (memory is about 3 x rows x terms doubles).", valueName: "rows"))
    var chunkRows: Int = 1_024

    @Option(help: ArgumentHelp("Output CSV of coefficients (standard output when absent).", valueName: "file"))
    var out: String?

    var options: PbraFitOptions {
        PbraFitOptions(persons: persons, model: model, robust: robust, chunkRows: chunkRows)
    }

    func validate() throws {
        try refuseOutputsOverInputs()
        try validatingOptions { try options.validate() }
    }

    func run() throws {
        try reportingErrors {
            let result = try PbraFitStep.run(options)
            var tables: [(table: StepTable, path: String?)] = [(result.coefficients, out)]
            if let summary { tables.append((result.summary, summary)) }
            try StepTable.write(tables)
            printError("note: \(result.note)")
        }
    }
}

/// `consortium pbra predict`.
struct PbraPredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predict each person's cost with supply held at its national mean, summed to practices as shares of need.",
        discussion: """
        Each person's prediction is the fitted model with every supply term set to its national_mean from the coefficients file (--neutralise supply), or with the person's own values (--neutralise none). Every person counts once. The persons CSV needs practice_code, the need variables, and with --neutralise none the supply variables too; a categorical level the fit did not have is an error. The coefficients must be those of this model (same terms in the same order).

        Output: practice_code, patients (persons in the file), predicted_cost (pounds per year), need_share (predicted cost / the total; the shares add up to 1), in practice-code order. --persons-out FILE writes person_id, practice_code, predicted_cost per person.

        Example:
          consortium pbra predict --persons persons.csv --coefficients coefficients.csv --model model.toml --neutralise supply --out need.csv
        """
    )

    @Option(help: ArgumentHelp("Persons CSV: practice_code, the model's need (and, with --neutralise none, supply) variables.", valueName: "file"))
    var persons: String

    @Option(help: ArgumentHelp("Coefficients CSV written by pbra fit.", valueName: "file"))
    var coefficients: String

    @Option(help: ArgumentHelp("The model, in TOML (docs/pbra-model.md), as given to pbra fit.", valueName: "file"))
    var model: String

    @Option(help: ArgumentHelp("supply (hold supply terms at their national means) or none.", valueName: "terms"))
    var neutralise: String = Neutralisation.supply.rawValue

    @Option(help: ArgumentHelp("Also write each person's predicted cost (person_id, practice_code, predicted_cost) to this CSV.", valueName: "file"))
    var personsOut: String?

    @Option(help: ArgumentHelp("Persons per chunk while streaming.", valueName: "rows"))
    var chunkRows: Int = 1_024

    @Option(help: ArgumentHelp("Output CSV of practices (standard output when absent).", valueName: "file"))
    var out: String?

    var options: PbraPredictOptions {
        PbraPredictOptions(persons: persons, coefficients: coefficients, model: model, neutralise: neutralise, chunkRows: chunkRows)
    }

    func validate() throws {
        try refuseOutputsOverInputs()
        try validatingOptions { try options.validate() }
    }

    func run() throws {
        try reportingErrors {
            let personsWriter = try personsOut.map { try CSVWriter(path: $0, header: PersonBasedCSV.personsHeader) }
            let result = try PbraPredictStep.run(options, eachPersonRow: personsWriter.map { writer in { try writer.write($0) } })
            let practices = try CSVWriter(path: out, header: result.practices.header)
            try result.practices.forEachRow { try practices.write($0) }
            try personsWriter?.commit()
            try practices.commit()
        }
    }
}

extension PbraFitCommand: ReadsAndWritesFiles {
    var inputFiles: [FileOption] {
        [
            FileOption("--persons", persons),
            FileOption("--model", model),
        ]
    }

    var outputFiles: [FileOption] {
        [
            FileOption("--out", out),
            FileOption("--summary", summary),
        ]
    }
}

extension PbraPredictCommand: ReadsAndWritesFiles {
    var inputFiles: [FileOption] {
        [
            FileOption("--persons", persons),
            FileOption("--coefficients", coefficients),
            FileOption("--model", model),
        ]
    }

    var outputFiles: [FileOption] {
        [
            FileOption("--out", out),
            FileOption("--persons-out", personsOut),
        ]
    }
}
