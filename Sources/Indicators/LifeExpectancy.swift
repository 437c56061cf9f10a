import Population
import Statistics

/// One row of an abridged life table (Chiang II), with the Silcocks variance terms.
public struct LifeTableRow: Sendable, Equatable {
    public var band: AgeBand
    /// Width of the band in years (nᵢ); for the open final band 2/Mᵢ, as in the PHE calculator.
    public var width: Double
    /// Fraction of the band lived by those who die in it: 0.1 for age 0, 0.5 elsewhere.
    public var fractionLivedByDeaths: Double
    public var deaths: Double
    public var population: Double
    /// Mᵢ = Dᵢ / Pᵢ.
    public var mortalityRate: Double
    /// qᵢ = nᵢMᵢ / (1 + nᵢMᵢ(1 − aᵢ)), 1 when Dᵢ > Pᵢ/(nᵢaᵢ) and in the final band.
    public var probabilityOfDying: Double
    /// lᵢ, from l₀ = 100,000.
    public var survivors: Double
    /// dᵢ = lᵢ − lᵢ₊₁ (lᵢ in the final band).
    public var lifeTableDeaths: Double
    /// Lᵢ = nᵢ(lᵢ₊₁ + aᵢdᵢ); lᵢ/Mᵢ in the final band.
    public var personYears: Double
    /// Tᵢ = Σⱼ≥ᵢ Lⱼ.
    public var personYearsToCome: Double
    /// eᵢ = Tᵢ / lᵢ.
    public var expectancy: Double
    /// √(Σⱼ≥ᵢ lⱼ² ((1 − aⱼ)nⱼ + eⱼ₊₁)² s²(pⱼ) / lᵢ²), with s²(pⱼ) = qⱼ²(1 − qⱼ)/Dⱼ and, for the final
    /// band, the term (l/2)² · 4/(D M²) (Silcocks et al.).
    public var standardError: Double
}

/// An abridged life table in the twenty bands 0, 1-4, 5-9, … 85-89, 90+.
public struct AbridgedLifeTable: Sendable, Equatable {
    public let rows: [LifeTableRow]

    /// Builds the table from deaths and populations (person-years) per band of
    /// `LifeExpectancy.bands`. Needs 20 values each, populations > 0, deaths ≥ 0, deaths in the
    /// final band > 0 (the callers check, see `LifeExpectancy.abridged`).
    ///
    /// Source: Chiang CL, *Introduction to Stochastic Processes in Biostatistics* (1968) 189-214;
    /// Silcocks PBS, Jenner DA, Reza R (2001) J Epidemiol Community Health 55:38-43; the PHE life
    /// expectancy calculator and PHEindicatormethods `phe_life_expectancy`, whose conventions
    /// (aᵢ, the cap qᵢ = 1, the final band) are followed.
    public init(deaths: [Double], populations: [Double]) {
        let bands = LifeExpectancy.bands.bands
        precondition(deaths.count == bands.count && populations.count == bands.count,
                     "AbridgedLifeTable: needs deaths and populations for each of the \(bands.count) bands")
        let last = bands.count - 1
        var rows: [LifeTableRow] = []
        rows.reserveCapacity(bands.count)
        var survivors = 100_000.0
        for index in 0...last {
            let band = bands[index]
            let death = deaths[index]
            let population = populations[index]
            let rate = death / population
            let fraction = band.lowerAge == 0 ? 0.1 : 0.5
            let width = index < last ? Double(band.upperAge! - band.lowerAge + 1) : 2 / rate
            let probability: Double
            if index < last && death <= population / width / fraction {
                probability = rate * width / (1 + rate * width * (1 - fraction))
            } else {
                probability = 1
            }
            rows.append(LifeTableRow(band: band, width: width, fractionLivedByDeaths: fraction, deaths: death,
                                     population: population, mortalityRate: rate, probabilityOfDying: probability,
                                     survivors: survivors, lifeTableDeaths: 0, personYears: 0, personYearsToCome: 0,
                                     expectancy: 0, standardError: 0))
            survivors *= 1 - probability
        }
        for index in 0...last {
            let next = index < last ? rows[index + 1].survivors : 0
            rows[index].lifeTableDeaths = rows[index].survivors - next
            rows[index].personYears = index < last
                ? rows[index].width * (next + rows[index].fractionLivedByDeaths * rows[index].lifeTableDeaths)
                : rows[index].survivors / rows[index].mortalityRate
        }
        var personYearsToCome = 0.0
        var varianceSum = 0.0
        for index in stride(from: last, through: 0, by: -1) {
            var row = rows[index]
            personYearsToCome += row.personYears
            row.personYearsToCome = personYearsToCome
            row.expectancy = row.survivors > 0 ? personYearsToCome / row.survivors : 0
            let term: Double
            if index == last {
                let varianceOfSurvival = 4 / (row.deaths * row.mortalityRate * row.mortalityRate)
                term = (row.survivors / 2) * (row.survivors / 2) * varianceOfSurvival
            } else {
                let varianceOfSurvival = row.lifeTableDeaths == 0
                    ? 0 : row.probabilityOfDying * row.probabilityOfDying * (1 - row.probabilityOfDying) / row.deaths
                let lever = (1 - row.fractionLivedByDeaths) * row.width + rows[index + 1].expectancy
                term = varianceOfSurvival * row.survivors * row.survivors * lever * lever
            }
            varianceSum += term
            row.standardError = (varianceSum / (row.survivors * row.survivors)).squareRoot()
            rows[index] = row
        }
        self.rows = rows
    }
}

