import Testing
@testable import Benchmarking

@Suite struct FunnelLimitsTests {
    // Hand calculation for R ~ Binomial(10, 0.5): 1024·F(r) = 1, 11, 56, 176, 386, 638, 848, 968,
    // 1013, 1023, 1024 for r = 0…10.
    // p = 0.975: 1024p = 998.4, r_p = 8 (1013 ≥ 998.4 > 968), α = (1013 − 998.4)/(1013 − 968) =
    // 14.6/45, limit (8 − 14.6/45)/10 = 0.767555…
    // p = 0.025: 1024p = 25.6, r_p = 2 (56 ≥ 25.6 > 11), α = (56 − 25.6)/(56 − 11) = 30.4/45,
    // limit (2 − 30.4/45)/10 = 0.132444…
    // p = 0.999: 1024p = 1022.976, r_p = 9, α = (1023 − 1022.976)/(1023 − 1013) = 0.0024, limit 0.89976.
    // p = 0.001: 1024p = 1.024, r_p = 1, α = (11 − 1.024)/(11 − 1) = 0.9976, limit 0.00024.
    @Test func binomialTenHalfByHand() {
        expectClose(FunnelLimits.exactBinomial(target: 0.5, trials: 10, probability: 0.975), (8 - 14.6 / 45) / 10, relative: 1e-12, "upper 95")
        expectClose(FunnelLimits.exactBinomial(target: 0.5, trials: 10, probability: 0.025), (2 - 30.4 / 45) / 10, relative: 1e-12, "lower 95")
        expectClose(FunnelLimits.exactBinomial(target: 0.5, trials: 10, probability: 0.999), 0.89976, relative: 1e-12, "upper 99.8")
        expectClose(FunnelLimits.exactBinomial(target: 0.5, trials: 10, probability: 0.001), 0.00024, relative: 1e-9, "lower 99.8")
    }

    // Reference/benchmarking_reference.py, "exact binomial limits": scipy.stats.binom CDFs with the
    // same interpolation; columns p = 0.001, 0.025, 0.975, 0.999; limits below 0 are cut at 0.
    static let binomialReference: [(trials: Int, target: Double, limits: [Double])] = [
        (1, 0.02, [0.0, 0.0, 0.0, 0.95]),
        (1, 0.1471089355400213, [0.0, 0.0, 0.8300579097508409, 0.9932023163900336]),
        (1, 0.5, [0.0, 0.0, 0.95, 0.998]),
        (1, 0.93, [0.0, 0.0, 0.9731182795698925, 0.9989247311827957]),
        (7, 0.02, [0.0, 0.0, 0.12310946131670379, 0.2718592765029451]),
        (7, 0.1471089355400213, [0.0, 0.0, 0.3953385814112202, 0.5869639250881392]),
        (7, 0.5, [0.0, 0.044897959183673466, 0.8122448979591835, 0.9817142857142857]),
        (7, 0.93, [0.43322854279165474, 0.6019858679999361, 0.994064445065831, 0.9997625778026332]),
        (25, 0.02, [0.0, 0.0, 0.07376323028913576, 0.133468740852314]),
        (25, 0.1471089355400213, [0.0, 0.003110970180829313, 0.2779180890531439, 0.38363621934790115]),
        (25, 0.5, [0.1737612889139846, 0.28416632411067194, 0.675833675889328, 0.7862387110860154]),
        (25, 0.93, [0.7094420572115232, 0.7953197581419899, 0.9938634216129807, 0.9997545368645193]),
        (120, 0.02, [0.0, 0.0, 0.04491190142855491, 0.06565953700928044]),
        (120, 0.1471089355400213, [0.05191270938015984, 0.08248716686771536, 0.20895488966080172, 0.2503536175499803]),
        (120, 0.5, [0.3550882531066394, 0.4062860776389081, 0.5853805890277586, 0.6365784135600271]),
        (120, 0.93, [0.8440551630715446, 0.8767155326131868, 0.9679811090751146, 0.9870037016815637]),
        (1000, 0.02, [0.00723545146302791, 0.011265613818237083, 0.028646823105793518, 0.03452530338245558]),
        (1000, 0.1471089355400213, [0.11304295669983497, 0.1250016728417697, 0.16889368325355594, 0.18220487637035665]),
        (1000, 0.5, [0.4506521959963338, 0.4685020951977499, 0.5304979048022501, 0.5483478040036659]),
        (1000, 0.93, [0.9033581654022244, 0.9132727455310552, 0.9448994657648557, 0.9531656355849036]),
        (20000, 0.02, [0.016984685398557384, 0.01805753792039595, 0.0219380574181493, 0.023101455892973702]),
        (20000, 0.1471089355400213, [0.13939457269498015, 0.142191576754439, 0.15200973489502695, 0.15487410971565915]),
        (20000, 0.5, [0.48904976304196546, 0.49304550655863205, 0.506904493441368, 0.5109002369580345]),
        (20000, 0.93, [0.924338782826483, 0.9264184329322712, 0.9334907305182513, 0.9354886759609042]),
        (103735, 0.02, [0.01866516605811506, 0.019147604928354017, 0.020851484180691545, 0.02135153972673824]),
        (103735, 0.1471089355400213, [0.14371526816165456, 0.14495181057305936, 0.14926285859044386, 0.15051235616519204]),
        (103735, 0.5, [0.49519787419148176, 0.49695249921044615, 0.5030378608416095, 0.5047924858605739]),
        (103735, 0.93, [0.9275353650018713, 0.9284385848199888, 0.9315439188515124, 0.9324313818265467]),
    ]

