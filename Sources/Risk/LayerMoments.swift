/// Raw moments of a person's cost X restricted to a layer L = (lower, upper]:
/// `probability` = P(X ∈ L), `first` = E[X; X ∈ L], `second` = E[X²; X ∈ L], `third` = E[X³; X ∈ L]
/// (E[g(X); A] meaning E[g(X)·1{X ∈ A}]). Layers add: the moments of two adjacent layers sum to
/// those of their union.
public struct LayerMoments: Hashable, Sendable {
    public var probability: Double
    public var first: Double
    public var second: Double
    public var third: Double

    public init(probability: Double, first: Double, second: Double, third: Double) {
        self.probability = probability
        self.first = first
        self.second = second
        self.third = third
    }

    public static let empty = LayerMoments(probability: 0, first: 0, second: 0, third: 0)

    /// E[X | X ∈ L] = first / probability (0 for an empty layer).
    public var conditionalMean: Double { probability > 0 ? first / probability : 0 }

    /// Var(X | X ∈ L) = second / probability − mean², floored at 0 against rounding.
    public var conditionalVariance: Double {
        guard probability > 0 else { return 0 }
        let mean = conditionalMean
        return max(0, second / probability - mean * mean)
    }

    /// Σ over the layer of (X − c)³ weighted by probability: E[(X − c)³; X ∈ L]
    /// = third − 3c·second + 3c²·first − c³·probability (binomial expansion).
    public func centralThird(about c: Double) -> Double {
        third - 3 * c * second + 3 * c * c * first - c * c * c * probability
    }

    public static func + (left: LayerMoments, right: LayerMoments) -> LayerMoments {
        LayerMoments(probability: left.probability + right.probability, first: left.first + right.first,
                     second: left.second + right.second, third: left.third + right.third)
    }
}
