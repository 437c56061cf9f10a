import Foundation
import Testing

/// End-to-end runs of `consortium benchmark` and `consortium peers`: the contract's columns, the
/// files written, and bad input (exit 65 with file:line:column, no output file left behind).
@Suite struct BenchmarkCommandTests {
    /// Two consortia of four practices each, in the canonical layout.
    static let counts = """
    indicator_id,org_code,parent_code,numerator,denominator
    smoking,A1,X,120,1000
    smoking,A2,X,300,1500
    smoking,A3,X,80,900
    smoking,A4,X,260,1100
    smoking,B1,Y,40,400
    smoking,B2,Y,150,700
    smoking,B3,Y,95,1000
    smoking,B4,Y,210,800

    """

    @Test func writesTheContractColumnsFirst() throws {
        let folder = try CLIHarness.folder(texts: ["counts.csv": Self.counts, "indicators.csv": "indicator_id,polarity\nsmoking,lower_is_better\n"])
        let run = try CLIHarness.run(["benchmark", "--counts", "counts.csv", "--indicators", "indicators.csv", "--out", "out.csv"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.isEmpty)
        let text = try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 9)
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(Array(header.prefix(14)) == [
            "indicator_id", "org_code", "value", "lowercl", "uppercl", "comparator", "comparator_value", "z", "significance",
            "funnel_lower_95", "funnel_upper_95", "funnel_lower_998", "funnel_upper_998", "quintile",
        ])
        // A1: 120/1000 = 12%; England pooled 1255/7400 = 16.95945…%; Wilson 95% (10.13, 14.16) is
        // below it, so with lower_is_better: better.
        let first = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(first[0] == "smoking" && first[1] == "A1" && first[2] == "12" && first[5] == "England")
        #expect(first[6].hasPrefix("16.9594594594"))
        #expect(first[8] == "better")
        #expect(header.last == "notes")
    }

