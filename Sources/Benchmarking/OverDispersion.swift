import Statistics

/// The over-dispersion of one indicator's organisations around their targets, estimated as in
/// Spiegelhalter (2005), "Funnel plots for comparing institutional performance", Statistics in
/// Medicine 24:1185–1202, §6, and `methods.md`:
///
/// - z-scores zᵢ = (yᵢ − θᵢ)/sᵢ, with sᵢ the standard error of yᵢ under the target θᵢ;
/// - Winsorised at `winsorisePercent` in each tail (`Winsorisation`) to z̃ᵢ;
/// - φ = (1/I) Σ z̃ᵢ²  (the multiplicative over-dispersion factor);
/// - τ² = max(0, (I·φ − (I − 1)) / (Σwᵢ − Σwᵢ²/Σwᵢ)), wᵢ = 1/sᵢ²  (the additive random-effects
///   variance, a DerSimonian–Laird moment estimator fed with the Winsorised φ);
/// - the model is applied only when the policy's test finds over-dispersion (see `DispersionTest`);
///   the decision and the reason are kept in `model` and `reason`.
///
/// τ² is on the natural scale of the statistic (a proportion, a rate per person, a ratio), the
/// scale of `sᵢ`.
public struct OverDispersion: Sendable, Equatable {
    /// The number of organisations whose z-scores entered the estimate.
    public let organisations: Int
    /// The cut points of the z-scores (nil when there were none).
    public let winsorisation: Winsorisation?
    /// φ = (1/I) Σ z̃ᵢ².
    public let phi: Double
    /// The value of φ above which the policy adjusts (χ²₍I−1₎(level)/I, or 1).
    public let phiThreshold: Double
    /// τ² on the natural scale (0 when I·φ ≤ I − 1).
    public let tauSquared: Double
    /// The model applied (`.none` when the test did not find over-dispersion or adjustment is off).
    public let model: DispersionModel
    /// Why `model` was chosen, in words (for the output and the summary file).
    public let reason: String

    /// An estimate with its decision (see `estimate`).
    public init(organisations: Int, winsorisation: Winsorisation?, phi: Double, phiThreshold: Double, tauSquared: Double, model: DispersionModel, reason: String) {
        self.organisations = organisations
        self.winsorisation = winsorisation
        self.phi = phi
        self.phiThreshold = phiThreshold
        self.tauSquared = tauSquared
        self.model = model
        self.reason = reason
    }

    /// The standard error that sets the widened limits: s·√φ (multiplicative), √(s² + τ²)
    /// (additive), or s unchanged.
    public func adjustedStandardError(_ standardError: Double) -> Double {
        switch model {
        case .none: return standardError
        case .multiplicative: return standardError * phi.squareRoot()
        case .additive: return (standardError * standardError + tauSquared).squareRoot()
        }
    }

    /// Estimates φ and τ² from z-scores and their standard errors (same length, finite, sᵢ > 0) and
    /// decides the model by `policy`. With fewer than two organisations nothing can be estimated:
    /// φ is reported, τ² is 0 and no model is applied.
    public static func estimate(zScores: [Double], standardErrors: [Double], policy: DispersionPolicy) -> OverDispersion {
        precondition(zScores.count == standardErrors.count, "OverDispersion: one standard error per z-score")
        let count = zScores.count
        guard count > 0 else {
            return OverDispersion(organisations: 0, winsorisation: nil, phi: .nan, phiThreshold: .nan, tauSquared: 0, model: .none,
                                  reason: "no organisation has a z-score: over-dispersion cannot be estimated")
        }
        let winsorisation = Winsorisation(values: zScores, percent: policy.winsorisePercent)
        var sumOfSquares = 0.0
        for z in zScores {
            let pulled = winsorisation.apply(z)
            sumOfSquares += pulled * pulled
        }
        let phi = sumOfSquares / Double(count)
        var sumOfWeights = 0.0
        var sumOfSquaredWeights = 0.0
        for standardError in standardErrors {
            let weight = 1 / (standardError * standardError)
            sumOfWeights += weight
            sumOfSquaredWeights += weight * weight
        }
        let spread = sumOfWeights - sumOfSquaredWeights / sumOfWeights
        var tauSquared = 0.0
        if count >= 2 && spread > 0 {
            tauSquared = max(0, (Double(count) * phi - Double(count - 1)) / spread)
        }
        guard count >= 2 else {
            return OverDispersion(organisations: count, winsorisation: winsorisation, phi: phi, phiThreshold: .nan, tauSquared: 0, model: .none,
                                  reason: "only one organisation: over-dispersion cannot be estimated")
        }
        let threshold: Double
        let rule: String
        switch policy.test {
        case .chiSquare:
            let degreesOfFreedom = Double(count - 1)
            threshold = ChiSquared(degreesOfFreedom: degreesOfFreedom).quantile(policy.testLevel) / Double(count)
            rule = "chi-square(\(count - 1)) \(formatPercent(policy.testLevel)) quantile / \(count) = \(formatShort(threshold))"
        case .phiAboveOne:
            threshold = 1
            rule = "1"
        }
        let describedPhi = "phi \(formatShort(phi)) (\(formatShort(policy.winsorisePercent))% Winsorised, \(count) organisations)"
        if phi <= threshold {
            return OverDispersion(organisations: count, winsorisation: winsorisation, phi: phi, phiThreshold: threshold, tauSquared: tauSquared,
                                  model: .none, reason: "\(describedPhi) <= \(rule): no adjustment")
        }
        switch policy.model {
        case .none:
            return OverDispersion(organisations: count, winsorisation: winsorisation, phi: phi, phiThreshold: threshold, tauSquared: tauSquared,
                                  model: .none, reason: "\(describedPhi) > \(rule), but adjustment is switched off")
        case .multiplicative:
            return OverDispersion(organisations: count, winsorisation: winsorisation, phi: phi, phiThreshold: threshold, tauSquared: tauSquared,
                                  model: .multiplicative, reason: "\(describedPhi) > \(rule): limits widened by sqrt(phi)")
        case .additive:
            return OverDispersion(organisations: count, winsorisation: winsorisation, phi: phi, phiThreshold: threshold, tauSquared: tauSquared,
                                  model: .additive, reason: "\(describedPhi) > \(rule): limits widened by additive random effects (tau2)")
        }
    }
}
