/// How a practice's value x of a need or cost variable becomes its raw index r, before the index
/// is normalised so that its registered-population-weighted mean over all practices is 1.
///
/// With x̄ the registered-population-weighted mean of x over practices (Σ nᵢxᵢ / Σ nᵢ):
/// - `value`: r = x. The variable is already an index (a market forces factor, a ratio of
///   resident to registered population).
/// - `linear(c)`: r = 1 + c·(x − x̄)/x̄. A relative deviation scaled by c: c = 1 makes the index
///   proportional to x; c = 0.5 moves it half as much. r must stay > 0.
/// - `exponential(c)`: r = exp(c·(x − x̄)). The log-linear form of need models (a unit more of x
///   multiplies need by e^c); after normalisation it equals exp(c·x) / weighted mean of exp(c·x),
///   so x̄ only keeps the exponent small.
/// - `table`: r = the factor the table gives to the practice's category (an IMD decile, a
///   rurality class); for area variables, the patient-weighted mean of the factors of the areas
///   the practice's patients live in.
///
/// Every index is then I = r / (Σ nᵢrᵢ / Σ nᵢ), so a population-weighted mean index is exactly 1
/// (for `linear` the raw index already has mean 1).
public enum IndexForm: Sendable, Equatable {
    case value
    case linear(coefficient: Double)
    case exponential(coefficient: Double)
    case table([String: Double])

    /// The form's name as written in a formula file.
    public var name: String {
        switch self {
        case .value: return "value"
        case .linear: return "linear"
        case .exponential: return "exponential"
        case .table: return "table"
        }
    }

    /// Whether the variable is a category looked up in a table (read as text) rather than a number.
    public var isCategorical: Bool {
        if case .table = self { return true }
        return false
    }
}
