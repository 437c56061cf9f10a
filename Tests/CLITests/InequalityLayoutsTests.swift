import Foundation
import Testing
import TestSupport

/// The layouts `consortium inequality` reads (docs/layouts/inequality.md): PHEindicatormethods'
/// `phe_sii` data frames written to CSV, run unchanged, and variants of the real OHID Fingertips
/// export in datasets/england-2022-23 as analysts meet them (England repeated under each parent,
/// two periods in one file, Category Type breakdowns, a suppressed practice, BOM and CRLF).
///
/// The expected values for the Fingertips variants are the committed example outputs of
/// datasets/examples/inequality (made by run.sh from the unaltered file and checked there against
/// Tests/InequalityTests/Reference/real_data_reference.py): a variant that only repeats, adds
/// other periods' or breakdowns' rows, or changes line ends must give the same bytes.
@Suite struct InequalityLayoutsTests {
    static let data = repositoryRoot.appendingPathComponent("datasets/england-2022-23")
    static let examples = repositoryRoot.appendingPathComponent("datasets/examples/inequality")

    // MARK: PHEindicatormethods phe_sii input

    /// The data frame of phe_sii's documented example (PHEindicatormethods R/SII_function.R,
    /// `@examples`: `area`, `decile`, `population`, `value`, `lowerCL`, `upperCL`,
    /// `StandardError`; two areas of ten deciles), written to CSV as `write.csv` would.
    static let pheExample: String = {
        let population = [7291, 7997, 6105, 7666, 5790, 6934, 5918, 5974, 7147, 7534, 21675,
                          20065, 19750, 24713, 20112, 19618, 22408, 19752, 18939, 19312]
        let value = ["75.9", "78.3", "83.8", "83.6", "80.5", "81.1", "81.7", "84.2", "80.6", "86.3", "70.5",
                     "71.6", "72.5", "73.5", "73.1", "76.2", "78.7", "80.6", "80.9", "80"]
        let lower = ["72.7", "75.3", "80.9", "80.2", "77.1", "78", "79", "81.4", "75.8", "83.2",
                     "70.1", "71.1", "72", "73.1", "72.7", "75.7", "78.2", "80.1", "80.4", "79.5"]
        let upper = ["79.1", "81.4", "86.8", "87.1", "83.8", "84.2", "84.4", "86.9", "85.4",
                     "89.4", "71", "72.1", "73.2", "73.7", "75.8", "78.8", "79.8", "81.2", "81.3", "80.9"]
        let se = ["1.64", "1.58", "1.51", "1.78", "1.7", "1.56", "1.37", "1.4", "2.43",
                  "1.57", "0.23", "0.26", "0.3", "0.16", "0.79", "0.78", "0.4", "0.28", "0.23", "0.35"]
        var text = "\"area\",\"decile\",\"population\",\"value\",\"lowerCL\",\"upperCL\",\"StandardError\"\n"
        for row in 0..<20 {
            text += "\"Area\(1 + row / 10)\",\(1 + row % 10),\(population[row]),\(value[row]),\(lower[row]),\(upper[row]),\(se[row])\n"
        }
        return text
    }()

