import Foundation
import Testing

/// `consortium benchmark` on an OHID Fingertips export as downloaded: a generated variant with
/// the columns of the real export (datasets/england-2022-23/fingertips-smoking-prevalence-qof-2022-23.csv)
/// and made-up counts, holding what real exports hold: England once with an empty Parent Code and
/// again under a parent, two periods, a category-type breakdown (practices and England by GP
/// deprivation decile, one decile for England only), another area type (a sub-ICB location), and
/// a suppressed practice (empty Count and Denominator, with Fingertips' Value note).
@Suite struct FingertipsBenchmarkCommandTests {
    static let export = """
    Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Column not used,Time period Sortable,New data,Compared to goal,Time period range
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),,,E92000001,England,England,Persons,15+ yrs,,,2022/23,14.71089355400213,,,,,7664426,52100343,,,,,20220000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),,,E92000001,England,England,Persons,15+ yrs,,,2021/22,15.248191714004337,,,,,7812345,51234567,,,,,20210000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),,,E92000001,England,England,Persons,15+ yrs,GP deprivation deciles in England (IMD2019),Most deprived decile (IMD2019),2022/23,20.0,,,,,1000000,5000000,,,,,20220000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),,,E92000001,England,England,Persons,15+ yrs,GP deprivation deciles in England (IMD2019),Least deprived decile (IMD2019),2022/23,8.0,,,,,400000,5000000,,,,,20220000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),E38000247,NHS Tees Valley ICB - 16C,A81001,The Densham Surgery,GPs,Persons,15+ yrs,,,2022/23,15.40767386091127,,,,,514,3336,,,,,20220000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),E38000247,NHS Tees Valley ICB - 16C,A81002,Queens Park Medical Centre,GPs,Persons,15+ yrs,,,2022/23,16.130692050424493,,,,,2508,15548,,,,,20220000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),E38000247,NHS Tees Valley ICB - 16C,A81003,Victoria Medical Practice,GPs,Persons,15+ yrs,,,2022/23,,,,,,,,Value cannot be calculated as number of cases is too small,,,,20220000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),E38000247,NHS Tees Valley ICB - 16C,A81004,Acklam Medical Centre,GPs,Persons,15+ yrs,,,2022/23,22.5,,,,,900,4000,,,,,20220000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),E38000247,NHS Tees Valley ICB - 16C,A81005,Springwood Surgery,GPs,Persons,15+ yrs,,,2022/23,10.0,,,,,300,3000,,,,,20220000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),E38000247,NHS Tees Valley ICB - 16C,A81001,The Densham Surgery,GPs,Persons,15+ yrs,,,2021/22,16.060606060606062,,,,,530,3300,,,,,20210000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),E38000247,NHS Tees Valley ICB - 16C,A81002,Queens Park Medical Centre,GPs,Persons,15+ yrs,,,2021/22,15.789473684210526,,,,,2400,15200,,,,,20210000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),E38000247,NHS Tees Valley ICB - 16C,A81003,Victoria Medical Practice,GPs,Persons,15+ yrs,,,2021/22,13.333333333333334,,,,,40,300,,,,,20210000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),E38000247,NHS Tees Valley ICB - 16C,A81004,Acklam Medical Centre,GPs,Persons,15+ yrs,,,2021/22,23.170731707317074,,,,,950,4100,,,,,20210000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),E38000247,NHS Tees Valley ICB - 16C,A81005,Springwood Surgery,GPs,Persons,15+ yrs,,,2021/22,10.508474576271187,,,,,310,2950,,,,,20210000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),E38000247,NHS Tees Valley ICB - 16C,A81001,The Densham Surgery,GPs,Persons,15+ yrs,GP deprivation deciles in England (IMD2019),Most deprived decile (IMD2019),2022/23,15.40767386091127,,,,,514,3336,,,,,20220000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),E38000247,NHS Tees Valley ICB - 16C,A81002,Queens Park Medical Centre,GPs,Persons,15+ yrs,GP deprivation deciles in England (IMD2019),Most deprived decile (IMD2019),2022/23,16.130692050424493,,,,,2508,15548,,,,,20220000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),E38000247,NHS Tees Valley ICB - 16C,A81004,Acklam Medical Centre,GPs,Persons,15+ yrs,GP deprivation deciles in England (IMD2019),Most deprived decile (IMD2019),2022/23,22.5,,,,,900,4000,,,,,20220000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),E54000050,NHS North East and North Cumbria ICB,E38000247,NHS Tees Valley ICB - 16C,Sub-ICB location,Persons,15+ yrs,,,2022/23,16.0,,,,,40000,250000,,,,,20220000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),E54000050,NHS North East and North Cumbria ICB,E92000001,England,England,Persons,15+ yrs,,,2022/23,14.71089355400213,,,,,7664426,52100343,,,,,20220000,,,1y
    91547,Smoking prevalence in adults (15+) - current smokers (QOF),E54000050,NHS North East and North Cumbria ICB,E92000001,England,England,Persons,15+ yrs,,,2021/22,15.248191714004337,,,,,7812345,51234567,,,,,20210000,,,1y

    """

