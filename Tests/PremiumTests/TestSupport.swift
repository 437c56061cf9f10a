import Premium
import Tables
import TestSupport

/// Builders for schemes and inputs held in memory.
enum Build {
    static func practice(_ code: String, _ patients: Int, weighted: [String: Double] = [:]) -> PremiumPractice {
        PremiumPractice(code: code, registeredPatients: patients, weightedLists: weighted,
                        location: SourceLocation(file: "practices.csv", columnName: "practice_code"))
    }

    /// Achievement counts of one measure: (practice, numerator, denominator, exceptions).
    static func counts(_ rows: [(String, Int, Int, Int)], measure: String, line: Int = 2, file: String = "achievement.csv") -> [String: AchievementCount] {
        var table: [String: AchievementCount] = [:]
        for (offset, row) in rows.enumerated() {
            let location = SourceLocation(file: file, line: line + offset)
            table[row.0] = AchievementCount(numerator: row.1, denominator: row.2, exceptions: row.3, location: location,
                                            denominatorLocation: SourceLocation(file: file, line: line + offset, column: 4, columnName: "denominator"))
        }
        return table
    }

    static func inputs(_ practices: [PremiumPractice], _ measures: [String: [String: AchievementCount]],
                       baseline: [String: [String: AchievementCount]]? = nil) -> PremiumInputs {
        PremiumInputs(practices: practices, achievement: AchievementTable(source: "achievement.csv", counts: measures),
                      baseline: baseline.map { AchievementTable(source: "baseline.csv", counts: $0) })
    }
}

/// Draws of the property tests, on the shared SplitMix64 generator.
extension SplitMix64 {
    /// Uniform whole number in lower...upper (modulo bias is negligible for these small ranges).
    mutating func integer(_ lower: Int, _ upper: Int) -> Int {
        lower + Int(next() % UInt64(upper - lower + 1))
    }

    mutating func chance(_ probability: Double) -> Bool {
        nextUniform() < probability
    }
}
