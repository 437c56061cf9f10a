import Testing
@testable import Benchmarking

/// Over-dispersion against Reference/benchmarking_reference.py (seed 20250901): z-scores,
/// numpy.percentile (linear) + numpy.clip for the Winsorisation, φ = mean(z̃²),
/// τ² = (Iφ − (I − 1))/(Σw − Σw²/Σw), scipy.stats.chi2.ppf(0.95, I − 1)/I for the threshold.
@Suite struct OverDispersionTests {
    // "over-dispersion: proportions (beta-binomial draws)", 40 organisations.
    static let numerators: [Double] = [153, 1543, 976, 3248, 2913, 2182, 3066, 1193, 1759, 2429, 949, 894, 653, 1361, 1541, 573, 111, 1854, 1269, 516,
                                       1244, 584, 872, 534, 2103, 1462, 968, 1218, 269, 1395, 3924, 1441, 1205, 1511, 2949, 2429, 1030, 1402, 1379, 1122]
    static let denominators: [Double] = [729, 13292, 8025, 15115, 19108, 11171, 16508, 15787, 14325, 13608, 6283, 9426, 4489, 10534, 7894, 5016, 930,
                                         10085, 9485, 2555, 7384, 3394, 8813, 5690, 14539, 10452, 4495, 7102, 1408, 13688, 17875, 9510, 8962, 8642,
                                         15558, 12636, 7418, 10556, 5951, 7358]

    static func proportionCounts() -> IndicatorCounts {
        let organisations = numerators.indices.map { index in
            OrganisationCounts(organisationCode: "P" + String(100 + index), numerator: numerators[index], denominator: denominators[index])
        }
        return IndicatorCounts(indicatorId: "reference", statistic: .proportion, multiplier: 1, organisations: organisations)
    }

    static func zScores(target: Double) -> (z: [Double], standardErrors: [Double]) {
        var z: [Double] = []
        var errors: [Double] = []
        for index in numerators.indices {
            let error = BenchmarkStatistic.proportion.standardError(target: target, denominator: denominators[index])
            z.append((numerators[index] / denominators[index] - target) / error)
            errors.append(error)
        }
        return (z, errors)
    }

    static let pooledTarget = 0.15493512437599122

    @Test func zScoresMatchTheReference() {
        let z = Self.zScores(target: Self.pooledTarget).z
        let expected = [4.099620600224991, -12.378531962157016, -8.247926908289713, 20.369423258402126, -0.9496624921043038]
        for index in 0..<5 { expectClose(z[index], expected[index], "z \(index)") }
    }

    @Test(arguments: [
        // (Winsorised %, lower cut, upper cut, φ, τ²)
        (10.0, -12.91362447741299, 11.811710582492669, 71.73404780626561, 0.001017813274986117),
        (5.0, -16.174300363739267, 16.57120991238111, 89.95089544696512, 0.001279848306998824),
        (0.0, -27.559270297245263, 23.865139587470498, 114.08698598382361, 0.0016270269946196895),
    ])
    func phiAndTauSquaredMatchTheReference(percent: Double, lowerCut: Double, upperCut: Double, phi: Double, tauSquared: Double) {
        let (z, errors) = Self.zScores(target: Self.pooledTarget)
        let estimate = OverDispersion.estimate(zScores: z, standardErrors: errors, policy: DispersionPolicy(winsorisePercent: percent))
        expectClose(estimate.winsorisation?.lowerCut, lowerCut, "lower cut")
        expectClose(estimate.winsorisation?.upperCut, upperCut, "upper cut")
        expectClose(estimate.phi, phi, "phi")
        expectClose(estimate.tauSquared, tauSquared, "tau2")
        expectClose(estimate.phiThreshold, 1.3643056939735434, "threshold chi2(39, 0.95)/40")
        #expect(estimate.model == .additive)
        #expect(estimate.organisations == 40)
    }

