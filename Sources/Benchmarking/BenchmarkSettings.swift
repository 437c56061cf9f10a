/// The choices of one benchmark run, shared by every indicator.
public struct BenchmarkSettings: Sendable {
    /// England, the consortium or the peer group.
    public var comparator: ComparatorChoice
    /// Exact (interpolated), normal-approximation or (proportions) Wilson-score funnel limits.
    public var funnelMethod: FunnelMethod
    /// Winsorisation, the over-dispersion test and the model applied.
    public var dispersion: DispersionPolicy

    /// The defaults of `consortium benchmark`: England, exact limits, additive random effects
    /// when the chi-square test finds over-dispersion, 10% Winsorisation.
    public init(comparator: ComparatorChoice = .england, funnelMethod: FunnelMethod = .exact, dispersion: DispersionPolicy = DispersionPolicy()) {
        self.comparator = comparator
        self.funnelMethod = funnelMethod
        self.dispersion = dispersion
    }
}
