import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Risk
import Testing

/// The size curve and its chart.
@Suite struct SizeCurveTests {
    static let model = TestModels.model([
        (.male, "0-64", TestModels.parametric(zero: 0.4, .lognormal(logMean: 6, logStandardDeviation: 1.4))),
        (.female, "0-64", TestModels.parametric(zero: 0.3, .lognormal(logMean: 6.2, logStandardDeviation: 1.4))),
        (.male, "65+", TestModels.parametric(zero: 0.1, .gamma(shape: 0.5, scale: 9000))),
        (.female, "65+", TestModels.parametric(zero: 0.1, .gamma(shape: 0.5, scale: 8000))),
    ])

    @Test func countsFollowTheMixAndSumToTheSize() {
        // Mix 1:1:1:1 → 2,500 each for 10,000; mix 3:3:2:1 (sum 9) for 1,000 → quotas 333.3, 333.3,
        // 222.2, 111.1: floors 333, 333, 222, 111 (999) and the one left goes to the largest
        // remainder, the first cell (ties by position).
        #expect(SizeCurve.counts(size: 10_000, mix: [5, 5, 5, 5]) == [2_500, 2_500, 2_500, 2_500])
        #expect(SizeCurve.counts(size: 1_000, mix: [3, 3, 2, 1]) == [334, 333, 222, 111])
    }

    @Test func normalMarginHalvesWhenTheListQuadruples() {
        // sd grows as √N and the mean as N, so the normal margin Φ⁻¹(π)·sd/E halves when N is ×4
        // (the mix divides both sizes exactly).
        let settings = SimulationSettings(replications: 200, seed: 1, threads: 2)
        let points = SizeCurve.compute(SizeCurveRequest(model: Self.model, mix: [1, 1, 1, 1], sizes: [10_000, 40_000], margin: 0.02, settings: settings))
        #expect(points.count == 2)
        #expect(abs(points[0].normalMarginNeeded / points[1].normalMarginNeeded - 2) < 1e-12)
        #expect(points[0].budget == points[0].expectedSpend * 1.02)
    }

    @Test func overspendBecomesRareAsListsGrow() {
        // With a 5% margin: for 1,000 persons sd/mean = 0.0617 (hand: Σn·σ² over the four cells),
        // so the normal approximation gives P = 1 − Φ(0.05/0.0617) = 0.209 (the skewed Monte Carlo
        // total overspends a little less often); for 1,000,000 sd/mean = 0.00195, the margin is
        // 25.6 sd and P = 3e-145.
        var settings = SimulationSettings(replications: 1_000, seed: 2, threads: 2)
        settings.highCostThreshold = 30_000
        let points = SizeCurve.compute(SizeCurveRequest(model: Self.model, mix: [1, 1, 1, 1], sizes: [1_000, 1_000_000], margin: 0.05, settings: settings))
        #expect(points.map(\.arrangement) == [.none, .highCostPool, .none, .highCostPool])
        #expect(points[0].simulated.probabilityOfOverspend > 0.1)
        #expect(abs(points[0].normal.probabilityOfOverspend(budget: points[0].budget) - 0.20877775218616668) < 1e-9)
        #expect(points[2].simulated.probabilityOfOverspend == 0)
        #expect(points[2].simulated.reserve == 0)
        // The pool lowers the spread of the small list.
        #expect(points[1].simulated.standardDeviation < points[0].simulated.standardDeviation)
    }

    @Test func chartIsWellFormedSVGWithBothPanels() throws {
        var settings = SimulationSettings(replications: 300, seed: 3, threads: 2)
        settings.highCostThreshold = 30_000
        let points = SizeCurve.compute(SizeCurveRequest(model: Self.model, mix: [1, 2, 3, 4], sizes: [1_000, 10_000, 100_000], margin: 0.02, settings: settings))
        let svg = SizeCurveSVG.render(points: points, title: "Risk & size", notes: ["a <note>"], highCostThreshold: 30_000)
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        // Three sizes × two arrangements × two panels markers, plus the two legend markers.
        #expect(svg.components(separatedBy: "<circle").count - 1 == 14)
        #expect(svg.contains("Risk &amp; size"))
        #expect(svg.contains("a &lt;note&gt;"))
        #expect(svg.contains("high-cost pool above £30,000"))
        #expect(svg.contains("budget margin 2%"))
    }

    @Test func niceAxisMaxima() {
        #expect(SizeCurveSVG.niceMaximum(0.37) == 0.5)
        #expect(SizeCurveSVG.niceMaximum(15.2) == 20)
        #expect(SizeCurveSVG.niceMaximum(2) == 2)
        #expect(SizeCurveSVG.niceMaximum(0) == 1)
        #expect(SizeCurveSVG.sizeLabel(1_000_000) == "1M")
        #expect(SizeCurveSVG.sizeTicks(from: 1_000, to: 20_000).map(\.value) == [1_000, 2_000, 5_000, 10_000, 20_000])
    }
}
