import Tables

/// What a multiplicative component of a formula stands for.
public enum ComponentKind: String, Sendable {
    /// Additional need (morbidity, mortality, deprivation): `[[need]]` in a formula.
    case need
    /// An unavoidable cost difference (market forces factor, rurality): `[[cost]]`.
    case cost
    /// The adjustment of registered lists towards resident populations: `[list_inflation]`.
    case listInflation = "list_inflation"
    /// The index that distributes the unmet-need share: `[unmet_need]`.
    case unmetNeed = "unmet_need"
}

/// Where a component's variable is read.
public enum VariableSource: String, Sendable {
    /// A column of the practices file: one value per practice.
    case practices
    /// A column of the areas file (one value per small area), averaged over the practice's
    /// patients with the attribution file: x̄ₚ = Σₐ nₚₐ xₐ / Σₐ nₚₐ.
    case areas
}

/// One multiplicative index of a weighted-capitation formula: a need, a cost adjustment or list
/// inflation. Its index for practice p multiplies p's weighted population (design/methods.md,
/// "weighted population = Σ list × cost weight × Π need indices").
public struct IndexComponent: Sendable {
    /// Snake-case name; the output column is `<name>_index`.
    public var name: String
    public var kind: ComponentKind
    public var source: VariableSource
    /// The column holding the variable (in the practices or the areas file).
    public var variable: String
    public var form: IndexForm
    /// Where the component is defined in the formula file.
    public var location: SourceLocation?

    public init(name: String, kind: ComponentKind, source: VariableSource, variable: String, form: IndexForm, location: SourceLocation? = nil) {
        self.name = name
        self.kind = kind
        self.source = source
        self.variable = variable
        self.form = form
        self.location = location
    }

    /// The output column of the component's index.
    public var columnName: String { "\(name)_index" }
}
