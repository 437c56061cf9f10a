import Foundation
import Testing
import TestSupport

/// End-to-end tests of `consortium premium`: the built executable run on the worked example of
/// PremiumTests/WorkedExampleTests (3 measures, 6 practices, a cap that binds and triggers
/// redistribution; the hand calculation is in that file's comments).
private enum Premium {
    /// Runs `consortium premium arguments…` in `folder`.
    static func run(_ arguments: [String], in folder: Folder) throws -> CLIHarness.Run {
        try CLIHarness.run(["premium"] + arguments, in: URL(fileURLWithPath: folder.path))
    }

    static let standardArguments = ["--achievement", "achievement.csv", "--population", "population.csv", "--practices", "practices.csv",
                                    "--scheme", "scheme.toml"]

    static let scheme = """
    [scheme]
    name = "Worked example"
    total_weight = 100
    unearned = "redistribute"

    [pot]
    amount = 12000.00

    [limits]
    cap = 3000.00

    [[measure]]
    id = "bp_control"
    weight = 50
    polarity = "higher_is_better"
    lower_threshold = 40
    upper_threshold = 90
    basis = "list_size"

    [[measure]]
    id = "antibiotics"
    weight = 30
    polarity = "lower_is_better"
    lower_threshold = 10
    upper_threshold = 30
    basis = "prevalence_adjusted"
    prevalence_power = 1
    population_index = true

    [[measure]]
    id = "screening"
    weight = 20
    polarity = "higher_is_better"
    lower_threshold = 50
    upper_threshold = 70
    basis = "weighted_list_size"
    weighted_list_column = "weighted_patients"
    minimum_denominator = 50

    """

    /// A temporary folder holding the worked example's files.
    final class Folder: TemporaryFolder {
        init() {
            super.init(prefix: "premium-cli")
            write("practices.csv", """
            practice_code,consortium_code,weighted_patients
            P1,C1,1200
            P2,C1,1800
            P3,C1,3300
            P4,C1,1200
            P5,C1,2500
            P6,C1,2200

            """)
            write("population.csv", """
            practice_code,sex,age_band,patients
            P1,F,30-34,600
            P1,M,30-34,400
            P2,F,30-34,1000
            P2,M,30-34,1000
            P3,F,30-34,1500
            P3,M,65-69,1500
            P4,F,30-34,700
            P4,M,30-34,800
            P5,F,30-34,1200
            P5,M,70-74,1300
            P6,F,30-34,900
            P6,M,30-34,1100

            """)
            write("achievement.csv", """
            practice_code,measure_id,numerator,denominator,exceptions
            P1,bp_control,95,105,5
            P2,bp_control,130,200,0
            P3,bp_control,70,200,0
            P4,bp_control,70,100,0
            P5,bp_control,180,200,0
            P6,bp_control,110,200,0
            P1,antibiotics,8,100,0
            P2,antibiotics,50,200,0
            P3,antibiotics,56,300,20
            P4,antibiotics,40,100,0
            P5,antibiotics,30,200,0
            P6,antibiotics,60,300,0
            P1,screening,66,100,0
            P2,screening,120,200,0
            P3,screening,90,150,0
            P4,screening,54,100,0
            P5,screening,60,100,0
            P6,screening,30,40,0

            """)
            write("scheme.toml", Premium.scheme)
        }
    }
}

