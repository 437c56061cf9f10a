import Foundation
import Testing
import TestSupport

/// End-to-end runs of `consortium needs` and `consortium inequality`: outputs, exit codes, errors,
/// and the bundled real-data examples against Tests/InequalityTests/Reference/real_data_reference.py.
@Suite struct InequalityCommandTests {
    // MARK: needs

    @Test func needsAttributesScoresAndFormsQuintiles() throws {
        // P1: 100 patients in A (score 10) and 300 in B (30) → 10000/400 = 25; P2: 50 in B → 30;
        // P3: 200 in C (5) → 5; P4: 150 in A → 10. Total 800, most deprived first:
        //   P2 mid 25/800 = .03125 → ⌊5·.03125⌋+1 = 1; P1 (50 + 200)/800 = .3125 → 2;
        //   P4 (450 + 75)/800 = .65625 → 4; P3 (600 + 100)/800 = .875 → 5.
        let folder = try CLIHarness.folder(texts: [
            "attribution.csv": "practice_code,lsoa_code,patients\nP1,A,100\nP1,B,300\nP2,B,50\nP3,C,200\nP4,A,150\n",
            "areas.csv": "lsoa_code,imd_score\nA,10\nB,30\nC,5\n",
        ])
        let run = try CLIHarness.run(["needs", "--attribution", "attribution.csv", "--areas", "areas.csv", "--groups", "5"], in: folder)
        #expect(run.status == 0)
        #expect(run.output == """
            practice_code,patients,imd_score,deprivation_group,cumulative_population_midpoint
            P2,50,30,1,0.03125
            P1,400,25,2,0.3125
            P4,150,10,4,0.65625
            P3,200,5,5,0.875

            """)
    }

    @Test func needsReportsASmallAreaMissingFromTheAreasFileWithFileAndLine() throws {
        let folder = try CLIHarness.folder(texts: [
            "attribution.csv": "practice_code,lsoa_code,patients\nP1,A,100\nP1,Z,300\n",
            "areas.csv": "lsoa_code,imd_score\nA,10\n",
        ])
        let run = try CLIHarness.run(["needs", "--attribution", "attribution.csv", "--areas", "areas.csv", "--out", "groups.csv"], in: folder)
        #expect(run.status == 65)
        #expect(run.errors.contains("attribution.csv:3:2: lsoa_code: the area \"Z\" is not in the areas file"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("groups.csv").path))
    }

    @Test func needsFormsGroupsWithinConsortiaFromGivenScores() throws {
        // Consortium X: scores 9, 1 (patients 1, 1) → midpoints .25, .75 → groups 1, 2.
        // Consortium Y: scores 5, 4 (patients 3, 1) → midpoints 1.5/4 = .375 → 1, 3.5/4 = .875 → 2.
        // Rows of 2015 are left out by --year and counted on standard error.
        let folder = try CLIHarness.folder(texts: [
            "scores.csv": "AreaCode,Year,Value\nx1,2019,9\nx2,2019,1\ny1,2019,5\ny2,2019,4\ny2,2015,7\n",
            "population.csv": "practice_code,patients,consortium_code\nx1,1,X\nx2,1,X\ny1,3,Y\ny2,1,Y\n",
        ])
        let run = try CLIHarness.run(["needs", "--scores", "scores.csv", "--year", "2019", "--population", "population.csv",
                                "--groups", "2", "--within-consortium"], in: folder)
        #expect(run.status == 0)
        #expect(run.output == """
            practice_code,consortium_code,patients,imd_score,deprivation_group,cumulative_population_midpoint
            x1,X,1,9,1,0.25
            x2,X,1,1,2,0.75
            y1,Y,3,5,1,0.375
            y2,Y,1,4,2,0.875

            """)
        #expect(run.errors == "note: skipped 1 rows of other years\n")
    }

    // MARK: inequality

    /// Five quintiles given as values with standard errors (the hand example of
    /// Tests/InequalityTests/SlopeIndexTests.swift): SII = 1610/79, RII = 8050/7821, ratio RII = 5923/1898.
    static let quintiles = """
        deprivation_group,value,se,population
        1,30,1,100
        2,26,1,200
        3,20,1,300
        4,16,1,200
        5,12,1,200

        """

    @Test func givenValuesGiveTheHandExampleInTheContractColumns() throws {
        let folder = try CLIHarness.folder(texts: ["quintiles.csv": Self.quintiles])
        let run = try CLIHarness.run(["inequality", "--indicator", "quintiles.csv", "--statistic", "value", "--reps", "1000",
                                "--interval", "analytic", "--out", "out.csv"], in: folder)
        #expect(run.status == 0)
        let text = try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8)
        #expect(text.hasPrefix("measure,value,lowercl,uppercl,confidence,method\n"))
        let rows = CLIHarness.records(text)
        let sii = rows.first { $0["measure"] == "sii" }!
        #expect(CLIHarness.close(sii["value"], 1610.0 / 79, relative: 1e-14))
        #expect(sii["confidence"] == "95%")
        #expect(sii["method"]!.contains("fitted most deprived minus least deprived"))
        // Analytic: 1610/79 ∓ t(3; .975) · SE(b) = 3.182446305284263 · 1.2128141333674414 (hand example).
        #expect(CLIHarness.close(sii["lowercl"], 1610.0 / 79 - 3.182446305284263 * 1.2128141333674414, relative: 1e-12))
        #expect(CLIHarness.close(rows.first { $0["measure"] == "rii" }!["value"], 8050.0 / 7821, relative: 1e-14))
        #expect(CLIHarness.close(rows.first { $0["measure"] == "rii_ratio" }!["value"], 5923.0 / 1898, relative: 1e-14))
        #expect(CLIHarness.close(rows.first { $0["measure"] == "mean" }!["value"], 19.8, relative: 1e-14))
    }

    @Test func leastMinusMostFollowsPHEindicatormethods() throws {
        let folder = try CLIHarness.folder(texts: ["quintiles.csv": Self.quintiles])
        let run = try CLIHarness.run(["inequality", "--indicator", "quintiles.csv", "--statistic", "value", "--reps", "1000",
                                "--direction", "least-minus-most"], in: folder)
        #expect(run.status == 0)
        let rows = CLIHarness.records(run.output)
        #expect(CLIHarness.close(rows.first { $0["measure"] == "sii" }!["value"], -1610.0 / 79, relative: 1e-14))
        #expect(CLIHarness.close(rows.first { $0["measure"] == "rii_ratio" }!["value"], 1898.0 / 5923, relative: 1e-14))
    }

    /// Runs `inequality` on one bad file and expects exit 65, the message, and no output file.
    static func expectBadData(_ files: [String: String], _ arguments: [String], message: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = try CLIHarness.folder(texts: files)
        let run = try CLIHarness.run(["inequality"] + arguments + ["--reps", "1000", "--out", "out.csv"], in: folder)
        #expect(run.status == 65, sourceLocation: sourceLocation)
        #expect(run.errors.contains(message), "\(run.errors)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.csv").path), sourceLocation: sourceLocation)
    }

    @Test func aGroupWithZeroPopulationIsBadData() throws {
        try Self.expectBadData(
            ["counts.csv": "deprivation_group,numerator,denominator\n1,5,100\n2,4,100\n3,0,0\n4,3,100\n5,2,100\n"],
            ["--indicator", "counts.csv"], message: "error: counts.csv:4: expected a denominator > 0, found 0")
        try Self.expectBadData(
            ["values.csv": "deprivation_group,value,se,population\n1,3,1,10\n2,3,1,0\n3,3,1,10\n4,3,1,10\n5,3,1,10\n"],
            ["--indicator", "values.csv", "--statistic", "value"], message: "error: values.csv:3: expected a population > 0 for the group")
    }

    @Test func fewerThanTheMinimumGroupsIsBadData() throws {
        try Self.expectBadData(
            ["counts.csv": "deprivation_group,numerator,denominator\n1,5,100\n2,4,100\n3,3,100\n4,2,100\n"],
            ["--indicator", "counts.csv"], message: "error: counts.csv: found 4 deprivation groups; the inequality measures need at least 5")
    }

    @Test func missingRanksAreBadData() throws {
        try Self.expectBadData(
            ["counts.csv": "deprivation_group,numerator,denominator\n1,5,100\n,4,100\n3,3,100\n4,2,100\n5,1,100\n"],
            ["--indicator", "counts.csv"], message: "error: counts.csv:3:1: deprivation_group: expected a deprivation group, found an empty field")
        try Self.expectBadData(
            ["counts.csv": "deprivation_group,numerator,denominator\n1,5,100\n2,4,100\n4,3,100\n5,2,100\n6,1,100\n"],
            ["--indicator", "counts.csv"], message: "error: counts.csv: deprivation group 3 has no rows (groups must run from 1 to 6 with none missing)")
    }

    @Test func anOrganisationMissingFromTheDeprivationFileIsBadDataUnlessSkipped() throws {
        let files = [
            "smoking.csv": "org_code,numerator,denominator\n" + (1...10).map { "P\($0),\($0 * 3),100" }.joined(separator: "\n") + "\nQ9,1,100\n",
            "deciles.csv": "org_code,deprivation_group\n" + (1...10).map { "P\($0),\(($0 + 1) / 2)" }.joined(separator: "\n") + "\n",
        ]
        try Self.expectBadData(files, ["--indicator", "smoking.csv", "--deprivation", "deciles.csv"],
                               message: "error: smoking.csv:12: the organisation \"Q9\" is not in deciles.csv")
        let folder = try CLIHarness.folder(texts: files)
        let run = try CLIHarness.run(["inequality", "--indicator", "smoking.csv", "--deprivation", "deciles.csv", "--reps", "1000",
                                "--on-unusable", "skip"], in: folder)
        #expect(run.status == 0)
        #expect(run.errors == "note: smoking.csv: skipped 1 rows not in the deprivation file\n")
    }

    @Test func simulatedLimitsRepeatForASeed() throws {
        let folder = try CLIHarness.folder(texts: ["quintiles.csv": Self.quintiles])
        let arguments = ["inequality", "--indicator", "quintiles.csv", "--statistic", "value", "--reps", "2000", "--seed", "77"]
        let first = try CLIHarness.run(arguments, in: folder), second = try CLIHarness.run(arguments, in: folder)
        #expect(first.status == 0 && first.output == second.output)
        let other = try CLIHarness.run(["inequality", "--indicator", "quintiles.csv", "--statistic", "value", "--reps", "2000", "--seed", "78"], in: folder)
        #expect(other.output != first.output)
    }

    // MARK: the bundled real-data examples

    /// Whether two CSV texts have the same header, rows and text fields, and numbers equal to 1e-12
    /// relative (so that a last-digit change in a distribution's quantile does not stale the examples).
    static func sameTable(_ fresh: String, _ bundled: String) -> Bool {
        let left = fresh.split(separator: "\n", omittingEmptySubsequences: false)
        let right = bundled.split(separator: "\n", omittingEmptySubsequences: false)
        guard left.count == right.count, left.first == right.first else { return false }
        let freshRows = CLIHarness.records(fresh), bundledRows = CLIHarness.records(bundled)
        for (one, other) in zip(freshRows, bundledRows) {
            guard one.keys.sorted() == other.keys.sorted() else { return false }
            for (column, text) in one {
                let expected = other[column]!
                if text == expected { continue }
                guard let value = Double(text), let reference = Double(expected),
                      abs(value - reference) <= 1e-12 * max(abs(reference), 1e-300) else { return false }
            }
        }
        return true
    }

    /// Runs datasets/examples/inequality/run.sh into a fresh folder; the outputs must equal the
    /// bundled ones (numbers to 1e-12), and their numbers the independent reference below.
    @Test func bundledRealDataExamplesMatchTheReference() throws {
        let output = try CLIHarness.folder(texts: [:])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["datasets/examples/inequality/run.sh"]
        process.currentDirectoryURL = repositoryRoot
        process.environment = ["CONSORTIUM": CLIHarness.executable.path, "OUT": output.path, "PATH": "/usr/bin:/bin"]
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let examples = repositoryRoot.appendingPathComponent("datasets/examples/inequality")
        for name in ["practice-deciles.csv", "smoking-inequality.csv", "smoking-groups.csv", "payments-inequality.csv", "payments-groups.csv"] {
            let fresh = try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
            let bundled = try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
            #expect(Self.sameTable(fresh, bundled), "\(name) differs from the bundled example")
        }
        let deciles = CLIHarness.records(try String(contentsOf: output.appendingPathComponent("practice-deciles.csv"), encoding: .utf8))
        #expect(deciles.count == 6585)
        for group in 1...10 {
            let members = deciles.filter { $0["deprivation_group"] == String(group) }
            #expect(members.count == Self.realDecileCounts[group - 1])
            #expect(CLIHarness.close(String(members.reduce(0) { $0 + Double($1["patients"]!)! }), Self.realDecilePopulations[group - 1], relative: 1e-12))
        }
        try Self.checkIndicator(output.appendingPathComponent("smoking-inequality.csv"), point: Self.smokingPoint,
                                simulated: Self.smokingSimulated, analytic: Self.smokingAnalytic, concentration: Self.smokingConcentration)
        let smoking = CLIHarness.records(try String(contentsOf: output.appendingPathComponent("smoking-inequality.csv"), encoding: .utf8))
        func value(_ rows: [[String: String]], _ measure: String) -> String? { rows.first { $0["measure"] == measure }?["value"] }
        #expect(CLIHarness.close(value(smoking, "gini"), Self.smokingGini))
        for (measure, expected) in zip(["theil_t", "theil_t_between", "theil_t_within", "theil_l", "theil_l_between", "theil_l_within"], Self.smokingTheil) {
            #expect(CLIHarness.close(value(smoking, measure), expected), "\(measure)")
        }
        for (measure, expected) in zip(["atkinson_0.5", "atkinson_1", "atkinson_2"], Self.smokingAtkinson) {
            #expect(CLIHarness.close(value(smoking, measure), expected), "\(measure)")
        }
        #expect(CLIHarness.close(value(smoking, "concentration_index_erreygers"), Self.smokingCorrections[0]))
        #expect(CLIHarness.close(value(smoking, "concentration_index_wagstaff"), Self.smokingCorrections[1]))
        let gap = smoking.first { $0["measure"] == "gap" }!
        #expect(CLIHarness.close(gap["value"], Self.smokingGap95[0]) && CLIHarness.close(gap["lowercl"], Self.smokingGap95[1]) && CLIHarness.close(gap["uppercl"], Self.smokingGap95[2]))
        let ratio = smoking.first { $0["measure"] == "ratio" }!
        #expect(CLIHarness.close(ratio["value"], Self.smokingRatio95[0]) && CLIHarness.close(ratio["lowercl"], Self.smokingRatio95[1]) && CLIHarness.close(ratio["uppercl"], Self.smokingRatio95[2]))
        let smokingGroups = CLIHarness.records(try String(contentsOf: output.appendingPathComponent("smoking-groups.csv"), encoding: .utf8))
        for (group, expected) in zip(smokingGroups, Self.smokingGroupValues) { #expect(CLIHarness.close(group["value"], expected, relative: 1e-12)) }

        try Self.checkIndicator(output.appendingPathComponent("payments-inequality.csv"), point: Self.paymentsPoint,
                                simulated: Self.paymentsSimulated, analytic: Self.paymentsAnalytic, concentration: Self.paymentsConcentration)
        let payments = CLIHarness.records(try String(contentsOf: output.appendingPathComponent("payments-inequality.csv"), encoding: .utf8))
        // Three practices have negative total payments: the distributional indices are reported empty, with the reason.
        #expect(payments.first { $0["measure"] == "gini" }!["value"] == "")
        #expect(payments.first { $0["measure"] == "gini" }!["method"] == "not defined: 3 of the values are negative")
        let paymentsGap = payments.first { $0["measure"] == "gap" }!
        #expect(CLIHarness.close(paymentsGap["value"], Self.paymentsGap95[0]) && CLIHarness.close(paymentsGap["lowercl"], Self.paymentsGap95[1]))
        let paymentsGroups = CLIHarness.records(try String(contentsOf: output.appendingPathComponent("payments-groups.csv"), encoding: .utf8))
        for (group, expected) in zip(paymentsGroups, Self.paymentsGroupValues) { #expect(CLIHarness.close(group["value"], expected, relative: 1e-12)) }
    }

    /// SII, RII and ratio RII rows (simulation 95%, 99.8%, analytic 95%, 99.8%) and the
    /// concentration index (C ∓ z·SE) of one output against the reference.
    static func checkIndicator(_ file: URL, point: [Double], simulated: [Double], analytic: [Double], concentration: [Double],
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let rows = CLIHarness.records(try String(contentsOf: file, encoding: .utf8))
        for (position, measure) in ["sii", "rii", "rii_ratio"].enumerated() {
            let measureRows = rows.filter { $0["measure"] == measure }
            #expect(measureRows.count == 4, sourceLocation: sourceLocation)
            let expected = Array(simulated[position * 4..<position * 4 + 4]) + Array(analytic[position * 4..<position * 4 + 4])
            for (index, row) in measureRows.enumerated() {
                #expect(CLIHarness.close(row["value"], point[position]), "\(measure)", sourceLocation: sourceLocation)
                #expect(CLIHarness.close(row["lowercl"], expected[index * 2]), "\(measure) row \(index) lower", sourceLocation: sourceLocation)
                #expect(CLIHarness.close(row["uppercl"], expected[index * 2 + 1]), "\(measure) row \(index) upper", sourceLocation: sourceLocation)
            }
        }
        let c = rows.first { $0["measure"] == "concentration_index" }!
        #expect(CLIHarness.close(c["value"], concentration[0]), sourceLocation: sourceLocation)
        #expect(CLIHarness.close(c["uppercl"], concentration[0] + 1.959963984540054 * concentration[1]), sourceLocation: sourceLocation)
        #expect(CLIHarness.close(rows.first { $0["measure"] == "mean" }!["value"], concentration[2], relative: 1e-12), sourceLocation: sourceLocation)
    }

    // Reference values pasted from Tests/InequalityTests/Reference/real_data_reference.py (numpy,
    // scipy, statsmodels, pandas; seed 1, 10,000 repetitions). Regenerate there; do not edit by hand.
    static let realDecilePopulations = [6196897.5, 6198327.75, 6199851.0, 6205577.25, 6203348.0, 6195963.0, 6194567.0, 6205793.75, 6196569.0, 6198848.5]
    static let realDecileCounts = [868, 699, 669, 660, 621, 637, 636, 616, 596, 583]
    static let realDecileCheck = [3109.1911202543824, 593192.4691138391] // Σ midpoints, Σ decile·score
    static let smokingGroupValues = [20.99847230508503, 18.832284865865912, 17.276529334001633, 16.353973891820026, 15.004440647782587, 14.273239698058351, 13.034753163768112, 11.740858455839494, 10.773137848776434, 9.087476252407495]
    static let smokingPoint = [12.162026805657243, 0.8273122187974942, 2.4109675773190813] // sii, rii, rii_ratio
    static let smokingAnalytic = [11.145030546630696, 13.17902306468379, 10.177083469095376, 14.14697014221911, 0.7562054935278267, 0.8984189440671616, 0.688528207296939, 0.9660962302980494, 2.204141226519832, 2.6177939281183304, 2.007289999156366, 2.8146451554817964] // per measure: 95% lower, upper, 99.8% lower, upper
    static let smokingSimulated = [12.128324089865021, 12.195378220149214, 12.11268246848253, 12.216031180510509, 0.8250851513589375, 0.8295482131857987, 0.8238678793556535, 0.8308630926278961, 2.4045020408300273, 2.417483782811264, 2.400978452836227, 2.4213272840653817] // per measure: 95% lower, upper, 99.8% lower, upper
    static let smokingConcentration = [0.13820962076876805, 0.0001884972828567104, 14.700649318747955] // C (ranked by score, R→1 most deprived), KWV SE, mean
    static let smokingCorrections = [0.08127084669595214, 0.1620289247983047]
    static let smokingGini = 0.17935908222852281
    static let smokingTheil = [0.05131921356088316, 0.007203893624541156, 0.044115319936342004, 0.053175987318098326, 0.007153289836378259, 0.04602269748172008] // T total, between, within; L total, between, within (by sub-ICB)
    static let smokingAtkinson = [0.02575761714598679, 0.05178687568710527, 0.10511176522054178]
    static let smokingGap95 = [11.910996052677536, 11.867587414326849, 11.95440681704918]
    static let smokingRatio95 = [2.310704503851883, 2.3033048527702493, 2.3181279272257793]
    static let paymentsGroupValues = [155.6831461725725, 154.409092455754, 153.90656990111, 157.95261923193286, 159.53771840999454, 169.2017497297334, 172.24410366527766, 171.05011957913615, 173.76246534907955, 167.70230849522613]
    static let paymentsPoint = [-23.255049213759918, -0.14232139028601537, 0.867133483396705] // sii, rii, rii_ratio
    static let paymentsAnalytic = [-33.37791139461925, -13.132187032900593, -43.01255338792854, -3.4975450395912944, -0.20432526012899532, -0.08031752044303542, -0.263338716744696, -0.021304063827334768, 0.8130942052525831, 0.921172761540827, 0.761661212370398, 0.9726057544230121] // per measure: 95% lower, upper, 99.8% lower, upper
    static let paymentsSimulated = [-26.554046667940685, -19.9428382915794, -28.387443150067163, -18.044625126613035, -0.16239894986098277, -0.1221925803565637, -0.17332741734316964, -0.11054676192570499, 0.8497974207105279, 0.8848430802297562, 0.8404958075253498, 0.8952434848448088] // per measure: 95% lower, upper, 99.8% lower, upper
    static let paymentsConcentration = [-0.023502785484243248, 3.3657225487612204e-05, 163.3981312789704] // C (ranked by score, R→1 most deprived), KWV SE, mean
    static let paymentsGap95 = [-12.019162322653642, -15.931463382925482, -8.106861262381802]
}
