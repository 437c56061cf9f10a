import Tables

/// What a practice's population is before the need and cost indices multiply it.
public enum PopulationBasis: Sendable {
    /// Registered patients, every patient weighing 1 (no `[age_sex]` section).
    case registeredPatients
    /// Registered lists by sex and age band × cost weights.
    case ageSexWeights(AgeSexWeights)
    /// A practice column that already holds a weighted population (for example NHS Digital's
    /// published Carr-Hill weighted patients).
    case practiceColumn(String)
}

/// A weighted-capitation formula, as read from a formula TOML file (docs/formula.md):
///
///     weighted populationₚ = nₚ · Aₚ · Π_k Iₖₚ
///     target shareₚ        = (1 − s) · Wₚ / ΣW + s · Bₚ Uₚ / Σ B U     (s = 0 without unmet need)
///     target budgetₚ       = target shareₚ × total, rounded to pence by largest remainder
///
/// nₚ registered patients, Aₚ the age-sex index (the practice's age-sex weighted population per
/// registered patient, scaled so the England/input-wide mean is 1), Iₖ the need, cost and
/// list-inflation indices (each with population-weighted mean 1), U the unmet-need index.
/// Source: design/methods.md, "Weighted capitation"; the multiplicative structure of the GMS
/// global sum (Carr-Hill) formula and of NHS England's allocation formulae.
public struct AllocationFormula: Sendable {
    public var name: String?
    public var description: String?
    /// `illustrative` or `published`: whether the numbers are the publisher's own.
    public var status: String?
    /// The total to allocate, in pence, when the formula states it (`--total` overrides).
    public var totalPence: Int?
    public var population: PopulationBasis
    /// Multiplicative indices, in the order they appear in the output: needs, costs, list inflation.
    public var components: [IndexComponent]
    public var unmetNeed: UnmetNeedAdjustment?
    public var paceOfChange: PaceOfChangeRule?
    /// The formula file, for messages about the formula as a whole.
    public var location: SourceLocation

    public init(
        name: String? = nil, description: String? = nil, status: String? = nil, totalPence: Int? = nil,
        population: PopulationBasis, components: [IndexComponent] = [], unmetNeed: UnmetNeedAdjustment? = nil,
        paceOfChange: PaceOfChangeRule? = nil, location: SourceLocation = SourceLocation(file: "formula")
    ) {
        self.name = name
        self.description = description
        self.status = status
        self.totalPence = totalPence
        self.population = population
        self.components = components
        self.unmetNeed = unmetNeed
        self.paceOfChange = paceOfChange
        self.location = location
    }

    /// Every index with a variable to read: the components, then the unmet-need index.
    public var indexedVariables: [IndexComponent] {
        components + (unmetNeed.map { [$0.index] } ?? [])
    }
}
