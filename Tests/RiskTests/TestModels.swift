import Population
@testable import Risk
import Tables

/// Small cost models and simulations for the tests.
enum TestModels {
    /// A model whose cells are (sex, band label, distribution), in order.
    static func model(_ cells: [(Sex, String, PersonCostDistribution)]) -> CostModel {
        try! CostModel(cells: cells.map { CostCell(sex: $0.0, ages: AgeBand(label: $0.1)!) }, distributions: cells.map(\.2),
                       locations: cells.map { _ in SourceLocation(file: "test") }, source: "test")
    }

    static func parametric(zero: Double, _ tail: CostTail) -> PersonCostDistribution {
        .parametric(ParametricCost(zeroProbability: zero, tail: tail))
    }

    /// The simulated gross spend of one group with `counts` persons per cell.
    static func simulate(_ model: CostModel, counts: [Int], settings: SimulationSettings, code: String = "G1") -> (SimulatedSpend, GroupSimulationPlan) {
        let plan = GroupSimulationPlan(code: code, counts: counts, model: model, settings: settings)
        return (MonteCarloSimulation.run(plans: [plan], settings: settings)[0], plan)
    }

    /// The share of values above x.
    static func shareAbove(_ values: [Double], _ x: Double) -> Double {
        Double(values.filter { $0 > x }.count) / Double(values.count)
    }

    /// √(p(1 − p)/R): the standard error of a Monte Carlo proportion with true value p.
    static func standardError(_ p: Double, _ replications: Int) -> Double {
        (p * (1 - p) / Double(replications)).squareRoot()
    }

    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

    static func variance(_ values: [Double]) -> Double {
        let average = mean(values)
        return values.reduce(0) { $0 + ($1 - average) * ($1 - average) } / Double(values.count - 1)
    }
}
