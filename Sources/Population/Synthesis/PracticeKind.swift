/// The kind of place a synthetic practice serves, which shapes the age profile of its list.
public enum PracticeKind: String, CaseIterable, Sendable {
    /// A student health service: most patients aged 18–24.
    case university
    /// A seaside or retirement town: many patients over 65.
    case coastal
    /// A deprived inner-city practice: more children and young adults, few older patients.
    case deprivedUrban = "deprived_urban"
    /// An affluent suburb: families with older children, many aged 40–64, few in their twenties.
    case affluentSuburban = "affluent_suburban"
    /// A mixed urban practice.
    case urban
    /// A market-town practice, close to the England profile.
    case town
    /// A rural (often dispensing) practice: older than average, few young adults.
    case rural

    /// Multipliers applied to the England share of each of the nineteen bands (0-4 … 90+)
    /// before the shares are renormalised. Chosen by hand to give profiles like those of real
    /// practices of each kind (student practices with a third or more of patients aged 20–24,
    /// coastal practices with a quarter or more over 65); they are the generator's design, not
    /// estimates.
    public var bandMultipliers: [Double] {
        switch self {
        case .university:
            return [0.3, 0.25, 0.25, 2.2, 9.5, 2.0, 0.9, 0.7, 0.6, 0.5, 0.45, 0.4, 0.35, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]
        case .coastal:
            return [0.7, 0.7, 0.75, 0.8, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9, 1.0, 1.15, 1.35, 1.6, 1.8, 1.9, 2.0, 2.1, 2.2]
        case .deprivedUrban:
            return [1.35, 1.3, 1.25, 1.15, 1.25, 1.3, 1.2, 1.1, 1.0, 0.95, 0.9, 0.85, 0.8, 0.7, 0.65, 0.6, 0.6, 0.6, 0.55]
        case .affluentSuburban:
            return [0.9, 1.05, 1.2, 1.15, 0.6, 0.6, 0.8, 1.0, 1.15, 1.2, 1.2, 1.15, 1.1, 1.1, 1.1, 1.05, 1.0, 1.0, 1.0]
        case .urban:
            return [1.05, 1.0, 1.0, 1.0, 1.15, 1.2, 1.15, 1.05, 1.0, 0.95, 0.95, 0.95, 0.95, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]
        case .town:
            return Array(repeating: 1, count: 19)
        case .rural:
            return [0.85, 0.95, 1.05, 1.0, 0.6, 0.65, 0.75, 0.85, 0.95, 1.05, 1.15, 1.2, 1.25, 1.3, 1.3, 1.2, 1.1, 1.05, 1.0]
        }
    }
}

/// The age and sex structure of England's registered population that synthetic lists start
/// from, in the nineteen bands 0-4 … 90+.
public enum RegisteredPopulationProfile {
    /// Approximate percentage of England's registered patients in each band (persons; about
    /// NHS Digital's 2023 figures, rounded to 0.1 point; renormalised to sum to 1 where used).
    public static let bandPercentages: [Double] = [
        5.4, 5.9, 6.1, 5.7, 6.1, 6.9, 7.3, 7.1, 6.6, 6.2, 6.7, 6.6, 5.8, 4.9, 4.6, 3.5, 2.3, 1.4, 0.8,
    ]

    /// Approximate male share of each band (more boys than girls at birth, more women at old ages).
    public static let maleShares: [Double] = [
        0.512, 0.512, 0.512, 0.513, 0.51, 0.505, 0.5, 0.5, 0.5, 0.495, 0.495, 0.495, 0.49, 0.485, 0.475, 0.46, 0.435, 0.4, 0.31,
    ]
}
