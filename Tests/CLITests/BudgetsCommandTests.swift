import Foundation
import Testing
import TestSupport

/// End-to-end tests of `consortium budgets`: the built executable run on small files.
private enum Budgets {
    /// Runs `consortium budgets arguments…` in `folder`.
    static func run(_ arguments: [String], in folder: Folder) throws -> CLIHarness.Run {
        try CLIHarness.run(["budgets"] + arguments, in: URL(fileURLWithPath: folder.path))
    }

    /// A temporary folder holding the worked example's files (see AllocationTests/WorkedExampleTests).
    final class Folder: TemporaryFolder {
        init() {
            super.init(prefix: "budgets-cli")
            write("practices.csv", "practice_code,consortium_code,market_forces_factor\nP1,C1,1\nP2,C1,1.1\nP3,C1,1\nP4,C2,0.9\nP5,C2,1\n")
            write("lists.csv", """
            practice_code,sex,age_band,patients
            P1,M,0-64,800
            P1,F,65+,200
            P2,M,0-64,1500
            P2,F,65+,500
            P3,F,0-64,900
            P3,M,65+,100
            P4,M,0-64,2700
            P4,F,65+,300
            P5,M,0-64,2000
            P5,F,65+,1000

            """)
            write("formula.toml", "status = \"illustrative\"\ntotal = 1000\n\n[age_sex.weights]\n\"0-64\" = 1\n\"65+\" = 3\n")
            write("baseline.csv", "practice_code,baseline\nP1,100\nP2,200\nP3,100\nP4,300\nP5,280\n")
        }
    }

    static let standard = ["--practices", "practices.csv", "--population", "lists.csv", "--formula", "formula.toml"]

    /// Runs with the standard inputs plus `extra`, expects exit 65 and no output file, and returns
    /// standard error.
    static func failure(_ extra: [String], folder: Folder = Folder(), replacing: [String: String] = [:]) throws -> String {
        for (name, text) in replacing { folder.write(name, text) }
        let before = folder.files
        let run = try Budgets.run(standard + extra + ["--out", "budgets.csv"], in: folder)
        #expect(run.status == 65, "exit status")
        #expect(!folder.exists("budgets.csv"), "no output file left")
        #expect(folder.files == before, "no partial file left")
        #expect(run.output.isEmpty)
        return run.errors
    }
}

@Test func budgetsWorkedExampleWritesPennyExactCSV() throws {
    let folder = Budgets.Folder()
    let run = try Budgets.run(Budgets.standard + ["--out", "budgets.csv"], in: folder)
    #expect(run.status == 0)
    let text = try String(contentsOfFile: folder.path + "/budgets.csv", encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines[0] == "practice_code,consortium_code,registered_patients,weighted_population,need_index,target_share,target_budget,baseline,distance_from_target,budget,age_sex_index,growth")
    // Targets of the worked example (AllocationTests/WorkedExampleTests): £98.59, £211.27,
    // £84.51, £253.52, £352.11, adding up to £1,000.00.
    let targets = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[6] }
    #expect(targets == ["98.59", "211.27", "84.51", "253.52", "352.11"])
    // P1: weighted population 1,400 × 10,000 / 14,200, need index and age-sex index 14 / 14.2,
    // share 14 / 142; no baseline, so baseline, distance and growth are empty.
    let fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    #expect(fields[0...2] == ["P1", "C1", "1000"])
    #expect(abs(Double(fields[3])! - 1400.0 * 10_000 / 14_200) < 1e-9)
    #expect(abs(Double(fields[4])! - 14 / 14.2) < 1e-12)
    #expect(abs(Double(fields[5])! - 14.0 / 142) < 1e-15)
    #expect(fields[6...9] == ["98.59", "", "", "98.59"])
    #expect(abs(Double(fields[10])! - 14 / 14.2) < 1e-12)
    #expect(fields[11] == "")
}

