import Allocation
import Tables

/// The options of a person-based prediction step, spelled as `consortium pbra predict` spells
/// them (docs/pbra-model.md). File options hold paths.
public struct PbraPredictOptions: Sendable {
    /// Persons CSV: practice_code and the model's need (with `neutralise = none` also supply) variables.
    public var persons: String
    /// Coefficients CSV written by `pbra fit` (or a run's pbra-fit step).
    public var coefficients: String
    /// The model (TOML), as given to the fit.
    public var model: String
    /// `supply` (hold supply terms at their national means) or `none`.
    public var neutralise: String
    /// Persons per chunk while streaming.
    public var chunkRows: Int

    public init(persons: String, coefficients: String, model: String, neutralise: String = Neutralisation.supply.rawValue,
                chunkRows: Int = 1_024) {
        self.persons = persons
        self.coefficients = coefficients
        self.model = model
        self.neutralise = neutralise
        self.chunkRows = chunkRows
    }

    /// Checks that the options fit together.
    public func validate() throws {
        guard Neutralisation(rawValue: neutralise) != nil else {
            throw OptionError("--neutralise: expected supply or none, found '\(neutralise)'")
        }
        guard chunkRows > 0 else { throw OptionError("--chunk-rows: expected a whole number > 0, found \(chunkRows)") }
    }
}

/// A finished person-based prediction: the need by practice and its rows.
public struct PbraPredictStepResult {
    public var prediction: NeedPrediction
    /// One row per practice (`PersonBasedCSV.practicesHeader`), in practice-code order.
    public var practices: StepTable
}

/// `consortium pbra predict` and a run's pbra-predict step: read the model and the fitted
/// coefficients, predict every person's cost with supply neutralised (Allocation's
/// `NeedPredictor`), and lay out the practices' rows.
public enum PbraPredictStep {
    /// - Parameter eachPersonRow: receives each person's row (`PersonBasedCSV.personsHeader`) as
    ///   the persons stream past, so memory does not grow with the number of persons.
    public static func run(_ options: PbraPredictOptions, eachPersonRow: (([CSVValue]) throws -> Void)? = nil) throws -> PbraPredictStepResult {
        try options.validate()
        let model = try PersonBasedModelReader.read(path: options.model)
        let fitted = try FittedCoefficientsFile.read(path: options.coefficients)
        let prediction = try NeedPredictor.predict(
            persons: .file(path: options.persons), model: model, coefficients: fitted,
            neutralise: Neutralisation(rawValue: options.neutralise)!, chunkRows: options.chunkRows,
            eachChunk: eachPersonRow.map { sink in
                { chunk in for row in PersonBasedCSV.personRows(chunk) { try sink(row) } }
            })
        let practices = StepTable(header: PersonBasedCSV.practicesHeader) { emit in
            for row in PersonBasedCSV.practiceRows(prediction) { try emit(row) }
        }
        return PbraPredictStepResult(prediction: prediction, practices: practices)
    }
}
