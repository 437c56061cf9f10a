import Testing
@testable import Allocation
import Population
import Tables

/// A random formula and input: 1–60 practices in up to 5 consortia, a random base population,
/// up to three components of random forms, sometimes an unmet-need share, sometimes baselines.
private struct RandomCase {
    var input: CapitationInput
    var formula: AllocationFormula
    var total: Int
    var baselines: [Int]?

    init(using generator: inout SyntheticRandom) {
        let count = Int.random(in: 1...60, using: &generator)
        let codes = (0..<count).map { "P\(String(Int.random(in: 0...99_999, using: &generator)))-\($0)" }
        let consortia = (0..<count).map { _ in "C\(Int.random(in: 1...5, using: &generator))" }
        let registered = (0..<count).map { index -> Double in
            // Some practices with no patients (closed), most with whole or fractional lists.
            if index > 0 && Int.random(in: 0..<20, using: &generator) == 0 { return 0 }
            return Bool.random(using: &generator) ? Double(Int.random(in: 1...40_000, using: &generator))
                : Double.random(in: 0.25...40_000, using: &generator)
        }
        let base = registered.map { $0 * Double.random(in: 0.3...3, using: &generator) }
        var components: [IndexComponent] = []
        var values: [[Double]] = []
        for position in 0..<Int.random(in: 0...3, using: &generator) {
            let form: IndexForm
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: form = .value
            case 1: form = .linear(coefficient: Double.random(in: -0.4...0.4, using: &generator))
            case 2: form = .exponential(coefficient: Double.random(in: -0.05...0.05, using: &generator))
            default: form = .table(["a": 1])
            }
            components.append(IndexComponent(name: "c\(position)", kind: .need, source: .practices, variable: "v\(position)", form: form))
            values.append((0..<count).map { _ in Double.random(in: 0.5...60, using: &generator) })
        }
        var unmet: UnmetNeedAdjustment?
        var unmetValues: [Double]?
        if Bool.random(using: &generator) {
            unmet = UnmetNeedAdjustment(share: Double.random(in: 0..<0.3, using: &generator), basis: Bool.random(using: &generator) ? .weightedPopulation : .registeredPatients,
                                        index: IndexComponent(name: "unmet_need", kind: .unmetNeed, source: .practices, variable: "u", form: .exponential(coefficient: 0.02)))
            unmetValues = (0..<count).map { _ in Double.random(in: 50...200, using: &generator) }
        }
        input = CapitationInput(practiceCodes: codes, consortiumCodes: consortia, registeredPatients: registered, basePopulation: base,
                                componentValues: values, unmetNeedValues: unmetValues)
        formula = AllocationFormula(population: .registeredPatients, components: components, unmetNeed: unmet)
        total = Int.random(in: 0...500_000_000_000, using: &generator)
        baselines = Bool.random(using: &generator) ? (0..<count).map { _ in Int.random(in: 0...2_000_000_000, using: &generator) } : nil
    }
}

@Test func targetsAndBudgetsAddUpToTheTotalToThePenny() throws {
    var generator = SyntheticRandom(seed: 5)
    for _ in 0..<3_000 {
        let random = RandomCase(using: &generator)
        let targets = try CapitationModel.targets(input: random.input, formula: random.formula)
        let shareSum = targets.targetShare.reduce(0, +)
        #expect(abs(shareSum - 1) < 1e-12)
        for level in BudgetLevel.allCases {
            let result = try BudgetCalculator.budgets(input: random.input, targets: targets, formula: random.formula, totalPence: random.total,
                                                      baselines: random.baselines.map { .practices($0, locations: nil) }, level: level, paceRule: nil)
            #expect(result.lines.map(\.targetBudget).reduce(0, +) == random.total)
            #expect(result.lines.map(\.budget).reduce(0, +) == random.total)
            // Each target is within a penny of its exact quota.
            for line in result.lines { #expect(abs(Double(line.targetBudget) - line.targetShare * Double(random.total)) < 1.000001) }
        }
    }
}

@Test func paceOfChangeBudgetsAddUpToTheTotal() throws {
    var generator = SyntheticRandom(seed: 11)
    var solved = 0
    for _ in 0..<1_500 {
        let random = RandomCase(using: &generator)
        let count = random.input.practiceCount
        let baselines = (0..<count).map { _ in Int.random(in: 100...2_000_000_000, using: &generator) }
        let total = Int(Double(baselines.reduce(0, +)) * Double.random(in: 1.0...1.08, using: &generator))
        let rule = PaceOfChangeRule(minimumGrowth: 0.005, gapClosure: Double.random(in: 0...1, using: &generator), maximumGrowthOverTarget: nil)
        let targets = try CapitationModel.targets(input: random.input, formula: random.formula)
        for level in BudgetLevel.allCases {
            guard let result = try? BudgetCalculator.budgets(input: random.input, targets: targets, formula: random.formula, totalPence: total,
                                                             baselines: .practices(baselines, locations: nil), level: level, paceRule: rule) else { continue }
            solved += 1
            #expect(result.lines.map(\.budget).reduce(0, +) == total)
            #expect(result.lines.map(\.targetBudget).reduce(0, +) == total)
        }
    }
    #expect(solved > 1_000)
}

@Test func explanationsAddUpToTheBudgetToThePenny() throws {
    var generator = SyntheticRandom(seed: 99)
    var explained = 0
    for _ in 0..<1_500 {
        let random = RandomCase(using: &generator)
        let targets = try CapitationModel.targets(input: random.input, formula: random.formula)
        let result = try BudgetCalculator.budgets(input: random.input, targets: targets, formula: random.formula, totalPence: random.total,
                                                  baselines: nil, level: .practice, paceRule: nil)
        for index in 0..<random.input.practiceCount where random.input.registeredPatients[index] > 0 {
            let explanation = try BudgetExplanation.explain(practiceCode: random.input.practiceCodes[index], input: random.input, targets: targets,
                                                            formula: random.formula, result: result)
            let rows = explanation.lines.dropLast()
            #expect(rows.map(\.amount).reduce(0, +) == explanation.lines.last!.amount)
            #expect(explanation.lines.last!.amount == result.lines[index].budget)
            // The factors multiply to the need index.
            let product = rows.compactMap(\.factor).reduce(1, *)
            #expect(abs(product / targets.needIndex[index]! - 1) < 1e-9)
            // Each factor's amount has the sign of its logarithm (up to the rounding penny).
            for row in rows where row.factor != nil && abs(row.amount) > 1 {
                #expect((row.amount > 0) == (row.factor! > 1))
            }
            explained += 1
        }
    }
    #expect(explained > 10_000)
}
