/// How limits are widened when organisations vary more than chance allows.
public enum DispersionModel: String, Sendable, CaseIterable {
    /// No widening: the funnel limits are the exact (or normal) limits around the target.
    case none
    /// Multiplicative over-dispersion: limits θ ± z·√φ·sᵢ (Spiegelhalter 2005, §6.1).
    case multiplicative
    /// Additive random effects: limits θ ± z·√(sᵢ² + τ²) (Spiegelhalter 2005, §6.2).
    case additive
}

/// When the over-dispersion found in the data is judged large enough to act on.
public enum DispersionTest: String, Sendable, CaseIterable {
    /// Adjust when I·φ exceeds the upper `level` quantile (95% by default) of a chi-square
    /// distribution with I − 1 degrees of freedom, i.e. φ > χ²₍I−1₎(level) / I. Without
    /// over-dispersion the sum of squared z-scores is approximately χ² on I − 1 degrees of freedom
    /// when the target is estimated from the same organisations (Spiegelhalter 2005, §6.1, the
    /// heterogeneity test behind DerSimonian and Laird's estimator). This is the default: it does
    /// not widen limits for the chance excess of φ over 1 that small groups show.
    case chiSquare = "chi-square"
    /// Adjust whenever φ > 1, the simplest rule that Spiegelhalter (2005) mentions.
    case phiAboveOne = "phi-above-one"
}

/// The over-dispersion settings of a benchmark run.
public struct DispersionPolicy: Sendable, Equatable {
    /// Winsorisation in each tail before φ is estimated, in percent (Spiegelhalter suggests 10).
    public var winsorisePercent: Double
    /// The model applied when the test finds over-dispersion; `.none` switches adjustment off
    /// (φ and τ² are still reported).
    public var model: DispersionModel
    /// The rule deciding whether the model is applied.
    public var test: DispersionTest
    /// The probability level of the chi-square test (0.95 by default).
    public var testLevel: Double

    /// Spiegelhalter's suggestions: 10% Winsorisation, additive random effects, and (our choice,
    /// see `DispersionTest`) the chi-square test at 95%.
    public init(winsorisePercent: Double = 10, model: DispersionModel = .additive, test: DispersionTest = .chiSquare, testLevel: Double = 0.95) {
        self.winsorisePercent = winsorisePercent
        self.model = model
        self.test = test
        self.testLevel = testLevel
    }
}
