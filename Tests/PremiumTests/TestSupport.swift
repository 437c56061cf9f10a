import Premium
import Tables

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

/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA
/// 2014): the seeded generator of the property tests. γ = 0x9E3779B97F4A7C15 is added to the
/// state, which is then mixed: z ← (z ⊕ z≫30)·0xBF58476D1CE4E5B9, z ← (z ⊕ z≫27)·0x94D049BB133111EB,
/// output z ⊕ z≫31.
struct SplitMix64 {
    private(set) var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// Uniform in [0, 1): the top 53 bits × 2⁻⁵³.
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform whole number in lower...upper (modulo bias is negligible for these small ranges).
    mutating func integer(_ lower: Int, _ upper: Int) -> Int {
        lower + Int(next() % UInt64(upper - lower + 1))
    }

    mutating func chance(_ probability: Double) -> Bool {
        uniform() < probability
    }
}
