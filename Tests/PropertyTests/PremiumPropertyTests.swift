import Premium
import PropertyBased
import Tables
import Testing

/// The quality premium on generated schemes (swift-property-based generators): 1–30 practices of
/// 50–20,000 patients, one to three level-scored measures with thresholds 0 ≤ L < U ≤ 100,
/// counts with numerator ≤ denominator, a fixed pot of up to £500,000.00, both fates of unearned
/// money. The guarantee (docs/premium-scheme.md, steps 8–9): payments add up to the amount
/// distributed, and distributed + returned is the pot, to the penny.
struct GeneratedMeasure: Sendable, CustomStringConvertible {
    var weight: Int
    var lower: Double
    var width: Double
    var higherIsBetter: Bool
    var description: String { "w\(weight) \(lower)+\(width) \(higherIsBetter ? "higher" : "lower")" }
}

enum PremiumGenerators {
    static let measure = zip(Gen.int(in: 1...40), Gen.double(in: 0...90), Gen.double(in: 0.5...10), Gen.bool)
        .map { GeneratedMeasure(weight: $0, lower: $1, width: $2, higherIsBetter: $3) }
    /// Per practice: patients, then per measure (up to three) a denominator 1–600 and a fraction achieving.
    static let practice = zip(Gen.int(in: 50...20_000), zip(Gen.int(in: 1...600), Gen.double(in: 0...1)).array(of: 3))
    static let practices = practice.array(of: 1...30)
    static let measures = measure.array(of: 1...3)
    static let pot = Gen.int(in: 0...50_000_000)

    static func distribution(_ practices: [(Int, [(Int, Double)])], _ measures: [GeneratedMeasure], pot: Int, redistribute: Bool) throws -> PremiumDistribution {
        let location = SourceLocation(file: "practices.csv", columnName: "practice_code")
        let members = practices.enumerated().map { PremiumPractice(code: "P\($0.offset)", registeredPatients: $0.element.0, location: location) }
        var counts: [String: [String: AchievementCount]] = [:]
        var quality: [QualityMeasure] = []
        for (position, measure) in measures.enumerated() {
            let id = "m\(position)"
            quality.append(QualityMeasure(id: id, weight: Double(measure.weight), polarity: measure.higherIsBetter ? .higherIsBetter : .lowerIsBetter,
                                          lowerThreshold: measure.lower, upperThreshold: min(100, measure.lower + measure.width)))
            for (index, practice) in practices.enumerated() {
                let (denominator, fraction) = practice.1[position]
                counts[id, default: [:]]["P\(index)"] = AchievementCount(numerator: Int((Double(denominator) * fraction).rounded(.down)), denominator: denominator,
                                                                        location: SourceLocation(file: "achievement.csv", line: index + 2))
            }
        }
        let scheme = PremiumScheme(name: "generated", pot: .fixed(pence: pot), weightTotal: Double(measures.reduce(0) { $0 + $1.weight }),
                                   measures: quality, unearned: redistribute ? .redistribute : .return)
        return try PremiumCalculator.distribute(scheme: scheme, inputs: PremiumInputs(practices: members, achievement: AchievementTable(source: "achievement.csv", counts: counts)))
    }
}

@Suite struct PremiumPropertyTests {
    @Test func paymentsAndReturnAddUpToThePotToThePenny() async throws {
        await propertyCheck(count: 1_000, input: PremiumGenerators.practices, PremiumGenerators.measures, PremiumGenerators.pot, Gen.bool) { practices, measures, pot, redistribute in
            let result = try PremiumGenerators.distribution(practices, measures, pot: pot, redistribute: redistribute)
            #expect(result.pot.potPence == pot)
            #expect(result.practices.map(\.paymentPence).reduce(0, +) == result.distributedPence)
            #expect(result.distributedPence + result.returnedPence == pot)
            #expect(result.practices.allSatisfy { $0.paymentPence >= 0 })
            for practice in result.practices { #expect(practice.measures.map(\.paymentPence).reduce(0, +) == practice.paymentPence) }
            // Redistributing without caps returns nothing once anyone earned.
            if redistribute && result.practices.contains(where: { $0.earned > 0 }) { #expect(result.returnedPence == 0) }
        }
    }
}
