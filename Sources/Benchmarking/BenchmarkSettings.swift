/// The choices of one benchmark run, shared by every indicator.
public struct BenchmarkSettings: Sendable {
    public var comparator: ComparatorChoice
    public var funnelMethod: FunnelMethod
    public var dispersion: DispersionPolicy

    public init(comparator: ComparatorChoice = .england, funnelMethod: FunnelMethod = .exact, dispersion: DispersionPolicy = DispersionPolicy()) {
        self.comparator = comparator
        self.funnelMethod = funnelMethod
        self.dispersion = dispersion
    }
}
