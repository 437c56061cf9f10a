import Reports

/// Which table of each step a notebook shows, and how much of it.
enum StepTables {
    struct Table {
        var file: String
        /// The pandas variable name.
        var variable: String
        var columns: [String]
        var filter: (column: String, values: [String])?
        var limit: Int
        var decimals: Int
        /// Markdown before the cell.
        var heading: String?
    }

    static func tables(for step: StepRecord) -> [Table] {
        let variable = step.name.replacingOccurrences(of: "-", with: "_")
        let files = step.outputs.map(\.path)
        switch step.kind {
        case "budgets":
            let level = step.summary["level"]?.stringValue ?? "practice"
            let code = level == "practice" ? "practice_code" : "consortium_code"
            var tables = [Table(file: "\(step.name).csv", variable: variable,
                                columns: [code, "registered_patients", "need_index", "target_budget", "baseline", "distance_from_target", "budget", "growth"],
                                limit: 10, decimals: 3, heading: nil)]
            if files.contains("\(step.name)-explanation.csv") {
                tables.append(Table(file: "\(step.name)-explanation.csv", variable: variable + "_explanation",
                                    columns: ["practice_code", "component", "factor", "amount", "amount_per_head"], limit: 40, decimals: 3,
                                    heading: "How one practice's budget differs from the average per head, factor by factor (the amounts add up to its budget):"))
            }
            return tables
        case "needs":
            return [Table(file: "\(step.name).csv", variable: variable,
                          columns: ["practice_code", "consortium_code", "patients", "imd_score", "deprivation_group", "cumulative_population_midpoint"],
                          limit: 10, decimals: 3, heading: nil)]
        case "indicators":
            return [Table(file: "\(step.name).csv", variable: variable,
                          columns: ["indicator_id", "org_code", "period", "numerator", "denominator", "value", "lowercl", "uppercl", "confidence"],
                          limit: 10, decimals: 3, heading: nil)]
        case "inequality":
            let by = step.options["by"]?.stringValue.map { $0.split(separator: ",").map(String.init) } ?? []
            return [
                Table(file: "\(step.name)-groups.csv", variable: variable + "_groups",
                      columns: by + ["deprivation_group", "population", "organisations", "value", "lowercl", "uppercl"],
                      limit: 30, decimals: 3, heading: "Each deprivation group (1 = most deprived) with its value and 95% limits:"),
                Table(file: "\(step.name).csv", variable: variable,
                      columns: by + ["measure", "value", "lowercl", "uppercl", "confidence"],
                      filter: ("measure", ["mean", "sii", "rii", "rii_ratio", "gap", "ratio", "concentration_index"]),
                      limit: 40, decimals: 4, heading: "The measures (the `method` column of the file says how each was computed):"),
            ]
        case "premium":
            return [
                Table(file: "\(step.name).csv", variable: variable, columns: ["practice_code", "payment", "share", "registered_patients", "earned"],
                      limit: 10, decimals: 3, heading: nil),
                Table(file: "\(step.name)-summary.csv", variable: variable + "_summary",
                      columns: ["measure_id", "available", "earned", "unearned", "redistributed", "returned", "paid", "eligible_practices"],
                      limit: 30, decimals: 2, heading: "Each measure's money (available = earned + unearned = paid + returned):"),
            ]
        case "benchmark":
            return [
                Table(file: "\(step.name)-summary.csv", variable: variable + "_summary",
                      columns: ["indicator_id", "organisations", "comparator_value", "phi", "phi_threshold", "tau2", "dispersion_model", "outside_95", "outside_998"],
                      limit: 30, decimals: 3, heading: "Over-dispersion by indicator:"),
                Table(file: "\(step.name).csv", variable: variable,
                      columns: ["indicator_id", "org_code", "value", "lowercl", "uppercl", "comparator_value", "significance", "funnel_flag", "quintile"],
                      limit: 10, decimals: 3, heading: nil),
            ]
        case "peers":
            return [Table(file: "\(step.name).csv", variable: variable, columns: ["org_code", "peer_rank", "peer_code", "distance"],
                          limit: 10, decimals: 3, heading: nil)]
        case "risk":
            var tables = [Table(file: "\(step.name).csv", variable: variable,
                                columns: ["consortium_code", "arrangement", "patients", "budget", "expected_spend", "probability_of_overspend",
                                          "overspend_p95", "reserve", "normal_probability_of_overspend", "normal_reserve"],
                                limit: 40, decimals: 3, heading: nil)]
            if files.contains("\(step.name)-size-curve.csv") {
                tables.append(Table(file: "\(step.name)-size-curve.csv", variable: variable + "_size_curve",
                                    columns: ["list_size", "arrangement", "probability_of_overspend", "margin_needed_percent", "reserve_percent",
                                              "normal_probability_of_overspend", "normal_margin_needed_percent"],
                                    limit: 30, decimals: 3, heading: "The size curve: one list of each size with the same age-sex mix and the same budget margin (margins and reserves in percent of expected spend):"))
            }
            return tables
        case "pbra-fit":
            return [
                Table(file: "\(step.name).csv", variable: variable,
                      columns: ["term", "role", "coefficient", "standard_error", "t", "p", "national_mean"],
                      limit: 40, decimals: 3, heading: nil),
                Table(file: "\(step.name)-summary.csv", variable: variable + "_summary", columns: ["statistic", "term", "value"],
                      limit: 30, decimals: 3, heading: "The fit's summary:"),
            ]
        case "pbra-predict":
            return [Table(file: "\(step.name).csv", variable: variable, columns: ["practice_code", "patients", "predicted_cost", "need_share"],
                          limit: 10, decimals: 3, heading: nil)]
        case "synth":
            return files.contains("\(step.name)/practices.csv")
                ? [Table(file: "\(step.name)/practices.csv", variable: variable + "_practices",
                         columns: ["practice_code", "practice_name", "locality", "practice_type", "imd_score", "registered_patients"],
                         limit: 10, decimals: 3, heading: nil)]
                : []
        default:
            return []
        }
    }
}
