import Indicators
import Statistics
import Tables
import Testing

/// Fingertips exports other than the one in `datasets/`: every year and area type of an
/// indicator in one file, England repeated under each parent area, inequality breakdowns
/// (Category Type / Category) beside the all-persons rows, and the spellings without spaces that
/// fingertipsR writes. Expected values: Wilson score limits at z = Φ⁻¹(0.975) computed with
/// Python's `statistics.NormalDist` from the formula (2x + z² ∓ z√(z² + 4x(1 − x/n))) / 2(n + z²),
/// independently of the engine.
@Suite struct FingertipsFamilyTests {
    static let header = "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Count,Denominator,Value note"

    /// Two years; England once with an empty parent and again under a region; a practice with a
    /// deprivation-decile breakdown row beside its all-persons row; a suppressed practice.
    static let export = """
    \(header)
    91547,Smoking,,,E92000001,England,England,Persons,15+ yrs,,,2021/22,15.48,,,480,3100,
    91547,Smoking,E92000001,England,E12000001,North East,Regions,Persons,15+ yrs,,,2021/22,17.14,,,120,700,
    91547,Smoking,E12000001,North East,E92000001,England,England,Persons,15+ yrs,,,2021/22,15.48,,,480,3100,
    91547,Smoking,E38000001,NHS Sub ICB,A81001,The Densham Surgery,GPs,Persons,15+ yrs,,,2022/23,15.41,14.22,16.67,514,3336,
    91547,Smoking,E38000001,NHS Sub ICB,A81001,The Densham Surgery,GPs,Persons,15+ yrs,GP deprivation deciles in England (IMD2019),Most deprived decile (IMD2019),2022/23,11.25,,,90,800,
    91547,Smoking,E38000001,NHS Sub ICB,A81999,Closed,GPs,Persons,15+ yrs,,,2022/23,,,,,,Value cannot be calculated as number of cases is too small

    """

    @Test func oneFileOfEveryYearAndAreaType() throws {
        let results = try compute(Self.export, IndicatorRequest(statistic: .proportion, missingValues: .pass), chunkRows: 2)
        #expect(results.groupingColumns == [.indicatorID, .orgCode, .areaType, .period, .sex, .ageBand, .categoryType, .group])
        // England's second row (line 4) repeats line 2 exactly: read once.
        #expect(results.repeatedRows == 1)
        #expect(results.firstRepeatLine == 4)
        #expect(results.passedRows == 1)
        #expect(results.results.count == 5)
        let byCode = results.results.map { "\($0.groupValues[1]) \($0.groupValues[3]) \($0.groupValues[7])" }
        #expect(byCode == ["E92000001 2021/22 ", "E12000001 2021/22 ", "A81001 2022/23 ", "A81001 2022/23 Most deprived decile (IMD2019)", "A81999 2022/23 "])
        #expect(results.results[3].groupValues[6] == "GP deprivation deciles in England (IMD2019)")
        // 480/3100, 120/700, 514/3336 and 90/800 (Python, see above).
        expectClose(results.results[0].estimate.value, 15.483870967741936)
        expectClose(results.results[0].estimate.limits[0].lower, 14.253226151653347)
        expectClose(results.results[0].estimate.limits[0].upper, 16.799953323141924)
        expectClose(results.results[1].estimate.limits[0].lower, 14.532109501548543)
        expectClose(results.results[1].estimate.limits[0].upper, 20.11226328508117)
        expectClose(results.results[2].estimate.limits[0].lower, 14.222427026444672)
        expectClose(results.results[2].estimate.limits[0].upper, 16.67249632674466)
        expectClose(results.results[3].estimate.value, 11.25)
        expectClose(results.results[3].estimate.limits[0].lower, 9.24299045259413)
        expectClose(results.results[3].estimate.limits[0].upper, 13.627372453345762)
        #expect(results.results[4].estimate.value == nil)
        #expect(results.results[4].estimate.suppression?.hasPrefix("empty numerator or denominator") == true)
    }

    @Test func englandUnderAParentWithOtherFiguresIsAnErrorNamingBothLines() throws {
        let text = Self.export.replacingOccurrences(of: "E12000001,North East,E92000001,England,England,Persons,15+ yrs,,,2021/22,15.48,,,480,3100,",
                                                    with: "E12000001,North East,E92000001,England,England,Persons,15+ yrs,,,2021/22,15.48,,,481,3100,")
        let error = dataError { _ = try compute(text, IndicatorRequest(statistic: .proportion), name: "export.csv") }
        #expect(error?.location.line == 4)
        #expect(error?.location.columnName == "Count")
        #expect(error?.message.hasPrefix("this row repeats line 2 (indicator_id \"91547\", org_code \"E92000001\"") == true)
        #expect(error?.message.hasSuffix("with a different Count: 481 here, 480 there") == true)
    }

