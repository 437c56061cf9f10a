import Foundation
import Testing
import TestSupport

/// End-to-end tests of `consortium pbra partial` and `pbra merge` on the ten persons of
/// PbraCommandTests, split into sites. Expected values: the statsmodels fit of the ten persons
/// (AllocationTests/PersonBased/Reference/make_small_pbra_references.py, "CLI example", the
/// numbers also checked in pbraFitWritesCoefficientsAndSummary), and `pbra fit` on the same file.
private enum Sites {
    static let header = "person_id,practice_code,age_band,female,diabetes,distance_km,cost\n"
    static let lines = [
        "1,A1,0-4,0,0,2,100", "2,A1,0-4,1,0,4,150", "3,A1,65+,0,1,3,900", "4,A2,65+,1,0,8,500", "5,A2,15-64,0,0,1,60",
        "6,A2,15-64,1,1,5,700", "7,A3,15-64,0,0,7,120", "8,A3,65+,1,1,6,1200", "9,A3,0-4,0,0,9,90", "10,A3,15-64,1,0,2,110",
    ]
    static let model = """
    response = "cost"
    need = ["female", "diabetes"]
    supply = ["distance_km"]

    [[categorical]]
    variable = "age_band"
    reference = "15-64"
    levels = ["0-4", "15-64", "65+"]

    """

    /// A folder with the ten persons, the model, and the persons cut into sites of these lines
    /// (0-based) as site1.csv, site2.csv, ...
    static func folder(sites: [[Int]]) -> TemporaryFolder {
        let folder = TemporaryFolder(prefix: "pbra-partial")
        folder.write("persons.csv", header + lines.joined(separator: "\n") + "\n")
        folder.write("model.toml", model)
        for (index, rows) in sites.enumerated() {
            folder.write("site\(index + 1).csv", header + rows.map { lines[$0] + "\n" }.joined())
        }
        return folder
    }

    static func run(_ arguments: [String], in folder: TemporaryFolder) throws -> CLIHarness.Run {
        try CLIHarness.run(arguments, in: URL(fileURLWithPath: folder.path))
    }

    /// `pbra partial` of site<index>.csv into site<index>.partial with limits small enough for ten persons.
    static func partial(_ index: Int, in folder: TemporaryFolder, model: String = "model.toml") throws -> CLIHarness.Run {
        try run(["pbra", "partial", "--persons", "site\(index).csv", "--model", model, "--minimum-persons", "1", "--minimum-cell", "1",
                 "--out", "site\(index).partial"], in: folder)
    }

    static func text(_ name: String, in folder: TemporaryFolder) throws -> String {
        try String(contentsOfFile: folder.path + "/" + name, encoding: .utf8)
    }

    /// The values of a CSV column (no quoted fields), header excluded.
    static func numbers(_ name: String, of text: String) -> [Double] {
        let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let index = rows.first?.firstIndex(of: name) else { return [] }
        return rows.dropFirst().map { Double($0[index]) ?? .nan }
    }

    static func close(_ actual: [Double], _ expected: [Double], _ tolerance: Double) -> Bool {
        actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) <= tolerance * abs($1) }
    }
}

