import Linear
import Statistics

/// A fitted person-based model: the least-squares fit of cost on the design's terms, optionally
/// with HC1 robust standard errors, and the national means of the design columns.
///
/// Inference (classical and robust alike) uses Student's t with n − p degrees of freedom:
/// tⱼ = bⱼ / SEⱼ and the two-sided pⱼ = 2·P(T > |tⱼ|) (Seber & Lee, *Linear Regression
/// Analysis*, 2nd ed., §3.10; with HC1 the convention of Stata's `regress, vce(robust)`).
public struct PersonBasedFit: Sendable {
    public let design: PersonBasedDesign
    /// The least-squares fit (coefficients, classical standard errors, R², σ̂).
    public let regression: RegressionFit
    /// HC1 robust covariance from a second pass, when asked for.
    public let robust: RobustCovariance?
    /// Weighted mean of each design column over the persons with positive weight,
    /// Σ wᵢ xᵢⱼ / Σ wᵢ (wᵢ = 1 without weights): the national mean used to neutralise supply.
    public let nationalMeans: [Double]
    /// Σ wᵢ over the persons (n without weights).
    public let sumOfWeights: Double
    /// Σ wᵢyᵢ / Σ wᵢ, the (weighted) mean cost.
    public let responseMean: Double
    /// Rows of the persons file, including any with weight 0.
    public let rowsRead: Int
    /// Passes over the persons file: a levels pass when levels were not declared, the fit, and
    /// the robust pass.
    public let passes: Int
    /// Where the time went, for benchmarks and progress reports.
    public let timings: PersonBasedFitTimings

    public var terms: [DesignTerm] { design.terms }

    /// tⱼ = bⱼ / SEⱼ (classical).
    public var tStatistics: [Double] { regression.tStatistics }

    /// Two-sided p-values of the classical t statistics.
    public var pValues: [Double] { Self.twoSidedP(tStatistics, degreesOfFreedom: regression.degreesOfFreedom) }

    /// tⱼ = bⱼ / robust SEⱼ, when the robust covariance was computed.
    public var robustTStatistics: [Double]? {
        robust.map { covariance in zip(regression.coefficients, covariance.standardErrors).map { $0 / $1 } }
    }

    /// Two-sided p-values of the robust t statistics.
    public var robustPValues: [Double]? {
        robustTStatistics.map { Self.twoSidedP($0, degreesOfFreedom: regression.degreesOfFreedom) }
    }

    /// The national means of the supply terms, by term name.
    public var supplyMeans: [(term: String, mean: Double)] {
        design.termIndices(role: .supply).map { (design.terms[$0].name, nationalMeans[$0]) }
    }

    /// 2·P(T > |t|) with T ~ Student t on `degreesOfFreedom`; 0 for infinite t (an exact fit).
    static func twoSidedP(_ statistics: [Double], degreesOfFreedom: Int) -> [Double] {
        let distribution = StudentT(degreesOfFreedom: Double(degreesOfFreedom))
        return statistics.map { t in t.isNaN ? .nan : min(1, 2 * distribution.complementaryCDF(abs(t))) }
    }
}

/// Wall-clock seconds of the phases of a fit.
public struct PersonBasedFitTimings: Sendable {
    /// Collecting categorical levels (0 when they were declared).
    public var levels: Double = 0
    /// Waiting for parsed chunks in the fit pass (parsing runs ahead on a second thread, so this
    /// is the part of the reading that the arithmetic did not hide).
    public var reading: Double = 0
    /// Filling the design blocks and accumulating the normal equations, then solving them (the
    /// fit phase, on the calling thread).
    public var accumulating: Double = 0
    /// The robust pass, reading included.
    public var robust: Double = 0

    public init() {}
}
