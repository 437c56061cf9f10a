/// A straight line y = a + b·x fitted by weighted least squares, minimising Σ wᵢ (yᵢ − a − b xᵢ)²,
/// in closed form:
///
///     x̄ = Σwx / Σw,  ȳ = Σwy / Σw,  Sxx = Σ w (x − x̄)²,
///     b = Σ w (x − x̄) y / Sxx,  a = ȳ − b x̄.
///
/// The covariance of (a, b) is σ² · [[1/Σw + x̄²/Sxx, −x̄/Sxx], [−x̄/Sxx, 1/Sxx]], with σ² either
/// estimated by Σ w e² / (n − 2) (weights proportional to precision, unknown scale: the usual
/// WLS fit, as R's `lm(weights =)` or statsmodels' WLS) or known to be 1 (weights are exact
/// inverse variances). With one regressor the closed form is exact and as accurate as a QR
/// solve for well-spread x; the SII needs it thousands of times per indicator.
public struct WeightedLineFit: Sendable, Equatable {
    public let intercept: Double
    public let slope: Double
    /// The weighted mean of x, Σwx / Σw.
    public let meanX: Double
    /// The weighted mean of y, Σwy / Σw (the fitted line passes through (x̄, ȳ)).
    public let meanY: Double
    public let sumOfWeights: Double
    /// Σ w (x − x̄)².
    public let spreadX: Double
    /// Σ w e², the weighted residual sum of squares.
    public let weightedResidualSumOfSquares: Double
    public let pointCount: Int

    /// Fits the line. Needs at least two distinct x with positive weight (else Sxx = 0: a
    /// precondition, because callers check group counts first).
    public init(x: [Double], y: [Double], weights: [Double]) {
        precondition(x.count == y.count && x.count == weights.count, "WeightedLineFit: lengths differ")
        var sumWeights = 0.0, sumWX = 0.0, sumWY = 0.0
        for index in x.indices {
            sumWeights += weights[index]
            sumWX += weights[index] * x[index]
            sumWY += weights[index] * y[index]
        }
        let meanX = sumWX / sumWeights
        let meanY = sumWY / sumWeights
        var spread = 0.0, cross = 0.0
        for index in x.indices {
            let dx = x[index] - meanX
            spread += weights[index] * dx * dx
            cross += weights[index] * dx * (y[index] - meanY)
        }
        precondition(spread > 0, "WeightedLineFit: x does not vary")
        let slope = cross / spread
        let intercept = meanY - slope * meanX
        var residualSum = 0.0
        for index in x.indices {
            let residual = y[index] - intercept - slope * x[index]
            residualSum += weights[index] * residual * residual
        }
        self.intercept = intercept
        self.slope = slope
        self.meanX = meanX
        self.meanY = meanY
        self.sumOfWeights = sumWeights
        self.spreadX = spread
        self.weightedResidualSumOfSquares = residualSum
        self.pointCount = x.count
    }

    /// The fitted value a + b·x.
    public func fitted(at x: Double) -> Double { intercept + slope * x }

    /// σ̂² = Σ w e² / (n − 2) when `knownUnitVariance` is false (needs n ≥ 3), else 1.
    public func residualVariance(knownUnitVariance: Bool) -> Double {
        knownUnitVariance ? 1 : weightedResidualSumOfSquares / Double(pointCount - 2)
    }

    /// Var(a), Cov(a, b), Var(b) as above.
    public func covariance(knownUnitVariance: Bool) -> (intercept: Double, interceptSlope: Double, slope: Double) {
        let variance = residualVariance(knownUnitVariance: knownUnitVariance)
        return (variance * (1 / sumOfWeights + meanX * meanX / spreadX),
                -variance * meanX / spreadX,
                variance / spreadX)
    }
}
