import Tables

/// One practice's counts on one measure, as read from an achievement file, with the row they came
/// from so that a problem can be reported at its line.
public struct AchievementCount: Sendable, Equatable {
    public var numerator: Int
    public var denominator: Int
    public var exceptions: Int
    /// The row of the achievement file (file and line).
    public var location: SourceLocation
    /// The denominator's field (file, line, column), where a zero denominator is reported.
    public var denominatorLocation: SourceLocation

    public init(numerator: Int, denominator: Int, exceptions: Int = 0, location: SourceLocation, denominatorLocation: SourceLocation? = nil) {
        self.numerator = numerator
        self.denominator = denominator
        self.exceptions = exceptions
        self.location = location
        self.denominatorLocation = denominatorLocation ?? location
    }

    /// Patients counted in achievement: denominator − exceptions, or the denominator itself when
    /// the file's denominator already leaves exceptions out.
    public func effectiveDenominator(_ handling: ExceptionHandling) -> Int {
        handling == .subtract ? denominator - exceptions : denominator
    }

    /// Patients eligible for the measure, exceptions included (the prevalence count).
    public func eligiblePatients(_ handling: ExceptionHandling) -> Int {
        handling == .subtract ? denominator : denominator + exceptions
    }

    /// Achievement in percent: 100 × numerator / effective denominator; nil when that is 0.
    public func achievementPercent(_ handling: ExceptionHandling) -> Double? {
        let counted = effectiveDenominator(handling)
        guard counted > 0 else { return nil }
        return 100 * Double(numerator) / Double(counted)
    }
}

/// Achievement counts by measure and practice.
public struct AchievementTable: Sendable {
    /// The file name used in messages.
    public var source: String
    /// counts[measureID][practiceCode].
    public var counts: [String: [String: AchievementCount]]

    public init(source: String, counts: [String: [String: AchievementCount]]) {
        self.source = source
        self.counts = counts
    }

    /// The counts of one practice on one measure, if the file has them.
    public func count(measure: String, practice: String) -> AchievementCount? {
        counts[measure]?[practice]
    }
}
