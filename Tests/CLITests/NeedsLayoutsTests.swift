import Foundation
import Testing
import TestSupport

/// The practice score files `consortium needs --scores` reads (docs/layouts/needs.md), on the real
/// OHID Fingertips practice IMD export (indicator 93553, years 2010, 2015 and 2019 in one file, the
/// API's compact layout, with a BOM, CRLF line ends, no final line break and Area Names with quoted
/// commas) and variants of it: exact and conflicting repeats, the long *Download data* layout with
/// England under several parents and breakdown rows, a suppressed score.
///
/// The expected deciles are datasets/examples/inequality/practice-deciles.csv, written by run.sh
/// from the unaltered file and checked in InequalityCommandTests against
/// Tests/InequalityTests/Reference/real_data_reference.py (pandas).
@Suite struct NeedsLayoutsTests {
    static let data = repositoryRoot.appendingPathComponent("datasets/england-2022-23")
    static let payments = data.appendingPathComponent("nhs-payments-to-general-practice-2022-23.csv")

    static func scoreText() throws -> String {
        // Read as bytes so the BOM stays (String(contentsOf:) would drop it).
        let bytes = try Data(contentsOf: data.appendingPathComponent("fingertips-practice-imd-score.csv"))
        return String(decoding: bytes, as: UTF8.self)
    }