@Test func pbraMergeOfThreeSitesWritesWhatPbraFitWrites() throws {
    // Site 1 has no person of the reference level 15-64 (allowed: a level absent discloses nothing).
    let folder = Sites.folder(sites: [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]])
    for site in 1...3 {
        let run = try Sites.partial(site, in: folder)
        #expect(run.status == 0, "\(run.errors)")
    }
    let partial = try Sites.text("site1.partial", in: folder)
    #expect(partial.hasPrefix("consortium-pbra-partial 1\nsha256 "))
    #expect(partial.contains("\nminimum_persons\t1\nminimum_cell\t1\n"))
    #expect(partial.contains("\nlevel\tage_band\t0-4\t2\nlevel\tage_band\t15-64\t0\nlevel\tage_band\t65+\t2\n"))
    #expect(partial.contains("\nrows\t4\nn\t4\n"))
    let merge = try Sites.run(["pbra", "merge", "site2.partial", "site1.partial", "site3.partial", "--summary", "merged-summary.csv",
                               "--out", "merged.csv"], in: folder)
    #expect(merge.status == 0, "\(merge.errors)")
    #expect(merge.errors.contains("10 persons, 6 terms from 3 partials"))
    let fit = try Sites.run(["pbra", "fit", "--persons", "persons.csv", "--model", "model.toml", "--summary", "summary.csv",
                             "--out", "coefficients.csv"], in: folder)
    #expect(fit.status == 0, "\(fit.errors)")
    let merged = try Sites.text("merged.csv", in: folder), single = try Sites.text("coefficients.csv", in: folder)
    #expect(merged.split(separator: "\n").first == single.split(separator: "\n").first)
    // statsmodels (make_small_pbra_references.py, "CLI example").
    #expect(Sites.close(Sites.numbers("coefficient", of: merged),
                        [27.9105322763309, 91.38731596828977, 573.6976217440546, 8.12570781426953, 14.331823329558237, 349.32049830124566], 1e-10))
    #expect(Sites.close(Sites.numbers("standard_error", of: merged),
                        [61.90331237249596, 52.17332311577487, 67.09338597776112, 10.19554071733621, 63.947243384786695, 70.13615681194797], 1e-10))
    #expect(Sites.close(Sites.numbers("national_mean", of: merged), [1, 0.5, 0.3, 4.7, 0.3, 0.3], 1e-15))
    for column in ["coefficient", "standard_error", "t", "p", "national_mean"] {
        #expect(Sites.close(Sites.numbers(column, of: merged), Sites.numbers(column, of: single), 1e-10), "\(column)")
    }
    let mergedSummary = try Sites.text("merged-summary.csv", in: folder), singleSummary = try Sites.text("summary.csv", in: folder)
    #expect(Sites.close(Sites.numbers("value", of: mergedSummary), Sites.numbers("value", of: singleSummary), 1e-10))
    #expect(mergedSummary.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(2) }
        == singleSummary.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(2) })
}

@Test func pbraMergeRefusesMismatchedRepeatedCorruptAndUnknownPartials() throws {
    let folder = Sites.folder(sites: [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]])
    #expect(try Sites.partial(1, in: folder).status == 0)
    #expect(try Sites.partial(2, in: folder).status == 0)
    // Another model: no distance_km.
    folder.write("other.toml", Sites.model.replacingOccurrences(of: "supply = [\"distance_km\"]\n", with: ""))
    let other = try Sites.run(["pbra", "partial", "--persons", "site2.csv", "--model", "other.toml", "--minimum-persons", "1",
                               "--minimum-cell", "1", "--out", "other.partial"], in: folder)
    #expect(other.status == 0, "\(other.errors)")
    let mismatch = try Sites.run(["pbra", "merge", "site1.partial", "other.partial", "--out", "merged.csv"], in: folder)
    #expect(mismatch.status == 65)
    #expect(mismatch.errors.contains("other.partial") && mismatch.errors.contains("expected the model of site1.partial")
        && mismatch.errors.contains("supply none instead of \"distance_km\""), "\(mismatch.errors)")
    // The same partial under another name.
    let original = try Sites.text("site1.partial", in: folder)
    folder.write("copy.partial", original)
    let twice = try Sites.run(["pbra", "merge", "site1.partial", "site2.partial", "copy.partial", "--out", "merged.csv"], in: folder)
    #expect(twice.status == 65)
    #expect(twice.errors.contains("copy.partial") && twice.errors.contains("the same partial as site1.partial"), "\(twice.errors)")
    // A changed body: n edited.
    folder.write("edited.partial", original.replacingOccurrences(of: "\nn\t5\n", with: "\nn\t4\n"))
    let edited = try Sites.run(["pbra", "merge", "edited.partial", "site2.partial", "--out", "merged.csv"], in: folder)
    #expect(edited.status == 65)
    #expect(edited.errors.contains("edited.partial:2") && edited.errors.contains("the checksum does not match the body"), "\(edited.errors)")
    // Another version, and a file that is not a partial.
    folder.write("future.partial", original.replacingOccurrences(of: "consortium-pbra-partial 1\n", with: "consortium-pbra-partial 2\n"))
    let future = try Sites.run(["pbra", "merge", "site2.partial", "future.partial", "--out", "merged.csv"], in: folder)
    #expect(future.status == 65)
    #expect(future.errors.contains("future.partial:1") && future.errors.contains("expected version 1 of the partial format, found \"2\""), "\(future.errors)")
    let notPartial = try Sites.run(["pbra", "merge", "persons.csv", "--out", "merged.csv"], in: folder)
    #expect(notPartial.status == 65 && notPartial.errors.contains("persons.csv:1"), "\(notPartial.errors)")
    #expect(!folder.files.contains("merged.csv"))
}

