import Foundation
import Testing
import TestSupport

/// End-to-end tests of `consortium risk`: the built executable run on small files.
private enum RiskCLI {
    /// Runs `consortium risk arguments…` in `folder`.
    static func run(_ arguments: [String], in folder: Folder) throws -> CLIHarness.Run {
        try CLIHarness.run(["risk"] + arguments, in: URL(fileURLWithPath: folder.path))
    }

    /// A temporary folder with a two-band cost model, lists of four practices in two consortia,
    /// budgets and pools.
    final class Folder: TemporaryFolder {
        init() {
            super.init(prefix: "risk-cli")
            write("costs.toml", """
            name = "two bands"

            [[band]]
            age_band = "0-64"
            zero_probability = 0.4
            tail = "lognormal"
            log_mean = 6
            log_sd = 1.3

            [[band]]
            age_band = "65+"
            zero_probability = 0.1
            tail = "gamma"
            shape = 0.8
            scale = 4000

            """)
            write("lists.csv", """
            practice_code,sex,age_band,patients
            P1,M,0-4,900
            P1,F,65-69,300
            P2,F,20-24,2500
            P2,M,90+,120
            P3,M,30-34,4000
            P3,F,70-74,800
            P4,F,0-4,700
            P4,M,85-89,200

            """)
            write("mapping.csv", "practice_code,consortium_code\nP1,C1\nP2,C1\nP3,C2\nP4,C2\n")
            write("budgets.csv", "consortium_code,budget\nC1,3200000\nC2,4900000.50\n")
            write("pools.csv", "consortium_code,pool_code\nC1,P\nC2,P\n")
            write("persons.csv", "practice_code,sex,age_band,cost\nP1,M,0-64,0\nP1,M,0-64,420.5\nP1,F,65+,3100\nP2,F,0-64,0\nP2,F,65+,0\nP2,M,65+,12000\n")
        }
    }

    static let standard = ["--costs", "costs.toml", "--population", "lists.csv", "--mapping", "mapping.csv", "--seed", "7", "--reps", "600"]

    /// Runs with the standard inputs plus `extra`, expects exit 65 and no output file, and returns
    /// standard error.
    static func failure(_ extra: [String], replacing: [String: String] = [:], inputs: [String] = standard) throws -> String {
        let folder = Folder()
        for (name, text) in replacing { folder.write(name, text) }
        let before = folder.files
        let run = try RiskCLI.run(inputs + extra + ["--out", "risk.csv", "--size-curve", "curve.csv", "--size-curve-svg", "curve.svg"], in: folder)
        #expect(run.status == 65, "exit status; \(run.errors)")
        #expect(folder.files == before, "no output or partial file left")
        #expect(run.output.isEmpty)
        return run.errors
    }
}

@Test func riskWritesOneRowPerConsortiumAndArrangement() throws {
    let folder = RiskCLI.Folder()
    let run = try RiskCLI.run(RiskCLI.standard + ["--budgets", "budgets.csv", "--high-cost-threshold", "20000", "--pools", "pools.csv",
                                                  "--pool-share", "0.5", "--out", "risk.csv"], in: folder)
    #expect(run.status == 0, "\(run.errors)")
    let lines = try #require(folder.read("risk.csv")).split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("consortium_code,arrangement,pool_code,patients,budget,expected_spend,mean,standard_deviation,"))
    #expect(lines.count == 1 + 2 * 4)
    let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(rows.map { $0[0] } == ["C1", "C1", "C1", "C1", "C2", "C2", "C2", "C2"])
    #expect(rows.prefix(4).map { $0[1] } == ["none", "high_cost_pool", "risk_share", "high_cost_pool+risk_share"])
    // C1 = P1 + P2: 900 + 300 + 2,500 + 120 persons; its budget from the file.
    #expect(rows[0][3] == "3820" && rows[0][4] == "3200000.00")
    #expect(rows[4][4] == "4900000.50")
    #expect(rows[2][2] == "P" && rows[0][2] == "")
    // Risk sharing has no normal approximation (empty columns); the others have one.
    #expect(rows[2][15] == "" && rows[0][15] != "")
    #expect(rows[0][21] == "600" && rows[0][22] == "7")
}

@Test func riskSameSeedSameBytesForAnyThreadCount() throws {
    let folder = RiskCLI.Folder()
    let common = RiskCLI.standard + ["--high-cost-threshold", "20000", "--pools", "pools.csv", "--pool-share", "0.3", "--sizes", "500,5000,50000"]
    let one = try RiskCLI.run(common + ["--threads", "1", "--out", "one.csv", "--size-curve", "one-curve.csv"], in: folder)
    let two = try RiskCLI.run(common + ["--threads", "2", "--out", "two.csv", "--size-curve", "two-curve.csv"], in: folder)
    #expect(one.status == 0 && two.status == 0)
    #expect(folder.read("one.csv")?.isEmpty == false)
    #expect(folder.read("one.csv") == folder.read("two.csv"))
    #expect(folder.read("one-curve.csv") == folder.read("two-curve.csv"))
}

