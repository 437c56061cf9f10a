import Allocation
import Tables

/// The options of a person-based fit step, spelled as `consortium pbra fit` spells them
/// (docs/pbra-model.md). File options hold paths.
public struct PbraFitOptions: Sendable {
    /// Persons CSV: one row per person with the model's columns.
    public var persons: String
    /// The model (TOML, docs/pbra-model.md).
    public var model: String
    /// Whether HC1 robust standard errors are computed (a second pass over the persons).
    public var robust: Bool
    /// Persons per chunk while streaming.
    public var chunkRows: Int

    public init(persons: String, model: String, robust: Bool = false, chunkRows: Int = 1_024) {
        self.persons = persons
        self.model = model
        self.robust = robust
        self.chunkRows = chunkRows
    }

    /// Checks that the options fit together.
    public func validate() throws {
        guard chunkRows > 0 else { throw OptionError("--chunk-rows: expected a whole number > 0, found \(chunkRows)") }
    }
}

/// A finished person-based fit: the model, the fit, and the rows of the coefficients and the summary.
public struct PbraFitStepResult {
    public var model: PersonBasedModel
    public var fit: PersonBasedFit
    /// One row per term (`PersonBasedCSV.coefficientsHeader(robust:)`).
    public var coefficients: StepTable
    /// statistic, term, value (`PersonBasedCSV.summaryHeader`).
    public var summary: StepTable
    /// What the fit read: persons, terms and passes over the persons file.
    public var note: String
}

/// `consortium pbra fit` and a run's pbra-fit step: read the model, fit it to the persons by
/// streaming least squares (Allocation's `PersonBasedRegression`), and lay out the rows.
public enum PbraFitStep {
    public static func run(_ options: PbraFitOptions) throws -> PbraFitStepResult {
        try options.validate()
        let model = try PersonBasedModelReader.read(path: options.model)
        let fit = try PersonBasedRegression.fit(persons: .file(path: options.persons), model: model,
                                                options: PersonBasedFitOptions(robust: options.robust, chunkRows: options.chunkRows))
        let coefficients = StepTable(header: PersonBasedCSV.coefficientsHeader(robust: options.robust)) { emit in
            for row in PersonBasedCSV.coefficientRows(fit) { try emit(row) }
        }
        let summary = StepTable(header: PersonBasedCSV.summaryHeader) { emit in
            for row in PersonBasedCSV.summaryRows(fit) { try emit(row) }
        }
        let note = "pbra fit: \(fit.regression.n) persons, \(fit.regression.p) terms, \(fit.passes) pass\(fit.passes == 1 ? "" : "es") over \(options.persons)"
        return PbraFitStepResult(model: model, fit: fit, coefficients: coefficients, summary: summary, note: note)
    }
}
