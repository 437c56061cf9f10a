import Testing
@testable import Benchmarking

/// `--funnel wilson` against PHEindicatormethods' own test data (tests/testthat of the package,
/// ukhsa-collaboration/PHEindicatormethods): the published control limits of
/// `testdata_funnel_prop_outputs.csv` (percent, six decimals, baseline 80.642448%, computed by the
/// package's `calculate_funnel_limits(statistic = "proportion", multiplier = 100)` from
/// `testdata_funnel_prop_inputs.csv`) and the published significance labels of a slice of those
/// inputs (`assign_funnel_significance`).
@Suite struct WilsonFunnelTests {
    /// The baseline as the package prints it; the limits move with θ about one for one, so its
    /// rounding (below 5e-9) and the six printed decimals allow 2e-6 percentage points.
    static let baseline = 0.80642448

    /// Population, then the published Lower2s0025limit, Upper2s0025limit, Lower3s0001limit,
    /// Upper3s0001limit (percent, cut at 0 and 100).
    static let published: [(population: Double, limits: [Double])] = [
        (1, [3.204264, 100, 0, 100]),
        (18, [62.390093, 98.894803, 51.864359, 100]),
        (41, [68.548635, 92.73626, 61.574398, 99.710497]),
        (1008, [78.203374, 83.081521, 76.796814, 84.488082]),
        (110000, [80.408963, 80.875933, 80.274317, 81.010578]),
    ]

    @Test func reproducesThePublishedLimits() {
        for (population, limits) in Self.published {
            let found = FunnelLimits.limits(statistic: .proportion, method: .wilson, target: Self.baseline, denominator: population).scaled(by: 100)
            let values = [found.lower95, found.upper95, found.lower998, found.upper998]
            for (value, expected) in zip(values, limits) {
                #expect(abs(value - expected) <= 2e-6, "n = \(population): expected \(expected), found \(value)")
            }
        }
    }

    /// Rows of `testdata_funnel_prop_inputs.csv` (area, numerator, denominator, the published
    /// label). Every label of the package's five appears. The labels are taken against the printed
    /// baseline; each value is at least 2.4e-4 (as a proportion) from its nearest limit (Python,
    /// with the package's own unreduced expression for the limits), so the baseline's rounding
    /// cannot change one.
    static let labelled: [(area: String, numerator: Double, denominator: Double, label: String)] = [
        ("New Forest PCT", 35078.4880000, 41980, "High (0.001)"),
        ("Norwich PCT", 24803.6256000, 31824, "Low (0.001)"),
        ("South Gloucestershire PCT", 50050.7443000, 61921, "Not significant"),
        ("West Norfolk PCT", 26789.2380000, 33012, "High (0.025)"),
        ("North Tees PCT", 36850.0492000, 45449, "High (0.025)"),
        ("North Devon PCT", 30277.5312000, 37828, "Low (0.025)"),
        ("Central Derby PCT", 24648.7596000, 30521, "Not significant"),
        ("Mid-Hampshire PCT", 34502.0685000, 42485, "High (0.025)"),
        ("Kingston PCT", 35795.6324000, 45449, "Low (0.001)"),
        ("East Devon PCT", 21139.2936000, 25992, "High (0.025)"),
        ("Exeter PCT", 24866.9160000, 30929, "Not significant"),
    ]

    @Test func reproducesThePublishedLabels() {
        for row in Self.labelled {
            let limits = FunnelLimits.limits(statistic: .proportion, method: .wilson, target: Self.baseline, denominator: row.denominator)
            let label = FunnelSignificance(value: row.numerator / row.denominator, limits: limits)
            #expect(label.rawValue == row.label, "\(row.area)")
        }
        #expect(Set(Self.labelled.map(\.label)) == Set(FunnelSignificance.allCases.map(\.rawValue)))
    }

    /// The Wilson-score funnel reduces to θ ± z·√(θ(1 − θ)/n) (`FunnelLimits.wilsonScoreLimit`), so
    /// it equals the normal-approximation funnel for proportions; checked here at the published
    /// baseline for denominators the published table does not cut at 0 or 100.
    @Test func equalsTheScoreTestLimits() {
        for population in [41.0, 1008, 110000] {
            let wilson = FunnelLimits.limits(statistic: .proportion, method: .wilson, target: Self.baseline, denominator: population)
            let normal = FunnelLimits.limits(statistic: .proportion, method: .normal, target: Self.baseline, denominator: population)
            expectClose(wilson.lower998, normal.lower998, relative: 1e-14, "lower 99.8")
            expectClose(wilson.upper95, normal.upper95, relative: 1e-14, "upper 95")
        }
    }

    @Test func aValueOnALimitIsNotSignificant() {
        let limits = ControlLimits(lower95: 0.2, upper95: 0.4, lower998: 0.1, upper998: 0.5)
        #expect(FunnelSignificance(value: 0.2, limits: limits) == .notSignificant)
        #expect(FunnelSignificance(value: 0.5, limits: limits) == .high025)
        #expect(FunnelSignificance(value: 0.1, limits: limits) == .low025)
        #expect(FunnelSignificance(value: 0.0999, limits: limits) == .low001)
        #expect(FunnelSignificance(value: 0.5001, limits: limits) == .high001)
    }

    @Test func isForProportionsOnly() {
        let counts = IndicatorCounts(indicatorId: "r", statistic: .rate, organisations: [OrganisationCounts(organisationCode: "A", numerator: 3, denominator: 100)])
        #expect {
            _ = try IndicatorBenchmark.run(counts, settings: BenchmarkSettings(funnelMethod: .wilson))
        } throws: { error in
            "\(error)".contains("indicator \"r\" is a rate, but Wilson-score funnel limits (--funnel wilson) are for proportions")
        }
    }
}