    static func expected() throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("datasets/examples/inequality/practice-deciles.csv"), encoding: .utf8)
    }

    static func run(_ scores: String, _ extra: [String]) throws -> (run: CLIHarness.Run, out: String?) {
        let folder = try CLIHarness.folder(texts: ["scores.csv": scores])
        let run = try CLIHarness.run(["needs", "--scores", "scores.csv", "--population", payments.path, "--groups", "10",
                                      "--on-unusable", "skip", "--out", "deciles.csv"] + extra, in: folder)
        return (run, try? String(contentsOf: folder.appendingPathComponent("deciles.csv"), encoding: .utf8))
    }

    @Test func theRealFileNeedsAPeriodAndGivesTheExampleDeciles() throws {
        let text = try Self.scoreText()
        #expect(text.hasPrefix("\u{FEFF}IndicatorID,Year,AreaCode,AreaName,IsAreaCurrent,Value\r\n"))
        let all = try Self.run(text, [])
        #expect(all.run.status == 65)
        #expect(all.run.errors.contains("error: scores.csv:1: the file has scores for 3 periods (\"2010\", \"2015\" and \"2019\"); choose one with --period"))
        #expect(all.out == nil)
        let chosen = try Self.run(text, ["--period", "2019"])
        #expect(chosen.run.status == 0, "\(chosen.run.errors)")
        // 8,222 + 7,878 rows of 2010 and 2015 (the file's README).
        #expect(chosen.run.errors.contains("skipped 16100 rows of other years"))
        #expect(chosen.out == (try Self.expected()))
        let old = try Self.run(text, ["--year", "2019"])
        #expect(old.out == (try Self.expected()))
        let none = try Self.run(text, ["--period", "2021"])
        #expect(none.run.status == 65)
        #expect(none.run.errors.contains("error: scores.csv:1: --period \"2021\": no row of that period; the file has \"2010\", \"2015\" and \"2019\""))
    }

    @Test func exactRepeatsAreReadOnceAndConflictingOnesNameBothLines() throws {
        let text = try Self.scoreText()
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.count == 23_081)
        // Lines 2-6 again at the end (lines 23082-23086), as when two downloads are joined.
        let repeated = text + "\r\n" + lines[1...5].joined(separator: "\r\n")
        let result = try Self.run(repeated, ["--period", "2019"])
        #expect(result.run.status == 0, "\(result.run.errors)")
        #expect(result.run.errors.contains("note: scores.csv: 5 rows repeat earlier rows exactly (the first at line 23082) and were read once"))
        #expect(result.out == (try Self.expected()))
        // Line 4 is A81001's 2019 score, 32.36093926; the same practice and year with another score.
        #expect(lines[3] == "93553,2019,A81001,The Densham Surgery,1,32.36093926")
        let conflicting = text + "\r\n93553,2019,A81001,The Densham Surgery,1,32.4"
        let bad = try Self.run(conflicting, ["--period", "2019"])
        #expect(bad.run.status == 65)
        #expect(bad.run.errors.contains("error: scores.csv:23082:6: Value: this row repeats line 4 (AreaCode \"A81001\", IndicatorID \"93553\", Year \"2019\")"), "\(bad.run.errors)")
        #expect(bad.run.errors.contains("with a different Value: 32.4 here, 32.36093926 there"))
        #expect(bad.out == nil)
    }

    /// The compact rows rewritten in the long *Download data* layout, with England under its own
    /// row and under two regions, and breakdown rows for ten practices.
    static func longLayout() throws -> String {
        let lines = try scoreText().components(separatedBy: "\r\n").dropFirst()
        var out = ["Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Count,Denominator,Value note"]
        for parent in [",", "E40000001,North East and Yorkshire", "E40000002,Midlands"] {
            out.append("93553,Deprivation score (IMD 2019),\(parent),E92000001,England,England,Persons,All ages,,,2019,21.7,,,,,")
        }
        var practices: [String] = []
        for line in lines {
            // IndicatorID,Year,AreaCode,AreaName (may be quoted, with commas),IsAreaCurrent,Value
            let head = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)
            let rest = head[3]
            let valueStart = rest.lastIndex(of: ",")!
            let currentStart = rest[..<valueStart].lastIndex(of: ",")!
            let name = rest[..<currentStart], value = rest[rest.index(after: valueStart)...]
            let row = "93553,Deprivation score (IMD 2019),E92000001,England,\(head[2]),\(name),GPs,Persons,All ages,,,\(head[1]),\(value),,,,,"
            out.append(row)
            if head[1] == "2019" && practices.count < 10 {
                practices.append("93553,Deprivation score (IMD 2019),E92000001,England,\(head[2]),\(name),GPs,Persons,All ages,GP deprivation deciles in England (IMD2019),Most deprived decile (IMD2019),2019,99,,,,,")
            }
        }
        return (out + practices).joined(separator: "\n") + "\n"
    }

    @Test func theLongDownloadLayoutGivesTheSameDeciles() throws {
        let result = try Self.run(try Self.longLayout(), ["--period", "2019"])
        #expect(result.run.status == 0, "\(result.run.errors)")
        #expect(result.run.errors.contains("note: scores.csv: 2 rows repeat earlier rows exactly (the first at line 3) and were read once"))
        #expect(result.run.errors.contains("note: scores.csv: 1 row left out: an Area Type other than GPs"))
        #expect(result.run.errors.contains("note: scores.csv: 10 rows left out: a Category Type (a breakdown such as deprivation deciles, not the all-persons rows)"))
        #expect(result.out == (try Self.expected()))
    }

    @Test func aSuppressedScoreIsAnErrorOrSkippedAndCounted() throws {
        let text = try Self.scoreText().replacingOccurrences(of: "93553,2019,A81001,The Densham Surgery,1,32.36093926",
                                                             with: "93553,2019,A81001,The Densham Surgery,1,")
        let strict = try Self.run(text, ["--period", "2019", "--on-unusable", "error"])
        #expect(strict.run.status == 65)
        #expect(strict.run.errors.contains("error: scores.csv:4:6: imd_score: expected a score, found an empty field"), "\(strict.run.errors)")
        let skipped = try Self.run(text, ["--period", "2019"])
        #expect(skipped.run.status == 0)
        #expect(skipped.run.errors.contains("1 practices with an empty score"))
        // A81001 (4,029.25 patients in the payments file) is now a practice without a score.
        #expect(skipped.run.errors.contains("85 practices of"))
        let before = CLIHarness.records(try Self.expected()), after = CLIHarness.records(skipped.out!)
        #expect(after.count == before.count - 1 && !after.contains { $0["practice_code"] == "A81001" })
        let patients = { (rows: [[String: String]]) in rows.reduce(0.0) { $0 + Double($1["patients"]!)! } }
        #expect(abs(patients(before) - patients(after) - 4029.25) < 1e-6)
    }

    @Test func anUnknownLayoutOrSeveralIndicatorsAreBadData() throws {
        let odd = try Self.run("code,deprivation\nA81001,3\n", [])
        #expect(odd.run.status == 65)
        #expect(odd.run.errors.contains("error: scores.csv:1: the columns do not match a layout of practice deprivation scores that the engine reads; the header has 2 columns: code, deprivation."))
        #expect(odd.run.errors.contains("Layouts read: practice scores (practice_code, imd_score); an OHID Fingertips export of a practice score (Indicator ID, Area Code, Time period, Value)."))
        let two = try Self.run("IndicatorID,Year,AreaCode,Value\n93553,2019,A81001,32.3\n90366,2019,A81001,80.1\n", [])
        #expect(two.run.status == 65)
        #expect(two.run.errors.contains("error: scores.csv:1: the file holds 2 indicators (\"93553\" and \"90366\")"))
    }

    @Test func attributionAndAreasUnderThePublishersHeaders() throws {
        // NHS Digital's LSOA attribution headers, MHCLG's File 7 headers with a BOM, CRLF and a
        // quoted LSOA name with a comma. The hand example of InequalityCommandTests:
        // P1 (100·10 + 300·30)/400 = 25, P2 30, P3 5, P4 10; quintiles by patient midpoints
        // P2 .03125 → 1, P1 .3125 → 2, P4 .65625 → 4, P3 .875 → 5.
        let attribution = "PRACTICE_CODE,LSOA_CODE,NUMBER_OF_PATIENTS\nP1,A,100\nP1,B,300\nP2,B,50\nP3,C,200\nP4,A,150\n"
        let areas = "\u{FEFF}LSOA code (2011),LSOA name (2011),Index of Multiple Deprivation (IMD) Score,Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)\r\n"
            + "A,\"Town, North 001A\",10,6\r\nB,Town 002B,30,1\r\nC,Town 003C,5,9\r\n"
        let folder = try CLIHarness.folder(texts: ["attribution.csv": attribution, "areas.csv": areas])
        let run = try CLIHarness.run(["needs", "--attribution", "attribution.csv", "--areas", "areas.csv", "--groups", "5"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == """
            practice_code,patients,imd_score,deprivation_group,cumulative_population_midpoint
            P2,50,30,1,0.03125
            P1,400,25,2,0.3125
            P4,150,10,4,0.65625
            P3,200,5,5,0.875

            """)
        // File 1 (ranks and deciles only) as the areas: no score to attribute.
        let ranks = repositoryRoot.appendingPathComponent("datasets/england-2022-23/imd2019-lsoa-rank-decile.csv").path
        let noScore = try CLIHarness.run(["needs", "--attribution", "attribution.csv", "--areas", ranks], in: folder)
        #expect(noScore.status == 65)
        #expect(noScore.errors.contains("imd2019-lsoa-rank-decile.csv:1: missing column \"imd_score\" (or \"Index of Multiple Deprivation (IMD) Score\""))
    }

    @Test func populationFromA2023PaymentsFileTakesItsSubICBLocations() throws {
        // The hand example of InequalityCommandTests.needsFormsGroupsWithinConsortiaFromGivenScores,
        // with the populations in the 2023/24 payments layout (consortium = Sub ICB Location Code):
        // X: scores 9, 1 (patients 1, 1) → midpoints .25, .75 → groups 1, 2; Y: 5, 4 (3, 1) → .375, .875 → 1, 2.
        let folder = try CLIHarness.folder(texts: [
            "scores.csv": "AreaCode,Year,Value\nx1,2019,9\nx2,2019,1\ny1,2019,5\ny2,2019,4\n",
            "payments.csv": "Practice Code,Practice Name,Sub ICB Location Code,ICB Code,PCN Code,Number of Registered Patients (Last Known Figure)\n"
                + "x1,\"Surgery, One\",X,I1,U1,1\nx2,Two,X,I1,U1,1\ny1,Three,Y,I1,U2,3\ny2,Four,Y,I1,U2,1\n",
            "odd.csv": "practice,people\nx1,1\n",
        ])
        let run = try CLIHarness.run(["needs", "--scores", "scores.csv", "--population", "payments.csv", "--groups", "2", "--within-consortium"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == """
            practice_code,consortium_code,patients,imd_score,deprivation_group,cumulative_population_midpoint
            x1,X,1,9,1,0.25
            x2,X,1,1,2,0.75
            y1,Y,3,5,1,0.375
            y2,Y,1,4,2,0.875

            """)
        let odd = try CLIHarness.run(["needs", "--scores", "scores.csv", "--population", "odd.csv"], in: folder)
        #expect(odd.status == 65)
        #expect(odd.errors.contains("error: odd.csv:1: the columns do not match a layout of practice populations that the engine reads; the header has 2 columns: practice, people."))
        #expect(odd.errors.contains("practice populations (practice_code, patients)"))
    }
}
