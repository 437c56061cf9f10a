import Tables

/// A consortium's planned spending for the year, in pence.
public struct PlannedSpend: Sendable {
    /// Everything the consortium plans to spend, to be compared with its allocation (budget).
    public var total: Int
    /// The part that is running (administration) costs, when stated.
    public var runningCosts: Int?
    /// Where the plan was read.
    public var location: SourceLocation?

    public init(total: Int, runningCosts: Int?, location: SourceLocation? = nil) {
        self.total = total
        self.runningCosts = runningCosts
        self.location = location
    }
}

/// A consortium's running-cost limit and break-even position.
public struct RunningCostCheck: Sendable {
    public var consortiumCode: String
    /// The running-cost allowance: pounds per head × registered patients, in pence (nil when no
    /// allowance per head was given).
    public var allowance: Int?
    public var plannedSpend: PlannedSpend?
    /// budget − planned spend (nil without a plan): negative when the plan does not break even.
    public var surplus: Int?
    /// Planned spend above the allocation.
    public var overAllocation: Bool?
    /// Planned running costs above the allowance (nil unless both are known).
    public var overRunningCostAllowance: Bool?
}

/// Running-cost allowances and break-even checks per consortium: a consortium's administration
/// limit is a sum per registered head, and its plan breaks even when planned spending does not
/// exceed its allocation.
public enum RunningCosts {
    /// `perHead` pounds per registered patient (may be nil), `plans` by consortium code (may be
    /// nil). With plans, every consortium needs one, and every plan a consortium.
    public static func check(lines: [BudgetLine], perHead: Double?, plans: [String: PlannedSpend]?, plansFile: String?) throws -> [RunningCostCheck] {
        if let plans {
            let known = Set(lines.map(\.consortiumCode))
            let unknown = plans.filter { !known.contains($0.key) }.sorted { ($0.value.location?.line ?? 0) < ($1.value.location?.line ?? 0) }
            if let first = unknown.first {
                throw DataError(.badData, at: first.value.location ?? SourceLocation(file: plansFile ?? "planned spend"),
                                "planned spend for consortium \(first.key), which has no practices")
            }
            if let missing = lines.first(where: { plans[$0.consortiumCode] == nil }) {
                throw DataError(.badData, at: SourceLocation(file: plansFile ?? "planned spend"), "no planned spend for consortium \(missing.consortiumCode)")
            }
        }
        return lines.map { line in
            let allowance = perHead.map { Int(($0 * line.registeredPatients * 100).rounded(.toNearestOrAwayFromZero)) }
            let plan = plans?[line.consortiumCode]
            var check = RunningCostCheck(consortiumCode: line.consortiumCode, allowance: allowance, plannedSpend: plan)
            if let plan {
                check.surplus = line.budget - plan.total
                check.overAllocation = plan.total > line.budget
                if let allowance, let running = plan.runningCosts { check.overRunningCostAllowance = running > allowance }
            }
            return check
        }
    }
}
