import Tables

/// What makes two sites' sums sums of the same design: the response, the intercept, the weights
/// column, the numeric need and supply variables in order, and each categorical variable's role,
/// reference and every level in order. Partials merge only when their fingerprints are equal
/// (docs/pbra-model.md, "Fitting across data holders").
///
/// Levels must be declared in the model: levels collected from each site's own file would give
/// sites that lack a level a different design.
public struct PersonBasedModelFingerprint: Sendable, Equatable {
    public struct Categorical: Sendable, Equatable {
        public var variable: String
        public var role: VariableRole
        public var reference: String?
        public var levels: [String]

        public init(variable: String, role: VariableRole, reference: String?, levels: [String]) {
            self.variable = variable
            self.role = role
            self.reference = reference
            self.levels = levels
        }
    }

    public var response: String
    public var intercept: Bool
    public var weights: String?
    public var need: [String]
    public var supply: [String]
    public var categorical: [Categorical]

    public init(response: String, intercept: Bool, weights: String?, need: [String], supply: [String], categorical: [Categorical]) {
        self.response = response
        self.intercept = intercept
        self.weights = weights
        self.need = need
        self.supply = supply
        self.categorical = categorical
    }

    /// The fingerprint of `model`.
    ///
    /// - Throws: a bad-data error at the first categorical variable without declared levels.
    public init(model: PersonBasedModel) throws {
        var categorical: [Categorical] = []
        for variable in model.categorical {
            guard let levels = variable.levels else {
                throw DataError(.badData, at: variable.location,
                                "categorical: a partial needs the levels of \(variable.variable) declared (levels = [...]), so that every site builds the same design terms")
            }
            categorical.append(Categorical(variable: variable.variable, role: variable.role, reference: variable.reference, levels: levels))
        }
        self.init(response: model.response, intercept: model.intercept, weights: model.weights, need: model.need,
                  supply: model.supply, categorical: categorical)
    }

    /// The model this fingerprint describes, with messages pointing at `location`.
    public func model(location: SourceLocation) -> PersonBasedModel {
        PersonBasedModel(
            response: response, intercept: intercept, weights: weights, need: need, supply: supply,
            categorical: categorical.map {
                CategoricalVariable(variable: $0.variable, role: $0.role, reference: $0.reference, levels: $0.levels, location: location)
            },
            location: location)
    }
}
