import Apportionment
import Tables

/// From target shares to budgets in pence: targets by largest remainder, distance from target,
/// and pace of change, for practices or for consortia (design/methods.md, "Allocation").
///
/// Target budgets are the shares × the total rounded to pence by the largest-remainder method
/// (ties broken by code), so they sum to the total exactly. At consortium level the consortium's
/// share is the sum of its practices' shares and the rounding is done among consortia (so a
/// consortium's target can differ by a penny or so from the sum of its practices' rounded
/// practice-level targets). Budgets are the targets when there is no pace-of-change rule, and the
/// pace-of-change budgets otherwise; either way they sum to the total to the penny.
public enum BudgetCalculator {
    public static func budgets(
        input: CapitationInput, targets: CapitationTargets, formula: AllocationFormula, totalPence: Int,
        baselines: BaselineBudgets?, level: BudgetLevel, paceRule: PaceOfChangeRule?
    ) throws -> BudgetResult {
        precondition(totalPence >= 0, "BudgetCalculator: the total must be >= 0")
        let indexColumns = ["age_sex_index"] + formula.components.map(\.columnName) + (formula.unmetNeed != nil ? ["unmet_need_index"] : [])
        let practiceIndices: [[Double?]] = (0..<input.practiceCount).map { index in
            [targets.ageSexIndex[index]] + targets.componentIndices.map { $0[index] } + (targets.unmetNeedIndex.map { [$0[index]] } ?? [])
        }
        var lines: [BudgetLine]
        var baselineLocation: (Int) -> SourceLocation
        switch level {
        case .practice:
            lines = (0..<input.practiceCount).map { index in
                BudgetLine(code: input.practiceCodes[index], consortiumCode: input.consortiumCodes[index], practiceCount: 1,
                           registeredPatients: input.registeredPatients[index], weightedPopulation: targets.weightedPopulation[index],
                           needIndex: targets.needIndex[index], targetShare: targets.targetShare[index], targetBudget: 0,
                           baseline: nil, distanceFromTarget: nil, budget: 0, growth: nil, indices: practiceIndices[index])
            }
            baselineLocation = { input.location(ofPractice: $0) }
            switch baselines {
            case .practices(let amounts, let locations)?:
                precondition(amounts.count == input.practiceCount, "BudgetCalculator: one baseline per practice")
                for index in lines.indices { lines[index].baseline = amounts[index] }
                if let locations { baselineLocation = { locations[$0] } }
            case .consortia(_, let locations)?:
                let place = locations.values.first ?? formula.location
                throw DataError(.badData, at: SourceLocation(file: place.file),
                                "baselines are given per consortium, so budgets can only be set with --level consortium")
            case nil:
                break
            }
        case .consortium:
            lines = aggregate(input: input, targets: targets, practiceIndices: practiceIndices)
            baselineLocation = { _ in formula.location }
            switch baselines {
            case .practices(let amounts, _)?:
                var byConsortium: [String: Int] = [:]
                for index in 0..<input.practiceCount { byConsortium[input.consortiumCodes[index], default: 0] += amounts[index] }
                for index in lines.indices { lines[index].baseline = byConsortium[lines[index].code] }
            case .consortia(let amounts, let locations)?:
                let known = Set(lines.map(\.code))
                for (code, place) in locations.sorted(by: { ($0.value.line ?? 0) < ($1.value.line ?? 0) }) where !known.contains(code) {
                    throw DataError(.badData, at: place, "a baseline for consortium \(code), which has no practices")
                }
                for index in lines.indices {
                    guard let amount = amounts[lines[index].code] else {
                        let file = locations.values.first?.file ?? "baseline"
                        throw DataError(.badData, at: SourceLocation(file: file), "no baseline for consortium \(lines[index].code)")
                    }
                    lines[index].baseline = amount
                }
                let codes = lines.map(\.code)
                baselineLocation = { locations[codes[$0]] ?? formula.location }
            case nil:
                break
            }
        }
        let codes = lines.map(\.code)
        let ranks = LargestRemainder.ranks(ofCodes: codes)
        let targetPence = LargestRemainder.apportion(quotas: lines.map { $0.targetShare * Double(totalPence) }, total: totalPence, tieRank: ranks)
        for index in lines.indices {
            lines[index].targetBudget = targetPence[index]
            lines[index].budget = targetPence[index]
            if let baseline = lines[index].baseline, targetPence[index] != 0 {
                lines[index].distanceFromTarget = Double(baseline - targetPence[index]) / Double(targetPence[index])
            }
        }
        var solution: PaceOfChangeSolution?
        if let rule = paceRule {
            let baselinePence = lines.compactMap(\.baseline)
            precondition(baselinePence.count == lines.count, "BudgetCalculator: a pace-of-change rule needs baselines")
            let solved = try PaceOfChange.solve(baselines: baselinePence, targets: targetPence, total: totalPence, rule: rule,
                                                tieRank: ranks, codes: codes, baselineLocation: baselineLocation)
            for index in lines.indices { lines[index].budget = solved.budgets[index] }
            solution = solved
        }
        for index in lines.indices {
            if let baseline = lines[index].baseline, baseline > 0 {
                lines[index].growth = Double(lines[index].budget - baseline) / Double(baseline)
            }
        }
        return BudgetResult(level: level, lines: lines, indexColumns: indexColumns, totalPence: totalPence, paceRule: paceRule, pace: solution)
    }

    /// Consortium lines in code order: sums of registered and weighted populations and shares;
    /// indices as registered-population-weighted means of the member practices' indices.
    static func aggregate(input: CapitationInput, targets: CapitationTargets, practiceIndices: [[Double?]]) -> [BudgetLine] {
        var members: [String: [Int]] = [:]
        for index in 0..<input.practiceCount { members[input.consortiumCodes[index], default: []].append(index) }
        let codes = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let columnCount = practiceIndices.first?.count ?? 0
        return codes.map { code in
            let practices = members[code]!
            var registered = 0.0
            var weighted = 0.0
            var share = 0.0
            var indexSums = [Double](repeating: 0, count: columnCount)
            var indexWeights = [Double](repeating: 0, count: columnCount)
            for practice in practices {
                let patients = input.registeredPatients[practice]
                registered += patients
                weighted += targets.weightedPopulation[practice]
                share += targets.targetShare[practice]
                for column in 0..<columnCount {
                    if let value = practiceIndices[practice][column] {
                        indexSums[column] += patients * value
                        indexWeights[column] += patients
                    }
                }
            }
            let indices: [Double?] = (0..<columnCount).map { indexWeights[$0] > 0 ? indexSums[$0] / indexWeights[$0] : nil }
            return BudgetLine(code: code, consortiumCode: code, practiceCount: practices.count, registeredPatients: registered,
                              weightedPopulation: weighted, needIndex: registered > 0 ? share * targets.totalRegistered / registered : nil,
                              targetShare: share, targetBudget: 0, baseline: nil, distanceFromTarget: nil, budget: 0, growth: nil,
                              indices: indices)
        }
    }
}
