import Premium
import Tables
import TestSupport

/// Random schemes and inputs for the property tests, drawn from a seeded SplitMix64: 1–40
/// practices (some tiny, some with no patients), 1–6 measures of every polarity, scoring and
/// basis, pots fixed or per head with standards and gateways, caps and floors in pounds or per
/// head, both fates of unearned money.
struct RandomCase {
    var scheme: PremiumScheme
    var inputs: PremiumInputs

    static func draw(_ random: inout SplitMix64) -> RandomCase {
        let practiceCount = random.integer(1, 40)
        var practices: [PremiumPractice] = []
        for index in 0..<practiceCount {
            let patients = random.chance(0.05) ? 0 : random.integer(50, 20_000)
            let weighted = Double(patients) * (0.5 + random.nextUniform())
            practices.append(Build.practice(String(format: "P%03d", (index * 37) % 1000), patients,
                                            weighted: ["weighted": random.chance(0.05) ? 0 : weighted]))
        }
        // At least 1, so a practice with no patients is not eligible (its prevalence is undefined).
        let minimumListSize = random.chance(0.5) ? random.integer(1, 1000) : 1

        let measureCount = random.integer(1, 6)
        var measures: [QualityMeasure] = []
        var achievement: [String: [String: AchievementCount]] = [:]
        var baseline: [String: [String: AchievementCount]] = [:]
        for index in 0..<measureCount {
            let id = "m\(index)"
            let scoring: QualityMeasure.Scoring = random.chance(0.25) ? .improvement : .level
            let lower: Double
            let upper: Double
            if scoring == .level {
                lower = random.nextUniform() * 90
                upper = lower + 0.5 + random.nextUniform() * (100 - lower - 0.5)
            } else {
                lower = -10 + random.nextUniform() * 10
                upper = lower + 0.5 + random.nextUniform() * 20
            }
            let basis: PaymentBasis
            switch random.integer(0, 2) {
            case 0: basis = .listSize
            case 1: basis = .weightedListSize(column: "weighted", source: .practices)
            default: basis = .prevalenceAdjusted(power: random.nextUniform() * 2, populationIndex: random.chance(0.5))
            }
            measures.append(QualityMeasure(id: id, weight: Double(random.integer(1, 40)),
                                           polarity: random.chance(0.5) ? .higherIsBetter : .lowerIsBetter, scoring: scoring,
                                           lowerThreshold: lower, upperThreshold: upper, basis: basis,
                                           minimumDenominator: random.integer(1, 30)))
            var rows: [(String, Int, Int, Int)] = []
            var baselineRows: [(String, Int, Int, Int)] = []
            for practice in practices {
                rows.append(randomCounts(practice.code, &random))
                baselineRows.append(randomCounts(practice.code, &random, someoneCounted: true))
            }
            achievement[id] = Build.counts(rows, measure: id)
            if scoring == .improvement { baseline[id] = Build.counts(baselineRows, measure: id, file: "baseline.csv") }
        }
        let weightTotal = measures.reduce(0) { $0 + $1.weight }

        let pot: PotRule = random.chance(0.5) ? .fixed(pence: random.integer(0, 50_000_000)) : .perHead(pounds: random.nextUniform() * 5)
        var standards: [NationalStandard] = []
        for index in 0..<random.integer(0, 3) { standards.append(NationalStandard(name: "standard \(index)", met: random.chance(0.6))) }
        let gateway: FinancialGateway? = random.chance(0.3) ? FinancialGateway(
            allocationPence: 1_000_000, outturnPence: random.integer(900_000, 1_100_000),
            consequence: random.chance(0.5) ? .withhold : .reduce(percent: random.nextUniform() * 100), source: "test") : nil
        let registered = practices.reduce(0) { $0 + $1.registeredPatients }
        let roughPot: Double
        switch pot {
        case .fixed(let pence): roughPot = Double(pence)
        case .perHead(let pounds): roughPot = pounds * 100 * Double(registered)
        }

        var limits = PaymentLimits()
        if random.chance(0.6) {
            limits.cap = random.chance(0.5) ? .pence(Int(roughPot / Double(practiceCount) * (0.3 + 2 * random.nextUniform())))
                : .perHead(pounds: random.nextUniform() * 3)
        }
        if random.chance(0.5) {
            // Floors up to 90% of an equal share of the pot (shrunk below if the reduced pot is smaller).
            let room = roughPot * 0.9 / Double(practiceCount)
            limits.floor = random.chance(0.5) ? .pence(Int(room * random.nextUniform()))
                : .perHead(pounds: room / 100 / Double(max(1, registered / practiceCount * 2)) * random.nextUniform())
            limits.floorRecipients = random.chance(0.5) ? .allPractices : .earningPractices
            // With a cap, a floor in pounds no higher than it (a per-head limit crosses a fixed one
            // for some list size, which the calculator rejects; tested on its own).
            switch limits.cap {
            case .perHead?: limits.floor = nil
            case .pence(let cap)?: limits.floor = .pence(min(cap, Int(room * random.nextUniform())))
            case nil: break
            }
        }

        var scheme = PremiumScheme(
            name: "random", pot: pot, reductionPerFailedStandard: standards.isEmpty ? 0 : random.nextUniform() * 30, standards: standards,
            gateway: gateway, weightTotal: weightTotal, measures: measures,
            eligibility: EligibilityRule(minimumListSize: minimumListSize, minimumDenominator: 1), limits: limits,
            unearned: random.chance(0.5) ? .redistribute : .return, exceptions: random.chance(0.8) ? .subtract : .excluded)
        // Floors that do not fit in the pot are a scheme error (tested on its own): shrink them.
        let potPence = PotDerivation(scheme: scheme, registeredPatients: registered).potPence
        if let floor = scheme.limits.floor {
            let floors = practices.reduce(0) { $0 + floor.pence(patients: $1.registeredPatients, roundingUp: true) }
            if floors > potPence {
                let smaller = potPence * 9 / (10 * practiceCount)
                if case .pence(let cap)? = scheme.limits.cap { scheme.limits.floor = .pence(min(cap, smaller)) }
                else { scheme.limits.floor = scheme.limits.cap == nil ? .pence(smaller) : nil }
            }
        }
        return RandomCase(scheme: scheme, inputs: Build.inputs(practices, achievement, baseline: baseline.isEmpty ? nil : baseline))
    }

    /// Counts with exceptions ≤ denominator and numerator ≤ denominator − exceptions; this period
    /// sometimes counts nobody (made ineligible by the minimum denominator of at least 1); a
    /// baseline period always counts someone.
    static func randomCounts(_ code: String, _ random: inout SplitMix64, someoneCounted: Bool = false) -> (String, Int, Int, Int) {
        let denominator = random.chance(0.05) && !someoneCounted ? 0 : random.integer(1, 600)
        let exceptions = random.chance(0.5) ? random.integer(0, denominator / 5) : 0
        let counted = denominator - exceptions
        let numerator = counted == 0 ? 0 : random.integer(0, counted)
        return (code, numerator, denominator, exceptions)
    }
}