    @Test func pheSiiExampleRunsUnchangedOneAnalysisPerArea() throws {
        let folder = try CLIHarness.folder(texts: ["phe.csv": Self.pheExample])
        let run = try CLIHarness.run(["inequality", "--indicator", "phe.csv", "--statistic", "value", "--direction", "least-minus-most",
                                      "--interval", "analytic", "--reps", "1000"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("area,measure,value,lowercl,uppercl,confidence,method\n"))
        #expect(run.errors.contains("note: phe.csv: the rows are area × deprivation group (as phe_sii takes them): one analysis for each of the 2 areas of area (Area1, Area2)"))
        let rows = CLIHarness.records(run.output)
        func value(_ area: String, _ measure: String) -> String? {
            rows.first { $0["area"] == area && $0["measure"] == measure }?["value"]
        }
        // phe_sii's SII is the slope of the regression of value on the cumulative population
        // midpoints with weights the population shares (the √a transform of its Calculation
        // section), i.e. fitted least deprived minus fitted most deprived; its RII is
        // (Y0 + SII)/Y0, our rii_ratio. Expected values: numpy lstsq on the √a-scaled design,
        //   python3 -c 'import numpy as np; …' (as in Tests/InequalityTests/Reference/inequality_reference.py §3,
        //   which gives Area1's the same way): Area1 SII 7.00023476007992, RII 1.0897097049119417;
        //   Area2 SII 12.622738563631716, RII 1.182034348001497; SII / population-weighted mean
        //   (our rii) 0.08585853307861432 and 0.1668482883124369.
        // (PHEindicatormethods' testthat expectations live in a binary workbook, testdata_SII.xlsx,
        // not read here; its vignette's published output is checked in pheSiiVignetteExampleGivesThePublishedSII.)
        #expect(CLIHarness.close(value("Area1", "sii"), 7.00023476007992, relative: 1e-12))
        #expect(CLIHarness.close(value("Area1", "rii_ratio"), 1.0897097049119417, relative: 1e-12))
        #expect(CLIHarness.close(value("Area1", "rii"), 0.08585853307861432, relative: 1e-12))
        #expect(CLIHarness.close(value("Area2", "sii"), 12.622738563631716, relative: 1e-12))
        #expect(CLIHarness.close(value("Area2", "rii_ratio"), 1.182034348001497, relative: 1e-12))
        #expect(CLIHarness.close(value("Area2", "rii"), 0.1668482883124369, relative: 1e-12))
        // Area1's analytic limits are those of the reference script (§3, valueAnalytic95).
        let limits = rows.first { $0["area"] == "Area1" && $0["measure"] == "sii" }!
        #expect(CLIHarness.close(limits["lowercl"], 0.7586370356446324, relative: 1e-9))
        #expect(CLIHarness.close(limits["uppercl"], 13.241832484515122, relative: 1e-9))
    }

    /// phe_sii's worked example 1 (PHEindicatormethods vignette *Worked examples for phe_sii
    /// function*, `LE_data %>% group_by(Sex, GeoCode) %>% phe_sii(quantile = Decile, population = Pop,
    /// value = LifeExp, value_type = 0, se = SE, …)`), on the first rows of its data as the package
    /// ships them (tests/testthat/LE_testdata.csv, columns as published), the columns named as the
    /// call names them.
    static let pheVignetteLE = """
        Sex,GeoCode,Decile,Pop,Deaths,LifeExp,SE
        1,E06000001,1,13837,201,70.56313911,1.133868862
        1,E06000001,2,14519,174,72.61347473,1.020288759
        1,E06000001,3,14940,170,75.06710359,1.108685178
        1,E06000001,4,14599,146,75.20662276,1.485618539
        1,E06000001,5,12311,129,76.23469045,1.311653285
        1,E06000001,6,13196,181,75.21801932,1.169033147
        1,E06000001,7,13335,144,77.09240397,1.306645801
        1,E06000001,8,13388,176,79.84156222,1.090905616
        1,E06000001,9,13685,136,80.81329918,0.979426096
        1,E06000001,10,11779,80,82.73763832,1.319452272
        2,E06000001,1,14138,137,79.40134913,1.093284068
        2,E06000001,2,14506,187,76.18219687,1.055866186
        2,E06000001,3,16235,177,78.9265103,1.187053297
        2,E06000001,4,15069,124,84.18039648,1.884691896
        2,E06000001,5,12994,140,79.23211949,1.231787237
        2,E06000001,6,14550,172,81.4724937,0.98815642
        2,E06000001,7,14096,168,82.19399366,1.206454267
        2,E06000001,8,14097,214,82.25635531,0.853222259
        2,E06000001,9,14349,97,88.11787108,2.633018176
        2,E06000001,10,12277,76,87.51829899,1.054888957
        1,E06000002,1,21675,256,70.54853186,0.947488056
        1,E06000002,2,20065,220,71.57155734,1.043688022
        1,E06000002,3,19750,222,72.48698671,0.969320245
        1,E06000002,4,24713,186,73.51985519,1.023567868
        1,E06000002,5,20112,211,73.14605425,1.006757968
        1,E06000002,6,19618,226,76.15898712,0.906037647
        1,E06000002,7,22408,247,78.65444871,0.724013864
        1,E06000002,8,19752,151,80.56476961,1.118131371
        1,E06000002,9,18939,226,80.85486627,0.848327099
        1,E06000002,10,19312,204,79.9711253,0.94159082
        1,E06000003,1,20524,227,72.76836448,1.022722819
        1,E06000003,2,18615,165,75.49551789,1.214913372
        1,E06000003,3,23212,289,76.04600799,0.967057029
        1,E06000003,4,20883,289,75.47369917,0.972293965
        1,E06000003,5,17002,190,78.06618358,0.989564113
        1,E06000003,6,20117,286,77.02857403,0.88291958
        1,E06000003,7,19031,193,79.82679432,0.916181115
        1,E06000003,8,19365,221,80.35857167,1.09344987
        1,E06000003,9,18554,234,80.15630823,1.141181722
        1,E06000003,10,19820,149,83.7271982,0.86306322
        1,E06000004,1,31147,437,69.20108791,0.796193843
        1,E06000004,2,30866,280,74.21283732,0.821750976
        1,E06000004,3,25433,282,74.932479,0.938102831
        1,E06000004,4,32212,319,76.34881505,0.662956404
        1,E06000004,5,27863,322,78.68231391,0.683456844
        1,E06000004,6,27336,290,79.80919091,0.840229937
        1,E06000004,7,24888,244,81.06231776,1.014952532
        1,E06000004,8,28320,217,81.52758251,0.804054345
        1,E06000004,9,30546,142,84.52806861,0.705796375
        1,E06000004,10,28027,190,82.36568616,0.884730389

        """

    @Test func pheSiiVignetteExampleGivesThePublishedSII() throws {
        let folder = try CLIHarness.folder(texts: ["LE_testdata.csv": Self.pheVignetteLE])
        let run = try CLIHarness.run(["inequality", "--indicator", "LE_testdata.csv", "--statistic", "value", "--value-column", "LifeExp",
                                      "--by", "Sex,GeoCode", "--direction", "least-minus-most", "--confidence", "95,99.8",
                                      "--interval", "simulation,analytic", "--reps", "1000"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("Sex,GeoCode,measure,value,"))
        let rows = CLIHarness.records(run.output)
        func sii(_ sex: String, _ area: String) -> Double? {
            rows.first { $0["Sex"] == sex && $0["GeoCode"] == area && $0["measure"] == "sii" }?["value"].flatMap(Double.init)
        }
        // The vignette's published table (knitr::kable, 7 significant figures): sii for Sex 1 of
        // E06000001 11.68886, E06000002 12.54785, E06000003 10.05084, E06000004 14.85223. The SII
        // does not depend on the simulation, so it must agree to the rounding (±0.000005).
        for (area, published) in [("E06000001", 11.68886), ("E06000002", 12.54785), ("E06000003", 10.05084), ("E06000004", 14.85223)] {
            let ours = try #require(sii("1", area))
            #expect(abs(ours - published) <= 0.000005, "\(area): \(ours)")
        }
        // Sex 2 of E06000001 is not in the vignette's first ten rows: numpy lstsq as above gives 10.114884880153246.
        #expect(abs(try #require(sii("2", "E06000001")) - 10.114884880153246) <= 1e-9)
        // The published limits come from R's random draws (1000 repetitions), so they are not
        // reproduced; ours are simulated the same way with our generator (E06000001 Sex 1: published
        // 95% 9.215442 to 14.07460).
    }

    @Test func columnOptionsNameWhatTheFileLacksOrDoNotApply() throws {
        let folder = try CLIHarness.folder(texts: ["LE_testdata.csv": Self.pheVignetteLE])
        let missing = try CLIHarness.run(["inequality", "--indicator", "LE_testdata.csv", "--statistic", "value", "--value-column", "LifeExpectancy",
                                          "--reps", "1000"], in: folder)
        #expect(missing.status == 65)
        #expect(missing.errors.contains("error: LE_testdata.csv:1: no column \"LifeExpectancy\" (named by --value-column); the header has 7 columns: Sex, GeoCode, Decile, Pop, Deaths, LifeExp, SE"))
        let usage = try CLIHarness.run(["inequality", "--indicator", "LE_testdata.csv", "--value-column", "LifeExp", "--reps", "1000"], in: folder)
        #expect(usage.status == 64)
        #expect(usage.errors.contains("--value-column applies to --statistic value"))
        let half = try CLIHarness.run(["inequality", "--indicator", "LE_testdata.csv", "--statistic", "value", "--lower-column", "SE", "--reps", "1000"], in: folder)
        #expect(half.status == 64)
        #expect(half.errors.contains("--lower-column and --upper-column go together"))
    }

    @Test func pheSiiCountsWithXAndPopulation() throws {
        // phe_sii(data, quantile, population, x = x, value_type = 2): proportions x / population
        // by quintile for two areas. Expected (numpy, as above, values × 100, most minus least):
        //   AreaA SII 13.554006968641128, RII 0.6891867950156506, ratio 2.051540818165436;
        //   AreaB SII 8.369836983698365, RII 0.5717101764821287, ratio 1.800552054727953.
        let text = "area,quantile,population,x\nAreaA,1,1200,300\nAreaA,2,1500,330\nAreaA,3,1100,210\nAreaA,4,1300,220\nAreaA,5,900,120\n"
            + "AreaB,1,5000,900\nAreaB,2,5200,850\nAreaB,3,4800,700\nAreaB,4,5100,650\nAreaB,5,4900,560\n"
        let folder = try CLIHarness.folder(texts: ["counts.csv": text])
        let run = try CLIHarness.run(["inequality", "--indicator", "counts.csv", "--multiplier", "100", "--interval", "analytic",
                                      "--reps", "1000"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        let rows = CLIHarness.records(run.output)
        func value(_ area: String, _ measure: String) -> String? {
            rows.first { $0["area"] == area && $0["measure"] == measure }?["value"]
        }
        #expect(CLIHarness.close(value("AreaA", "sii"), 13.554006968641128, relative: 1e-12))
        #expect(CLIHarness.close(value("AreaA", "rii"), 0.6891867950156506, relative: 1e-12))
        #expect(CLIHarness.close(value("AreaA", "rii_ratio"), 2.051540818165436, relative: 1e-12))
        #expect(CLIHarness.close(value("AreaB", "sii"), 8.369836983698365, relative: 1e-12))
        #expect(CLIHarness.close(value("AreaB", "rii"), 0.5717101764821287, relative: 1e-12))
        #expect(CLIHarness.close(value("AreaB", "rii_ratio"), 1.800552054727953, relative: 1e-12))
    }

    @Test func anUnknownLayoutNamesTheFileColumnsLayoutsAndTheClosest() throws {
        let folder = try CLIHarness.folder(texts: ["odd.csv": "area,band,x,people\nA,1,3,10\n"])
        let run = try CLIHarness.run(["inequality", "--indicator", "odd.csv", "--reps", "1000", "--out", "out.csv"], in: folder)
        #expect(run.status == 65)
        #expect(run.errors.contains("error: odd.csv:1: the columns do not match a layout of inequality input that the engine reads; the header has 4 columns: area, band, x, people."))
        // x is phe_sii's numerator and the canonical one's alias, so both layouts have one column
        // of three; the first listed is named.
        #expect(run.errors.contains("The closest is counts by deprivation group, which also needs deprivation_group, denominator (see docs/layouts/inequality.md)."))
        #expect(run.errors.contains("Layouts read: counts by deprivation group (deprivation_group, numerator, denominator); a PHEindicatormethods phe_sii data frame with counts (quantile, x, population)."))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.csv").path))
        let joined = try CLIHarness.run(["inequality", "--indicator", "odd.csv", "--deprivation", "odd.csv", "--reps", "1000"], in: folder)
        #expect(joined.status == 65)
        #expect(joined.errors.contains("Layouts read: organisation counts (org_code, numerator, denominator); an OHID Fingertips export (Indicator ID, Area Code, Time period, Count, Denominator)."))
    }

    // MARK: the real Fingertips export, as downloaded and in variants

    /// The real smoking export's lines (LF, no BOM, ends with a line break).
    static func smokingLines() throws -> [String] {
        let text = try String(contentsOf: data.appendingPathComponent("fingertips-smoking-prevalence-qof-2022-23.csv"), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// A line with field `index` (0-based, the line has no quoted field before it) set to `value`.
    static func replacing(_ line: String, field index: Int, with value: String) -> String {
        var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[index] = value
        return fields.joined(separator: ",")
    }

    static let exampleArguments = [
        "--area-type", "GPs", "--deprivation", "deciles.csv", "--decompose-by", "consortium_code", "--groups", "10",
        "--statistic", "proportion", "--multiplier", "100", "--interval", "simulation,analytic", "--confidence", "95,99.8",
        "--reps", "10000", "--seed", "1", "--on-unusable", "skip", "--groups-out", "groups.csv", "--out", "out.csv",
    ]

    /// Runs the example's smoking command on `bytes` as `smoking.csv`; returns the run and the two outputs.
    static func runExample(_ bytes: [UInt8], extra: [String] = []) throws -> (run: CLIHarness.Run, out: String?, groups: String?) {
        let deciles = try Data(contentsOf: examples.appendingPathComponent("practice-deciles.csv"))
        let folder = try CLIHarness.folder(["smoking.csv": bytes, "deciles.csv": Array(deciles)])
        let run = try CLIHarness.run(["inequality", "--indicator", "smoking.csv"] + exampleArguments + extra, in: folder)
        let out = try? String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8)
        let groups = try? String(contentsOf: folder.appendingPathComponent("groups.csv"), encoding: .utf8)
        return (run, out, groups)
    }

    static func example(_ name: String) throws -> String {
        try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func englandRepeatedUnderEveryParentIsReadOnceAndCounted() throws {
        var lines = try Self.smokingLines()
        let england = lines[1]
        #expect(england.contains(",E92000001,England,England,"))
        // England again under each of the 7 NHS regions, as an export of every parent lists it;
        // the Area Names with quoted commas (`"Houghton Medical Group,"`) stay as published.
        let repeats = (1...7).map { Self.replacing(Self.replacing(england, field: 2, with: "E4000000\($0)"), field: 3, with: "Region \($0)") }
        lines += repeats
        let result = try Self.runExample(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(result.run.status == 0, "\(result.run.errors)")
        #expect(result.run.errors.contains("note: smoking.csv: 7 rows repeat earlier rows exactly (the first at line 6853) and were read once"))
        #expect(result.out == (try Self.example("smoking-inequality.csv")))
        #expect(result.groups == (try Self.example("smoking-groups.csv")))
    }

    @Test func aConflictingRepeatNamesBothLines() throws {
        var lines = try Self.smokingLines()
        lines.append(Self.replacing(Self.replacing(lines[1], field: 2, with: "E40000001"), field: 17, with: "7664427"))
        let result = try Self.runExample(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(result.run.status == 65)
        #expect(result.run.errors.contains("error: smoking.csv:6853:18: Count: this row repeats line 2 (Indicator ID \"91547\", Time period \"2022/23\", Sex \"Persons\""), "\(result.run.errors)")
        #expect(result.run.errors.contains("Area Code \"E92000001\") with a different Count: 7664427 here, 7664426 there"))
        #expect(result.out == nil && result.groups == nil)
    }

    @Test func twoPeriodsGiveOneAnalysisEachOrThePeriodChosen() throws {
        // The same export again as 2021/22 (every figure equal), as a download of two years
        // would hold: each period's analysis must equal the example's single-year output.
        var lines = try Self.smokingLines()
        let earlier = lines.dropFirst().map { $0.replacingOccurrences(of: ",2022/23,", with: ",2021/22,") }
        lines += earlier
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        let both = try Self.runExample(bytes)
        #expect(both.run.status == 0, "\(both.run.errors)")
        #expect(both.run.errors.contains("note: smoking.csv: 2 periods (2022/23, 2021/22): one analysis for each"))
        let expected = try Self.example("smoking-inequality.csv").split(separator: "\n").map(String.init)
        let written = both.out!.split(separator: "\n").map(String.init)
        #expect(written.first == "period," + expected[0])
        #expect(Array(written.dropFirst()) == expected.dropFirst().map { "2022/23," + $0 } + expected.dropFirst().map { "2021/22," + $0 })

        let chosen = try Self.runExample(bytes, extra: ["--period", "2022/23"])
        #expect(chosen.run.status == 0)
        #expect(chosen.run.errors.contains("note: smoking.csv: 6851 rows left out: a period other than 2022/23"))
        #expect(chosen.out == (try Self.example("smoking-inequality.csv")))

        let missing = try Self.runExample(bytes, extra: ["--period", "2020/21"])
        #expect(missing.run.status == 65)
        #expect(missing.run.errors.contains("error: smoking.csv:1: --period \"2020/21\": no row of that period; the file has \"2022/23\" and \"2021/22\""))
    }

    @Test func categoryTypeRowsAreNotMixedWithTheAllPersonsRows() throws {
        // Breakdown rows as Fingertips adds them beside the all-persons rows: England and the first
        // 50 practices by deprivation decile of the practice, with other figures.
        var lines = try Self.smokingLines()
        let breakdown = lines[1...51].map { line in
            Self.replacing(Self.replacing(Self.replacing(line, field: 9, with: "GP deprivation deciles in England (IMD2019)"),
                                          field: 10, with: "Most deprived decile (IMD2019)"), field: 17, with: "1")
        }
        lines += breakdown
        // England's breakdown row goes with the other area types; the 50 practices' rows are left out as breakdowns.
        let result = try Self.runExample(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(result.run.status == 0, "\(result.run.errors)")
        #expect(result.run.errors.contains("note: smoking.csv: 50 rows left out: a Category Type (a breakdown such as deprivation deciles or ethnic groups, not the all-persons rows;"))
        #expect(result.out == (try Self.example("smoking-inequality.csv")))
    }

    @Test func byteOrderMarkAndCRLFReadAsThePlainFile() throws {
        let lines = try Self.smokingLines()
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(lines.joined(separator: "\r\n").utf8)
        let result = try Self.runExample(bytes)
        #expect(result.run.status == 0, "\(result.run.errors)")
        #expect(result.out == (try Self.example("smoking-inequality.csv")))
        #expect(result.groups == (try Self.example("smoking-groups.csv")))
    }

    @Test func aSuppressedPracticeIsAnErrorOrLeavesItsGroupByExactlyItsCounts() throws {
        var lines = try Self.smokingLines()
        // A81001 (line 3): Count 514, Denominator 3336 in the real file; decile 4 in practice-deciles.csv.
        #expect(lines[2].contains(",A81001,The Densham Surgery,GPs,") && lines[2].contains(",514,3336,"))
        let deciles = try Self.example("practice-deciles.csv")
        #expect(deciles.contains("\nA81001,16C,"))
        let decile = CLIHarness.records(deciles).first { $0["practice_code"] == "A81001" }!["deprivation_group"]!
        lines[2] = Self.replacing(Self.replacing(Self.replacing(lines[2], field: 12, with: ""), field: 17, with: ""), field: 18, with: "")
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        let strict = try Self.runExample(bytes, extra: ["--on-unusable", "error"])
        #expect(strict.run.status == 65)
        #expect(strict.run.errors.contains("error: smoking.csv:3"), "\(strict.run.errors)")
        let skipped = try Self.runExample(bytes)
        #expect(skipped.run.status == 0)
        #expect(skipped.run.errors.contains("skipped 22 rows not in the deprivation file; 1 rows"), "\(skipped.run.errors)")
        // The practice's group loses exactly 514 / 3336; the other groups are unchanged.
        let before = CLIHarness.records(try Self.example("smoking-groups.csv"))
        let after = CLIHarness.records(skipped.groups!)
        for (old, new) in zip(before, after) {
            if old["deprivation_group"] == decile {
                #expect(Double(new["numerator"]!)! == Double(old["numerator"]!)! - 514)
                #expect(Double(new["denominator"]!)! == Double(old["denominator"]!)! - 3336)
                #expect(Int(new["organisations"]!)! == Int(old["organisations"]!)! - 1)
            } else {
                #expect(new == old)
            }
        }
    }

    @Test func withoutAreaTypeTheJoinErrorSaysWhichAreaTypesTheFileHas() throws {
        let deciles = try Data(contentsOf: Self.examples.appendingPathComponent("practice-deciles.csv"))
        let smoking = try Data(contentsOf: Self.data.appendingPathComponent("fingertips-smoking-prevalence-qof-2022-23.csv"))
        let folder = try CLIHarness.folder(["smoking.csv": Array(smoking), "deciles.csv": Array(deciles)])
        let run = try CLIHarness.run(["inequality", "--indicator", "smoking.csv", "--deprivation", "deciles.csv", "--reps", "1000"], in: folder)
        #expect(run.status == 65)
        // Line 2 is England, the first row, and no practice.
        #expect(run.errors.contains("error: smoking.csv:2: the organisation \"E92000001\" is not in deciles.csv (the file has rows of Area Type \"England\", \"GPs\""), "\(run.errors)")
        #expect(run.errors.contains("--area-type GPs keeps the practices)"))
    }
}
