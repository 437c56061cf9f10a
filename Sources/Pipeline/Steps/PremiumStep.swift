import Premium
import Tables

/// The options of a premium step (`consortium premium`).
public struct PremiumOptions: Sendable {
    public var achievement: String
    public var scheme: String
    public var population: String
    public var practices: String?
    public var baselineAchievement: String?
    /// A practice whose payment is explained line by line.
    public var explain: String?

    public init(achievement: String, scheme: String, population: String, practices: String? = nil, baselineAchievement: String? = nil,
                explain: String? = nil) {
        self.achievement = achievement
        self.scheme = scheme
        self.population = population
        self.practices = practices
        self.baselineAchievement = baselineAchievement
        self.explain = explain
    }
}

/// A finished premium step.
public struct PremiumStepResult {
    public var scheme: PremiumScheme
    public var distribution: PremiumDistribution
    /// The pot, what was paid to how many practices, and what was returned, in words.
    public var outcome: String
    /// The arithmetic of `explain`'s practice, line by line.
    public var explanation: [String]?
    /// practice_code, payment, share, per measure achievement, score and payment, … (`PremiumTables`).
    public var payments: StepTable
    /// One row per measure and a total row.
    public var summary: StepTable
}

/// `consortium premium` and a run's premium step: read the scheme and the files, distribute the
/// pot (Premium's `PremiumCalculator`), and lay out the rows.
public enum PremiumStep {
    /// `note` is told the loader's notes as soon as they are known (before a later error).
    public static func run(_ options: PremiumOptions, note: (String) -> Void) throws -> PremiumStepResult {
        let scheme = try PremiumSchemeReader.read(path: options.scheme)
        let loaded = try PremiumInputLoader.load(
            files: PremiumInputFiles(achievement: options.achievement, population: options.population, practices: options.practices,
                                     baselineAchievement: options.baselineAchievement),
            scheme: scheme)
        for text in loaded.notes { note(text) }
        let distribution = try PremiumCalculator.distribute(scheme: scheme, inputs: loaded.inputs)
        var explanation: [String]?
        if let code = options.explain {
            guard let lines = PremiumExplanation.lines(for: code, in: distribution) else {
                throw DataError(.badData, at: SourceLocation(file: options.practices ?? options.population, columnName: "practice_code"),
                                "--explain: \(DataError.quoted(code)) is not a member practice")
            }
            explanation = lines
        }
        let fate = scheme.unearned == .redistribute ? "redistributed to earning practices within their caps" : "returned"
        let outcome = "pot \(CSVWriter.format(.pence(distribution.pot.potPence))); paid \(CSVWriter.format(.pence(distribution.distributedPence))) to \(distribution.practices.filter { $0.paymentPence > 0 }.count) of \(distribution.practices.count) practices; returned \(CSVWriter.format(.pence(distribution.returnedPence))) (unearned money is \(fate))"
        let payments = StepTable(header: PremiumTables.practiceHeader(distribution)) { emit in
            for row in PremiumTables.practiceRows(distribution) { try emit(row) }
        }
        let summary = StepTable(header: PremiumTables.summaryHeader) { emit in
            for row in PremiumTables.summaryRows(distribution) { try emit(row) }
        }
        return PremiumStepResult(scheme: scheme, distribution: distribution, outcome: outcome, explanation: explanation,
                                 payments: payments, summary: summary)
    }
}