@Test func budgetsPaceOfChangeAndExplain() throws {
    // Baselines £100, £200, £100, £300, £280 (= £980) towards targets £98.59, £211.27, £84.51,
    // £253.52, £352.11 of a £1,000 total, with 1% minimum growth and half the gap closed.
    let folder = Budgets.Folder()
    folder.write("formula.toml", "total = 1000\n[age_sex.weights]\n\"0-64\" = 1\n\"65+\" = 3\n[pace_of_change]\nminimum_growth = 0.01\ngap_closure = 0.5\n")
    let run = try Budgets.run(Budgets.standard + ["--baseline", "baseline.csv"], in: folder)
    #expect(run.status == 0)
    #expect(run.errors.contains("pace of change: common growth"))
    let rows = run.output.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let budgets = rows.map { Int(($0[9].replacingOccurrences(of: ".", with: "")))! }
    #expect(budgets.reduce(0, +) == 100_000)
    // Every practice grows by at least 1%: budget >= baseline × 1.01 (to the penny).
    for (row, baseline) in zip(rows, [10_000, 20_000, 10_000, 30_000, 28_000]) {
        #expect(Int(row[9].replacingOccurrences(of: ".", with: ""))! >= baseline * 101 / 100)
    }
    let explain = try Budgets.run(Budgets.standard + ["--baseline", "baseline.csv", "--explain", "P5"], in: folder)
    #expect(explain.status == 0)
    let lines = explain.output.split(separator: "\n").map(String.init)
    #expect(lines[0] == "practice_code,component,factor,amount,amount_per_head")
    let amounts = lines.dropFirst().map { Int($0.split(separator: ",", omittingEmptySubsequences: false)[3].replacingOccurrences(of: ".", with: ""))! }
    #expect(amounts.dropLast().reduce(0, +) == amounts.last!)
    // P5's equal share: 3,000 / 10,000 × £1,000 = £300.00.
    #expect(lines[1].hasPrefix("P5,equal_share,,300.00,"))
}

@Test func budgetsConsortiumLevelWithMappingAndRunningCosts() throws {
    let folder = Budgets.Folder()
    folder.write("mapping.csv", "practice_code,consortium_code\nP1,X\nP2,Y\nP3,X\nP4,Y\nP5,Y\n")
    folder.write("plans.csv", "consortium_code,planned_spend,running_costs\nX,200,5\nY,790,1\n")
    let run = try Budgets.run(Budgets.standard + ["--level", "consortium", "--mapping", "mapping.csv", "--running-cost-allowance", "0.002",
                                                   "--planned-spend", "plans.csv"], in: folder)
    #expect(run.status == 0, "\(run.errors)")
    let lines = run.output.split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("consortium_code,practices,registered_patients,"))
    #expect(lines[0].hasSuffix(",growth,running_cost_allowance,planned_spend,planned_running_costs,surplus,over_allocation,over_running_cost_allowance"))
    // X = P1 + P3: shares (14 + 12)/142 of £1,000 = 18,309.859… pence; Y = 116/142 = 81,690.140…;
    // floors 99,999, the penny to X (.859 > .140): £183.10 and £816.90. Allowance £0.002 × 2,000
    // = £4.00 for X (running costs £5: over), £0.002 × 8,000 = £16.00 for Y. X plans £200 > £183.10.
    #expect(lines[1].hasPrefix("X,2,2000,"))
    #expect(lines[1].contains(",183.10,,,183.10,"))
    #expect(lines[1].hasSuffix(",4.00,200.00,5.00,-16.90,true,true"))
    #expect(lines[2].hasSuffix(",16.00,790.00,1.00,26.90,false,false"))
}

@Test func budgetsFailsOnAPracticeMissingFromThePracticesFile() throws {
    let folder = Budgets.Folder()
    let errors = try Budgets.failure([], folder: folder, replacing: ["lists.csv": "practice_code,sex,age_band,patients\nP1,M,0-64,10\nP9,F,0-64,5\n"])
    #expect(errors.contains("lists.csv:3:1: practice_code:"))
    #expect(errors.contains("P9"))
}

@Test func budgetsFailsOnANegativeCount() throws {
    let errors = try Budgets.failure([], replacing: ["lists.csv": "practice_code,sex,age_band,patients\nP1,M,0-64,10\nP2,F,0-64,-5\n"])
    #expect(errors.contains("lists.csv:3:4: patients: expected a whole number >= 0, found \"-5\""))
}

