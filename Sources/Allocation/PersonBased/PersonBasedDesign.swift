import Tables

/// The design columns of a person-based model once every categorical variable's levels are known.
///
/// Terms, in order: `intercept` (when the model has one); the numeric need variables; the numeric
/// supply variables; then, for each categorical variable in model order, the indicator
/// `variable=level` of each level except the reference, in level order (declared order, or byte
/// order when the levels were collected from the file).
public struct PersonBasedDesign: Sendable {
    public let model: PersonBasedModel
    public let terms: [DesignTerm]
    /// Every level of each categorical variable (the reference included), in term order.
    public let levels: [String: [String]]

    /// Builds the terms. `collectedLevels` supplies the levels of the categorical variables whose
    /// model declares none (from `CategoryLevels.collect`, or read back from a coefficients file).
    ///
    /// - Throws: a bad-data error at the model's variable when a reference level is not among
    ///   the levels, or when two terms would have the same name.
    public init(model: PersonBasedModel, collectedLevels: [String: [String]] = [:]) throws {
        var terms: [DesignTerm] = []
        if model.intercept { terms.append(DesignTerm(name: "intercept", variable: "", role: .intercept, kind: .intercept)) }
        for name in model.need { terms.append(DesignTerm(name: name, variable: name, role: .need, kind: .numeric)) }
        for name in model.supply { terms.append(DesignTerm(name: name, variable: name, role: .supply, kind: .numeric)) }
        var levels: [String: [String]] = [:]
        for variable in model.categorical {
            guard let known = variable.levels ?? collectedLevels[variable.variable] else {
                preconditionFailure("PersonBasedDesign: no levels for \(variable.variable)")
            }
            if let reference = variable.reference, !known.contains(reference) {
                throw DataError(.badData, at: variable.referenceLocation,
                                "categorical.reference: the reference level \(DataError.quoted(reference)) of \(variable.variable) does not occur (levels: \(Self.list(known)))")
            }
            levels[variable.variable] = known
            let role: TermRole = variable.role == .need ? .need : .supply
            for level in known where level != variable.reference {
                terms.append(DesignTerm(name: DesignTerm.indicatorName(variable: variable.variable, level: level),
                                        variable: variable.variable, role: role, kind: .indicator(level: level)))
            }
        }
        var seen: Set<String> = []
        for term in terms where !seen.insert(term.name).inserted {
            throw DataError(.badData, at: model.location(of: term.variable),
                            "two design terms are called \(DataError.quoted(term.name)); rename the column")
        }
        self.model = model
        self.terms = terms
        self.levels = levels
    }

    /// p, the number of terms.
    public var termCount: Int { terms.count }
    public var termNames: [String] { terms.map(\.name) }

    /// Positions of the terms with the given role.
    public func termIndices(role: TermRole) -> [Int] {
        terms.indices.filter { terms[$0].role == role }
    }

    /// The columns to read: the numeric variables of the selected terms (numbers), the categorical
    /// variables (text), the response (a number ≥ 0) and the weights (numbers ≥ 0) when asked, and
    /// extra text columns. A column is asked for once even when it serves twice.
    public func schema(terms selected: [Int], categoricalVariables: [String], response: Bool, weights: Bool, text extra: [String] = []) -> Schema {
        var specs: [ColumnSpec] = []
        var names: Set<String> = []
        func add(_ spec: ColumnSpec) {
            if names.insert(spec.name).inserted { specs.append(spec) }
        }
        for index in selected where terms[index].kind == .numeric {
            add(ColumnSpec(terms[index].variable, .decimal()))
        }
        for variable in categoricalVariables { add(ColumnSpec(variable)) }
        if response { add(ColumnSpec(model.response, .decimal(minimum: 0))) }
        if weights, let column = model.weights { add(ColumnSpec(column, .decimal(minimum: 0))) }
        for name in extra { add(ColumnSpec(name)) }
        return Schema(specs)
    }

    /// The categorical variables with the given roles, in model order.
    public func categoricalVariables(roles: Set<VariableRole>) -> [String] {
        model.categorical.filter { roles.contains($0.role) }.map(\.variable)
    }

    static func list(_ levels: [String]) -> String {
        let shown = levels.prefix(20).map { DataError.quoted($0) }.joined(separator: ", ")
        return levels.count > 20 ? shown + ", … (\(levels.count) in all)" : shown
    }
}
