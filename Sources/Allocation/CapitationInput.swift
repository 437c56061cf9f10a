import Tables

/// Everything the capitation arithmetic needs about the practices, one entry per practice in
/// every array (structure of arrays, so England's 6,500 practices stay compact).
public struct CapitationInput: Sendable {
    public var practiceCodes: [String]
    public var consortiumCodes: [String]
    /// Registered patients nₚ (whole numbers from lists, or averages such as NHS Digital's
    /// "last known figure").
    public var registeredPatients: [Double]
    /// The population before need and cost indices: Σ list × cost weight for age-sex weights,
    /// the practice column for a column basis, or nₚ.
    public var basePopulation: [Double]
    /// For each component of the formula (in order), each practice's value: the variable xₚ for
    /// `value`, `linear` and `exponential` forms, or the (patient-weighted mean) table factor for
    /// `table`. Practices with no registered patients are not used and may hold NaN.
    public var componentValues: [[Double]]
    /// The unmet-need index's values, in the same way, when the formula has one.
    public var unmetNeedValues: [Double]?
    /// Where each practice is defined (its row of the practices file), for messages.
    public var practiceLocations: [SourceLocation]?

    public init(
        practiceCodes: [String], consortiumCodes: [String], registeredPatients: [Double], basePopulation: [Double],
        componentValues: [[Double]] = [], unmetNeedValues: [Double]? = nil, practiceLocations: [SourceLocation]? = nil
    ) {
        let count = practiceCodes.count
        precondition(consortiumCodes.count == count && registeredPatients.count == count && basePopulation.count == count,
                     "CapitationInput: one value per practice in every array")
        precondition(componentValues.allSatisfy { $0.count == count } && (unmetNeedValues?.count ?? count) == count,
                     "CapitationInput: one component value per practice")
        self.practiceCodes = practiceCodes
        self.consortiumCodes = consortiumCodes
        self.registeredPatients = registeredPatients
        self.basePopulation = basePopulation
        self.componentValues = componentValues
        self.unmetNeedValues = unmetNeedValues
        self.practiceLocations = practiceLocations
    }

    public var practiceCount: Int { practiceCodes.count }

    /// Where practice `index` is defined (its row, or the practice code when rows are unknown).
    public func location(ofPractice index: Int) -> SourceLocation {
        practiceLocations?[index] ?? SourceLocation(file: "practice \(practiceCodes[index])")
    }
}
