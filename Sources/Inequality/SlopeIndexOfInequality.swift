/// The slope index of inequality (SII) and relative indices across ordered deprivation groups.
///
/// Groups are ordered from most deprived (first) to least deprived (last). Each group's relative
/// rank is the midpoint of its range in the cumulative population distribution,
/// xᵢ = (Σ_{j<i} pⱼ + pᵢ/2) / Σp, and the group values yᵢ are regressed on xᵢ by weighted least
/// squares, y = a + b·x, with weights the group populations (PHEindicatormethods `phe_sii`, whose
/// square-root-of-population-share transformed regression is the same fit; Low and Low, J Public
/// Health 26, 2004) or, when requested, 1 / variance of each group's value. The SII, RII and
/// ratio RII follow from a and b (`SlopeIndexMeasure`).
///
/// Analytic limits come from the WLS covariance of (a, b) by the delta method:
/// measure ± c · √(g′ Σ g), with c = t(n − 2) quantile for population weights (residual variance
/// estimated) or the normal quantile for inverse-variance weights (variance known). Monte Carlo
/// limits are in `SlopeIndexSimulation`.
public struct SlopeIndexOfInequality: Sendable {
    public let direction: InequalityDirection
    /// The relative ranks xᵢ (cumulative population midpoints), most deprived first.
    public let ranks: [Double]
    /// The regression weights used.
    public let weights: [Double]
    public let fit: WeightedLineFit
    /// Whether the weights are exact inverse variances (σ² = 1 known) rather than populations.
    public let weightsAreInverseVariances: Bool

    /// Fits the line. `values[i]` and `populations[i]` belong to group i + 1, most deprived first.
    /// `inverseVarianceWeights`, when given, replace the populations as regression weights (the
    /// ranks always come from the populations). Needs ≥ 3 groups with positive populations.
    public init(orderedValues values: [Double], populations: [Double], inverseVarianceWeights: [Double]? = nil,
                direction: InequalityDirection) {
        precondition(values.count == populations.count && values.count >= 3, "SlopeIndexOfInequality: needs ≥ 3 groups")
        self.direction = direction
        ranks = FractionalRank.midpoints(orderedPopulations: populations)
        weights = inverseVarianceWeights ?? populations
        weightsAreInverseVariances = inverseVarianceWeights != nil
        fit = WeightedLineFit(x: ranks, y: values, weights: weights)
    }

    /// The point estimate of a measure.
    public func value(_ measure: SlopeIndexMeasure) -> Double {
        measure.value(intercept: fit.intercept, slope: fit.slope, direction: direction)
    }

    /// The delta-method standard error of a measure from the WLS covariance of (a, b).
    public func standardError(_ measure: SlopeIndexMeasure) -> Double {
        let covariance = fit.covariance(knownUnitVariance: weightsAreInverseVariances)
        let (da, db) = measure.gradient(intercept: fit.intercept, slope: fit.slope, direction: direction)
        let variance = da * da * covariance.intercept + 2 * da * db * covariance.interceptSlope + db * db * covariance.slope
        return max(variance, 0).squareRoot()
    }

    /// Degrees of freedom of the analytic interval: n − 2 with estimated residual variance; nil
    /// (normal quantile) with inverse-variance weights.
    public var degreesOfFreedom: Int? { weightsAreInverseVariances ? nil : ranks.count - 2 }

    /// value ∓ criticalValue · standardError; the caller takes `criticalValue` from the t
    /// distribution with `degreesOfFreedom` (or the normal when nil) at 1 − α/2.
    public func analyticLimits(_ measure: SlopeIndexMeasure, criticalValue: Double) -> (lower: Double, upper: Double) {
        let centre = value(measure)
        let halfWidth = criticalValue * standardError(measure)
        return (centre - halfWidth, centre + halfWidth)
    }
}
