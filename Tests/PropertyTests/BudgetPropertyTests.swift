import Allocation
import PropertyBased
import Tables
import Testing
import TestSupport

/// Budgets on generated consortia (swift-property-based generators): 1–40 practices with lists of
/// 1–40,000 patients, a base population 0.3–3 times the list, one to three need components of the
/// monotone forms (value, linear and exponential with coefficients 0–0.4) on values 0.5–60, and a
/// total of up to £5,000,000,000.00. The expected values are the method's own guarantees
/// (design/methods.md, "Penny-exact rounding"; Sources/Allocation/IndexForm.swift), not numbers.
struct GeneratedPractice: Sendable, CustomStringConvertible {
    var registered: Int
    var baseFactor: Double
    var needs: [Double]
    var description: String { "\(registered) patients ×\(baseFactor), needs \(needs)" }
}

struct GeneratedFormula: Sendable, CustomStringConvertible {
    /// Per component: 0 value, 1 linear, 2 exponential, with its coefficient.
    var forms: [(kind: Int, coefficient: Double)]
    var description: String { forms.map { "\($0.kind):\($0.coefficient)" }.joined(separator: ",") }

    var components: [IndexComponent] {
        forms.enumerated().map { position, form in
            let shape: IndexForm = form.kind == 0 ? .value : form.kind == 1 ? .linear(coefficient: form.coefficient) : .exponential(coefficient: form.coefficient)
            return IndexComponent(name: "need\(position)", kind: .need, source: .practices, variable: "v\(position)", form: shape)
        }
    }
}

enum BudgetGenerators {
    static let componentCount = 3
    static let practice = zip(Gen.int(in: 1...40_000), Gen.double(in: 0.3...3), Gen.double(in: 0.5...60).array(of: componentCount))
        .map { GeneratedPractice(registered: $0, baseFactor: $1, needs: $2) }
    static let practices = practice.array(of: 1...40)
    static let formula = zip(Gen.int(in: 0...2), Gen.double(in: 0...0.4)).map { (kind: $0, coefficient: $1) }.array(of: 1...componentCount)
        .map { GeneratedFormula(forms: $0) }
    static let totalPence = Gen.int(in: 0...500_000_000_000)

    /// The capitation input of `practices` in the order given; codes P0, P1, … by generated
    /// position (`order` keeps the code of each practice when the rows are permuted), two consortia.
    static func input(_ practices: [GeneratedPractice], components: Int, codes: [Int]? = nil) -> CapitationInput {
        let codes = codes ?? Array(practices.indices)
        return CapitationInput(practiceCodes: codes.map { "P\($0)" }, consortiumCodes: codes.map { "C\($0 % 2)" },
                               registeredPatients: practices.map { Double($0.registered) },
                               basePopulation: practices.map { Double($0.registered) * $0.baseFactor },
                               componentValues: (0..<components).map { component in practices.map { $0.needs[component] } })
    }

    static func budgets(_ input: CapitationInput, _ formula: GeneratedFormula, total: Int, level: BudgetLevel = .practice) throws -> BudgetResult {
        let allocation = AllocationFormula(population: .registeredPatients, components: formula.components)
        let targets = try CapitationModel.targets(input: input, formula: allocation)
        return try BudgetCalculator.budgets(input: input, targets: targets, formula: allocation, totalPence: total,
                                            baselines: nil, level: level, paceRule: nil)
    }
}

@Suite struct BudgetPropertyTests {
    @Test func budgetsAddUpToTheTotalToThePenny() async throws {
        await propertyCheck(count: 1_000, input: BudgetGenerators.practices, BudgetGenerators.formula, BudgetGenerators.totalPence) { practices, formula, total in
            let input = BudgetGenerators.input(practices, components: formula.forms.count)
            for level in BudgetLevel.allCases {
                let result = try BudgetGenerators.budgets(input, formula, total: total, level: level)
                #expect(result.lines.map(\.budget).reduce(0, +) == total, "\(level)")
                #expect(result.lines.map(\.targetBudget).reduce(0, +) == total, "\(level)")
                // Each target within a penny of its exact quota, none negative.
                for line in result.lines {
                    #expect(line.targetBudget >= 0)
                    #expect(abs(Double(line.targetBudget) - line.targetShare * Double(total)) < 1.000001)
                }
            }
        }
    }

    /// More need of one practice on one component (its value × 1.01–3, everything else equal) never
    /// lowers its share; its penny budget never falls by more than the penny that the largest
    /// remainder may move (⌊q_after⌋ ≥ ⌊q_before⌋ ≥ budget_before − 1, since the quota rose).
    @Test func moreNeedNeverMeansLessBudget() async throws {
        await propertyCheck(count: 1_000, input: BudgetGenerators.practices, BudgetGenerators.formula, Gen.double(in: 1.01...3),
                            Gen.int(in: 0...Int.max)) { practices, formula, factor, pick in
            let index = pick % practices.count
            let component = pick / practices.count % formula.forms.count
            var more = practices
            more[index].needs[component] *= factor
            let total = 100_000_000_000
            let before = try BudgetGenerators.budgets(BudgetGenerators.input(practices, components: formula.forms.count), formula, total: total)
            let after = try BudgetGenerators.budgets(BudgetGenerators.input(more, components: formula.forms.count), formula, total: total)
            #expect(after.lines[index].targetShare >= before.lines[index].targetShare * (1 - 1e-12),
                    "share \(before.lines[index].targetShare) → \(after.lines[index].targetShare)")
            #expect(after.lines[index].targetBudget >= before.lines[index].targetBudget - 1,
                    "budget \(before.lines[index].targetBudget) → \(after.lines[index].targetBudget)")
            // Where the form responds to the value at all, the share rises strictly (with one practice it stays 1).
            if practices.count > 1 && formula.forms[component].coefficient > 1e-6 || formula.forms[component].kind == 0 && practices.count > 1 {
                #expect(after.lines[index].targetShare > before.lines[index].targetShare)
            }
        }
    }

    /// The order of the practices' rows does not change any practice's target or budget (ties of
    /// the largest remainder go by practice code, not by position).
    @Test func practiceOrderDoesNotChangeBudgets() async throws {
        await propertyCheck(count: 1_000, input: BudgetGenerators.practices, BudgetGenerators.formula, BudgetGenerators.totalPence,
                            Gen.uint64(in: 0...UInt64.max)) { practices, formula, total, seed in
            var random = SplitMix64(seed: seed)
            let order = Array(practices.indices).shuffled(using: &random)
            let components = formula.forms.count
            for level in BudgetLevel.allCases {
                let straight = try BudgetGenerators.budgets(BudgetGenerators.input(practices, components: components), formula, total: total, level: level)
                let permuted = try BudgetGenerators.budgets(BudgetGenerators.input(order.map { practices[$0] }, components: components, codes: order),
                                                            formula, total: total, level: level)
                let byCode = Dictionary(uniqueKeysWithValues: permuted.lines.map { ($0.code, ($0.targetBudget, $0.budget)) })
                for line in straight.lines {
                    #expect(byCode[line.code]?.0 == line.targetBudget && byCode[line.code]?.1 == line.budget, "\(level) \(line.code)")
                }
            }
        }
    }
}
