import Allocation
import Tables

/// The options of `consortium pbra partial` (docs/pbra-model.md, "Fitting across data holders").
public struct PbraPartialOptions: Sendable {
    /// Persons CSV of one site.
    public var persons: String
    /// The model (TOML, with every categorical variable's levels declared).
    public var model: String
    /// Disclosure control: fewest persons, and fewest persons at a level that occurs.
    public var limits: DisclosureLimits
    /// Persons per chunk while streaming.
    public var chunkRows: Int
    /// For the second round (HC1): the coefficients CSV written by `pbra merge` from every
    /// site's first-round partial.
    public var robustCoefficients: String?

    public init(persons: String, model: String, limits: DisclosureLimits = DisclosureLimits(), chunkRows: Int = 1_024,
                robustCoefficients: String? = nil) {
        self.persons = persons
        self.model = model
        self.limits = limits
        self.chunkRows = chunkRows
        self.robustCoefficients = robustCoefficients
    }

    /// Checks that the options fit together.
    public func validate() throws {
        guard chunkRows > 0 else { throw OptionError("--chunk-rows: expected a whole number > 0, found \(chunkRows)") }
        guard limits.minimumPersons > 0 else {
            throw OptionError("--minimum-persons: expected a whole number > 0, found \(limits.minimumPersons)")
        }
        guard limits.minimumCell > 0 else { throw OptionError("--minimum-cell: expected a whole number > 0, found \(limits.minimumCell)") }
    }
}

/// A site's partial, as the text of its file.
public struct PbraPartialStepResult {
    public var partial: PersonBasedPartial
    /// The file's text (`PbraPartialFile`).
    public var text: String
    /// What the partial holds: persons, terms and limits.
    public var note: String
}

/// `consortium pbra partial`: one pass over a site's persons into the sufficient statistics of
/// the model (`PersonBasedPartial`), refused when it breaks the disclosure limits.
public enum PbraPartialStep {
    public static func run(_ options: PbraPartialOptions) throws -> PbraPartialStepResult {
        try options.validate()
        let model = try PersonBasedModelReader.read(path: options.model)
        var coefficients: [Double]?
        if let path = options.robustCoefficients {
            let fitted = try FittedCoefficientsFile.read(path: path)
            try fitted.check(against: try PersonBasedDesign(model: model, collectedLevels: fitted.levels(for: model)))
            coefficients = fitted.coefficients
        }
        let partial = try PersonBasedPartial.compute(persons: .file(path: options.persons), model: model, limits: options.limits,
                                                     options: PersonBasedFitOptions(chunkRows: options.chunkRows),
                                                     robustCoefficients: coefficients)
        let text = try PbraPartialFile.text(partial, modelLocation: model.location)
        let note = "pbra partial: \(partial.n) persons, \(partial.sums.columnNames.count) terms from \(options.persons) (at least \(options.limits.minimumPersons) persons and \(options.limits.minimumCell) per level that occurs)"
        return PbraPartialStepResult(partial: partial, text: text, note: note)
    }
}