    @Test func aSuppressedRowRepeatedIsReadOnceAndOneWithOtherFiguresIsAnError() throws {
        // Count empty, Denominator 120, twice (under two parents): one passed-through row.
        let suppressed = "91547,Smoking,E38000001,NHS Sub ICB,A81999,Closed,GPs,Persons,15+ yrs,,,2022/23,,,,,120,\n"
        let twice = Self.header + "\n" + suppressed + suppressed.replacingOccurrences(of: "E38000001,NHS Sub ICB", with: "E38000002,Other")
        let results = try compute(twice, IndicatorRequest(statistic: .proportion, missingValues: .pass))
        #expect(results.repeatedRows == 1)
        #expect(results.passedRows == 1)
        #expect(results.results.count == 1)
        let other = Self.header + "\n" + suppressed + suppressed.replacingOccurrences(of: ",120,", with: ",121,")
        let error = dataError { _ = try compute(other, IndicatorRequest(statistic: .proportion, missingValues: .pass)) }
        #expect(error?.location.line == 3)
        #expect(error?.message.hasPrefix("this row repeats line 2") == true)
    }

    @Test func theSpellingsWithoutSpacesOfFingertipsR() throws {
        // fingertipsR's fingertips_data() names: IndicatorID, AreaCode, AreaType, Timeperiod, CategoryType.
        let text = """
        IndicatorID,AreaCode,AreaName,AreaType,Sex,Age,CategoryType,Category,Timeperiod,Value,Count,Denominator
        91547,A81001,The Densham Surgery,GPs,Persons,15+ yrs,,,2022/23,15.41,514,3336

        """
        let results = try compute(text, IndicatorRequest(statistic: .proportion))
        #expect(results.results.count == 1)
        #expect(results.results[0].groupValues == ["91547", "A81001", "GPs", "2022/23", "Persons", "15+ yrs", "", ""])
        expectClose(results.results[0].estimate.value, 15.407673860911272)
    }

    @Test func anUnknownLayoutNamesWhatEachLayoutNeeds() throws {
        let error = dataError { _ = try compute("Code,Numerator,Denominator\nA,1,2\n", IndicatorRequest(statistic: .rate), name: "odd.csv") }
        #expect(error?.location.line == 1)
        let message = error?.message ?? ""
        #expect(message.contains("the columns do not match a layout of indicator counts"))
        #expect(message.contains("indicator counts (indicator_id, org_code, numerator or value)"))
        #expect(message.contains("an OHID Fingertips export (Indicator ID, Area Code, Time period, Count or Value)"))
    }
}

/// A data frame written for PHEindicatormethods' phe_proportion / phe_rate (`area`, `x`, `n`, no
/// indicator_id) runs unchanged. Expected: Wilson limits of 514/3336 (statistics.NormalDist, as in
/// IndicatorsCommandTests: 15.407673860911272, 14.22242702644467, 16.672496326744664).
@Test func aPHEIndicatorMethodsDataFrameRunsUnchanged() throws {
    let csv = "area,x,n\nA81001,514,3336\nA81002,2508,15548\n"
    let results = try compute(csv, IndicatorRequest(statistic: .proportion))
    #expect(results.groupingColumns == [.orgCode])
    #expect(results.results.map(\.groupValues) == [["A81001"], ["A81002"]])
    expectClose(results.results[0].estimate.value, 15.407673860911272)
    expectClose(results.results[0].estimate.limits[0].lower, 14.22242702644467)
    expectClose(results.results[0].estimate.limits[0].upper, 16.672496326744664)
    let deaths = try compute("area,deaths,population\nE06000001,25,40000\n", IndicatorRequest(statistic: .rate, confidence: [.ninetyFive]))
    // 25 per 40,000 per 100,000 = 62.5 by hand; Byar's limits (count >= 10) computed in Python with
    // statistics.NormalDist: O(1 - 1/(9O) - z/(3√O))³ and (O+1)(1 - 1/(9(O+1)) + z/(3√(O+1)))³, ÷ 40,000 × 100,000.
    expectClose(deaths.results[0].estimate.value, 62.5)
    expectClose(deaths.results[0].estimate.limits[0].lower, 40.43566480414302)
    expectClose(deaths.results[0].estimate.limits[0].upper, 92.2661267304634)
    #expect(deaths.results[0].estimate.method == "Byars")
}
