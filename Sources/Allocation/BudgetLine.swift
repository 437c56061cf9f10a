/// Whether budgets are set for practices or for their consortia.
public enum BudgetLevel: String, Sendable, CaseIterable {
    case practice
    case consortium
}

/// One row of the budgets output: a practice, or a consortium at `--level consortium`. Money is
/// held in whole pence.
public struct BudgetLine: Sendable {
    /// The practice code, or the consortium code at consortium level.
    public var code: String
    public var consortiumCode: String
    /// 1 for a practice; the number of member practices for a consortium.
    public var practiceCount: Int
    public var registeredPatients: Double
    public var weightedPopulation: Double
    /// Target per head relative to the average target per head (nil without registered patients).
    public var needIndex: Double?
    public var targetShare: Double
    public var targetBudget: Int
    public var baseline: Int?
    /// (baseline − target) / target: positive over target, negative under (nil without a
    /// baseline or with a zero target).
    public var distanceFromTarget: Double?
    /// The budget after pace of change (the target when there is no pace-of-change rule).
    public var budget: Int
    /// budget / baseline − 1 (nil without a baseline or with a zero baseline).
    public var growth: Double?
    /// One value per entry of `BudgetResult.indexColumns`. For a consortium, the
    /// registered-population-weighted mean of its practices' indices.
    public var indices: [Double?]

    public init(code: String, consortiumCode: String, practiceCount: Int, registeredPatients: Double, weightedPopulation: Double,
                needIndex: Double?, targetShare: Double, targetBudget: Int, baseline: Int?, distanceFromTarget: Double?,
                budget: Int, growth: Double?, indices: [Double?]) {
        self.code = code
        self.consortiumCode = consortiumCode
        self.practiceCount = practiceCount
        self.registeredPatients = registeredPatients
        self.weightedPopulation = weightedPopulation
        self.needIndex = needIndex
        self.targetShare = targetShare
        self.targetBudget = targetBudget
        self.baseline = baseline
        self.distanceFromTarget = distanceFromTarget
        self.budget = budget
        self.growth = growth
        self.indices = indices
    }
}

/// Budgets for every practice or consortium, with what produced them.
public struct BudgetResult: Sendable {
    public var level: BudgetLevel
    public var lines: [BudgetLine]
    /// Names of the index columns: `age_sex_index`, one `<name>_index` per component, and
    /// `unmet_need_index` when the formula has an unmet-need share.
    public var indexColumns: [String]
    public var totalPence: Int
    /// The pace-of-change rule applied and its solution, when there was one.
    public var paceRule: PaceOfChangeRule?
    public var pace: PaceOfChangeSolution?
}
