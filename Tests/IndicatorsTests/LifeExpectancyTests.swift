import Indicators
import Population
import Statistics
import Testing

/// Life expectancy against (a) the published worked example of PHEindicatormethods'
/// testLifeExpectancy.R (values computed with the PHE Life Expectancy Calculator) and (b)
/// indicator_reference.py (an independent numpy implementation of the Chiang II table with the
/// Silcocks variance).
@Suite struct LifeExpectancyTests {
    /// The PHE example (PHEindicatormethods `phe_life_expectancy` documentation and tests).
    static let populations: [Double] = [7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601, 50209, 56416,
                                        46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936]
    static let deaths: [Double] = [17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937]

    @Test func bandsAreTheAbridgedTwenty() {
        #expect(LifeExpectancy.bands.count == 20)
        #expect(LifeExpectancy.ages == [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90])
    }

    @Test func publishedExampleValues() {
        // PHEindicatormethods testLifeExpectancy.R `answer1$value`, ages 0, 1, 5, … 90.
        let published = [80.16960813, 79.36245674, 75.44193645, 70.47299936, 65.52909542, 60.67510088, 55.78835987, 50.92752727,
                         46.06740425, 41.24505636, 36.49322717, 31.83343842, 27.26027992, 22.9719144, 18.76856852, 14.95858336,
                         11.51684445, 8.618849241, 6.163942934, 6.16210635]
        let estimates = LifeExpectancy.abridged(deaths: Self.deaths, populations: Self.populations, ages: LifeExpectancy.ages,
                                                confidence: [.ninetyFive])
        for (estimate, value) in zip(estimates, published) {
            // The published values carry 10 significant figures.
            expectClose(estimate.estimate.value, value, relative: 1e-9, "age \(estimate.age)")
        }
        // The published limits (answer1 lowercl/uppercl) were made with z = 1.96 by the Excel
        // calculator; PHEindicatormethods compares them to 4 decimals, as here.
        let lowerPublished = [79.88268548, 75.17407307, 18.57570352, 5.887683386]
        let upperPublished = [80.45653078, 75.70979983, 18.96143352, 6.436529314]
        for (index, age) in [0, 5, 65, 90].enumerated() {
            let limits = estimates.first { $0.age == age }!.estimate.limits[0]
            #expect(abs(limits.lower! - lowerPublished[index]) < 5e-5, "age \(age)")
            #expect(abs(limits.upper! - upperPublished[index]) < 5e-5, "age \(age)")
        }
    }

    @Test func referenceLimitsAtBothLevels() {
        // Script L1 lines for ages 0, 65, 85, 90.
        let estimates = LifeExpectancy.abridged(deaths: Self.deaths, populations: Self.populations, ages: [0, 65, 85, 90],
                                                confidence: levels)
        expectEstimate(estimates[0].estimate, [80.16960813194838, 79.88269075392704, 80.45652550996972, 79.7172317833235, 80.62198448057326])
        expectEstimate(estimates[1].estimate, [18.768568517234474, 18.575707060089382, 18.961429974379566, 18.46448807994816, 19.072648954520787])
        expectEstimate(estimates[2].estimate, [6.163942933940343, 5.9783617609767425, 6.349524106903944, 5.871341161340314, 6.456544706540373])
        expectEstimate(estimates[3].estimate, [6.162106350025813, 5.887688428842443, 6.4365242712091835, 5.7294376213546245, 6.594775078697002])
        #expect(estimates[0].estimate.method == "Chiang, using Silcocks et al for confidence limits")
        // pops_used and dths_used from 65 on: Σ of the last six bands.
        #expect(estimates[1].populationUsed == 37978 + 37039 + 33288 + 23306 + 11936 + 11936)
        #expect(estimates[1].deathsUsed == 536 + 872 + 1390 + 1605 + 1936 + 1937)
        #expect(estimates[0].populationUsed == Self.populations.reduce(0, +))
    }

    @Test func probabilityOfDyingCappedAtOne() {
        // Script L2: 5000 deaths among 11936 aged 85-89 is more than P/(n·a) = 11936/2.5, so q = 1.
        var deaths = Self.deaths
        deaths[18] = 5000
        let table = AbridgedLifeTable(deaths: deaths, populations: Self.populations)
        #expect(table.rows[18].probabilityOfDying == 1)
        #expect(table.rows[19].survivors == 0)
        let estimates = LifeExpectancy.abridged(deaths: deaths, populations: Self.populations, ages: [0, 65, 90], confidence: levels)
        expectEstimate(estimates[0].estimate, [78.62163774331314, 78.3692324108872, 78.8740430757391, 78.22367578142804, 79.01959970519825])
        expectEstimate(estimates[1].estimate, [17.03054217271565, 16.892130371018336, 17.16895397441296, 16.81231131514185, 17.248773030289446])
        #expect(estimates[2].estimate.value == nil)
        #expect(estimates[2].estimate.suppression == "no one in the life table survives to age 90")
    }