    @Test func exactBinomialLimitsMatchTheScipyReference() {
        for (trials, target, limits) in Self.binomialReference {
            for (index, probability) in ControlLimits.probabilities.enumerated() {
                expectClose(FunnelLimits.exactBinomial(target: target, trials: trials, probability: probability), limits[index],
                            "n \(trials), θ \(target), p \(probability)")
            }
        }
    }

    // Reference/benchmarking_reference.py, "exact Poisson limits": scipy.stats.poisson CDFs; the
    // limit is (r_p − α)/E for a count with mean θ·E (ratios with θ = 1 or 0.87, a rate 0.0123).
    static let poissonReference: [(exposure: Double, target: Double, limits: [Double])] = [
        (0.5, 1.0, [0.0, 0.0, 3.720051822921999, 6.951717961800733]),
        (0.5, 0.87, [0.0, 0.0, 3.5080244677511945, 6.116337796126004]),
        (3.0, 1.0, [0.0, 0.0, 2.1312800549526294, 3.0421683148828134]),
        (3.0, 0.87, [0.0, 0.0, 1.9224704448388679, 2.8205617242098797]),
        (12.7, 1.0, [0.2113125755776329, 0.44667732466546645, 1.5491337009644788, 1.9377056423582184]),
        (12.7, 0.87, [0.1443120751376929, 0.35243806855713644, 1.382630247315147, 1.7455878862326581]),
        (150.0, 1.0, [0.7540463457952349, 0.8398731763289422, 1.1597870528035563, 1.2583785234777056]),
        (150.0, 0.87, [0.6409998254898945, 0.7206029766819885, 1.0190687535043494, 1.1114172284604062]),
        (2500.25, 1.0, [0.9385695921545909, 0.9607920278749863, 1.0391868451455148, 1.0621701949453206]),
        (2500.25, 0.87, [0.8127292513643397, 0.8334285316550314, 0.9065509003548596, 0.9280129105230287]),
        (50.0, 0.0123, [0.0, 0.0, 0.03992625390382644, 0.07652984278944601]),
        (800.0, 0.0123, [0.001454742238104418, 0.004553810697882567, 0.019919520908966332, 0.025525740115303147]),
        (12000.0, 0.0123, [0.0092518355670495, 0.010313367476182224, 0.014282582687466091, 0.015502807333428242]),
    ]

    @Test func exactPoissonLimitsMatchTheScipyReference() {
        for (exposure, target, limits) in Self.poissonReference {
            for (index, probability) in ControlLimits.probabilities.enumerated() {
                expectClose(FunnelLimits.exactPoisson(target: target, exposure: exposure, probability: probability), limits[index],
                            "E \(exposure), θ \(target), p \(probability)")
            }
        }
    }

    @Test func theOneSweepLimitsMatchTheReferenceToo() {
        // `limits` finds the four limits in one walk up the distribution; same reference tables.
        for (trials, target, expected) in Self.binomialReference {
            let limits = FunnelLimits.limits(statistic: .proportion, method: .exact, target: target, denominator: Double(trials))
            let found = [limits.lower998, limits.lower95, limits.upper95, limits.upper998]
            for index in 0..<4 { expectClose(found[index], expected[index], "n \(trials), θ \(target), limit \(index)") }
        }
        for (exposure, target, expected) in Self.poissonReference {
            let limits = FunnelLimits.limits(statistic: .ratio, method: .exact, target: target, denominator: exposure)
            let found = [limits.lower998, limits.lower95, limits.upper95, limits.upper998]
            for index in 0..<4 { expectClose(found[index], expected[index], "E \(exposure), θ \(target), limit \(index)") }
        }
    }