    @Test func pooledBenchmarkGivesTheReferenceAdjustedLimits() throws {
        let result = try IndicatorBenchmark.run(Self.proportionCounts(), settings: BenchmarkSettings())
        expectClose(result.rows[0].comparator.target, Self.pooledTarget, "pooled θ")
        expectClose(result.dispersion.phi, 71.73404780626561, "phi")
        expectClose(result.dispersion.tauSquared, 0.001017813274986117, "tau2")
        // Reference rows "org 0", "org 1", "org 17": θ ± z√(s² + τ²).
        let expected: [(Int, [Double])] = [
            (0, [0.08711312618317131, 0.22275712256881114, 0.048001664609642114, 0.2618685841423403]),
            (1, [0.09210418201829797, 0.21776606673368448, 0.05587095307884592, 0.2539992956731365]),
            (17, [0.09200849903362988, 0.21786174971835254, 0.05572009181164704, 0.2541501569403354]),
        ]
        for (index, limits) in expected {
            let adjusted = try #require(result.rows[index].adjusted)
            expectClose(adjusted.lower95, limits[0], "org \(index) lower 95")
            expectClose(adjusted.upper95, limits[1], "org \(index) upper 95")
            expectClose(adjusted.lower998, limits[2], "org \(index) lower 99.8")
            expectClose(adjusted.upper998, limits[3], "org \(index) upper 99.8")
        }
    }

    @Test func multiplicativeLimitsMatchTheReferenceAndAreCutAtZero() throws {
        let settings = BenchmarkSettings(dispersion: DispersionPolicy(model: .multiplicative))
        let result = try IndicatorBenchmark.run(Self.proportionCounts(), settings: settings)
        #expect(result.dispersion.model == .multiplicative)
        // Reference "multiplicative95": θ ± z√φ·s.
        let one = try #require(result.rows[1].adjusted)
        expectClose(one.lower95, 0.102835383688393)
        expectClose(one.upper95, 0.20703486506358942)
        let seventeen = try #require(result.rows[17].adjusted)
        expectClose(seventeen.lower95, 0.09512251121832369)
        expectClose(seventeen.upper95, 0.21474773753365875)
        // Organisation 0's reference lower limit is −0.0675: a proportion's limit is cut at 0.
        let zero = try #require(result.rows[0].adjusted)
        #expect(zero.lower95 == 0)
        expectClose(zero.upper95, 0.37740282387442514)
    }

    @Test func ratiosPooledOverExpectedCounts() throws {
        // "over-dispersion: ratios O/E".
        let observed: [Double] = [248, 141, 75, 164, 153, 16, 288, 148, 46, 215, 381, 21, 256, 39, 196, 176, 253, 38, 124, 94, 10, 216, 56, 275, 18]
        let expected: [Double] = [244.45485920613646, 165.58601809639808, 103.76582773967237, 176.89617967405698, 132.0879188173352, 13.96050981508422,
                                  174.5780332043102, 118.39990507124183, 79.63876063337757, 216.60513141119156, 248.32418729817945, 25.85051531759259,
                                  277.68689629674816, 22.094792087533094, 245.60721271964778, 237.37770969515086, 196.99421824275623, 50.015402789734864,
                                  169.42118730866366, 121.86399318442766, 8.095300486269291, 195.50761120514738, 38.8802353413399, 233.40000405746312,
                                  16.858425517589147]
        let organisations = observed.indices.map { OrganisationCounts(organisationCode: "R" + String(10 + $0), numerator: observed[$0], denominator: expected[$0]) }
        let result = try IndicatorBenchmark.run(IndicatorCounts(indicatorId: "smr", statistic: .ratio, organisations: organisations), settings: BenchmarkSettings())
        expectClose(result.rows[0].comparator.target, 1.0378631264414755, "θ")
        expectClose(result.dispersion.winsorisation?.lowerCut, -3.821286057014543, "lower cut")
        expectClose(result.dispersion.winsorisation?.upperCut, 3.379340132344446, "upper cut")
        expectClose(result.dispersion.phi, 6.271340123907347, "phi")
        expectClose(result.dispersion.tauSquared, 0.04150625963505699, "tau2")
        expectClose(result.dispersion.phiThreshold, 1.4566011400722925, "threshold")
    }

    @Test func ratesAgainstASuppliedTarget() throws {
        // "over-dispersion: rates O/person-years, target supplied 0.004 (not pooled)".
        let events: [Double] = [381, 25, 313, 114, 215, 246, 105, 579, 173, 221, 266, 215]
        let years: [Double] = [82308, 6653, 99347, 44027, 60297, 50864, 46807, 98395, 48345, 41077, 70584, 69606]
        let organisations = events.indices.map { OrganisationCounts(organisationCode: "Y" + String(10 + $0), numerator: events[$0], denominator: years[$0]) }
        let counts = IndicatorCounts(indicatorId: "rate", statistic: .rate, organisations: organisations, england: .value(0.004))
        let result = try IndicatorBenchmark.run(counts, settings: BenchmarkSettings())
        expectClose(result.dispersion.winsorisation?.lowerCut, -4.635442244386788, "lower cut")
        expectClose(result.dispersion.winsorisation?.upperCut, 4.278740831263916, "upper cut")
        expectClose(result.dispersion.phi, 11.252359492560165, "phi")
        expectClose(result.dispersion.tauSquared, 7.657215332013214e-07, "tau2")
        expectClose(result.dispersion.phiThreshold, 1.639594797723541, "threshold")
        // Output scale: the rate per 100,000 by default.
        #expect(result.multiplier == 100_000)
        expectClose(result.rows[0].comparatorValue, 400, relative: 1e-15, "θ × 100,000")
    }