@Test func riskSizeCurveCSVAndChart() throws {
    let folder = RiskCLI.Folder()
    let run = try RiskCLI.run(RiskCLI.standard + ["--margin", "0.03", "--sizes", "1000,10000", "--size-curve-mix", "C2",
                                                  "--size-curve", "curve.csv", "--size-curve-svg", "curve.svg"], in: folder)
    #expect(run.status == 0, "\(run.errors)")
    let curve = try #require(folder.read("curve.csv")).split(separator: "\n").map(String.init)
    #expect(curve[0].hasPrefix("list_size,arrangement,budget,expected_spend,expected_spend_per_head,"))
    #expect(curve.count == 3)
    #expect(curve[1].hasPrefix("1000,none,") && curve[2].hasPrefix("10000,none,"))
    let svg = try #require(folder.read("curve.svg"))
    #expect(svg.hasPrefix("<svg"))
    #expect(svg.contains("Age-sex mix of C2"))
    // Without --out the main table goes to standard output.
    #expect(run.output.hasPrefix("consortium_code,arrangement,"))
}

@Test func riskFromAPersonsFileWithPractices() throws {
    let folder = RiskCLI.Folder()
    let run = try RiskCLI.run(["--persons", "persons.csv", "--seed", "1", "--reps", "200"], in: folder)
    #expect(run.status == 0, "\(run.errors)")
    let rows = run.output.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    // No mapping: each practice is a group; P1 has 3 persons, P2 has 3.
    #expect(rows.map { $0[0] } == ["P1", "P2"])
    #expect(rows.map { $0[3] } == ["3", "3"])
}

@Test func riskFailsOnANegativeCost() throws {
    let errors = try RiskCLI.failure([], replacing: ["persons.csv": "sex,age_band,cost\nF,0-64,10\nM,65+,-3\n"],
                                     inputs: ["--persons", "persons.csv", "--population", "lists.csv", "--seed", "1", "--reps", "10"])
    #expect(errors.contains("persons.csv:3:3: cost:"))
}

@Test func riskFailsOnAProbabilityOutsideZeroToOne() throws {
    let folder = RiskCLI.Folder()
    let costs = try #require(folder.read("costs.toml")).replacingOccurrences(of: "zero_probability = 0.1", with: "zero_probability = 1.5")
    let errors = try RiskCLI.failure([], replacing: ["costs.toml": costs])
    #expect(errors.contains("costs.toml:12:1: band.zero_probability: expected a probability from 0 to 1, found 1.5"))
}

@Test func riskFailsOnAnUnknownKey() throws {
    let folder = RiskCLI.Folder()
    let costs = try #require(folder.read("costs.toml")).replacingOccurrences(of: "scale = 4000", with: "scale = 4000\nmean = 3200")
    let errors = try RiskCLI.failure([], replacing: ["costs.toml": costs])
    #expect(errors.contains("costs.toml:16:1: unknown key \"mean\" in [band]"))
}

@Test func riskFailsOnAnUnknownBand() throws {
    // The model's bands are 0-64 and 65+; a list band of 60-69 straddles them and "old" is no band.
    let straddle = try RiskCLI.failure([], replacing: ["lists.csv": "practice_code,sex,age_band,patients\nP1,M,0-4,9\nP1,F,60-69,3\n"])
    #expect(straddle.contains("lists.csv:3:3: age_band: the band 60-69 straddles"))
    let unknown = try RiskCLI.failure([], replacing: ["lists.csv": "practice_code,sex,age_band,patients\nP1,M,old,9\n"])
    #expect(unknown.contains("lists.csv:2:3: age_band:"))
}

@Test func riskFailsOnABudgetForAnUnknownConsortium() throws {
    let errors = try RiskCLI.failure(["--budgets", "budgets.csv"], replacing: ["budgets.csv": "consortium_code,budget\nC1,1\nC2,2\nC9,3\n"])
    #expect(errors.contains("budgets.csv:4:1: consortium_code:"))
}

@Test func riskRejectsConflictingOptions() throws {
    let folder = RiskCLI.Folder()
    let both = try RiskCLI.run(["--costs", "costs.toml", "--persons", "persons.csv", "--population", "lists.csv", "--seed", "1"], in: folder)
    #expect(both.status == 64)
    let share = try RiskCLI.run(RiskCLI.standard + ["--pools", "pools.csv"], in: folder)
    #expect(share.status == 64)
    let probability = try RiskCLI.run(RiskCLI.standard + ["--break-even-probability", "1.5"], in: folder)
    #expect(probability.status == 64)
}
