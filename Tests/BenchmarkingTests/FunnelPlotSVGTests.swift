import Testing
@testable import Benchmarking

@Suite struct FunnelPlotSVGTests {
    static func benchmark() throws -> IndicatorBenchmark {
        // 30 organisations around 20%, two far outside: X01 (90/100) and X02 (1/400).
        var organisations = (0..<28).map { index in
            OrganisationCounts(organisationCode: "P" + String(10 + index), numerator: Double(40 + index % 7), denominator: 200)
        }
        organisations.append(OrganisationCounts(organisationCode: "X01", numerator: 90, denominator: 100))
        organisations.append(OrganisationCounts(organisationCode: "X02", numerator: 1, denominator: 400))
        return try IndicatorBenchmark.run(IndicatorCounts(indicatorId: "t<1>", name: "Test & check", statistic: .proportion, organisations: organisations),
                                          settings: BenchmarkSettings())
    }

    @Test func theDocumentIsSelfContainedWithEveryPart() throws {
        let benchmark = try Self.benchmark()
        let curve = try #require(benchmark.curves().first)
        let svg = FunnelPlotSVG(title: "Test & check <1>", xAxisTitle: "Patients", yAxisTitle: "Value (%)").render(benchmark: benchmark, curve: curve)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(!svg.contains("href"), "no external resources")
        #expect(svg.contains("<title>Test &amp; check &lt;1&gt;</title>"))
        #expect(svg.contains(">Patients</text>"))
        #expect(svg.contains(">Value (%)</text>"))
        #expect(svg.contains(">Legend</text>"))
        // One circle per organisation plus the three legend markers.
        #expect(occurrences(of: "<circle", in: svg) == 30 + 3)
        // The two outliers are labelled.
        #expect(svg.contains(">X01</text>"))
        #expect(svg.contains(">X02</text>"))
        // Eight limit lines at most (four adjusted, four unadjusted) plus none for the target.
        #expect(occurrences(of: "<polyline", in: svg) >= 4)
    }

    @Test func labelsAreLimitedToTheRequestedNumber() throws {
        let benchmark = try Self.benchmark()
        let curve = try #require(benchmark.curves().first)
        let svg = FunnelPlotSVG(title: "t", labelledOutliers: 1).render(benchmark: benchmark, curve: curve)
        let labelled = [">X01</text>", ">X02</text>"].filter { svg.contains($0) }
        #expect(labelled.count == 1)
    }
}

@Suite struct AxisScaleTests {
    @Test func niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(AxisScale.niceStep(0.7) == 1)
        #expect(AxisScale.niceStep(1.3) == 2)
        #expect(AxisScale.niceStep(3) == 5)
        #expect(AxisScale.niceStep(17_000) == 20_000)
        #expect(AxisScale.niceStep(0.03) == 0.05)
    }

    @Test func ticksCoverTheRangeInWholeSteps() {
        let axis = AxisScale(minimum: 3, maximum: 97, pixelStart: 0, pixelEnd: 100, tickCount: 5, floor: 0, ceiling: 100)
        #expect(axis.ticks == [0, 20, 40, 60, 80, 100])
        #expect(axis.pixel(50) == 50)
        #expect(axis.label(20) == "20")
    }

    @Test func labelsGroupThousandsAndKeepTheStepsDecimals() {
        #expect(AxisScale.grouped(120_000, decimals: 0) == "120,000")
        #expect(AxisScale.grouped(1_234_567.5, decimals: 1) == "1,234,567.5")
        #expect(AxisScale.grouped(-0.25, decimals: 2) == "-0.25")
        let axis = AxisScale(minimum: 0.1, maximum: 0.3, pixelStart: 0, pixelEnd: 1, tickCount: 4)
        #expect(axis.label(0.15) == "0.15")
    }
}

@Suite struct NumberTextTests {
    @Test func shortNumbersKeepFourSignificantDigits() {
        #expect(formatShort(71.73404780626561) == "71.73")
        #expect(formatShort(0.001017813274986117) == "0.001018")
        #expect(formatShort(1.3643056939735434) == "1.364")
        #expect(formatShort(9.99996) == "10")
        #expect(formatShort(-2.5) == "-2.5")
        #expect(formatShort(7.657215332013214e-07) == "7.657e-07")
        #expect(formatShort(0) == "0")
        #expect(formatShort(.nan) == "undefined")
        #expect(formatPercent(0.95) == "95%")
        #expect(formatPercent(0.998) == "99.8%")
    }

    @Test func svgCoordinatesHaveAtMostTwoDecimals() {
        #expect(SVGDocument.number(12.3456) == "12.35")
        #expect(SVGDocument.number(-0.001) == "0")
        #expect(SVGDocument.number(40) == "40")
        #expect(SVGDocument.number(-3.5) == "-3.5")
        #expect(SVGDocument.escaped("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;")
    }
}

/// How many times `needle` occurs in `text` (without overlaps).
func occurrences(of needle: String, in text: String) -> Int {
    text.ranges(of: needle).count
}
