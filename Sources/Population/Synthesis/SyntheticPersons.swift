/// One synthetic person for person-based regression: a registered patient drawn at random, with
/// conditions and a yearly cost drawn from `SyntheticPersonModel`.
public struct SyntheticPerson: Sendable {
    /// 1-based sequence number, written `P0000001`.
    public var number: Int
    /// Position in `SyntheticDataset.practices`.
    public var practice: Int
    /// Position in `SyntheticDataset.areas`.
    public var area: Int
    public var sex: Sex
    /// Age in completed years (uniform within the band; 90–104 in 90+).
    public var age: Int
    /// Position in the nineteen bands.
    public var band: Int
    /// Conditions in `SyntheticPersonModel.conditions` order (diabetes, hypertension, COPD,
    /// asthma, depression).
    public var conditions: [Bool]
    /// Yearly cost in pounds (not rounded).
    public var cost: Double
}

/// The true model of the synthetic persons file.
///
/// A person is a registered patient drawn uniformly with replacement from all lists (practice,
/// sex and band as in population.csv, area as in attribution.csv). Condition k is present with
/// probability logistic(logit rₖᵦ + γₖ zₐ), rₖᵦ the band rate of the named prevalence indicator
/// and γₖ its deprivation effect, zₐ the area's latent deprivation. The yearly cost is
///
///   cost = μ(x) · exp(σ ε − σ²/2),  ε ~ N(0, 1),  σ = `costSpread`,
///   μ(x) = intercept + ageCostᵦ + femaleCost·[female] + Σₖ conditionCostₖ·[condition k]
///          + deprivationCost · imd_scoreₐ,
///
/// so E[cost | x] = μ(x) exactly: ordinary least squares of cost on these terms estimates the
/// coefficients without bias (the errors are heteroscedastic, proportional to μ).
public enum SyntheticPersonModel {
    public static let intercept = 120.0
    /// Pounds per year by band (0-4 … 90+), relative to the intercept.
    public static let ageCost: [Double] = [
        260, 60, 50, 80, 90, 110, 130, 150, 170, 200, 240, 290, 360, 450, 560, 720, 900, 1_150, 1_400,
    ]
    public static let femaleCost = 45.0
    /// The indicators whose band rates and deprivation effects give each condition.
    public static let conditions = ["diabetes_prevalence", "hypertension_prevalence", "copd_prevalence", "asthma_prevalence", "depression_prevalence"]
    /// Column names of the conditions in persons.csv.
    public static let conditionColumns = ["diabetes", "hypertension", "copd", "asthma", "depression"]
    public static let conditionCost: [Double] = [650, 240, 900, 180, 380]
    /// Pounds per point of the area's IMD-like score.
    public static let deprivationCost = 6.0
    public static let costSpread = 0.8

    /// The model's terms and coefficients as written in persons_model.csv (`age_<band>` relative
    /// to the intercept, all bands listed).
    public static var terms: [(term: String, coefficient: Double)] {
        var terms: [(String, Double)] = [("intercept", intercept)]
        for (band, cost) in zip(AgeBandScheme.nineteenBands.bands, ageCost) { terms.append(("age_\(band.label)", cost)) }
        terms.append(("female", femaleCost))
        for (name, cost) in zip(conditionColumns, conditionCost) { terms.append((name, cost)) }
        terms.append(("imd_score", deprivationCost))
        terms.append(("cost_spread_sigma", costSpread))
        return terms
    }
}

extension SyntheticDataset {
    /// Draws `count` persons (random stream 50,000) and hands each to `body`.
    public func forEachPerson(count: Int, _ body: (SyntheticPerson) throws -> Void) rethrows {
        precondition(count >= 0)
        guard count > 0 else { return }
        var random = SyntheticRandom(seed: seed, stream: 50_000)
        let bandCount = lists.bands.count
        // Cumulative patients over practice × sex × band cells, and each practice's attribution entries.
        var cellEnds: [Int] = []
        cellEnds.reserveCapacity(lists.counts.count)
        var running = 0
        for value in lists.counts {
            running += value
            cellEnds.append(running)
        }
        let total = running
        precondition(total > 0, "forEachPerson: no registered patients")
        var entriesOfPractice = [[Int]](repeating: [], count: practices.count)
        for entry in 0..<attribution.count { entriesOfPractice[attribution.practiceIndices[entry]].append(entry) }
        let areaIndexOfCode = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($0.element.code, $0.offset) })
        let areaOfEntry = attribution.areaIndices.map { areaIndexOfCode[attribution.lsoaCodes[$0]]! }
        let models = SyntheticPersonModel.conditions.map { id in indicators.first { $0.id == id } ?? SyntheticIndicator.named.first { $0.id == id }! }
        let logits = models.map { model in model.bandRates.map { $0 > 0 && $0 < 1 ? PortableMath.log($0 / (1 - $0)) : -.infinity } }
        let spread = SyntheticPersonModel.costSpread

        var person = SyntheticPerson(number: 0, practice: 0, area: 0, sex: .male, age: 0, band: 0,
                                     conditions: Array(repeating: false, count: models.count), cost: 0)
        for number in 1...count {
            let pick = random.nextInt(below: total)
            var low = 0
            var high = cellEnds.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cellEnds[middle] > pick { high = middle } else { low = middle + 1 }
            }
            let practice = low / (2 * bandCount)
            let withinPractice = low % (2 * bandCount)
            person.number = number
            person.practice = practice
            person.sex = withinPractice < bandCount ? .male : .female
            person.band = withinPractice % bandCount
            person.age = person.band == bandCount - 1 ? 90 + random.nextInt(below: 15) : 5 * person.band + random.nextInt(below: 5)
            let entries = entriesOfPractice[practice]
            var areaPick = random.nextInt(below: practices[practice].registeredPatients)
            var chosen = entries[entries.count - 1]
            for entry in entries {
                if areaPick < attribution.patients[entry] {
                    chosen = entry
                    break
                }
                areaPick -= attribution.patients[entry]
            }
            person.area = areaOfEntry[chosen]
            let area = areas[person.area]
            var mean = SyntheticPersonModel.intercept + SyntheticPersonModel.ageCost[person.band]
                + (person.sex == .female ? SyntheticPersonModel.femaleCost : 0) + SyntheticPersonModel.deprivationCost * area.imdScore
            for k in 0..<models.count {
                let logit = logits[k][person.band]
                let present = logit > -.infinity && random.nextUnit() < PortableMath.logistic(logit + models[k].deprivationEffect * area.deprivation)
                person.conditions[k] = present
                if present { mean += SyntheticPersonModel.conditionCost[k] }
            }
            person.cost = mean * PortableMath.exp(spread * random.normal() - spread * spread / 2)
            try body(person)
        }
    }
}