    @Test func zeroDeathsInSomeBands() {
        // Script L3: no deaths at 10-19 (their variance terms are 0); e10 = 10 + e20.
        var deaths = Self.deaths
        deaths[3] = 0
        deaths[4] = 0
        let estimates = LifeExpectancy.abridged(deaths: deaths, populations: Self.populations, ages: [0, 10, 65], confidence: levels)
        expectEstimate(estimates[0].estimate, [80.3709313984525, 80.09300019870793, 80.64886259819707, 79.93272336038785, 80.80913943651714])
        expectEstimate(estimates[1].estimate, [70.6751008809117, 70.41877047633908, 70.93143128548432, 70.27095034370208, 71.07925141812132])
        expectEstimate(estimates[2].estimate, [18.768568517234478, 18.575707060089385, 18.96142997437957, 18.464488079948165, 19.07264895452079])
    }

    @Test func wideIntervalBlanksTheValueButKeepsLimits() {
        // Script L5: 3 deaths among 50 aged 90+. At 90 the 95% interval is 37.7 years wide (> 20),
        // so the value is suppressed and the limits kept (PHEindicatormethods ≥ 1.4.0); at 85 it
        // is 15.97 years wide and shown; at 0, 6.77.
        var populations = Self.populations
        populations[19] = 50
        var deaths = Self.deaths
        deaths[19] = 3
        let estimates = LifeExpectancy.abridged(deaths: deaths, populations: populations, ages: [0, 85, 90], confidence: levels)
        expectEstimate(estimates[0].estimate, [82.0468361015339, 78.65972933803829, 85.43394286502951, 76.70645901932446, 87.38721318374334])
        expectEstimate(estimates[1].estimate, [10.607216658718807, 2.623384473042763, 18.59104884439485, -1.9807167634293865, 23.195150080867002])
        let at90 = estimates[2].estimate
        #expect(at90.value == nil)
        #expect(at90.suppression == "95% confidence interval wider than 20 years")
        expectClose(at90.limits[0].lower, -2.1930955679361936)
        expectClose(at90.limits[0].upper, 35.526428901269526)
        expectClose(at90.limits[1].upper, 46.40244089707441)
    }

    @Test func suppressionRulesWithReasons() {
        func reason(deaths: [Double], populations: [Double]) -> String? {
            LifeExpectancy.abridged(deaths: deaths, populations: populations, ages: [0], confidence: levels)[0].estimate.suppression
        }
        var populations = Self.populations
        populations[5] = 0
        var deaths = Self.deaths
        deaths[5] = 0
        #expect(reason(deaths: deaths, populations: populations) == "no population in band 20-24")
        deaths = Self.deaths
        deaths[18] = 20000
        #expect(reason(deaths: deaths, populations: Self.populations) == "deaths exceed the population in band 85-89")
        // PHEindicatormethods' low-population example: 20 bands of about 140 people (total 2,834).
        let small: [Double] = [128, 152, 120, 176, 194, 180, 145, 149, 107, 185, 165, 109, 100, 122, 133, 189, 123, 121, 147, 138]
        let smallDeaths: [Double] = [58, 93, 78, 94, 59, 71, 80, 73, 69, 72, 91, 69, 78, 71, 54, 91, 82, 53, 50, 84]
        #expect(reason(deaths: smallDeaths, populations: small) == "total population below 5000")
        deaths = Self.deaths
        deaths[19] = 0
        #expect(reason(deaths: deaths, populations: Self.populations) == "no deaths in band 90+")
        #expect(reason(deaths: Self.deaths, populations: Self.populations) == nil)
    }

    @Test func totalOfExactlyFiveThousandIsShown() {
        // methods.md: suppressed when the total population is *under* 5,000 (PHEindicatormethods
        // suppresses 5,000 itself too; the design's rule is followed).
        let populations = [Double](repeating: 250, count: 20)
        let deaths: [Double] = [1, 0, 0, 0, 0, 1, 0, 1, 1, 1, 2, 2, 3, 5, 7, 10, 15, 25, 40, 70]
        #expect(populations.reduce(0, +) == 5000)
        let estimate = LifeExpectancy.abridged(deaths: deaths, populations: populations, ages: [0], confidence: levels)[0]
        #expect(estimate.estimate.suppression == nil)
    }
}
