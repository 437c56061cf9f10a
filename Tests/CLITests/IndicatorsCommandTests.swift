import Foundation
import Testing

/// End-to-end runs of `consortium indicators` on small files: output, exit codes, errors. Expected
/// numbers are those of Tests/IndicatorsTests/Reference/indicator_reference.py (named by case).
@Suite struct IndicatorsCommandTests {
    @Test func proportionToStandardOutput() throws {
        let folder = try CLIHarness.folder(texts: ["p.csv": "indicator_id,org_code,period,numerator,denominator\n91547,A81001,2022/23,514,3336\n"])
        let run = try CLIHarness.run(["indicators", "--statistic", "proportion", "--input", "p.csv", "--confidence", "95,99.8"], in: folder)
        #expect(run.status == 0)
        #expect(run.errors.isEmpty)
        let rows = CLIHarness.rows(run.output)
        #expect(rows.count == 3)
        #expect(rows[0] == ["indicator_id", "org_code", "period", "numerator", "denominator", "value", "lowercl", "uppercl",
                            "confidence", "statistic", "method", "suppressed"])
        // Script P5; Fingertips publishes 15.40767386 (14.22242703-16.67249633).
        #expect(CLIHarness.close(rows[1][5], 15.407673860911272))
        #expect(CLIHarness.close(rows[1][6], 14.22242702644467) && CLIHarness.close(rows[1][7], 16.672496326744664))
        #expect(Array(rows[1][8...]) == ["95%", "percentage", "Wilson", ""])
        #expect(CLIHarness.close(rows[2][6], 13.575069731075956) && CLIHarness.close(rows[2][7], 17.437758643832765))
        #expect(rows[2][8] == "99.8%")
    }

    @Test func dsrWideToAFile() throws {
        // Script D1 (ESP 2013, 19 bands).
        let counts = [3, 0, 1, 2, 4, 5, 6, 8, 10, 14, 19, 26, 33, 41, 52, 60, 55, 40, 28]
        let populations = ["5210", "5544", "5390", "5102", "6120", "6711", "7003", "6890", "6512", "6230", "6088", "5890", "5402",
                           "4980", "4411", "3320", "2280", "1350", "702.5"]
        let bands = stride(from: 0, to: 90, by: 5).map { "\($0)-\($0 + 4)" } + ["90+"]
        var csv = "indicator_id,org_code,sex,age_band,numerator,denominator\n"
        for index in 0..<19 { csv += "40401,E38000001,F,\(bands[index]),\(counts[index]),\(populations[index])\n" }
        let folder = try CLIHarness.folder(texts: ["deaths.csv": csv])
        let run = try CLIHarness.run(["indicators", "--statistic", "dsr", "--input", "deaths.csv", "--confidence", "95,99.8", "--wide",
                                "--out", "dsr.csv"], in: folder)
        #expect(run.status == 0)
        #expect(run.output.isEmpty)
        let rows = CLIHarness.rows(try String(contentsOf: folder.appendingPathComponent("dsr.csv"), encoding: .utf8))
        #expect(rows[0] == ["indicator_id", "org_code", "sex", "total_count", "total_pop", "value", "lower95_0cl", "upper95_0cl",
                            "lower99_8cl", "upper99_8cl", "confidence", "statistic", "method", "suppressed"])
        #expect(Array(rows[1][0...4]) == ["40401", "E38000001", "F", "407", "95135.5"])
        let expected = [462.93882186254876, 418.8946637455343, 510.34152139023837, 395.006341686664, 538.6042339694217]
        for (index, value) in expected.enumerated() { #expect(CLIHarness.close(rows[1][5 + index], value)) }
        #expect(Array(rows[1][10...]) == ["95%, 99.8%", "dsr per 100000", "Dobson", ""])
    }

    @Test func badDataExits65WithTheLocationAndLeavesNoFile() throws {
        let fingertips = """
        Indicator ID,Area Code,Area Type,Sex,Age,Time period,Value,Count,Denominator
        91547,A81001,GPs,Persons,15+ yrs,2022/23,15.41,514,3336
        91547,A81999,GPs,Persons,15+ yrs,2022/23,,,120

        """
        let folder = try CLIHarness.folder(texts: ["f.csv": fingertips])
        // By default the suppressed row is written with an empty value and the reason.
        let passed = try CLIHarness.run(["indicators", "--statistic", "proportion", "--input", "f.csv"], in: folder)
        #expect(passed.status == 0)
        #expect(passed.errors == "f.csv: 1 row has an empty numerator or denominator (suppressed or not calculable by the publisher); it is written with an empty value and a note\n")
        let passedRows = CLIHarness.rows(passed.output)
        #expect(passedRows.count == 3)
        #expect(passedRows[2][1] == "A81999")
        #expect(passedRows[2].last == "empty numerator or denominator in the input (suppressed or not calculable by the publisher)")
        let failed = try CLIHarness.run(["indicators", "--statistic", "proportion", "--input", "f.csv", "--missing", "error", "--out", "out.csv"], in: folder)
        #expect(failed.status == 65)
        #expect(failed.errors.hasPrefix("error: f.csv:3:8: Count: expected a number, found an empty field"))
        #expect(failed.output.isEmpty)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left == ["f.csv"])
        let skipped = try CLIHarness.run(["indicators", "--statistic", "proportion", "--input", "f.csv", "--missing", "skip"], in: folder)
        #expect(skipped.status == 0)
        #expect(skipped.errors == "skipped 1 row of f.csv with an empty numerator, denominator or value\n")
        #expect(CLIHarness.rows(skipped.output).count == 2)
    }

    @Test func zGivenReproducesLimitsPublishedWithZ196() throws {
        // 514/3336 with Wilson at z = 1.96 exactly: (2x + z² ∓ z√(z² + 4x(1 − x/n))) / 2(n + z²) × 100,
        // computed in Python: 14.222405978484014, 16.672520295863844 (with the exact quantile:
        // 14.222427026444672, 16.67249632674466).
        let folder = try CLIHarness.folder(texts: ["p.csv": "indicator_id,org_code,numerator,denominator\n91547,A81001,514,3336\n"])
        let run = try CLIHarness.run(["indicators", "--statistic", "proportion", "--input", "p.csv", "--z", "1.96"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        let rows = CLIHarness.rows(run.output)
        let lower = rows[0].firstIndex(of: "lowercl")!
        #expect(CLIHarness.close(rows[1][lower], 14.222405978484014))
        #expect(CLIHarness.close(rows[1][lower + 1], 16.672520295863844))
        #expect(rows[1][lower + 2] == "95%")
        for arguments in [["--z", "1.96,3.09"], ["--z", "abc"], ["--z", "0"], ["--confidence", "95,99.8", "--z", "1.96"]] {
            let bad = try CLIHarness.run(["indicators", "--statistic", "proportion", "--input", "p.csv"] + arguments, in: folder)
            #expect(bad.status == 64, "\(arguments)")
            #expect(bad.errors.contains("--z:"), "\(arguments): \(bad.errors)")
        }
    }

    @Test func comparePublishedAndAnotherMethod() throws {
        // A81001 of Fingertips 91547 2022/23 as published (8 decimals), and A81002 with its Value
        // altered to 16.13072 (ours 16.130692050424493, Python statistics.NormalDist Wilson).
        let export = "Indicator ID,Area Code,Area Type,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Count,Denominator\n"
            + "91547,A81001,GPs,2022/23,15.40767386,14.22242703,16.67249633,514,3336\n"
            + "91547,A81002,GPs,2022/23,16.13072,15.56092121,16.717195,2508,15548\n"
        let folder = try CLIHarness.folder(texts: ["f.csv": export])
        let run = try CLIHarness.run(["indicators", "--statistic", "proportion", "--input", "f.csv", "--compare-published", "--out", "out.csv"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("1 of 2 groups reproduce the value and limits to the published rounding; the largest difference is value at line 3"))
        let rows = CLIHarness.rows(try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8))
        let verdict = rows[0].firstIndex(of: "reproduced")!
        #expect(rows.map { $0[verdict] } == ["reproduced", "yes", "no"])
        #expect(rows[0][verdict - 6] == "published_value")
        #expect(rows[2][verdict - 6] == "16.13072")

        // Exact Poisson limits for the prevalence: scipy chi2.ppf(0.025, 1028)/2/3336*100 and
        // chi2.ppf(0.975, 1030)/2/3336*100; they do not reproduce the published Wilson limits.
        let exact = try CLIHarness.run(["indicators", "--statistic", "proportion", "--input", "f.csv", "--method", "exact-poisson", "--compare-published"], in: folder)
        #expect(exact.status == 0, "\(exact.errors)")
        let exactRows = CLIHarness.rows(exact.output)
        let lower = exactRows[0].firstIndex(of: "lowercl")!
        #expect(CLIHarness.close(exactRows[1][lower], 14.104290928319468) && CLIHarness.close(exactRows[1][lower + 1], 16.799103930275997))
        #expect(exactRows[1][exactRows[0].firstIndex(of: "method")!] == "Exact")
        #expect(exactRows[1][verdict] == "no")

        for arguments in [["--statistic", "rate", "--method", "wilson"], ["--statistic", "dsr", "--method", "byar"],
                          ["--statistic", "proportion", "--method", "exact"], ["--statistic", "dsr", "--compare-published"]] {
            let bad = try CLIHarness.run(["indicators", "--input", "f.csv"] + arguments, in: folder)
            #expect(bad.status == 64, "\(arguments)")
        }
        let level = try CLIHarness.run(["indicators", "--statistic", "proportion", "--input", "f.csv", "--confidence", "90", "--compare-published", "--out", "l.csv"], in: folder)
        #expect(level.status == 65)
        #expect(level.errors.contains("f.csv:1: --compare-published: no published limits at 90%"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("l.csv").path))
    }

    /// A file of three 4 MiB blocks, so two threads parse blocks at once: the output bytes are the
    /// same for any --threads (and a bad row is reported at the same place).
    @Test func outputBytesDoNotDependOnThreads() throws {
        var text = "indicator_id,org_code,period,age_band,numerator,denominator\n"
        text.reserveCapacity(10 << 20)
        var index = 0
        while text.utf8.count < 9 << 20 {
            text += "90\(index % 7),P\(index % 4001),\(2019 + index % 3),\(5 * (index % 18))-\(5 * (index % 18) + 4),\(index % 50),\(1000 + index % 997)\n"
            index += 1
        }
        let folder = try CLIHarness.folder(texts: ["big.csv": text, "bad.csv": text + "901,P1,2019,0-4,-1,1000\n"])
        var outputs: [String] = []
        for threads in ["1", "2", "3"] {
            let run = try CLIHarness.run(["indicators", "--statistic", "rate", "--input", "big.csv", "--threads", threads,
                                          "--group-by", "indicator_id,org_code,period"], in: folder)
            #expect(run.status == 0, "\(run.errors)")
            outputs.append(run.output)
        }
        #expect(outputs[0].count > 100_000)
        #expect(outputs[1] == outputs[0] && outputs[2] == outputs[0])
        let line = text.split(separator: "\n").count + 1
        for threads in ["1", "2"] {
            let bad = try CLIHarness.run(["indicators", "--statistic", "rate", "--input", "bad.csv", "--threads", threads, "--out", "o.csv"], in: folder)
            #expect(bad.status == 65)
            #expect(bad.errors.contains("bad.csv:\(line):5: numerator: expected a count >= 0, found -1"), "\(bad.errors)")
        }
        let zero = try CLIHarness.run(["indicators", "--statistic", "rate", "--input", "big.csv", "--threads", "0"], in: folder)
        #expect(zero.status == 64)
    }

    @Test func badOptionsExit64() throws {
        let folder = try CLIHarness.folder(texts: ["p.csv": "indicator_id,org_code,numerator,denominator\n1,A,1,2\n"])
        for arguments in [["--confidence", "95,abc"], ["--confidence", "0.95"], ["--multiplier", "0"], ["--ages", "0,65"],
                          ["--group-by", "practice"], ["--no-such-option"], ["--standard", "s.csv"]] {
            let run = try CLIHarness.run(["indicators", "--statistic", "proportion", "--input", "p.csv"] + arguments, in: folder)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.output.isEmpty)
        }
        let lifeExpectancy = try CLIHarness.run(["indicators", "--statistic", "life-expectancy", "--input", "p.csv", "--ages", "3"], in: folder)
        #expect(lifeExpectancy.status == 64)
        let unknown = try CLIHarness.run(["indicators", "--statistic", "median", "--input", "p.csv"], in: folder)
        #expect(unknown.status == 64)
        let noInput = try CLIHarness.run(["indicators", "--statistic", "rate", "--input", "absent.csv"], in: folder)
        #expect(noInput.status == 66)
    }

    @Test func indirectlyStandardisedRatioWithAReferenceFile() throws {
        // Script I5, as a ratio x 100.
        let folder = try CLIHarness.folder(texts: [
            "reference.csv": "age_band,reference_numerator,reference_denominator\n0-14,40,200000\n15-44,120,180000\n45-64,600,150000\n65-74,2400,90000\n75+,5200,40000\n",
            "admissions.csv": "indicator_id,org_code,age_band,numerator,denominator\n1,A,0-14,1,9000\n1,A,15-44,3,8500\n1,A,45-64,20,7000\n1,A,65-74,96,4200\n1,A,75+,130,2100\n",
        ])
        let run = try CLIHarness.run(["indicators", "--statistic", "isratio", "--input", "admissions.csv", "--reference", "reference.csv",
                                "--multiplier", "100"], in: folder)
        #expect(run.status == 0)
        let rows = CLIHarness.rows(run.output)
        #expect(Array(rows[0][2...4]) == ["observed", "expected", "value"])
        #expect(rows[1][2] == "250")
        #expect(CLIHarness.close(rows[1][3], 420.4666666666667))
        #expect(CLIHarness.close(rows[1][4], 59.45774536229585) && CLIHarness.close(rows[1][5], 52.31493996695495) && CLIHarness.close(rows[1][6], 67.30343714698603))
        #expect(Array(rows[1][7...]) == ["95%", "indirectly standardised ratio x 100", "Byars", ""])
    }

    @Test func lifeExpectancyAtTwoAges() throws {
        let populations = [7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601, 50209, 56416, 46411, 39820, 37978,
                           37039, 33288, 23306, 11936, 11936]
        let deaths = [17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937]
        let bands = ["0", "1-4"] + stride(from: 5, to: 90, by: 5).map { "\($0)-\($0 + 4)" } + ["90+"]
        var csv = "indicator_id,org_code,sex,age_band,numerator,denominator\n"
        for index in 0..<20 { csv += "90366,E06000001,M,\(bands[index]),\(deaths[index]),\(populations[index])\n" }
        let folder = try CLIHarness.folder(texts: ["le.csv": csv])
        let run = try CLIHarness.run(["indicators", "--statistic", "life-expectancy", "--input", "le.csv", "--ages", "0,65"], in: folder)
        #expect(run.status == 0)
        let rows = CLIHarness.rows(run.output)
        #expect(rows.count == 3)
        #expect(Array(rows[0][3...6]) == ["age", "pops_used", "dths_used", "value"])
        // PHEindicatormethods' published example: 80.16960813 at birth, 18.76856852 at 65.
        #expect(rows[1][3] == "0" && CLIHarness.close(rows[1][6], 80.16960813, relative: 1e-9))
        #expect(rows[2][3] == "65" && CLIHarness.close(rows[2][6], 18.76856852, relative: 1e-9))
        #expect(rows[2][10] == "life expectancy at 65")
        #expect(rows[2][11] == "Chiang, using Silcocks et al for confidence limits")
    }

    @Test func customStandardAndSuppression() throws {
        // Script D4: standard 0-39, 40-64, 65+ weighted 50, 30, 20. Org B has 6 events: suppressed.
        let folder = try CLIHarness.folder(texts: [
            "standard.csv": "age_band,population\n0-39,50\n40-64,30\n65+,20\n",
            "deaths.csv": "indicator_id,org_code,age_band,numerator,denominator\n1,A,0-39,12,40000\n1,A,40-64,40,25000\n1,A,65+,95,9000\n1,B,0-39,1,4000\n1,B,40-64,2,2500\n1,B,65+,3,900\n",
        ])
        let run = try CLIHarness.run(["indicators", "--statistic", "dsr", "--input", "deaths.csv", "--standard", "standard.csv"], in: folder)
        #expect(run.status == 0)
        let rows = CLIHarness.rows(run.output)
        #expect(CLIHarness.close(rows[1][4], 274.1111111111111))
        #expect(rows[1][10] == "")
        #expect(Array(rows[2][2...]) == ["6", "7400", "", "", "", "95%", "dsr per 100000", "Dobson", "total count below 10"])
        let blanked = try CLIHarness.run(["indicators", "--statistic", "dsr", "--input", "deaths.csv", "--standard", "standard.csv",
                                    "--suppress-below", "200"], in: folder)
        #expect(Array(CLIHarness.rows(blanked.output)[1][4...]) == ["", "", "", "95%", "dsr per 100000", "Dobson", "count below 200"])
    }
}
