import Foundation
import Testing
import TestSupport

/// An input with a header and no rows: a command either writes an output with exactly the header
/// a run with rows writes (its identity columns included) and no rows, or refuses it with a note
/// naming the file (exit 65) and leaves no output. Each expected header is taken from a run of
/// the same command on the same columns with rows.
@Suite struct HeaderOnlyInputTests {
    /// The header of a CSV text (its first line).
    static func header(_ text: String) -> String {
        String(text.prefix { $0 != "\n" })
    }

    /// Runs the command on `full` and on its header alone (both written as `in.csv` in fresh
    /// folders), expects both to succeed, and returns the two outputs.
    static func outputs(_ arguments: [String], full: String, files: [String: String] = [:]) throws -> (full: String, empty: String) {
        var texts: [String] = []
        for input in [full, header(full) + "\n"] {
            let folder = try CLIHarness.folder(texts: files.merging(["in.csv": input]) { $1 }, prefix: "header-only")
            defer { try? FileManager.default.removeItem(at: folder) }
            let run = try CLIHarness.run(arguments + ["--out", "out.csv"], in: folder)
            #expect(run.status == 0, "\(arguments): \(run.errors)")
            texts.append((try? String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8)) ?? "")
        }
        return (texts[0], texts[1])
    }

    /// Two age bands of one group, with every canonical identity column.
    static let counts = """
        indicator_id,org_code,period,sex,group,age_band,numerator,denominator,value
        I1,A1,2022/23,Male,urban,0-4,30,1000,2.5
        I1,A1,2022/23,Male,urban,5-9,20,1000,3.5

        """

    @Test(arguments: ["proportion", "rate", "mean", "dsr", "isratio", "israte"])
    func indicatorsWritesTheIdentityColumnsOfTheHeader(_ statistic: String) throws {
        for extra in [[], ["--confidence", "95,99.8", "--wide"]] {
            let result = try Self.outputs(["indicators", "--statistic", statistic, "--input", "in.csv"] + extra, full: Self.counts)
            #expect(result.full.hasPrefix("indicator_id,org_code,period,sex,") && result.full.contains(",group,"), "\(result.full)")
            #expect(result.empty == Self.header(result.full) + "\n", "\(statistic) \(extra)")
        }
    }

    @Test func lifeExpectancyWritesTheIdentityColumnsOfTheHeader() throws {
        // A whole life table (bands 0, 1-4, 5-9, …, 90+) for one group, 1,000 persons and 5 deaths a band.
        let bands = ["0", "1-4"] + stride(from: 5, to: 90, by: 5).map { "\($0)-\($0 + 4)" } + ["90+"]
        let full = "indicator_id,org_code,period,sex,age_band,numerator,denominator\n"
            + bands.map { "I1,A1,2022/23,Female,\($0),5,1000\n" }.joined()
        let result = try Self.outputs(["indicators", "--statistic", "life-expectancy", "--input", "in.csv"], full: full)
        #expect(result.full.hasPrefix("indicator_id,org_code,period,sex,age,"), "\(result.full)")
        #expect(result.empty == Self.header(result.full) + "\n")
    }

    @Test func indicatorsFromAHeaderWithoutAFigureIsBadData() throws {
        // Before, a header without a denominator wrote an output; now it is the same error as with rows.
        let folder = try CLIHarness.folder(texts: ["in.csv": "indicator_id,org_code,numerator\n"], prefix: "header-only")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIHarness.run(["indicators", "--statistic", "proportion", "--input", "in.csv", "--out", "out.csv"], in: folder)
        #expect(run.status == 65)
        #expect(run.errors == "error: in.csv:1: missing column denominator, needed for proportion\n", "\(run.errors)")
        #expect(try CLIHarness.contents(of: folder) == ["in.csv"])
    }

    @Test func needsAndRiskWriteTheHeaderOfARunWithRows() throws {
        let needs = try Self.outputs(["needs", "--attribution", "in.csv", "--areas", "areas.csv"],
                                     full: "practice_code,lsoa_code,patients\nP1,L1,100\nP2,L2,300\n",
                                     files: ["areas.csv": "lsoa_code,imd_score\nL1,10\nL2,30\n"])
        #expect(needs.empty == Self.header(needs.full) + "\n")
        let costs = repositoryRoot.path + "/datasets/risk/illustrative-costs-lognormal.toml"
        let risk = try Self.outputs(["risk", "--seed", "1", "--reps", "1000", "--costs", costs, "--population", "in.csv"],
                                    full: "practice_code,sex,age_band,patients\nP1,M,0-4,10\nP1,F,30-34,20\n")
        #expect(risk.full.hasPrefix("consortium_code,"), "\(risk.full)")
        #expect(risk.empty == Self.header(risk.full) + "\n")
    }

    /// Commands that need rows to compute anything refuse a header-only input with a note.
    struct Refusal: CustomStringConvertible, Sendable {
        var arguments: [String]
        var files: [String: String]
        var message: String
        var description: String { arguments[0] }
    }

    static let refusals: [Refusal] = [
        Refusal(arguments: ["benchmark", "--counts", "in.csv"], files: ["in.csv": "indicator_id,org_code,numerator,denominator\n"],
                message: "error: in.csv:2: no rows to benchmark"),
        Refusal(arguments: ["inequality", "--indicator", "in.csv", "--statistic", "value", "--by", "indicator_id"],
                files: ["in.csv": "indicator_id,deprivation_group,value,se,population\n"], message: "error: in.csv: no rows to analyse"),
        Refusal(arguments: ["budgets", "--practices", "in.csv", "--population", "lists.csv", "--formula", "formula.toml"],
                files: ["in.csv": "practice_code,consortium_code\n", "lists.csv": "practice_code,sex,age_band,patients\n",
                        "formula.toml": "status = \"illustrative\"\ntotal = 1000\n\n[age_sex.weights]\n\"0-64\" = 1\n\"65+\" = 3\n"],
                message: "error: formula.toml: no practices to allocate to"),
        Refusal(arguments: ["premium", "--achievement", "in.csv", "--population", "lists.csv", "--scheme", "scheme.toml"],
                files: ["in.csv": "practice_code,measure_id,numerator,denominator\n", "lists.csv": "practice_code,sex,age_band,patients\nP1,F,30-34,600\n",
                        "scheme.toml": """
                        [scheme]
                        name = "One measure"
                        total_weight = 100
                        unearned = "return"
                        [pot]
                        amount = 100.00
                        [[measure]]
                        id = "bp"
                        weight = 100
                        polarity = "higher_is_better"
                        lower_threshold = 40
                        upper_threshold = 90
                        basis = "list_size"

                        """],
                message: "error: scheme.toml:8:1: measure.bp: the achievement file in.csv has no rows for the measure \"bp\""),
        Refusal(arguments: ["peers", "--features", "in.csv"], files: ["in.csv": "org_code,f1,f2\n"],
                message: "error: in.csv:2: no organisations"),
    ]

    @Test(arguments: refusals)
    func headerOnlyInputIsRefusedWithANote(_ refusal: Refusal) throws {
        let folder = try CLIHarness.folder(texts: refusal.files, prefix: "header-only")
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try CLIHarness.contents(of: folder)
        let run = try CLIHarness.run(refusal.arguments + ["--out", "out.csv"], in: folder)
        #expect(run.status == 65, "\(run.errors)")
        #expect(run.errors.contains(refusal.message), "\(run.errors)")
        #expect(try CLIHarness.contents(of: folder) == before)
    }
}
