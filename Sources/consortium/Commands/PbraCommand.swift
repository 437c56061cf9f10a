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

        Across data holders, `pbra partial` writes one site's sufficient statistics and `pbra merge` fits the model from every site's partials, with the same coefficients as `pbra fit` on all the persons together (docs/pbra-model.md, "Fitting across data holders").
        """,
        subcommands: [PbraFitCommand.self, PbraPredictCommand.self, PbraPartialCommand.self, PbraMergeCommand.self, PbraCombineCommand.self]
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

/// `consortium pbra partial`.
struct PbraPartialCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partial",
        abstract: "Write one site's sufficient statistics for a person-based model, to be merged with other sites' by pbra merge.",
        discussion: """
        One pass over the persons CSV (as pbra fit reads it) gives X'WX, X'Wy, y'Wy, n, the sum of weights, each term's column total and each categorical level's persons, with the model's fingerprint (response, intercept, weights, variables, every level; the model must declare the levels of every categorical variable). The file is text, versioned, with a SHA-256 of its body (docs/pbra-model.md, "The partial file"); it holds sums only, no person's record.

        Disclosure control: a site with fewer than --minimum-persons persons with positive weight, or a categorical level that occurs with fewer than --minimum-cell persons, is refused (exit 65, no file). A level with no person at all is allowed. The limits are recorded in the partial.

        Example:
          consortium pbra partial --persons north.csv --model model.toml --out north.pbra-partial
        """
    )

    @Option(help: ArgumentHelp("Persons CSV of this site: one row per person with the model's columns.", valueName: "file"))
    var persons: String

    @Option(help: ArgumentHelp("The model, in TOML (docs/pbra-model.md), with the levels of every categorical variable declared.", valueName: "file"))
    var model: String

    @Option(help: ArgumentHelp("Refuse a site with fewer persons with positive weight than this.", valueName: "persons"))
    var minimumPersons: Int = DisclosureLimits.defaultMinimumPersons

    @Option(help: ArgumentHelp("Refuse a site where a categorical level occurs with fewer persons than this.", valueName: "persons"))
    var minimumCell: Int = DisclosureLimits.defaultMinimumCell

    @Option(help: ArgumentHelp("Persons per chunk while streaming.", valueName: "rows"))
    var chunkRows: Int = 1_024

    @Flag(help: "Second round for HC1: add the meat of the residuals of --coefficients (a second pass over the persons).")
    var robust = false

    @Option(help: ArgumentHelp("With --robust: the coefficients CSV pbra merge wrote from every site's first-round partial.", valueName: "file"))
    var coefficients: String?

    @Option(help: ArgumentHelp("The partial file to write.", valueName: "file"))
    var out: String

    var options: PbraPartialOptions {
        PbraPartialOptions(persons: persons, model: model,
                           limits: DisclosureLimits(minimumPersons: minimumPersons, minimumCell: minimumCell), chunkRows: chunkRows,
                           robustCoefficients: robust ? coefficients : nil)
    }

    func validate() throws {
        try refuseOutputsOverInputs()
        guard robust == (coefficients != nil) else {
            throw ValidationError(robust ? "--robust: expected --coefficients FILE (the coefficients of the first round's merge)"
                                         : "--coefficients: only with --robust (the second round)")
        }
        try validatingOptions { try options.validate() }
    }

    func run() throws {
        try reportingErrors {
            let result = try PbraPartialStep.run(options)
            try RelativePath.writeAtomically(result.text, to: out)
            printError("note: \(result.note)")
        }
    }
}

/// `consortium pbra merge`.
struct PbraMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Fit a person-based model from the partials of several sites: the coefficients pbra fit gives on all their persons.",
        discussion: """
        Adds the sites' sufficient statistics and solves the normal equations as pbra fit does; the coefficients, classical standard errors and summary are those of pbra fit on the concatenated persons (to rounding, about 1e-12 relative), in the same files (columns as pbra fit; with --robust the HC1 columns too).

        HC1 takes a second round: merge the first-round partials, give the coefficients to every site (pbra partial --robust --coefficients coefficients.csv), and merge the second-round partials with --robust. Partials of different models, the same partial twice (same SHA-256), a partial whose checksum does not match, or of an unknown version are errors naming the file (exit 65).

        Example:
          consortium pbra merge north.pbra-partial south.pbra-partial --summary summary.csv --out coefficients.csv
          consortium pbra partial --persons north.csv --model model.toml --robust --coefficients coefficients.csv --out north.robust-partial
          consortium pbra merge --robust north.robust-partial south.robust-partial --out robust-coefficients.csv
        """
    )

    @Argument(help: ArgumentHelp("Partial files written by pbra partial, one per site.", valueName: "partial"))
    var partials: [String]

    @Flag(help: "HC1 robust standard errors from second-round partials (pbra partial --robust --coefficients).")
    var robust = false

    @Option(help: ArgumentHelp("Write the fit's summary statistics (statistic, term, value) to this CSV.", valueName: "file"))
    var summary: String?

    @Option(help: ArgumentHelp("Output CSV of coefficients (standard output when absent).", valueName: "file"))
    var out: String?

    var options: PbraMergeOptions { PbraMergeOptions(partials: partials, robust: robust) }

    func validate() throws {
        try refuseOutputsOverInputs()
        try validatingOptions { try options.validate() }
    }

    func run() throws {
        try reportingErrors {
            let result = try PbraMergeStep.run(options)
            var tables: [(table: StepTable, path: String?)] = [(result.coefficients, out)]
            if let summary { tables.append((result.summary, summary)) }
            try StepTable.write(tables)
            printError("note: \(result.note)")
        }
    }
}

struct PbraCombineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "combine",
        abstract: "National need shares from the practice outputs of pbra predict at each site.",
        discussion: """
        Each site predicts its own persons with the merged coefficients (pbra predict --coefficients coefficients.csv from pbra merge), so every prediction uses the same model and national means; the sites' practice files (practice_code, patients, predicted_cost[, need_share]) are combined into one: need_share = predicted_cost / the total over every site, the share pbra predict gives on all the sites' persons together. A practice in two files is an error naming both (exit 65). Output: practice_code, patients, predicted_cost, need_share, in practice-code order, usable as a budget formula's shares ([age_sex] shares_file).

        Example:
          consortium pbra combine north-need.csv south-need.csv --out england-need.csv
        """
    )

    @Argument(help: ArgumentHelp("Practice outputs of pbra predict, one per site.", valueName: "site-need"))
    var sites: [String]

    @Option(help: ArgumentHelp("Output CSV (standard output when absent).", valueName: "file"))
    var out: String?

    func validate() throws {
        try refuseOutputsOverInputs()
        if sites.isEmpty { throw ValidationError("give at least one site's practice file") }
    }

    func run() throws {
        try reportingErrors {
            let read = try sites.map { NeedCombination.Site(table: try TableReader.read(path: $0, schema: NeedCombination.schema)) }
            let practices = try NeedCombination.combine(read)
            let table = StepTable(header: PersonBasedCSV.practicesHeader) { emit in
                for row in PersonBasedCSV.practiceRows(practices) { try emit(row) }
            }
            try StepTable.write([(table, out)])
        }
    }
}

extension PbraCombineCommand: ReadsAndWritesFiles {
    var inputFiles: [FileOption] { sites.map { FileOption("site-need", $0) } }
    var outputFiles: [FileOption] { [FileOption("--out", out)] }
}

extension PbraPartialCommand: ReadsAndWritesFiles {
    var inputFiles: [FileOption] {
        [
            FileOption("--persons", persons),
            FileOption("--model", model),
            FileOption("--coefficients", coefficients),
        ]
    }

    var outputFiles: [FileOption] {
        [FileOption("--out", out)]
    }
}

extension PbraMergeCommand: ReadsAndWritesFiles {
    var inputFiles: [FileOption] {
        partials.map { FileOption("partial", $0) }
    }

    var outputFiles: [FileOption] {
        [
            FileOption("--out", out),
            FileOption("--summary", summary),
        ]
    }
}