    /// Group, org_code, comparator value (England's row of the group, percent), significance at 95%
    /// (Wilson interval against it, lower is better), funnel_lower_95, funnel_upper_95,
    /// funnel_lower_998, funnel_upper_998 (percent), funnel_significance. Computed independently in
    /// Python (scipy.stats.norm for z): Wilson limits from the score formula, the funnel limits from
    /// PHEindicatormethods' own unreduced expression (`sigma_adjustment`), the labels by its rule.
    static let expected: [(group: String, code: String, comparator: Double, significance: String, funnel: [Double], label: String)] = [
        ("2022/23 GPs", "A81001", 14.71089355400213, "similar", [13.50890210318153, 15.912885004822726, 12.815739947934713, 16.60604716006954], "Not significant"),
        ("2022/23 GPs", "A81002", 14.71089355400213, "worse", [14.154121878064657, 15.26766522993961, 13.833043841603082, 15.58874326640117], "High (0.001)"),
        ("2022/23 GPs", "A81004", 14.71089355400213, "worse", [13.613191683955684, 15.808595424048583, 12.98017104679528, 16.44161606120898], "High (0.001)"),
        ("2022/23 GPs", "A81005", 14.71089355400213, "better", [13.443376613679616, 15.978410494324644, 12.712427343145288, 16.70935976485897], "Low (0.001)"),
        ("2021/22 GPs", "A81001", 15.248191714004337, "similar", [14.02167130400174, 16.47471212400693, 13.314363834991754, 17.182019593016914], "Not significant"),
        ("2021/22 GPs", "A81002", 15.248191714004337, "similar", [14.676699976985741, 15.81968345102293, 14.347133203555574, 16.149250224453095], "Not significant"),
        ("2021/22 GPs", "A81003", 15.248191714004337, "similar", [11.1802837163129, 19.316099711695767, 8.834410230190743, 21.66197319781793], "Not significant"),
        ("2021/22 GPs", "A81004", 15.248191714004337, "worse", [14.14781897856258, 16.348564449446094, 13.513258111800255, 16.98312531620841], "High (0.001)"),
        ("2021/22 GPs", "A81005", 15.248191714004337, "better", [13.950950489582103, 16.54543293842657, 13.202859875142481, 17.29352355286619], "Low (0.001)"),
        ("2022/23 most deprived", "A81001", 20.0, "better", [18.642639954581345, 21.35736004541866, 17.85988013221664, 22.140119867783355], "Low (0.001)"),
        ("2022/23 most deprived", "A81002", 20.0, "better", [19.371260397216467, 20.62873960278354, 19.00868003289107, 20.99131996710893], "Low (0.001)"),
        ("2022/23 most deprived", "A81004", 20.0, "worse", [18.760409935390868, 21.239590064609136, 18.045565482694986, 21.954434517305017], "High (0.001)"),
        ("2022/23 Sub-ICB", "E38000247", 14.71089355400213, "worse", [14.572044029955325, 14.849743078048935, 14.491972549182593, 14.929814558821667], "High (0.001)"),
    ]

    static func rows(_ text: String) -> [[String: String]] { CLIHarness.records(text) }

