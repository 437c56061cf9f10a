import Tables

/// A member practice as the premium sees it: its registered patients and any weighted lists the
/// scheme's payment bases name.
public struct PremiumPractice: Sendable, Equatable {
    public var code: String
    public var registeredPatients: Int
    /// Weighted list sizes by column name.
    public var weightedLists: [String: Double]
    /// Where the practice was listed (for messages).
    public var location: SourceLocation

    public init(code: String, registeredPatients: Int, weightedLists: [String: Double] = [:], location: SourceLocation) {
        self.code = code
        self.registeredPatients = registeredPatients
        self.weightedLists = weightedLists
        self.location = location
    }
}

/// Everything a premium calculation reads: the member practices, this period's achievement and,
/// for measures scored on improvement, the baseline period's.
public struct PremiumInputs: Sendable {
    public var practices: [PremiumPractice]
    public var achievement: AchievementTable
    public var baseline: AchievementTable?

    public init(practices: [PremiumPractice], achievement: AchievementTable, baseline: AchievementTable? = nil) {
        self.practices = practices
        self.achievement = achievement
        self.baseline = baseline
    }
}