@Test func premiumWorkedExampleEndToEnd() throws {
    let folder = Premium.Folder()
    let run = try Premium.run(Premium.standardArguments + ["--summary", "summary.csv"], in: folder)
    #expect(run.status == 0, "\(run.errors)")
    // Payments, scores and splits from the hand calculation in PremiumTests/WorkedExampleTests;
    // share = payment / £12,000 (e.g. P1 2,318.40/12,000 = 0.1932); achievement in percent;
    // earned before the cap and redistribution (P1 1,030.40).
    #expect(run.output == """
    practice_code,payment,share,bp_control_achievement,bp_control_score,bp_control_payment,antibiotics_achievement,antibiotics_score,antibiotics_payment,screening_achievement,screening_score,screening_payment,registered_patients,earned,floor,cap
    P1,2318.40,0.1932,95,1,1144.00,8,1,686.40,66,0.8,488.00,1000,1030.40,,3000.00
    P2,1948.50,0.162375,65,0.5,1041.25,25,0.25,474.75,60,0.5,432.50,2000,866.00,,3000.00
    P3,1903.50,0.158625,35,0,528.75,20,0.5,767.25,60,0.5,607.50,3000,846.00,,3000.00
    P4,1142.10,0.095175,70,0.6,767.25,40,0,190.35,54,0.2,184.50,1500,507.60,,3000.00
    P5,3000.00,0.25,90,1,1750.00,15,0.75,750.00,60,0.5,500.00,2500,2000.00,,3000.00
    P6,1687.50,0.140625,55,0.3,768.75,20,0.5,731.25,75,,187.50,2000,750.00,,3000.00

    """)
    // Each measure earned half its pot and all its unearned half was redistributed.
    #expect(folder.read("summary.csv") == """
    measure_id,available,earned,unearned,cut,redistributed,returned,paid,eligible_practices
    bp_control,6000.00,3000.00,3000.00,0.00,3000.00,0.00,6000.00,6
    antibiotics,3600.00,1800.00,1800.00,0.00,1800.00,0.00,3600.00,6
    screening,2400.00,1200.00,1200.00,0.00,1200.00,0.00,2400.00,5
    total,12000.00,6000.00,6000.00,0.00,6000.00,0.00,12000.00,6

    """)
    #expect(run.errors.contains("premium: pot 12000.00; paid 12000.00 to 6 of 6 practices; returned 0.00 (unearned money is redistributed"))
}

@Test func premiumReturnedMoneyIsStated() throws {
    let folder = Premium.Folder()
    // Unearned money returned, cap £1,040 (WorkedExampleTests: returned £6,960).
    folder.write("scheme.toml", Premium.scheme.replacingOccurrences(of: "\"redistribute\"", with: "\"return\"")
        .replacingOccurrences(of: "cap = 3000.00", with: "cap = 1040.00"))
    let run = try Premium.run(Premium.standardArguments + ["--out", "premium.csv", "--summary", "summary.csv"], in: folder)
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.isEmpty)
    #expect(run.errors.contains("premium: pot 12000.00; paid 5040.00 to 6 of 6 practices; returned 6960.00 (unearned money is returned)"))
    #expect(folder.read("summary.csv")?.contains("total,12000.00,6000.00,6000.00,960.00,0.00,6960.00,5040.00,6") == true)
}

@Test func premiumExplainGoesToStandardOutputWithOutAndToStandardErrorWithout() throws {
    let folder = Premium.Folder()
    let withOut = try Premium.run(Premium.standardArguments + ["--out", "premium.csv", "--explain", "P5"], in: folder)
    #expect(withOut.status == 0, "\(withOut.errors)")
    #expect(withOut.output.hasPrefix("Quality premium \"Worked example\": practice P5, 2,500 registered patients\n"))
    #expect(withOut.output.contains("  cap £3,000.00: binds\n"))
    #expect(withOut.output.hasSuffix("  total £3,000.00\n"))
    #expect(folder.read("premium.csv")?.hasPrefix("practice_code,payment,share,") == true)

    let withoutOut = try Premium.run(Premium.standardArguments + ["--explain", "P5"], in: folder)
    #expect(withoutOut.status == 0)
    #expect(withoutOut.output.hasPrefix("practice_code,payment,share,"))
    #expect(withoutOut.errors.contains("Quality premium \"Worked example\": practice P5, 2,500 registered patients\n"))
    #expect(withoutOut.errors.contains("  total £3,000.00"))
}

/// Runs with --out and --summary, expects exit 65 with `message` on standard error and no output
/// file (nor a temporary one) left behind.
private func expectBadData(_ folder: Premium.Folder, _ message: String, notes: [String] = [],
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
    let before = folder.files
    let run = try Premium.run(Premium.standardArguments + ["--out", "premium.csv", "--summary", "summary.csv"], in: folder)
    #expect(run.status == 65, "\(run.errors)", sourceLocation: sourceLocation)
    #expect(run.errors == (notes + ["error: \(message)"]).joined(separator: "\n") + "\n", sourceLocation: sourceLocation)
    #expect(run.output.isEmpty, sourceLocation: sourceLocation)
    #expect(folder.files == before, "files left behind: \(folder.files)", sourceLocation: sourceLocation)
}

@Test func premiumWeightsNotAddingUpNameTheTotalKey() throws {
    let folder = Premium.Folder()
    folder.write("scheme.toml", Premium.scheme.replacingOccurrences(of: "weight = 20", with: "weight = 25"))
    try expectBadData(folder, "scheme.toml:3:1: scheme.total_weight: the measures' weights add up to 105 (bp_control 50, antibiotics 30, screening 25), not the stated 100")
}

@Test func premiumLowerThresholdAboveUpperNamesTheKey() throws {
    let folder = Premium.Folder()
    folder.write("scheme.toml", Premium.scheme.replacingOccurrences(of: "lower_threshold = 50", with: "lower_threshold = 75"))
    // The third measure's lower_threshold is on line 34.
    try expectBadData(folder, "scheme.toml:34:1: measure.lower_threshold: the lower threshold (75) must be below the upper threshold (70)")
}

@Test func premiumUnknownKeyNamesTheKey() throws {
    let folder = Premium.Folder()
    folder.write("scheme.toml", Premium.scheme.replacingOccurrences(of: "cap = 3000.00", with: "cap = 3000.00\nceiling = 5"))
    // cap is on line 10, so the inserted key is on line 11.
    try expectBadData(folder, "scheme.toml:11:1: unknown key \"ceiling\" in [limits]; expected one of: cap, cap_per_head, floor, floor_per_head, floors_for")
}

@Test func premiumMeasureWithNoDataNamesTheMeasureKey() throws {
    let folder = Premium.Folder()
    folder.write("scheme.toml", Premium.scheme.replacingOccurrences(of: "id = \"screening\"", with: "id = \"cervical_screening\""))
    // The third measure's id is on line 31. The rows of "screening" are now unused, which a note
    // says first.
    try expectBadData(folder, "scheme.toml:31:1: measure.cervical_screening: the achievement file achievement.csv has no rows for the measure \"cervical_screening\"",
                      notes: ["note: achievement.csv: 6 rows of 1 measures the scheme does not use were not used (screening)"])
}

@Test func premiumZeroDenominatorAfterExceptionsNamesTheRow() throws {
    let folder = Premium.Folder()
    let achievement = folder.read("achievement.csv")!.replacingOccurrences(of: "P4,bp_control,70,100,0", with: "P4,bp_control,0,100,100")
    folder.write("achievement.csv", achievement)
    // P4's bp_control row is line 5; the denominator is column 4.
    try expectBadData(folder, "achievement.csv:5:4: denominator: the denominator after exceptions is 0 for the practice \"P4\" and the measure \"bp_control\", so its achievement is undefined (a minimum_denominator of 1 or more in the scheme makes such practices ineligible)")
}

@Test func premiumExplainOfANonMemberIsBadData() throws {
    let folder = Premium.Folder()
    let run = try Premium.run(Premium.standardArguments + ["--out", "premium.csv", "--explain", "X9"], in: folder)
    #expect(run.status == 65)
    #expect(run.errors == "error: practices.csv: practice_code: --explain: \"X9\" is not a member practice\n")
    #expect(!folder.exists("premium.csv"))
}

@Test func premiumMissingInputIsExit66() throws {
    let folder = Premium.Folder()
    let run = try Premium.run(["--achievement", "nowhere.csv", "--population", "population.csv", "--practices", "practices.csv",
                               "--scheme", "scheme.toml"], in: folder)
    #expect(run.status == 66)
    #expect(run.errors.hasPrefix("error: nowhere.csv"))
}

/// Whole pence of a pounds field written with two decimals.
private func pence(_ field: Substring) -> Int {
    let parts = field.split(separator: ".")
    return Int(parts[0])! * 100 + Int(parts[1])!
}

@Test(arguments: [
    // Pot by hand: £1.50 × 380,600 patients (exampleshire README) = £570,900.00, less 12.5% for
    // one failed standard of four = £499,537.50; the gateway is met; all of it is paid.
    ("exampleshire-redistribute.toml", 49_953_750, true),
    // Pot by hand: £400,000 less 25% because exampleshire-finance.csv shows an overspend =
    // £300,000.00; money not earned is returned.
    ("exampleshire-return.toml", 30_000_000, false),
])
func premiumExampleSchemesRunOnExampleshire(scheme: String, potPence: Int, paysAll: Bool) throws {
    let folder = Premium.Folder()
    let data = repositoryRoot.path + "/datasets/exampleshire/"
    let run = try Premium.run(["--scheme", repositoryRoot.path + "/datasets/schemes/" + scheme, "--achievement", data + "achievement.csv",
                               "--population", data + "population.csv", "--practices", data + "practices.csv",
                               "--summary", "summary.csv", "--out", "premium.csv", "--explain", "X00001"], in: folder)
    #expect(run.status == 0, "\(run.errors)")
    let rows = try #require(folder.read("premium.csv")).split(separator: "\n").dropFirst()
    #expect(rows.count == 40)
    let paid = rows.reduce(0) { $0 + pence($1.split(separator: ",", omittingEmptySubsequences: false)[1]) }
    let summary = try #require(folder.read("summary.csv")).split(separator: "\n")
    let total = summary.last!.split(separator: ",")
    #expect(total[0] == "total")
    // available = the pot; paid = Σ payments; available = paid + returned.
    #expect(pence(total[1]) == potPence)
    #expect(pence(total[7]) == paid)
    #expect(pence(total[7]) + pence(total[6]) == potPence)
    #expect((pence(total[6]) == 0) == paysAll)
    #expect(run.output.hasPrefix("Quality premium"))
}