@Test func pbraPartialAppliesDisclosureControl() throws {
    let folder = Sites.folder(sites: [Array(0..<10)])
    // Default limits: at least 1,000 persons.
    let small = try Sites.run(["pbra", "partial", "--persons", "site1.csv", "--model", "model.toml", "--out", "site1.partial"], in: folder)
    #expect(small.status == 65)
    #expect(small.errors.contains("site1.csv") && small.errors.contains("expected at least 1000 persons with positive weight")
        && small.errors.contains("found 10"), "\(small.errors)")
    // Levels 0-4 and 65+ have 3 persons each, 15-64 has 4.
    let cells = try Sites.run(["pbra", "partial", "--persons", "site1.csv", "--model", "model.toml", "--minimum-persons", "10",
                               "--minimum-cell", "4", "--out", "site1.partial"], in: folder)
    #expect(cells.status == 65)
    #expect(cells.errors.contains("at each level of age_band") && cells.errors.contains("\"0-4\" (3), \"65+\" (3)"), "\(cells.errors)")
    #expect(!folder.files.contains("site1.partial"))
    let enough = try Sites.run(["pbra", "partial", "--persons", "site1.csv", "--model", "model.toml", "--minimum-persons", "10",
                                "--minimum-cell", "3", "--out", "site1.partial"], in: folder)
    #expect(enough.status == 0, "\(enough.errors)")
    #expect(try Sites.text("site1.partial", in: folder).contains("\nminimum_persons\t10\nminimum_cell\t3\n"))
    // Levels collected from the file are refused; limits below 1 are usage errors.
    folder.write("undeclared.toml", Sites.model.replacingOccurrences(of: "levels = [\"0-4\", \"15-64\", \"65+\"]\n", with: ""))
    let undeclared = try Sites.run(["pbra", "partial", "--persons", "site1.csv", "--model", "undeclared.toml", "--out", "u.partial"], in: folder)
    #expect(undeclared.status == 65 && undeclared.errors.contains("a partial needs the levels of age_band declared"), "\(undeclared.errors)")
    let zero = try Sites.run(["pbra", "partial", "--persons", "site1.csv", "--model", "model.toml", "--minimum-cell", "0",
                              "--out", "z.partial"], in: folder)
    #expect(zero.status == 64 && zero.errors.contains("--minimum-cell: expected a whole number > 0, found 0"))
}