    static func group(_ row: [String: String]) -> String {
        if row["area_type"] == "Sub-ICB location" { return "2022/23 Sub-ICB" }
        if row["group"] == "Most deprived decile (IMD2019)" { return "2022/23 most deprived" }
        return "\(row["period"]!) GPs"
    }

    @Test func eachGroupIsBenchmarkedAgainstItsEnglandRow() throws {
        let folder = try CLIHarness.folder(texts: ["counts.csv": Self.export])
        let run = try CLIHarness.run(["benchmark", "--counts", "counts.csv", "--england", "row", "--funnel", "wilson",
                                      "--polarity", "lower_is_better", "--out", "out.csv"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.split(separator: "\n").map(String.init) == [
            "counts.csv: 20 rows: 13 used, 3 England rows as comparator, 1 England row of breakdowns no organisation has not used",
            "counts.csv: 2 rows repeat earlier rows exactly (the first at line 20) and were read once",
            "counts.csv: 1 row has an empty numerator or denominator (suppressed or not calculable by the publisher); it is written with an empty value and a note",
        ])
        let text = try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8)
        let header = try #require(CLIHarness.rows(text).first)
        let period = try #require(header.firstIndex(of: "period"))
        #expect(Array(header[period...(period + 5)]) == ["period", "area_type", "sex", "age_band", "category_type", "group"])
        #expect(header.contains("funnel_significance"))
        let rows = Self.rows(text)
        #expect(rows.count == 14)
        for expected in Self.expected {
            let found = rows.filter { Self.group($0) == expected.group && $0["org_code"] == expected.code }
            try #require(found.count == 1, "\(expected.group) \(expected.code)")
            let row = found[0]
            let what = "\(expected.group) \(expected.code)"
            #expect(CLIHarness.close(row["comparator_value"], expected.comparator), "\(what) comparator \(row["comparator_value"] ?? "")")
            #expect(row["significance"] == expected.significance, "\(what)")
            for (column, value) in zip(["funnel_lower_95", "funnel_upper_95", "funnel_lower_998", "funnel_upper_998"], expected.funnel) {
                #expect(CLIHarness.close(row[column], value), "\(what) \(column): \(row[column] ?? "") against \(value)")
            }
            #expect(row["funnel_significance"] == expected.label, "\(what)")
            #expect(row["funnel_method"] == "wilson")
            #expect(row["parent_code"] == "E38000247" || row["parent_code"] == "E54000050")
        }
        // The suppressed practice is written through, in its group, with the reason.
        let suppressed = try #require(rows.first { $0["org_code"] == "A81003" && $0["period"] == "2022/23" })
        #expect(suppressed["value"] == "" && suppressed["significance"] == "" && suppressed["funnel_significance"] == "" && suppressed["numerator"] == "")
        #expect(suppressed["area_type"] == "GPs" && suppressed["group"] == "")
        #expect(CLIHarness.close(suppressed["comparator_value"], 7_664_426.0 / 52_100_343 * 100))
        #expect(suppressed["comparator_code"] == "E92000001")
        #expect(suppressed["notes"] == "empty numerator or denominator in the input (suppressed or not calculable by the publisher): Value cannot be calculated as number of cases is too small")
    }

    @Test func aRepeatWithOtherFiguresExits65NamingBothLines() throws {
        let lines = Self.export.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var changed = lines
        changed[19] = lines[19].replacingOccurrences(of: ",7664426,", with: ",7664427,")
        let folder = try CLIHarness.folder(texts: ["counts.csv": changed.joined(separator: "\n")])
        let run = try CLIHarness.run(["benchmark", "--counts", "counts.csv", "--england", "row", "--out", "out.csv"], in: folder)
        #expect(run.status == 65)
        #expect(run.errors.hasPrefix("error: counts.csv:20:18: Count: this row repeats line 2 (indicator_id \"91547\", org_code \"E92000001\", area_type \"England\", period \"2022/23\", sex \"Persons\", age_band \"15+ yrs\", category_type \"\", group \"\")"), "\(run.errors)")
        #expect(run.errors.contains("with a different Count: 7664427 here, 7664426 there"), "\(run.errors)")
        #expect(try CLIHarness.contents(of: folder) == ["counts.csv"])
    }

