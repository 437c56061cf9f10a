import Tables

/// Which population the unmet-need share is spread over.
public enum UnmetNeedBasis: String, Sendable {
    /// In proportion to weighted population × unmet-need index (the age-sex and need weighted
    /// population, as a health-inequalities adjustment on top of the main formula).
    case weightedPopulation = "weighted_population"
    /// In proportion to registered patients × unmet-need index.
    case registeredPatients = "registered_patients"
}

/// An unmet-need (health-inequalities) adjustment: a stated share s of the total is distributed by
/// its own index U (for example standardised mortality under 75), the rest by the main formula:
///
///     target shareₚ = (1 − s) · Wₚ / ΣW + s · Bₚ Uₚ / Σ B U
///
/// with W the weighted population and B the basis (W or registered patients). U is normalised like
/// every index (registered-population-weighted mean 1). This follows the structure of NHS
/// England's allocation formulae, where a fixed proportion of the allocation is distributed by an
/// adjustment for unmet need and health inequalities (NHS England, *Technical Guide to Allocation
/// Formulae and Pace of Change*, 2016-17 to 2020-21); the share and index are the formula's own.
public struct UnmetNeedAdjustment: Sendable {
    /// s, in [0, 1).
    public var share: Double
    public var basis: UnmetNeedBasis
    public var index: IndexComponent

    public init(share: Double, basis: UnmetNeedBasis, index: IndexComponent) {
        self.share = share
        self.basis = basis
        self.index = index
    }
}