@Test func pbraMergeRobustOfSecondRoundPartialsWritesPbraFitsHC1() throws {
    let folder = Sites.folder(sites: [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]])
    for site in 1...3 { #expect(try Sites.partial(site, in: folder).status == 0) }
    let first = try Sites.run(["pbra", "merge", "site1.partial", "site2.partial", "site3.partial", "--out", "round1.csv"], in: folder)
    #expect(first.status == 0, "\(first.errors)")
    for site in 1...3 {
        let run = try Sites.run(["pbra", "partial", "--persons", "site\(site).csv", "--model", "model.toml", "--minimum-persons", "1",
                                 "--minimum-cell", "1", "--robust", "--coefficients", "round1.csv", "--out", "robust\(site).partial"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
    }
    let merge = try Sites.run(["pbra", "merge", "--robust", "robust3.partial", "robust1.partial", "robust2.partial", "--out", "merged.csv"], in: folder)
    #expect(merge.status == 0, "\(merge.errors)")
    let merged = try Sites.text("merged.csv", in: folder)
    // statsmodels HC1 (make_small_pbra_references.py, "CLI example").
    #expect(Sites.close(Sites.numbers("robust_standard_error", of: merged),
                        [47.84931812622865, 47.458974272843555, 62.96489339322441, 7.348948428183056, 41.029692436913265, 68.58434343050699], 1e-10))
    #expect(Sites.close(Sites.numbers("robust_p", of: merged),
                        [0.5909960648606765, 0.12645287726095442, 0.0008048553898373647, 0.3308836040022684, 0.7444750042086781, 0.007015298600995887], 1e-8))
    let usage = try Sites.run(["pbra", "partial", "--persons", "site1.csv", "--model", "model.toml", "--robust", "--out", "x.partial"], in: folder)
    #expect(usage.status == 64 && usage.errors.contains("--robust: expected --coefficients FILE"))
    let firstRound = try Sites.run(["pbra", "merge", "--robust", "robust1.partial", "site2.partial", "robust3.partial", "--out", "x.csv"], in: folder)
    #expect(firstRound.status == 65 && firstRound.errors.contains("site2.partial: expected a second-round partial"), "\(firstRound.errors)")
}

/// `pbra predict` at each site with the merged coefficients, then `pbra combine`: the national
/// shares are those `pbra predict` gives on all ten persons with the same coefficients (the
/// reference, computed in one pass over the whole file), whatever the order of the sites.
@Test func pbraCombineOfSitesPredictionsGivesTheNationalShares() throws {
    // Sites by practice: A1 (lines 0-2), A2 (3-5), A3 (6-9).
    let folder = Sites.folder(sites: [[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]])
    for site in 1...3 { #expect(try Sites.partial(site, in: folder).status == 0) }
    #expect(try Sites.run(["pbra", "merge", "site1.partial", "site2.partial", "site3.partial", "--out", "merged.csv"], in: folder).status == 0)
    func predict(_ persons: String, _ out: String) throws {
        let run = try Sites.run(["pbra", "predict", "--persons", persons, "--coefficients", "merged.csv", "--model", "model.toml", "--out", out], in: folder)
        #expect(run.status == 0, "\(run.errors)")
    }
    for site in 1...3 { try predict("site\(site).csv", "site\(site)-need.csv") }
    try predict("persons.csv", "all-need.csv")
    let combined = try Sites.run(["pbra", "combine", "site3-need.csv", "site1-need.csv", "site2-need.csv", "--out", "national.csv"], in: folder)
    #expect(combined.status == 0, "\(combined.errors)")
    let national = try Sites.text("national.csv", in: folder)
    let all = try Sites.text("all-need.csv", in: folder)
    #expect(national.split(separator: "\n").map { $0.split(separator: ",")[0] } == ["practice_code", "A1", "A2", "A3"])
    #expect(Sites.numbers("patients", of: national) == [3, 3, 4])
    #expect(Sites.close(Sites.numbers("predicted_cost", of: national), Sites.numbers("predicted_cost", of: all), 1e-12))
    #expect(Sites.close(Sites.numbers("need_share", of: national), Sites.numbers("need_share", of: all), 1e-12))
    #expect(abs(Sites.numbers("need_share", of: national).reduce(0, +) - 1) < 1e-12)
    // Each site's own shares are of its own total (1 at every site); the national ones are not.
    #expect(Sites.numbers("need_share", of: try Sites.text("site1-need.csv", in: folder)) == [1])

    folder.write("copy-need.csv", try Sites.text("site1-need.csv", in: folder))
    let twice = try Sites.run(["pbra", "combine", "site1-need.csv", "copy-need.csv", "--out", "twice.csv"], in: folder)
    #expect(twice.status == 65)
    #expect(twice.errors.contains("copy-need.csv:2: practice_code: the practice \"A1\" is also in site1-need.csv (line 2)"), "\(twice.errors)")
    #expect(!folder.exists("twice.csv"))
}