    @Test func theMissingValuePolicy() throws {
        let folder = try CLIHarness.folder(texts: ["counts.csv": Self.export])
        let strict = try CLIHarness.run(["benchmark", "--counts", "counts.csv", "--england", "row", "--missing", "error", "--out", "out.csv"], in: folder)
        #expect(strict.status == 65)
        #expect(strict.errors.hasPrefix("error: counts.csv:8:18: numerator: expected a number, found an empty field (rows with missing figures are errors under --missing error"), "\(strict.errors)")
        #expect(try CLIHarness.contents(of: folder) == ["counts.csv"])
        let skipping = try CLIHarness.run(["benchmark", "--counts", "counts.csv", "--england", "row", "--missing", "skip"], in: folder)
        #expect(skipping.status == 0, "\(skipping.errors)")
        #expect(skipping.errors.contains("counts.csv: 1 row left out: an empty numerator or denominator"))
        let rows = Self.rows(skipping.output)
        #expect(rows.count == 13)
        #expect(!rows.contains { $0["org_code"] == "A81003" && $0["period"] == "2022/23" })
        let older = try CLIHarness.run(["benchmark", "--counts", "counts.csv", "--england", "row", "--skip-missing"], in: folder)
        #expect(older.status == 0 && older.output == skipping.output)
        let contradicting = try CLIHarness.run(["benchmark", "--counts", "counts.csv", "--skip-missing", "--missing", "pass"], in: folder)
        #expect(contradicting.status == 64)
    }

    @Test func oneAreaTypeAndPeriodAndTheWilsonFunnelOnlyForProportions() throws {
        let folder = try CLIHarness.folder(texts: ["counts.csv": Self.export])
        let run = try CLIHarness.run(["benchmark", "--counts", "counts.csv", "--england", "row", "--area-type", "GPs", "--period", "2021/22"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.hasPrefix("counts.csv: 20 rows: 5 used, 1 England row as comparator, 1 of other area types not used, 11 of other periods not used"), "\(run.errors)")
        #expect(Self.rows(run.output).map { $0["org_code"]! } == ["A81001", "A81002", "A81003", "A81004", "A81005"])
        let rate = try CLIHarness.run(["benchmark", "--counts", "counts.csv", "--statistic", "rate", "--funnel", "wilson"], in: folder)
        #expect(rate.status == 64)
        #expect(rate.errors.contains("--funnel wilson gives Wilson-score limits for proportions"), "\(rate.errors)")
    }

    /// The change pairs each practice with its row of the earlier period in the same breakdown:
    /// A81001's all-persons row of 2021/22 (530 / 3300), and none for its deprivation-decile row,
    /// which 2021/22 does not have.
    @Test func theChangeIsTakenWithinTheBreakdown() throws {
        let folder = try CLIHarness.folder(texts: ["counts.csv": Self.export])
        let run = try CLIHarness.run(["benchmark", "--counts", "counts.csv", "--england", "row", "--area-type", "GPs",
                                      "--period", "2022/23", "--change-from", "2021/22"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        let rows = Self.rows(run.output).filter { $0["org_code"] == "A81001" }
        let all = try #require(rows.first { $0["group"] == "" })
        #expect(CLIHarness.close(all["previous_value"], 530.0 / 3300 * 100))
        #expect(all["previous_period"] == "2021/22")
        let decile = try #require(rows.first { $0["group"] == "Most deprived decile (IMD2019)" })
        #expect(decile["previous_value"] == "")
        #expect(decile["notes"] == "no counts in period 2021/22: no change")
    }

    @Test func aHeaderOfNoLayoutExits65NamingTheLayouts() throws {
        let folder = try CLIHarness.folder(texts: ["counts.csv": "Indicator ID,Area,Count,Denominator\n91547,A81001,514,3336\n"])
        let run = try CLIHarness.run(["benchmark", "--counts", "counts.csv"], in: folder)
        #expect(run.status == 65)
        #expect(run.errors.contains("Layouts read: benchmark counts (indicator_id, org_code or practice_code, numerator or observed, denominator or expected); an OHID Fingertips export (Indicator ID, Area Code, Time period, Count or Value)"), "\(run.errors)")
    }
}