@Test func budgetsFailsOnABandNotInTheWeights() throws {
    // 60-69 straddles the weight bands 0-64 and 65+.
    let errors = try Budgets.failure([], replacing: ["lists.csv": "practice_code,sex,age_band,patients\nP1,M,0-64,10\nP2,F,60-69,5\n"])
    #expect(errors.contains("lists.csv:3:3: age_band:"))
    #expect(errors.contains("60-69"))
}

@Test func budgetsFailsWhenEveryWeightIsZero() throws {
    let errors = try Budgets.failure([], replacing: ["formula.toml": "total = 1000\n\n[age_sex.weights]\n\"0-64\" = 0\n\"65+\" = 0\n"])
    #expect(errors.contains("formula.toml:3:1: age-sex weights: every weight is zero"))
}

@Test func budgetsFailsOnDuplicatePracticeCodes() throws {
    let errors = try Budgets.failure([], replacing: ["practices.csv": "practice_code,consortium_code\nP1,C1\nP2,C1\nP1,C2\n"])
    #expect(errors.contains("practices.csv:4:1: practice_code:"))
    #expect(errors.contains("also line 2"))
}

@Test func budgetsFailsOnABaselineForAnUnknownPractice() throws {
    let errors = try Budgets.failure(["--baseline", "baseline.csv"],
                                     replacing: ["baseline.csv": "practice_code,baseline\nP1,1\nP2,1\nP3,1\nP4,1\nP5,1\nP7,2\n"])
    #expect(errors.contains("baseline.csv:7:1: practice_code:"))
    #expect(errors.contains("P7"))
}

@Test func budgetsFailsOnAnUnknownFormulaKey() throws {
    let errors = try Budgets.failure([], replacing: ["formula.toml": "total = 1000\n[age_sex.weights]\n\"0-64\" = 1\n\"65+\" = 3\n[pace_of_change]\ngap_closure = 0.5\nminimum_grwth = 0.01\n"])
    #expect(errors.contains("formula.toml:7:1:"))
    #expect(errors.contains("unknown key \"minimum_grwth\""))
}

@Test func budgetsRejectsABadTotalAsACommandLineError() throws {
    let folder = Budgets.Folder()
    let run = try Budgets.run(Budgets.standard + ["--total", "12.345"], in: folder)
    #expect(run.status == 64)
}

@Test func budgetsConsortiumBaselinesAndPaceAtConsortiumLevel() throws {
    // Consortium baselines C1 £390, C2 £590 (£980); targets C1 £394.37, C2 £605.63 of £1,000
    // (WorkedExampleTests). With m = 0 and f = 1 both under target reach their targets exactly.
    let folder = Budgets.Folder()
    folder.write("consortium-baseline.csv", "consortium_code,baseline\nC1,390\nC2,590\n")
    folder.write("formula.toml", "total = 1000\n[age_sex.weights]\n\"0-64\" = 1\n\"65+\" = 3\n[pace_of_change]\ngap_closure = 1\n")
    let run = try Budgets.run(Budgets.standard + ["--level", "consortium", "--baseline", "consortium-baseline.csv"], in: folder)
    #expect(run.status == 0, "\(run.errors)")
    let lines = run.output.split(separator: "\n").map(String.init)
    #expect(lines[1].hasPrefix("C1,3,4000,"))
    #expect(lines[1].contains(",394.37,390.00,"))
    #expect(lines[2].contains(",605.63,590.00,"))
    // Budgets equal targets: the 10th column.
    #expect(lines[1].split(separator: ",")[9] == "394.37")
    // The same baselines cannot set practice budgets.
    let practiceLevel = try Budgets.run(Budgets.standard + ["--baseline", "consortium-baseline.csv"], in: folder)
    #expect(practiceLevel.status == 65)
    #expect(practiceLevel.errors.contains("--level consortium"))
}

@Test func budgetsOptionsThatDoNotGoTogetherAreCommandLineErrors() throws {
    let folder = Budgets.Folder()
    #expect(try Budgets.run(Budgets.standard + ["--level", "consortium", "--explain", "P1"], in: folder).status == 64)
    #expect(try Budgets.run(Budgets.standard + ["--running-cost-allowance", "20"], in: folder).status == 64)
    #expect(try Budgets.run(Budgets.standard + ["--attribution", "a.csv"], in: folder).status == 64)
    #expect(try Budgets.run(["--formula", "formula.toml"], in: folder).status == 64)
}