    @Test func consortiumComparatorAndTheExtraFiles() throws {
        let folder = try CLIHarness.folder(texts: ["counts.csv": Self.counts])
        let run = try CLIHarness.run(["benchmark", "--counts", "counts.csv", "--comparator", "consortium", "--summary", "summary.csv",
                                "--curve", "curve.csv", "--svg", "plots"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 9)
        // B1's consortium Y pools 495/2900.
        let b1 = lines.first { $0.hasPrefix("smoking,B1,") }.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(b1?[5] == "consortium")
        #expect(b1.map { Double($0[6])! } == 495.0 / 2900 * 100)
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(summary.hasPrefix("indicator_id,period,statistic,multiplier,comparator,organisations,comparator_value,winsorise_percent"))
        let curve = try String(contentsOf: folder.appendingPathComponent("curve.csv"), encoding: .utf8)
        #expect(curve.contains("smoking,,consortium,X,"))
        #expect(curve.contains("smoking,,consortium,Y,"))
        #expect(try CLIHarness.contents(of: folder.appendingPathComponent("plots")) == ["smoking_X.svg", "smoking_Y.svg"])
        let svg = try String(contentsOf: folder.appendingPathComponent("plots/smoking_X.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<?xml"))
    }

    @Test func changeSinceAnEarlierPeriod() throws {
        // 56/70 → 48/80 (Newcombe 95% interval of the difference −0.3339 to −0.0524, reference
        // script's Newcombe rows): a significant fall; with higher_is_better, worse.
        let counts = "indicator_id,org_code,numerator,denominator,period\ncover,A,56,70,2021/22\ncover,A,48,80,2022/23\ncover,B,30,60,2022/23\ncover,B,30,60,2021/22\n"
        let folder = try CLIHarness.folder(texts: ["counts.csv": counts])
        let run = try CLIHarness.run(["benchmark", "--counts", "counts.csv", "--period", "2022/23", "--change-from", "2021/22",
                                "--polarity", "higher_is_better"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        let column = { (name: String) in header.firstIndex(of: name)! }
        let a = try #require(lines.first { $0.count > 1 && $0[1] == "A" })
        #expect(a[column("period")] == "2022/23")
        #expect(a[column("previous_period")] == "2021/22")
        #expect(a[column("previous_value")] == "80")
        #expect(a[column("change_measure")] == "difference")
        #expect(abs(Double(a[column("change_lowercl")])! - -33.3872654036906) < 1e-9)
        #expect(a[column("change_significance")] == "worse")
        let b = try #require(lines.first { $0.count > 1 && $0[1] == "B" })
        #expect(b[column("change_significance")] == "similar")
    }

    @Test func aBadNumberExits65WithItsLocationAndNoOutput() throws {
        let bad = Self.counts.replacingOccurrences(of: "smoking,A3,X,80,900", with: "smoking,A3,X,8O,900")
        let folder = try CLIHarness.folder(texts: ["counts.csv": bad])
        let run = try CLIHarness.run(["benchmark", "--counts", "counts.csv", "--out", "out.csv", "--svg", "plots"], in: folder)
        #expect(run.status == 65)
        #expect(run.errors.hasPrefix("error: counts.csv:4:4: numerator: expected a number >= 0, found \"8O\""), "\(run.errors)")
        #expect(run.output.isEmpty)
        #expect(try CLIHarness.contents(of: folder) == ["counts.csv"])
    }

    @Test func impossibleCountsExit65WithTheirColumn() throws {
        let bad = Self.counts.replacingOccurrences(of: "smoking,B2,Y,150,700", with: "smoking,B2,Y,750,700")
        let folder = try CLIHarness.folder(texts: ["counts.csv": bad])
        let run = try CLIHarness.run(["benchmark", "--counts", "counts.csv", "--out", "out.csv"], in: folder)
        #expect(run.status == 65)
        #expect(run.errors.hasPrefix("error: counts.csv:7:4: numerator: expected counts of a proportion, found numerator 750 and denominator 700"), "\(run.errors)")
        #expect(try CLIHarness.contents(of: folder) == ["counts.csv"])
    }

    @Test func aDuplicateOrganisationWithOtherCountsExits65() throws {
        let folder = try CLIHarness.folder(texts: ["counts.csv": Self.counts + "smoking,A2,X,1,2\n"])
        let run = try CLIHarness.run(["benchmark", "--counts", "counts.csv", "--out", "out.csv"], in: folder)
        #expect(run.status == 65)
        #expect(run.errors.hasPrefix("error: counts.csv:10:4: numerator: this row repeats line 3 (indicator_id \"smoking\", org_code \"A2\") with a different numerator: 1 here, 300 there"), "\(run.errors)")
        #expect(try CLIHarness.contents(of: folder) == ["counts.csv"])
    }

    @Test func aMissingInputExits66AndABadOptionExits64() throws {
        let folder = try CLIHarness.folder(texts: [:])
        let missing = try CLIHarness.run(["benchmark", "--counts", "nowhere.csv", "--out", "out.csv"], in: folder)
        #expect(missing.status == 66)
        let badOption = try CLIHarness.run(["benchmark", "--counts", "nowhere.csv", "--comparator", "peers"], in: folder)
        #expect(badOption.status == 64)
        #expect(try CLIHarness.contents(of: folder).isEmpty)
    }

    @Test func peersThenBenchmarkAgainstPeers() throws {
        let features = """
        org_code,practice_name,list_size,over_65,imd_score
        A1,One,1000,0.20,12.5
        A2,Two,1500,0.18,30.1
        A3,Three,900,0.25,8.0
        A4,Four,1100,0.15,41.0
        B1,Five,400,0.30,10.2
        B2,Six,700,0.22,25.0
        B3,Seven,1000,0.12,35.5
        B4,Eight,800,0.19,18.0

        """
        let folder = try CLIHarness.folder(texts: ["counts.csv": Self.counts, "features.csv": features])
        let peers = try CLIHarness.run(["peers", "--features", "features.csv", "--peer-count", "3", "--out", "peers.csv"], in: folder)
        #expect(peers.status == 0, "\(peers.errors)")
        let lines = try String(contentsOf: folder.appendingPathComponent("peers.csv"), encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "org_code,peer_rank,peer_code,distance,metric")
        #expect(lines.count == 1 + 8 * 3)
        #expect(lines[1].hasPrefix("A1,1,") && lines[1].hasSuffix(",mahalanobis"))
        let benchmark = try CLIHarness.run(["benchmark", "--counts", "counts.csv", "--comparator", "peers", "--peers", "peers.csv"], in: folder)
        #expect(benchmark.status == 0, "\(benchmark.errors)")
        #expect(benchmark.output.split(separator: "\n").count == 9)
        #expect(benchmark.output.contains(",peers,"))
    }

    @Test func aConstantFeatureExits65WithItsColumn() throws {
        let features = "org_code,list_size,flat\nA,100,1\nB,200,1\nC,300,1\n"
        let folder = try CLIHarness.folder(texts: ["features.csv": features])
        let run = try CLIHarness.run(["peers", "--features", "features.csv", "--peer-count", "1", "--out", "peers.csv"], in: folder)
        #expect(run.status == 65)
        #expect(run.errors.hasPrefix("error: features.csv:1:3: flat: every organisation has the same value 1"), "\(run.errors)")
        #expect(try CLIHarness.contents(of: folder) == ["features.csv"])
    }
}
