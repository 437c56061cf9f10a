import Allocation
import Reports

/// The figures of a budget step the manifest keeps and the notebook tells: totals, the spread of
/// budgets per head and of need, and how far baselines are from targets.
enum BudgetSummary {
    static func figures(_ result: BudgetResult, formula: AllocationFormula) -> [(String, JSONValue)] {
        let lines = result.lines
        let patients = lines.reduce(0) { $0 + $1.registeredPatients }
        var figures: [(String, JSONValue)] = [
            ("level", .string(result.level.rawValue)),
            ("formula", .text(formula.name)),
            ("lines", .integer(lines.count)),
            ("total_pounds", .number(Double(result.totalPence) / 100)),
            ("registered_patients", .number(patients)),
            ("budget_per_head", .number(patients > 0 ? Double(result.totalPence) / 100 / patients : nil)),
        ]
        let perHead = lines.filter { $0.registeredPatients > 0 }.map { (code: $0.code, value: Double($0.budget) / 100 / $0.registeredPatients) }
        if let lowest = perHead.min(by: { ($0.value, $0.code) < ($1.value, $1.code) }),
           let highest = perHead.max(by: { ($0.value, $1.code) < ($1.value, $0.code) }) {
            figures.append(("lowest_per_head", .object([("code", .string(lowest.code)), ("pounds", .number(lowest.value))])))
            figures.append(("highest_per_head", .object([("code", .string(highest.code)), ("pounds", .number(highest.value))])))
        }
        let needs = lines.compactMap { line in line.needIndex.map { (code: line.code, value: $0) } }
        if let lowest = needs.min(by: { ($0.value, $0.code) < ($1.value, $1.code) }),
           let highest = needs.max(by: { ($0.value, $1.code) < ($1.value, $0.code) }) {
            figures.append(("lowest_need_index", .object([("code", .string(lowest.code)), ("value", .number(lowest.value))])))
            figures.append(("highest_need_index", .object([("code", .string(highest.code)), ("value", .number(highest.value))])))
        }
        let distances = lines.compactMap { line in line.distanceFromTarget.map { (code: line.code, value: $0) } }
        if !distances.isEmpty {
            let sorted = distances.map(\.value).sorted()
            let middle = sorted.count / 2
            let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            let under = distances.min { ($0.value, $0.code) < ($1.value, $1.code) }!
            let over = distances.max { ($0.value, $1.code) < ($1.value, $0.code) }!
            figures += [
                ("baselines", .integer(distances.count)),
                ("median_distance_from_target", .number(median)),
                ("within_two_percent_of_target", .integer(distances.filter { abs($0.value) <= 0.02 }.count)),
                ("furthest_under_target", .object([("code", .string(under.code)), ("distance", .number(under.value))])),
                ("furthest_over_target", .object([("code", .string(over.code)), ("distance", .number(over.value))])),
            ]
        }
        if let pace = result.pace { figures.append(("common_growth", .number(pace.commonGrowth))) }
        return figures
    }
}