    @Test func noAdjustmentWhenPhiIsBelowTheThreshold() {
        // Hand-made z-scores: I = 4, z = ±0.5, ±1: φ = (0.25 + 0.25 + 1 + 1)/4 = 0.625 with no
        // Winsorisation, below any threshold; τ² = max(0, 4·0.625 − 3)/… = 0.
        let estimate = OverDispersion.estimate(zScores: [0.5, -0.5, 1, -1], standardErrors: [0.1, 0.1, 0.2, 0.2],
                                               policy: DispersionPolicy(winsorisePercent: 0))
        expectClose(estimate.phi, 0.625, relative: 1e-15)
        #expect(estimate.tauSquared == 0)
        #expect(estimate.model == .none)
        #expect(estimate.reason.contains("no adjustment"))
        #expect(estimate.adjustedStandardError(0.1) == 0.1)
    }

    @Test func phiAboveOneRuleAdjustsWhereTheChiSquareTestWouldNot() {
        // z = ±1.2 four times: φ = 1.44 > 1, but 4·1.44 = 5.76 < χ²(3) 95% quantile 7.8147
        // (reference file), so the chi-square rule does not adjust and the φ > 1 rule does.
        let z = [1.2, -1.2, 1.2, -1.2]
        let errors = [0.1, 0.1, 0.1, 0.1]
        let byTest = OverDispersion.estimate(zScores: z, standardErrors: errors, policy: DispersionPolicy(winsorisePercent: 0))
        #expect(byTest.model == .none)
        expectClose(byTest.phiThreshold, 7.814727903251179 / 4, relative: 1e-9, "χ²(3, 0.95)/4, reference file \"chi-square 95% quantiles\"")
        let byOne = OverDispersion.estimate(zScores: z, standardErrors: errors, policy: DispersionPolicy(winsorisePercent: 0, test: .phiAboveOne))
        #expect(byOne.model == .additive)
        #expect(byOne.phiThreshold == 1)
        // τ² = (4·1.44 − 3)/(Σw − Σw²/Σw) with w = 100: (5.76 − 3)/(400 − 100) = 0.0092.
        expectClose(byOne.tauSquared, 0.0092, relative: 1e-12)
        expectClose(byOne.adjustedStandardError(0.1), (0.01 + 0.0092).squareRoot(), relative: 1e-14)
    }

    @Test func modelNoneReportsButDoesNotWiden() {
        let (z, errors) = Self.zScores(target: Self.pooledTarget)
        let estimate = OverDispersion.estimate(zScores: z, standardErrors: errors, policy: DispersionPolicy(model: .none))
        #expect(estimate.model == .none)
        expectClose(estimate.phi, 71.73404780626561)
        #expect(estimate.reason.contains("switched off"))
        #expect(estimate.adjustedStandardError(0.02) == 0.02)
    }

    @Test func oneOrganisationCannotEstimateOverDispersion() {
        let estimate = OverDispersion.estimate(zScores: [3], standardErrors: [0.1], policy: DispersionPolicy())
        #expect(estimate.model == .none)
        #expect(estimate.tauSquared == 0)
        #expect(estimate.phi == 9)
        #expect(estimate.reason.contains("only one organisation"))
    }

    @Test func noOrganisationsGiveAnUndefinedPhi() {
        let estimate = OverDispersion.estimate(zScores: [], standardErrors: [], policy: DispersionPolicy())
        #expect(estimate.organisations == 0)
        #expect(estimate.phi.isNaN)
        #expect(estimate.model == .none)
    }

    @Test func theReasonStatesPhiTheRuleAndTheModel() {
        let (z, errors) = Self.zScores(target: Self.pooledTarget)
        let estimate = OverDispersion.estimate(zScores: z, standardErrors: errors, policy: DispersionPolicy())
        #expect(estimate.reason == "phi 71.73 (10% Winsorised, 40 organisations) > chi-square(39) 95% quantile / 40 = 1.364: limits widened by additive random effects (tau2)")
    }
}