/// Life expectancy at one age, with the populations and deaths from that age on.
public struct LifeExpectancyEstimate: Sendable, Equatable {
    public var age: Int
    /// Σ population of the bands from `age` on (PHEindicatormethods `pops_used`).
    public var populationUsed: Double
    /// Σ deaths of the bands from `age` on (`dths_used`).
    public var deathsUsed: Double
    public var estimate: IndicatorEstimate
}

/// Life expectancy by the abridged life table.
public enum LifeExpectancy {
    /// 0, 1-4, 5-9, … 85-89, 90+.
    public static let bands: AgeBandScheme = {
        var list = [AgeBand(lowerAge: 0, upperAge: 0), AgeBand(lowerAge: 1, upperAge: 4)]
        list += stride(from: 5, to: 90, by: 5).map { AgeBand(lowerAge: $0, upperAge: $0 + 4) }
        list.append(AgeBand(lowerAge: 90, upperAge: nil))
        return AgeBandScheme(list)!
    }()

    /// Below this total population life expectancy is not reported (methods.md; Toson & Baker,
    /// ONS Methodology Series 33, 2003). PHEindicatormethods also suppresses exactly 5,000.
    public static let minimumTotalPopulation = 5_000.0

    /// A value whose 95% interval is wider than this (years) is suppressed, its limits kept
    /// (PHEindicatormethods ≥ 1.4.0).
    public static let maximumWidth95 = 20.0

    /// The `method` label of PHEindicatormethods' `phe_life_expectancy`.
    public static let method = "Chiang, using Silcocks et al for confidence limits"

    /// The ages at which life expectancy can be given: the starts of `bands`.
    public static var ages: [Int] { bands.bands.map(\.lowerAge) }

    /// Life expectancy at each of `ages` (band starts) with limits eᵢ ∓ z·SEᵢ (Chiang II table,
    /// Silcocks variance; see `AbridgedLifeTable`). Every age is suppressed, with the reason, when
    /// a band has no population, a band's deaths exceed its population, the total population is
    /// under 5,000, or the 90+ band has no deaths; an age nobody in the table survives to is
    /// suppressed; a value whose 95% interval is wider than 20 years is blanked but keeps its limits.
    public static func abridged(deaths: [Double], populations: [Double], ages: [Int],
                                confidence levels: [ConfidenceLevel]) -> [LifeExpectancyEstimate] {
        let bandList = bands.bands
        precondition(deaths.count == bandList.count && populations.count == bandList.count,
                     "LifeExpectancy.abridged: needs deaths and populations for each of the \(bandList.count) bands")
        precondition(deaths.allSatisfy { $0 >= 0 } && populations.allSatisfy { $0 >= 0 },
                     "LifeExpectancy.abridged: deaths and populations must be >= 0")
        let empty = IndicatorEstimate(value: nil, limits: levels.map { ConfidenceLimits(level: $0, lower: nil, upper: nil) },
                                      method: method)
        var reason: String?
        if let index = populations.indices.first(where: { populations[$0] <= 0 }) {
            reason = "no population in band \(AgeBandLabels.describe(bandList[index]))"
        } else if let index = deaths.indices.first(where: { deaths[$0] > populations[$0] }) {
            reason = "deaths exceed the population in band \(AgeBandLabels.describe(bandList[index]))"
        } else if populations.reduce(0, +) < minimumTotalPopulation {
            reason = "total population below \(IndicatorStatistic.plainNumber(minimumTotalPopulation))"
        } else if deaths[bandList.count - 1] == 0 {
            reason = "no deaths in band \(AgeBandLabels.describe(bandList[bandList.count - 1]))"
        }
        let table = reason == nil ? AbridgedLifeTable(deaths: deaths, populations: populations) : nil
        let z95 = ConfidenceLevel.ninetyFive.z
        return ages.map { age in
            guard let index = bandList.firstIndex(where: { $0.lowerAge == age }) else {
                preconditionFailure("LifeExpectancy.abridged: \(age) is not the start of a band")
            }
            let populationUsed = populations[index...].reduce(0, +)
            let deathsUsed = deaths[index...].reduce(0, +)
            guard let table else {
                return LifeExpectancyEstimate(age: age, populationUsed: populationUsed, deathsUsed: deathsUsed,
                                              estimate: empty.suppressed(reason!))
            }
            let row = table.rows[index]
            if row.survivors <= 0 {
                return LifeExpectancyEstimate(age: age, populationUsed: populationUsed, deathsUsed: deathsUsed,
                                              estimate: empty.suppressed("no one in the life table survives to age \(age)"))
            }
            let limits = levels.map { level -> ConfidenceLimits in
                ConfidenceLimits(level: level, lower: row.expectancy - level.z * row.standardError,
                                 upper: row.expectancy + level.z * row.standardError)
            }
            var estimate = IndicatorEstimate(value: row.expectancy, limits: limits, method: method)
            if 2 * z95 * row.standardError > maximumWidth95 {
                estimate.value = nil
                estimate.suppression = "95% confidence interval wider than \(IndicatorStatistic.plainNumber(maximumWidth95)) years"
            }
            return LifeExpectancyEstimate(age: age, populationUsed: populationUsed, deathsUsed: deathsUsed, estimate: estimate)
        }
    }
}
