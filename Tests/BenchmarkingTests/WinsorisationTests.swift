import Testing
@testable import Benchmarking

@Suite struct WinsorisationTests {
    @Test func percentilesInterpolateBetweenOrderStatistics() {
        // Hand calculation (type 7): values 1…11, fraction 0.1 → h = 10·0.1 = 1 → x₂ = 2;
        // fraction 0.9 → h = 9 → x₁₀ = 10.
        let values = (1...11).map(Double.init)
        let cut = Winsorisation(values: values.reversed(), percent: 10)
        #expect(cut.lowerCut == 2)
        #expect(cut.upperCut == 10)
        #expect(cut.apply(0.5) == 2)
        #expect(cut.apply(11) == 10)
        #expect(cut.apply(5.5) == 5.5)
    }

    @Test func fractionalPositionsAreInterpolated() {
        // Values 0, 10, 20, 30 (I = 4): fraction 0.1 → h = 0.3 → 0 + 0.3·10 = 3; fraction 0.9 →
        // h = 2.7 → 20 + 0.7·10 = 27.
        let cut = Winsorisation(values: [30, 0, 20, 10], percent: 10)
        expectClose(cut.lowerCut, 3, relative: 1e-15)
        expectClose(cut.upperCut, 27, relative: 1e-15)
    }

    @Test func zeroPercentKeepsTheExtremes() {
        let cut = Winsorisation(values: [-4, 2, 9], percent: 0)
        #expect(cut.lowerCut == -4)
        #expect(cut.upperCut == 9)
    }

    @Test func selectionAgreesWithSortingOnManyValues() {
        // The selection places order statistics exactly where a sort would, ties included.
        var state: UInt64 = 12345
        for size in [2, 3, 10, 101, 1000] {
            var values: [Double] = []
            for _ in 0..<size {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                values.append(Double(state >> 54))  // 0…1023: many ties
            }
            let sorted = values.sorted()
            for fraction in [0.0, 0.05, 0.1, 0.5, 0.9, 0.95, 1.0] {
                var work = values
                #expect(Winsorisation.percentile(selecting: &work, fraction: fraction) == Winsorisation.percentile(sorted: sorted, fraction: fraction),
                        "size \(size), fraction \(fraction)")
            }
        }
    }

    @Test func aSingleValueIsItsOwnPercentile() {
        let cut = Winsorisation(values: [1.5], percent: 10)
        #expect(cut.lowerCut == 1.5)
        #expect(cut.upperCut == 1.5)
    }
}