    @Test func limitsCollectTheFourProbabilitiesInOrder() {
        let limits = FunnelLimits.limits(statistic: .proportion, method: .exact, target: 0.5, denominator: 10)
        expectClose(limits.lower998, 0.00024, "lower 99.8")
        expectClose(limits.lower95, (2 - 30.4 / 45) / 10, "lower 95")
        expectClose(limits.upper95, (8 - 14.6 / 45) / 10, "upper 95")
        expectClose(limits.upper998, 0.89976, "upper 99.8")
    }

    @Test func ratiosAndRatesUseThePoissonLimits() {
        // Same reference rows: E = 150, θ = 1 and person-time 800 with θ = 0.0123.
        let ratio = FunnelLimits.limits(statistic: .ratio, method: .exact, target: 1, denominator: 150)
        expectClose(ratio.lower998, 0.7540463457952349)
        expectClose(ratio.upper95, 1.1597870528035563)
        let rate = FunnelLimits.limits(statistic: .rate, method: .exact, target: 0.0123, denominator: 800)
        expectClose(rate.lower95, 0.004553810697882567)
        expectClose(rate.upper998, 0.025525740115303147)
    }

    @Test func normalApproximationLimits() {
        // θ ± z·√(θ(1 − θ)/n) with θ = 0.2, n = 400: s = 0.02; z from scipy.stats.norm.ppf
        // (reference file, "normal quantiles"): 1.959963984540054 and 3.090232306167813.
        let proportion = FunnelLimits.limits(statistic: .proportion, method: .normal, target: 0.2, denominator: 400)
        expectClose(proportion.upper95, 0.2 + 1.959963984540054 * 0.02, relative: 1e-14)
        expectClose(proportion.lower95, 0.2 - 1.959963984540054 * 0.02, relative: 1e-14)
        expectClose(proportion.upper998, 0.2 + 3.090232306167813 * 0.02, relative: 1e-14)
        expectClose(proportion.lower998, 0.2 - 3.090232306167813 * 0.02, relative: 1e-14)
        // Ratio: 1 ± z/√E with E = 100: s = 0.1.
        let ratio = FunnelLimits.limits(statistic: .ratio, method: .normal, target: 1, denominator: 100)
        expectClose(ratio.upper998, 1 + 0.3090232306167813, relative: 1e-14)
        expectClose(ratio.lower95, 1 - 0.1959963984540054, relative: 1e-14)
    }

    @Test func normalLimitsAreCutAtZeroAndOne() {
        // θ = 0.02, n = 10: s = 0.0443, so θ − 1.96s < 0 → 0; θ = 0.98 symmetric → upper 1.
        let low = FunnelLimits.limits(statistic: .proportion, method: .normal, target: 0.02, denominator: 10)
        #expect(low.lower95 == 0)
        #expect(low.lower998 == 0)
        let high = FunnelLimits.limits(statistic: .proportion, method: .normal, target: 0.98, denominator: 10)
        #expect(high.upper95 == 1)
        #expect(high.upper998 == 1)
    }

    @Test func degenerateTargetsGiveTheTargetItself() {
        #expect(FunnelLimits.exactBinomial(target: 0, trials: 50, probability: 0.999) == 0)
        #expect(FunnelLimits.exactBinomial(target: 1, trials: 50, probability: 0.001) == 1)
        #expect(FunnelLimits.exactPoisson(target: 0, exposure: 50, probability: 0.999) == 0)
    }

    @Test func limitsWidenAsTheDenominatorShrinks() {
        // A property of any funnel: at a fixed target the 99.8% band narrows with n.
        var previousWidth = Double.infinity
        for trials in [20, 80, 320, 1280, 5120, 20480] {
            let limits = FunnelLimits.limits(statistic: .proportion, method: .exact, target: 0.3, denominator: Double(trials))
            let width = limits.upper998 - limits.lower998
            #expect(width < previousWidth, "n \(trials)")
            #expect(limits.lower998 <= limits.lower95 && limits.lower95 <= 0.3 && 0.3 <= limits.upper95 && limits.upper95 <= limits.upper998)
            previousWidth = width
        }
    }

    @Test func interpolationIsContinuousInTheTarget() {
        // Spiegelhalter's α makes the limit move smoothly: a tiny change of θ moves it a tiny amount
        // (whole-count limits would jump by 1/n at r_p's steps).
        var previous = FunnelLimits.exactBinomial(target: 0.2, trials: 200, probability: 0.975)
        var target = 0.2
        for _ in 0..<2000 {
            target += 0.00001
            let limit = FunnelLimits.exactBinomial(target: target, trials: 200, probability: 0.975)
            #expect(abs(limit - previous) < 0.5 / 200, "θ \(target)")
            previous = limit
        }
    }
}
