import Indicators
import Population
import Statistics
import Tables
import Testing

/// The one-pass grouped computation: layouts, grouping, age bands, bad data, output shapes. The
/// numbers are those of the family tests (indicator_reference.py), reached through CSV input.
@Suite struct GroupedComputationTests {
    static let bands19 = AgeBandScheme.nineteenBands.bands.map(\.label)

    /// Canonical DSR input: one row per band for each (org, counts, populations).
    static func dsrCSV(_ orgs: [(String, [Double], [Double])], labels: [String] = bands19) -> String {
        var csv = "indicator_id,org_code,age_band,numerator,denominator\n"
        for (org, counts, populations) in orgs {
            for index in labels.indices {
                csv += "90001,\(org),\(labels[index]),\(Table.formatNumber(counts[index])),\(Table.formatNumber(populations[index]))\n"
            }
        }
        return csv
    }

    @Test func proportionsByGroupInLongAndWideForm() throws {
        let csv = """
        indicator_id,org_code,period,numerator,denominator
        91547,A81001,2022/23,514,3336
        91547,A81002,2022/23,0,10

        """
        let results = try compute(csv, IndicatorRequest(statistic: .proportion, confidence: levels))
        #expect(results.groupingColumns == [.indicatorID, .orgCode, .period])
        #expect(results.results.count == 2)
        // Script P5 and P1.
        expectEstimate(results.results[0].estimate,
                       [15.407673860911272, 14.22242702644467, 16.672496326744664, 13.575069731075956, 17.437758643832765])
        expectEstimate(results.results[1].estimate, [0.0, 0.0, 27.75327998628892, 0.0, 48.84789004534622])
        #expect(results.header(wide: false) == ["indicator_id", "org_code", "period", "numerator", "denominator", "value",
                                                "lowercl", "uppercl", "confidence", "statistic", "method", "suppressed"])
        #expect(results.header(wide: true) == ["indicator_id", "org_code", "period", "numerator", "denominator", "value",
                                               "lower95_0cl", "upper95_0cl", "lower99_8cl", "upper99_8cl", "confidence",
                                               "statistic", "method", "suppressed"])
        var long: [[CSVValue]] = []
        results.forEachRow(wide: false) { long.append($0) }
        #expect(long.count == 4)
        // Text columns exactly; numbers to 1e-9 (script P5, P1).
        #expect(long[0].map(CSVWriter.format)[0...4] == ["91547", "A81001", "2022/23", "514", "3336"])
        #expect(long[0].map(CSVWriter.format)[8...] == ["95%", "percentage", "Wilson", ""])
        expectNumbers(long[0][5...7], [15.407673860911272, 14.22242702644467, 16.672496326744664])
        #expect(CSVWriter.format(long[1][8]) == "99.8%")
        expectNumbers(long[3][5...7], [0, 0, 48.84789004534622])
        var wide: [[CSVValue]] = []
        results.forEachRow(wide: true) { wide.append($0) }
        #expect(wide.count == 2)
        expectNumbers(wide[1][5...9], [0, 0, 27.75327998628892, 0, 48.84789004534622])
        #expect(wide[1][10...] == [.text("95%, 99.8%"), .text("percentage"), .text("Wilson"), .missing])
    }

    func expectNumbers(_ values: ArraySlice<CSVValue>, _ expected: [Double], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(values.count == expected.count, sourceLocation: sourceLocation)
        for (value, number) in zip(values, expected) {
            guard case .number(let actual) = value else {
                Issue.record("expected a number, found \(value)", sourceLocation: sourceLocation)
                continue
            }
            expectClose(actual, number, sourceLocation: sourceLocation)
        }
    }

    @Test func singleLevelWideKeepsLowerclUppercl() throws {
        let results = try compute("indicator_id,org_code,numerator,denominator\n1,X,1,2\n", IndicatorRequest(statistic: .proportion))
        #expect(results.header(wide: true).contains("lowercl"))
        #expect(!results.header(wide: true).contains("lower95_0cl"))
    }

    @Test func groupingSumsRowsLeftOutOfTheKey() throws {
        // Two age bands of one practice, grouped by indicator and org only: 3/50 → (1+2)/(20+30).
        let csv = "indicator_id,org_code,age_band,numerator,denominator\n1,A,0-4,1,20\n1,A,5-9,2,30\n1,B,0-4,0,10\n"
        let results = try compute(csv, IndicatorRequest(statistic: .proportion, confidence: levels, grouping: [.indicatorID, .orgCode]))
        #expect(results.results.count == 2)
        #expect(results.results[0].measures == [3, 50])
        // Script P4 (3/50).
        expectEstimate(results.results[0].estimate, [6.0, 2.061497034897395, 16.21709168883817, 1.2140356168797959, 24.89789879488555])
        // By default age_band is a grouping column for a proportion, so each row stands alone.
        let byDefault = try compute(csv, IndicatorRequest(statistic: .proportion))
        #expect(byDefault.results.count == 3)
        #expect(byDefault.groupingColumns == [.indicatorID, .orgCode, .ageBand])
    }

    @Test func conflictingRowIsAnErrorNamingBothLines() throws {
        let csv = "indicator_id,org_code,numerator,denominator\n1,A,1,2\n1,B,1,2\n1,A,1,3\n"
        let error = dataError { _ = try compute(csv, IndicatorRequest(statistic: .rate)) }
        #expect(error?.description == "input.csv:4:4: denominator: this row repeats line 2 (indicator_id \"1\", org_code \"A\") with a different denominator: 3 here, 2 there")
    }

    @Test func exactRepeatIsReadOnce() throws {
        // Line 4 repeats line 2 exactly: one row, so A is 1/2 (rate per 100,000 = 50,000).
        let csv = "indicator_id,org_code,numerator,denominator\n1,A,1,2\n1,B,1,4\n1,A,1,2\n"
        let results = try compute(csv, IndicatorRequest(statistic: .rate))
        #expect(results.repeatedRows == 1)
        #expect(results.firstRepeatLine == 4)
        #expect(results.results.map(\.measures) == [[1, 2], [1, 4]])
        #expect(results.results[0].estimate.value == 50_000)
    }

    @Test func badValuesNameFileLineAndColumn() throws {
        let overOne = dataError { _ = try compute("indicator_id,org_code,numerator,denominator\n1,A,1,2\n1,B,5,4\n",
                                                  IndicatorRequest(statistic: .proportion)) }
        #expect(overOne?.description == "input.csv:3:3: numerator: expected a numerator <= its denominator 4 for a proportion, found 5")
        let negative = dataError { _ = try compute("indicator_id,org_code,numerator,denominator\n1,A,-1,2\n",
                                                   IndicatorRequest(statistic: .rate)) }
        #expect(negative?.description == "input.csv:2:3: numerator: expected a count >= 0, found -1")
        let zeroDenominator = dataError { _ = try compute("indicator_id,org_code,numerator,denominator\n1,A,0,0\n",
                                                          IndicatorRequest(statistic: .rate)) }
        #expect(zeroDenominator?.description == "input.csv:2:4: denominator: expected a denominator > 0 for a rate, found 0")
        let notANumber = dataError { _ = try compute("indicator_id,org_code,numerator,denominator\n1,A,x,2\n",
                                                     IndicatorRequest(statistic: .rate)) }
        #expect(notANumber?.location.line == 2)
        #expect(notANumber?.location.column == 3)
    }

    @Test func missingFiguresAreErrorsUnlessSkipped() throws {
        // A Fingertips export as downloaded (column order, extra columns and an empty Count kept).
        let csv = """
        Indicator ID,Indicator Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Count,Denominator
        91547,Smoking,E92000001,England,England,Persons,15+ yrs,,,2022/23,14.71,7664426,52100343
        91547,Smoking,A81001,The Densham Surgery,GPs,Persons,15+ yrs,,,2022/23,15.41,514,3336
        91547,Smoking,A81999,Closed,GPs,Persons,15+ yrs,,,2022/23,,,120

        """
        let error = dataError { _ = try compute(csv, IndicatorRequest(statistic: .proportion, missingValues: .error), name: "fingertips.csv") }
        #expect(error?.location.line == 4)
        #expect(error?.location.column == 12)
        #expect(error?.location.columnName == "Count")
        let skipped = try compute(csv, IndicatorRequest(statistic: .proportion, confidence: levels, missingValues: .skip))
        #expect(skipped.skippedRows == 1)
        #expect(skipped.results.count == 2)
        #expect(skipped.groupingColumns == [.indicatorID, .orgCode, .areaType, .period, .sex, .ageBand, .categoryType, .group])
        #expect(skipped.results[1].groupValues == ["91547", "A81001", "GPs", "2022/23", "Persons", "15+ yrs", "", ""])
        expectEstimate(skipped.results[0].estimate,
                       [14.71089355400213, 14.701277949183956, 14.720514362687743, 14.695735206170326, 14.726064838198683])
        // Passed through: the same two results and a third with no value, limits or measures, and the reason.
        let passed = try compute(csv, IndicatorRequest(statistic: .proportion, confidence: levels, missingValues: .pass))
        #expect(passed.passedRows == 1)
        #expect(passed.results.count == 3)
        #expect(passed.results[0].estimate == skipped.results[0].estimate)
        #expect(passed.results[2].groupValues[1] == "A81999")
        #expect(passed.results[2].measures == [nil, nil])
        #expect(passed.results[2].estimate.value == nil)
        #expect(passed.results[2].estimate.limits.allSatisfy { $0.lower == nil && $0.upper == nil })
        #expect(passed.results[2].estimate.suppression == "empty numerator or denominator in the input (suppressed or not calculable by the publisher)")
    }

    @Test func layoutIsRecognisedFromTheHeader() throws {
        let neither = dataError { _ = try compute("code,numerator,denominator\nA,1,2\n", IndicatorRequest(statistic: .rate)) }
        #expect(neither != nil)
        let both = try TableReader.read(bytes: Array("org_code,Area Code,Indicator ID,indicator_id\nA,B,1,1\n".utf8), name: "both.csv",
                                        schema: Schema([ColumnSpec("org_code")]))
        #expect(throws: DataError.self) { try IndicatorCounts(table: both) }
    }

    @Test func suppressBelowBlanksSmallCountsWithTheReason() throws {
        let csv = "indicator_id,org_code,numerator,denominator\n1,A,3,50\n1,B,5,50\n"
        let results = try compute(csv, IndicatorRequest(statistic: .proportion, confidence: levels, suppressBelow: 5))
        #expect(results.results[0].estimate.value == nil)
        #expect(results.results[0].estimate.suppression == "count below 5")
        #expect(results.results[0].measures == [3, 50])
        // 5/50 × 100 = 10, shown: its count is not below 5.
        #expect(results.results[1].estimate.value == 10)
    }

    @Test func dsrFromCanonicalRows() throws {
        typealias D = DirectlyStandardisedRateTests
        let csv = Self.dsrCSV([("A", D.d1Counts, D.d1Populations), ("B", D.d2Counts, D.d2Populations)])
        let results = try compute(csv, IndicatorRequest(statistic: .dsr, confidence: levels), chunkRows: 7)
        #expect(results.groupingColumns == [.indicatorID, .orgCode])
        #expect(results.results.map(\.measures) == [[407, 95135.5], [10, 12571]])
        #expect(results.results[0].statistic == "dsr per 100000")
        // Script D1 and D2.
        expectEstimate(results.results[0].estimate,
                       [462.93882186254876, 418.8946637455343, 510.34152139023837, 395.006341686664, 538.6042339694217])
        expectEstimate(results.results[1].estimate,
                       [78.77318928990078, 37.37312499617462, 145.4213595832419, 22.511883425479724, 191.505175531397])
    }

    @Test func dsrAddsBandsThatMakeOneStandardBand() throws {
        // D1 with 0-4 given as 0 and 1-4, and 90+ as 90-94 and 95+, in NHS Digital's 0_4 style:
        // the same DSR (script D1).
        typealias D = DirectlyStandardisedRateTests
        var labels = ["0", "1_4"] + Self.bands19.dropFirst().dropLast().map { $0.replacingOccurrences(of: "-", with: "_") }
        labels += ["90_94", "95+"]
        var counts = [1.0, 2.0] + D.d1Counts.dropFirst().dropLast()
        counts += [20, 8]
        var populations = [1000.0, 4210.0] + D.d1Populations.dropFirst().dropLast()
        populations += [600, 102.5]
        let results = try compute(Self.dsrCSV([("A", counts, populations)], labels: labels), IndicatorRequest(statistic: .dsr, confidence: levels))
        expectEstimate(results.results[0].estimate,
                       [462.93882186254876, 418.8946637455343, 510.34152139023837, 395.006341686664, 538.6042339694217], relative: 1e-12)
    }

    @Test func dsrOverTheBandsOfARestrictedAgeRange() throws {
        // Script D5: an under-75 indicator has rows for 0-4 … 70-74 only; like PHEindicatormethods'
        // calculate_dsr, the DSR standardises over those bands with their ESP 2013 weights.
        typealias D = DirectlyStandardisedRateTests
        let csv = Self.dsrCSV([("A", Array(D.d1Counts.prefix(15)), Array(D.d1Populations.prefix(15)))], labels: Array(Self.bands19.prefix(15)))
        let results = try compute(csv, IndicatorRequest(statistic: .dsr, confidence: levels))
        #expect(results.results[0].measures == [224, 87483])
        expectEstimate(results.results[0].estimate,
                       [270.3742329694362, 236.0786076438843, 308.2457858470454, 217.8869226622349, 331.0797708644292])
    }

    @Test func dsrGroupsOfOneIndicatorMustCoverTheSameBands() throws {
        // Practice B lacks the 90+ row that practice A has: an error at B's first line, not a DSR
        // over fewer bands.
        typealias D = DirectlyStandardisedRateTests
        var csv = Self.dsrCSV([("A", D.d1Counts, D.d1Populations)])
        csv += Self.dsrCSV([("B", Array(D.d1Counts.dropLast()), Array(D.d1Populations.dropLast()))], labels: Array(Self.bands19.dropLast()))
            .split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
        let error = dataError { _ = try compute(csv, IndicatorRequest(statistic: .dsr)) }
        #expect(error?.location.line == 21)
        #expect(error?.message == "indicator_id \"90001\", org_code \"B\": the rows cover age bands 0-4 to 85-89, but those of " +
                "indicator_id \"90001\", org_code \"A\" cover 0-4 to 90+; the DSRs of one indicator need the same bands")
    }

    @Test func dsrWithABandMissingInsideItsRunIsAnError() throws {
        typealias D = DirectlyStandardisedRateTests
        var labels = Self.bands19
        labels.remove(at: 8)
        var counts = D.d1Counts
        counts.remove(at: 8)
        var populations = D.d1Populations
        populations.remove(at: 8)
        let error = dataError { _ = try compute(Self.dsrCSV([("A", counts, populations)], labels: labels), IndicatorRequest(statistic: .dsr)) }
        #expect(error?.location.line == 2)
        #expect(error?.message.hasPrefix("indicator_id \"90001\", org_code \"A\": no row for age band 40-44 (the rows cover age bands 0-4 to 90+") == true)
        // Half of a split band missing.
        let partial = "indicator_id,org_code,age_band,numerator,denominator\n" +
            Self.bands19.dropLast().map { "1,A,\($0),5,100" }.joined(separator: "\n") + "\n1,A,90-94,5,100\n"
        let gap = dataError { _ = try compute(partial, IndicatorRequest(statistic: .dsr)) }
        #expect(gap?.message.contains("no row for ages 95+ of band 90+") == true)
    }

    @Test func dsrBadBandsAreErrors() throws {
        let base = "indicator_id,org_code,age_band,numerator,denominator\n"
        let straddling = dataError { _ = try compute(base + "1,A,0-4,1,10\n1,A,3-7,1,10\n", IndicatorRequest(statistic: .dsr)) }
        #expect(straddling?.location.line == 3)
        #expect(straddling?.location.column == 3)
        let unreadable = dataError { _ = try compute(base + "1,A,all ages,1,10\n", IndicatorRequest(statistic: .dsr)) }
        #expect(unreadable?.message == "expected an age band such as 0-4, 1-4, 0 or 90+, found \"all ages\"")
        let duplicate = dataError { _ = try compute(base + "1,A,0-4,1,10\n1,A,5-9,1,10\n1,A,0-4,2,10\n", IndicatorRequest(statistic: .dsr)) }
        #expect(duplicate?.location.line == 4)
        #expect(duplicate?.message.contains("the first is at line 2") == true)
        let overlap = dataError {
            _ = try compute(base + Self.bands19.map { "1,A,\($0),5,100" }.joined(separator: "\n") + "\n1,A,1-4,1,10\n",
                            IndicatorRequest(statistic: .dsr))
        }
        #expect(overlap?.location.line == 21)
        #expect(overlap?.message.contains("overlaps") == true)
        let zeroPopulation = dataError {
            _ = try compute(base + Self.bands19.map { "1,A,\($0),\($0 == "90+" ? 0 : 5),\($0 == "90+" ? 0 : 100)" }.joined(separator: "\n") + "\n",
                            IndicatorRequest(statistic: .dsr))
        }
        #expect(zeroPopulation?.location.line == 20)
        #expect(zeroPopulation?.location.column == 5)
        #expect(zeroPopulation?.message.hasPrefix("expected a population > 0 in age band 90+") == true)
    }

    @Test func dsrTotalBelowTenIsSuppressedInOutput() throws {
        typealias D = DirectlyStandardisedRateTests
        var counts = D.d2Counts
        counts[10] = 0
        let results = try compute(Self.dsrCSV([("A", counts, D.d2Populations)]), IndicatorRequest(statistic: .dsr, confidence: levels))
        var rows: [[String]] = []
        results.forEachRow(wide: false) { rows.append($0.map(CSVWriter.format)) }
        #expect(rows.count == 2)
        #expect(rows[0] == ["90001", "A", "9", "12571", "", "", "", "95%", "dsr per 100000", "Dobson", "total count below 10"])
        #expect(rows[1] == ["90001", "A", "9", "12571", "", "", "", "99.8%", "dsr per 100000", "Dobson", "total count below 10"])
    }

    @Test func dsrWithCustomStandard() throws {
        // Script D4 with a standard of three bands 0-39, 40-64, 65+ weighted 50, 30, 20.
        let standard = StandardPopulation(name: "three bands", bands: AgeBandScheme([
            AgeBand(lowerAge: 0, upperAge: 39), AgeBand(lowerAge: 40, upperAge: 64), AgeBand(lowerAge: 65, upperAge: nil)])!,
                                          weights: [50, 30, 20])
        let csv = "indicator_id,org_code,age_band,numerator,denominator\n1,A,0-39,12,40000\n1,A,40-64,40,25000\n1,A,65+,95,9000\n"
        let results = try compute(csv, IndicatorRequest(statistic: .dsr, confidence: levels, standard: standard))
        expectEstimate(results.results[0].estimate,
                       [274.1111111111111, 230.1829319089929, 323.7674813498115, 207.35780051225728, 354.0068917405289])
    }

    @Test func indirectStandardisationAgainstOwnTotals() throws {
        // Script I6: areas A, B, C; the reference is their sum, band by band.
        let csv = """
        indicator_id,org_code,age_band,numerator,denominator
        1,A,0-39,4,12000
        1,A,40-64,20,8000
        1,A,65+,61,3000
        1,B,0-39,2,9000
        1,B,40-64,9,5000
        1,B,65+,30,1500
        1,C,0-39,7,15000
        1,C,40-64,31,9000
        1,C,65+,88,4000

        """
        let results = try compute(csv, IndicatorRequest(statistic: .isratio, confidence: levels, multiplier: 100))
        #expect(results.results.count == 3)
        let reference: [[Double]] = [
            [85.0, 89.32798573975045, 95.15494981342167, 76.00406934260255, 117.66191784261, 66.3974138586213, 131.59107197480958],
            [41.0, 48.474598930481285, 84.58038004357539, 60.68966418949038, 114.74581940506256, 49.49270069321668, 133.95082700935973],
            [126.0, 114.19741532976828, 110.33524676206494, 91.91076541645596, 131.36909354264895, 82.4216039548754, 144.23144061771492],
        ]
        for (result, expected) in zip(results.results, reference) {
            #expect(result.measures[0] == expected[0])
            expectClose(result.measures[1], expected[1])
            expectEstimate(result.estimate, Array(expected[2...]))
            #expect(result.statistic == "indirectly standardised ratio x 100")
        }
    }

    @Test func indirectStandardisationAgainstAReferenceFile() throws {
        // Script I5 (observed 250) with the reference bands named 0-14 … 75+.
        let referenceCSV = """
        age_band,reference_numerator,reference_denominator
        0-14,40,200000
        15-44,120,180000
        45-64,600,150000
        65-74,2400,90000
        75+,5200,40000

        """
        let reference = try ReferenceRates(table: TableReader.read(bytes: Array(referenceCSV.utf8), name: "reference.csv",
                                                                   schema: ReferenceRates.schema))
        let csv = """
        indicator_id,org_code,sex,age_band,numerator,denominator
        1,A,F,0-14,1,9000
        1,A,F,15-44,3,8500
        1,A,F,45-64,20,7000
        1,A,F,65-74,96,4200
        1,A,F,75+,130,2100

        """
        let ratio = try compute(csv, IndicatorRequest(statistic: .isratio, confidence: levels, reference: reference))
        #expect(ratio.groupingColumns == [.indicatorID, .orgCode, .sex])
        #expect(ratio.results[0].measures[0] == 250)
        expectClose(ratio.results[0].measures[1], 420.4666666666667)
        expectEstimate(ratio.results[0].estimate,
                       [0.5945774536229586, 0.5231493996695495, 0.6730343714698602, 0.4850848553931908, 0.7202300372298496])
        let rate = try compute(csv, IndicatorRequest(statistic: .israte, confidence: levels, reference: reference))
        expectClose(rate.results[0].measures[2], 1266.6666666666667)
        expectEstimate(rate.results[0].estimate, [753.1314412557475, 662.6559062480961, 852.510203861823, 614.4408168313751, 912.2913804911428])
        #expect(rate.header(wide: false)[3...5] == ["observed", "expected", "ref_rate"])
        // A band the reference does not cover is an error naming the row.
        let uncovered = dataError {
            _ = try compute("indicator_id,org_code,age_band,numerator,denominator\n1,A,10-19,1,100\n",
                            IndicatorRequest(statistic: .isratio, reference: reference))
        }
        #expect(uncovered?.location.line == 2)
        #expect(uncovered?.location.column == 3)
        #expect(uncovered?.message.hasPrefix("no reference rate for age band \"10-19\" in reference.csv") == true)
        // Rates alone cannot give an indirectly standardised rate.
        let ratesOnly = try ReferenceRates(table: TableReader.read(bytes: Array("age_band,reference_rate\n0+,0.01\n".utf8), name: "rates.csv",
                                                                   schema: ReferenceRates.schema))
        #expect(throws: DataError.self) { _ = try compute(csv, IndicatorRequest(statistic: .israte, reference: ratesOnly)) }
        let ratioFromRates = try compute(csv, IndicatorRequest(statistic: .isratio, reference: ratesOnly))
        // E = 0.01 × 30800 = 308.
        expectClose(ratioFromRates.results[0].measures[1], 308)
    }

    @Test func lifeExpectancyByGroupAndAge() throws {
        typealias L = LifeExpectancyTests
        let labels = LifeExpectancy.bands.bands.map { $0.upperAge == $0.lowerAge ? "0" : $0.label }
        var csv = "indicator_id,org_code,sex,age_band,numerator,denominator\n"
        for index in labels.indices {
            csv += "1,A,M,\(labels[index]),\(Table.formatNumber(L.deaths[index])),\(Table.formatNumber(L.populations[index]))\n"
        }
        // Group B lacks 90+: suppressed with the reason, as PHEindicatormethods does.
        for index in labels.indices.dropLast() {
            csv += "1,B,M,\(labels[index]),\(Table.formatNumber(L.deaths[index])),\(Table.formatNumber(L.populations[index]))\n"
        }
        let results = try compute(csv, IndicatorRequest(statistic: .lifeExpectancy, confidence: levels, ages: [0, 65]))
        #expect(results.groupingColumns == [.indicatorID, .orgCode, .sex])
        #expect(results.results.count == 4)
        #expect(results.results.map(\.statistic) == ["life expectancy at 0", "life expectancy at 65", "life expectancy at 0", "life expectancy at 65"])
        // Script L1 at 0 and 65.
        expectEstimate(results.results[0].estimate, [80.16960813194838, 79.88269075392704, 80.45652550996972, 79.7172317833235, 80.62198448057326])
        expectEstimate(results.results[1].estimate, [18.768568517234474, 18.575707060089382, 18.961429974379566, 18.46448807994816, 19.072648954520787])
        #expect(results.results[1].measures[0] == 65)
        #expect(results.results[2].estimate.value == nil)
        #expect(results.results[2].estimate.suppression == "no row for age band 90+")
    }

    @Test func requestProblemsAreRefused() {
        #expect(throws: IndicatorRequestError.self) { _ = try IndicatorComputation(request: IndicatorRequest(statistic: .lifeExpectancy, ages: [3])) }
        #expect(throws: IndicatorRequestError.self) { _ = try IndicatorComputation(request: IndicatorRequest(statistic: .mean, multiplier: 100)) }
        #expect(throws: IndicatorRequestError.self) { _ = try IndicatorComputation(request: IndicatorRequest(statistic: .dsr, grouping: [.orgCode, .ageBand])) }
        #expect(throws: IndicatorRequestError.self) { _ = try IndicatorComputation(request: IndicatorRequest(statistic: .rate, confidence: [])) }
        #expect(throws: IndicatorRequestError.self) {
            _ = try IndicatorComputation(request: IndicatorRequest(statistic: .rate, confidence: [.ninetyFive, .ninetyFive]))
        }
    }

    @Test func meansOfValuesByGroup() throws {
        // Script M1 and M2 as records of two groups.
        let csv = "indicator_id,org_code,value\n1,A,4.2\n1,B,1\n1,A,5.9\n1,B,2\n1,B,3\n1,B,4\n1,B,100\n"
        let results = try compute(csv, IndicatorRequest(statistic: .mean, confidence: levels))
        #expect(results.results.count == 2)
        expectEstimate(results.results[0].estimate, [5.050000000000001, -5.750274025748489, 15.85027402574849, -265.51251313771763, 275.61251313771766])
        expectEstimate(results.results[1].estimate, [22.0, -32.15847435201869, 76.15847435201869, -117.92302766769839, 161.9230276676984])
        #expect(results.results[1].measures[1] == 5)
        #expect(results.header(wide: false)[2...4] == ["value_sum", "value_count", "stdev"])
    }

    @Test func skippedRowsMakeNoGroup() throws {
        let csv = "indicator_id,org_code,numerator,denominator\n1,A,1,2\n1,B,,5\n1,C,3,4\n1,B,,6\n"
        let results = try compute(csv, IndicatorRequest(statistic: .rate, missingValues: .skip), chunkRows: 2)
        #expect(results.skippedRows == 2)
        #expect(results.results.map { $0.groupValues[1] } == ["A", "C"])
    }

    @Test func interleavedRowsGiveTheSameDSRs() throws {
        // D1 and D2 with the rows of the two practices alternating (every row changes group).
        typealias D = DirectlyStandardisedRateTests
        var csv = "indicator_id,org_code,age_band,numerator,denominator\n"
        for index in 0..<19 {
            csv += "90001,A,\(Self.bands19[index]),\(Table.formatNumber(D.d1Counts[index])),\(Table.formatNumber(D.d1Populations[index]))\n"
            csv += "90001,B,\(Self.bands19[18 - index]),\(Table.formatNumber(D.d2Counts[18 - index])),\(Table.formatNumber(D.d2Populations[18 - index]))\n"
        }
        let results = try compute(csv, IndicatorRequest(statistic: .dsr, confidence: levels), chunkRows: 5)
        #expect(results.results.map { $0.groupValues[1] } == ["A", "B"])
        expectEstimate(results.results[0].estimate,
                       [462.93882186254876, 418.8946637455343, 510.34152139023837, 395.006341686664, 538.6042339694217], relative: 1e-12)
        expectEstimate(results.results[1].estimate,
                       [78.77318928990078, 37.37312499617462, 145.4213595832419, 22.511883425479724, 191.505175531397], relative: 1e-12)
    }

    @Test func thousandsOfGroupsKeepTheirOrderAndSums() throws {
        // 3,000 practices, each met twice (rows 1..3000, then again in reverse): numerator = 2i + 1
        // (i and i + 1), denominator = 1000 + 2i (500 + i twice); grouped by org the rows add up.
        var csv = "indicator_id,org_code,period,numerator,denominator\n"
        for index in 0..<3000 { csv += "1,P\(index),2022,\(index),\(500 + index)\n" }
        for index in (0..<3000).reversed() { csv += "1,P\(index),2023,\(index + 1),\(500 + index)\n" }
        let results = try compute(csv, IndicatorRequest(statistic: .rate, grouping: [.indicatorID, .orgCode]), chunkRows: 700)
        #expect(results.results.count == 3000)
        for (index, result) in results.results.enumerated() {
            #expect(result.groupValues == ["1", "P\(index)"])
            #expect(result.measures == [Double(2 * index + 1), Double(1000 + 2 * index)])
        }
    }
}
