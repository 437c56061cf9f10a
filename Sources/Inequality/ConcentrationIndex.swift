/// The concentration index of an indicator across a ranked population, with its standard error
/// and the corrections for bounded indicators.
///
/// Units (organisations or groups) have values yᵢ, population weights wᵢ and a ranking key; the
/// population is ordered by ascending key. Units with equal keys form one rank class t (so tied
/// units cannot change the result by their order). With class shares fₜ = Wₜ/W, class means μₜ,
/// overall mean μ = Σ fₜ μₜ and fractional ranks Rₜ = Σ_{s<t} fₛ + fₜ/2:
///
///     C = 2 cov_w(y, R) / μ = (2/μ) Σ fₜ (μₜ − μ)(Rₜ − 1/2)            (−1 ≤ C ≤ 1 for y ≥ 0)
///
/// C < 0 when y is concentrated at the low-rank end, C > 0 at the high-rank end. It equals the
/// slope β of the "convenient regression" 2σ²_R (yᵢ/μ) = α + β Rᵢ (Kakwani, Wagstaff and van
/// Doorslaer 1997; O'Donnell et al. 2008, chapter 8).
///
/// Standard error (Kakwani, Wagstaff and van Doorslaer, J Econometrics 77, 1997, grouped-data
/// form), with n = W the population (weights are frequency weights), qₜ = Σ_{s≤t} fₛ μₛ / μ the
/// concentration-curve ordinates (q₀ = 0) and σₜ² the variance of y among the individuals of
/// class t:
///
///     aₜ = (μₜ/μ)(2Rₜ − 1 − C) + 2 − qₜ₋₁ − qₜ
///     Var(C) = (1/n) [Σ fₜ aₜ² − (1 + C)²] + (1/(n μ²)) Σ fₜ σₜ² (2Rₜ − 1 − C)²
///
/// σₜ² of a class pools its units' own individual-level variances and the spread of their values
/// about the class mean: σₜ² = Σᵢ wᵢ (σᵢ² + (yᵢ − μₜ)²) / Wₜ (σᵢ² = p(1 − p) for a proportion,
/// the rate for a Poisson rate, 0 when unknown).
///
/// Bounded indicators (y in [a, b]): Erreygers' corrected index E = 4μ/(b − a) · C (Erreygers,
/// J Health Econ 28, 2009) and Wagstaff's normalised index W = (b − a) μ C / ((b − μ)(μ − a)),
/// which is C / (1 − μ) for a binary indicator (Wagstaff, Health Econ 14, 2005; general form in
/// Erreygers and Van Ourti, J Health Econ 30, 2011).
public struct ConcentrationIndex: Sendable {
    /// C.
    public let index: Double
    /// μ, the population-weighted mean.
    public let mean: Double
    /// √Var(C) by the formula above.
    public let standardError: Double
    /// The number of rank classes (distinct keys).
    public let rankClassCount: Int

    /// - Parameters:
    ///   - values: yᵢ.
    ///   - weights: wᵢ ≥ 0 with a positive total (populations).
    ///   - keys: the ranking key; ascending key = ascending rank.
    ///   - individualVariances: σᵢ², the variance of y among unit i's individuals (nil = all 0).
    /// The mean must not be 0 (callers check).
    public init(values: [Double], weights: [Double], keys: [Double], individualVariances: [Double]? = nil) {
        precondition(values.count == weights.count && values.count == keys.count, "ConcentrationIndex: lengths differ")
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        let total = weights.reduce(0, +)
        precondition(total > 0, "ConcentrationIndex: the weights sum to zero")
        // Rank classes: share, mean and pooled individual variance.
        var shares: [Double] = []
        var means: [Double] = []
        var variances: [Double] = []
        var start = 0
        while start < order.count {
            var end = start
            var classWeight = 0.0, classSum = 0.0
            while end < order.count && keys[order[end]] == keys[order[start]] {
                classWeight += weights[order[end]]
                classSum += weights[order[end]] * values[order[end]]
                end += 1
            }
            let classMean = classWeight > 0 ? classSum / classWeight : 0
            var pooled = 0.0
            if classWeight > 0 {
                for position in start..<end {
                    let unit = order[position]
                    let deviation = values[unit] - classMean
                    pooled += weights[unit] * ((individualVariances?[unit] ?? 0) + deviation * deviation)
                }
                pooled /= classWeight
            }
            shares.append(classWeight / total)
            means.append(classMean)
            variances.append(pooled)
            start = end
        }
        var mean = 0.0
        for index in shares.indices { mean += shares[index] * means[index] }
        var ranks: [Double] = []
        var before = 0.0
        for share in shares {
            ranks.append(before + share / 2)
            before += share
        }
        var covarianceSum = 0.0
        for index in shares.indices { covarianceSum += shares[index] * (means[index] - mean) * (ranks[index] - 0.5) }
        let concentration = 2 * covarianceSum / mean

        var sumSquaredA = 0.0
        var withinTerm = 0.0
        var previousOrdinate = 0.0
        for index in shares.indices {
            let ordinate = previousOrdinate + shares[index] * means[index] / mean
            let rankTerm = 2 * ranks[index] - 1 - concentration
            let a = means[index] / mean * rankTerm + 2 - previousOrdinate - ordinate
            sumSquaredA += shares[index] * a * a
            withinTerm += shares[index] * variances[index] * rankTerm * rankTerm
            previousOrdinate = ordinate
        }
        let variance = (sumSquaredA - (1 + concentration) * (1 + concentration)) / total + withinTerm / (total * mean * mean)
        index = concentration
        self.mean = mean
        standardError = max(variance, 0).squareRoot()
        rankClassCount = shares.count
    }

    /// Erreygers' corrected index 4μ/(b − a) · C for y bounded in [a, b].
    public func erreygers(lowerBound: Double, upperBound: Double) -> Double {
        4 * mean / (upperBound - lowerBound) * index
    }

    /// Wagstaff's normalised index (b − a) μ C / ((b − μ)(μ − a)) for y bounded in [a, b]
    /// (C / (1 − μ) for a binary indicator); undefined (±∞) when μ is on a bound.
    public func wagstaff(lowerBound: Double, upperBound: Double) -> Double {
        (upperBound - lowerBound) * mean * index / ((upperBound - mean) * (mean - lowerBound))
    }
}
