import Tables

/// Whether a variable of a person-based model measures need or supply.
///
/// Need variables (age, sex, diagnoses, area deprivation) are what an allocation should follow;
/// supply variables (distance to hospital, GP supply, the provider) explain cost that reflects
/// access rather than need, and are set to their national mean when need is predicted
/// (design/methods.md, "Person-based resource allocation").
public enum VariableRole: String, Sendable, Equatable {
    case need
    case supply
}

/// A text column expanded into indicator columns, one per level except the reference level.
///
/// The indicator of level ℓ is 1 when the person's value is ℓ and 0 otherwise; the reference
/// level has no column, so its effect is absorbed in the intercept and every other level's
/// coefficient is the difference from it (treatment contrasts; Chambers & Hastie, *Statistical
/// Models in S*, 1992, chapter 2).
public struct CategoricalVariable: Sendable, Equatable {
    /// The column of the persons file.
    public var variable: String
    public var role: VariableRole
    /// The level without an indicator column. Required with an intercept; without one, `nil`
    /// gives every level its own column.
    public var reference: String?
    /// Every level, the reference included, in the order of the output. `nil`: collected from
    /// the persons file by a first pass, in byte order.
    public var levels: [String]?
    /// Where the variable is declared (its `[[categorical]]` table), for messages.
    public var location: SourceLocation
    /// Where the reference level is written (the table's place when unknown).
    public var referenceLocation: SourceLocation

    public init(variable: String, role: VariableRole, reference: String?, levels: [String]?,
                location: SourceLocation = SourceLocation(file: "model"), referenceLocation: SourceLocation? = nil) {
        self.variable = variable
        self.role = role
        self.reference = reference
        self.levels = levels
        self.location = location
        self.referenceLocation = referenceLocation ?? location
    }
}

/// A person-based resource allocation model: a linear regression of each person's cost on need
/// and supply variables (design/methods.md, "Person-based resource allocation"; the approach of
/// Dixon et al., "A person based formula for allocating commissioning funds to general practices
/// in England: development of a statistical model", *BMJ* 2011;343:d6608):
///
///     costᵢ = b₀ + Σ_need bⱼ xᵢⱼ + Σ_supply bₖ zᵢₖ + eᵢ,
///
/// fitted by ordinary (or, with `weights`, weighted) least squares. The design's terms, in order:
/// the intercept, the numeric need variables, the numeric supply variables, then each categorical
/// variable's indicator columns (see `PersonBasedDesign`). The file format is docs/pbra-model.md.
public struct PersonBasedModel: Sendable, Equatable {
    /// The cost column (a number ≥ 0 for every person).
    public var response: String
    /// Whether the design has an intercept column (of ones).
    public var intercept: Bool
    /// A column of analytic weights (numbers ≥ 0) for weighted least squares, or `nil`.
    public var weights: String?
    /// Numeric need columns, in design order.
    public var need: [String]
    /// Numeric supply columns, in design order.
    public var supply: [String]
    /// Categorical columns, in design order (after the numeric ones).
    public var categorical: [CategoricalVariable]
    /// The model file, for messages about the model as a whole.
    public var location: SourceLocation
    /// Where each variable is named in the model file, for messages.
    public var variableLocations: [String: SourceLocation]

    public init(response: String, intercept: Bool = true, weights: String? = nil, need: [String] = [], supply: [String] = [],
                categorical: [CategoricalVariable] = [], location: SourceLocation = SourceLocation(file: "model"),
                variableLocations: [String: SourceLocation] = [:]) {
        self.response = response
        self.intercept = intercept
        self.weights = weights
        self.need = need
        self.supply = supply
        self.categorical = categorical
        self.location = location
        self.variableLocations = variableLocations
    }

    /// Where `variable` is named in the model file (the file itself when unknown).
    public func location(of variable: String) -> SourceLocation {
        variableLocations[variable] ?? location
    }

    /// The categorical variables whose levels must be collected from the data.
    public var undeclaredCategoricals: [CategoricalVariable] {
        categorical.filter { $0.levels == nil }
    }
}
