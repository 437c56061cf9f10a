import Tables

/// The budgets output's columns and rows (design/README.md, "Core outputs": `practice_code`,
/// `consortium_code`, `registered_patients`, `weighted_population`, `need_index`, `target_share`,
/// `target_budget`, `baseline`, `distance_from_target`, `budget`, then one column per formula
/// component, then `growth`). At consortium level the first column is `consortium_code` followed
/// by `practices`; running-cost columns follow when asked for.
public enum BudgetCSV {
    public static func header(result: BudgetResult, runningCosts: Bool) -> [String] {
        let leading = result.level == .practice ? ["practice_code", "consortium_code"] : ["consortium_code", "practices"]
        var header = leading + ["registered_patients", "weighted_population", "need_index", "target_share", "target_budget",
                                "baseline", "distance_from_target", "budget"]
        header += result.indexColumns
        header.append("growth")
        if runningCosts {
            header += ["running_cost_allowance", "planned_spend", "planned_running_costs", "surplus", "over_allocation",
                       "over_running_cost_allowance"]
        }
        return header
    }

    public static func row(_ line: BudgetLine, level: BudgetLevel, check: RunningCostCheck?, runningCosts: Bool) -> [CSVValue] {
        var row: [CSVValue] = level == .practice
            ? [.text(line.code), .text(line.consortiumCode)]
            : [.text(line.code), .wholeNumber(line.practiceCount)]
        row += [.number(line.registeredPatients), .number(line.weightedPopulation), optional(line.needIndex),
                .number(line.targetShare), .pence(line.targetBudget), line.baseline.map(CSVValue.pence) ?? .missing,
                optional(line.distanceFromTarget), .pence(line.budget)]
        row += line.indices.map(optional)
        row.append(optional(line.growth))
        if runningCosts {
            row += [check?.allowance.map(CSVValue.pence) ?? .missing,
                    check?.plannedSpend.map { CSVValue.pence($0.total) } ?? .missing,
                    check?.plannedSpend?.runningCosts.map(CSVValue.pence) ?? .missing,
                    check?.surplus.map(CSVValue.pence) ?? .missing,
                    flag(check?.overAllocation), flag(check?.overRunningCostAllowance)]
        }
        return row
    }

    /// Writes the whole result.
    public static func write(_ outcome: BudgetOutcome, to writer: CSVWriter) throws {
        let runningCosts = outcome.runningCosts != nil
        for (index, line) in outcome.result.lines.enumerated() {
            try writer.write(row(line, level: outcome.result.level, check: outcome.runningCosts?[index], runningCosts: runningCosts))
        }
    }

    /// Columns of an explanation.
    public static let explanationHeader = ["practice_code", "component", "factor", "amount", "amount_per_head"]

    public static func explanationRows(_ explanation: BudgetExplanation) -> [[CSVValue]] {
        explanation.lines.map { line in
            [.text(explanation.practiceCode), .text(line.component), optional(line.factor), .pence(line.amount),
             .number(Double(line.amount) / 100 / explanation.registeredPatients)]
        }
    }

    static func optional(_ value: Double?) -> CSVValue { value.map(CSVValue.number) ?? .missing }

    static func flag(_ value: Bool?) -> CSVValue { value.map { .text($0 ? "true" : "false") } ?? .missing }
}
