import Reports

/// What a step found, in sentences built from the figures of its summary in the manifest.
enum StepNarrative {
    static let pounds = NumberFormat.pounds()
    static let poundsAndPence = NumberFormat.pounds(decimals: 2)
    static let whole = NumberFormat()
    static let percent = NumberFormat.percentOfFraction(decimals: 1)

    static func text(_ step: StepRecord) -> String {
        let summary = step.summary
        switch step.kind {
        case "budgets": return budgets(summary)
        case "needs": return needs(summary)
        case "indicators": return indicators(summary)
        case "inequality": return inequality(summary, step: step)
        case "premium": return premium(summary)
        case "benchmark": return benchmark(summary)
        case "risk": return risk(summary)
        case "peers": return "Each of \(whole.text(summary["organisations"]?.numberValue ?? 0)) organisations gets its \(whole.text(summary["peers_each"]?.numberValue ?? 0)) nearest peers by the distance between its standardised features (equal distances broken by code)."
        case "pbra-fit": return "Each person's cost is regressed on the model's need and supply variables: \(whole.text(summary["terms"]?.numberValue ?? 0)) terms fitted to \(whole.text(summary["persons"]?.numberValue ?? 0)) persons by least squares; a supply term's national mean is where prediction holds it."
        case "pbra-predict": return "Every person's predicted cost (supply held at its national mean when neutralised) is summed to \(whole.text(summary["practices"]?.numberValue ?? 0)) practices; a practice's need share is its predicted cost over the total of \(pounds.text(summary["total_predicted_cost"]?.numberValue ?? 0)), and the shares add up to 1."
        case "synth": return "The seeded synthetic data set's \(whole.text(summary["files"]?.numberValue ?? 0)) files are in the folder `\(step.name)/` of the run."
        default: return ""
        }
    }

    static func code(_ value: JSONValue?) -> String { value?["code"]?.stringValue ?? "?" }

    static func budgets(_ summary: JSONValue) -> String {
        let level = summary["level"]?.stringValue ?? "practice"
        let units = level == "practice" ? "practices" : "consortia"
        let lines = summary["lines"]?.numberValue ?? 0
        var text = "The formula"
        if let formula = summary["formula"]?.stringValue { text += " (*\(formula)*)" }
        text += " shares \(pounds.text(summary["total_pounds"]?.numberValue ?? 0)) among \(whole.text(lines)) \(units) with \(whole.text(summary["registered_patients"]?.numberValue ?? 0)) registered patients: \(poundsAndPence.text(summary["budget_per_head"]?.numberValue ?? 0)) per head on average. "
        text += "A line's target is its share of the weighted population times the total, in pence adding up exactly to the total; its need index is its target per head over the average."
        if let low = summary["lowest_per_head"], let high = summary["highest_per_head"] {
            text += " Budgets per head run from \(poundsAndPence.text(low["pounds"]?.numberValue ?? 0)) (`\(code(low))`) to \(poundsAndPence.text(high["pounds"]?.numberValue ?? 0)) (`\(code(high))`)"
        }
        if let low = summary["lowest_need_index"], let high = summary["highest_need_index"] {
            text += ", following need indices from \(NumberFormat(decimals: 3).text(low["value"]?.numberValue ?? 0)) (`\(code(low))`) to \(NumberFormat(decimals: 3).text(high["value"]?.numberValue ?? 0)) (`\(code(high))`)."
        } else {
            text += "."
        }
        if let baselines = summary["baselines"]?.numberValue {
            text += "\n\nWith baselines for \(whole.text(baselines)) \(units), the distance from target, (baseline − target) ÷ target, has median \(percent.text(summary["median_distance_from_target"]?.numberValue ?? 0)); "
            text += "\(whole.text(summary["within_two_percent_of_target"]?.numberValue ?? 0)) are within ±2% of target. "
            let under = summary["furthest_under_target"], over = summary["furthest_over_target"]
            text += "Furthest under target: `\(code(under))` (\(percent.text(under?["distance"]?.numberValue ?? 0))); furthest over: `\(code(over))` (\(percent.text(over?["distance"]?.numberValue ?? 0)))."
        }
        if let growth = summary["common_growth"]?.numberValue {
            text += " Budgets move from the baselines towards the targets by the formula's pace-of-change rule, with a common growth of \(NumberFormat.percentOfFraction(decimals: 2).text(growth))."
        }
        return text
    }

    static func premium(_ summary: JSONValue) -> String {
        var text = "The scheme"
        if let scheme = summary["scheme"]?.stringValue { text += " (*\(scheme)*)" }
        text += " sets a pot of \(poundsAndPence.text(summary["pot_pounds"]?.numberValue ?? 0)); \(poundsAndPence.text(summary["paid_pounds"]?.numberValue ?? 0)) is paid to \(whole.text(summary["practices_paid"]?.numberValue ?? 0)) of \(whole.text(summary["practices"]?.numberValue ?? 0)) practices by their achievement, and \(poundsAndPence.text(summary["returned_pounds"]?.numberValue ?? 0)) is returned. Payments add up to the amount paid, to the penny."
        if let top = summary["largest_payment"] {
            text += " The largest payment is \(poundsAndPence.text(top["pounds"]?.numberValue ?? 0)) (`\(code(top))`)."
        }
        return text
    }

    static func risk(_ summary: JSONValue) -> String {
        let breakEven = summary["break_even_probability"]?.numberValue ?? 0.95
        var text = "The annual spend of each of \(whole.text(summary["consortia"]?.numberValue ?? 0)) consortia (\(whole.text(summary["patients"]?.numberValue ?? 0)) patients in all) is simulated \(whole.text(summary["replications"]?.numberValue ?? 0)) times (seed \(summary["seed"]?.stringValue ?? "?")) from the per-person cost model, beside its normal approximation. "
        if let margin = summary["margin"]?.numberValue {
            text += "Each budget is its expected spend plus \(NumberFormat.percentOfFraction(decimals: 1).text(margin)); "
        } else {
            text += "Budgets are given; "
        }
        text += "the reserve is what a consortium would need on top of it for a \(NumberFormat.percentOfFraction(decimals: 0).text(breakEven)) chance to break even."
        let names = ["none": "Without pooling", "high_cost_pool": "With the high-cost pool", "risk_share": "With risk sharing",
                     "high_cost_pool+risk_share": "With the high-cost pool and risk sharing"]
        for entry in summary["arrangements"]?.arrayValue ?? [] {
            let arrangement = entry["arrangement"]?.stringValue ?? ""
            let low = entry["lowest_probability_of_overspend"], high = entry["highest_probability_of_overspend"]
            text += "\n\n**\(names[arrangement] ?? arrangement)**: the probability of overspending runs from \(NumberFormat(decimals: 3).text(low?["probability"]?.numberValue ?? 0)) (`\(code(low))`) to \(NumberFormat(decimals: 3).text(high?["probability"]?.numberValue ?? 0)) (`\(code(high))`); the reserves add up to \(pounds.text(entry["reserves_pounds"]?.numberValue ?? 0))."
        }
        if summary["size_curve_sizes"] != nil, let margin = summary["margin"]?.numberValue {
            if let size = summary["smallest_size_margin_suffices"]?.numberValue {
                text += "\n\nOn the size curve, without pooling, the \(NumberFormat.percentOfFraction(decimals: 1).text(margin)) margin alone first gives a \(NumberFormat.percentOfFraction(decimals: 0).text(breakEven)) chance to break even at a list of \(whole.text(size)) patients."
            } else {
                text += "\n\nOn the size curve, without pooling, the \(NumberFormat.percentOfFraction(decimals: 1).text(margin)) margin alone gives a \(NumberFormat.percentOfFraction(decimals: 0).text(breakEven)) chance to break even at none of the list sizes."
            }
        }
        return text
    }

    static func benchmark(_ summary: JSONValue) -> String {
        var text = "Each organisation's value with its 95% and 99.8% limits is compared with its comparator; funnel limits around the comparator are widened when the indicator is over-dispersed (φ, the mean squared Winsorised z-score, above what chance allows)."
        for indicator in summary["indicators"]?.arrayValue ?? [] {
            let name = indicator["name"]?.stringValue ?? indicator["indicator_id"]?.stringValue ?? ""
            text += "\n\n**\(name)**"
            if let period = indicator["period"]?.stringValue { text += " (\(period))" }
            text += ": \(whole.text(indicator["organisations"]?.numberValue ?? 0)) organisations against \(indicator["comparator"]?.stringValue ?? "the comparator")"
            if let value = indicator["comparator_value"]?.numberValue { text += " (\(NumberFormat(decimals: 2).text(value)))" }
            text += "; φ = \(NumberFormat(decimals: 2).text(indicator["phi"]?.numberValue ?? 0)), model \(indicator["dispersion_model"]?.stringValue ?? "")"
            if let tau = indicator["tau2"]?.numberValue, tau > 0 { text += " (τ² = \(NumberFormat(decimals: 3).text(tau)))" }
            text += "; \(whole.text(indicator["outside_95"]?.numberValue ?? 0)) outside the 95% limits and \(whole.text(indicator["outside_998"]?.numberValue ?? 0)) outside the 99.8% limits."
            if case .object(let counts)? = indicator["significance"], !counts.isEmpty {
                text += " Against the comparator's value: " + counts.map { "\($0.0) \(whole.text($0.1.numberValue ?? 0))" }.joined(separator: ", ") + "."
            }
        }
        return text
    }

    static func needs(_ summary: JSONValue) -> String {
        let groups = Int(summary["groups"]?.numberValue ?? 0)
        var text = "\(whole.text(summary["practices"]?.numberValue ?? 0)) practices with \(whole.text(summary["patients"]?.numberValue ?? 0)) patients are ordered from most to least deprived by their patient-weighted deprivation score and cut into \(groups) groups holding about a \(groups == 10 ? "tenth" : groups == 5 ? "fifth" : "1/\(groups)") of the patients each (group 1 is the most deprived)."
        if let low = summary["lowest_score"], let high = summary["highest_score"] {
            text += " Scores run from \(NumberFormat(decimals: 1).text(low["score"]?.numberValue ?? 0)) (`\(code(low))`) to \(NumberFormat(decimals: 1).text(high["score"]?.numberValue ?? 0)) (`\(code(high))`)."
        }
        if let byGroup = summary["practices_by_group"]?.arrayValue, !byGroup.isEmpty {
            text += "\n\n| group | practices | patients |\n| ---: | ---: | ---: |\n"
            for entry in byGroup {
                text += "| \(whole.text(entry["group"]?.numberValue ?? 0)) | \(whole.text(entry["practices"]?.numberValue ?? 0)) | \(whole.text(entry["patients"]?.numberValue ?? 0)) |\n"
            }
        }
        return text
    }

    static func indicators(_ summary: JSONValue) -> String {
        var text = "The \(summary["statistic"]?.stringValue ?? "") statistic with confidence limits for \(whole.text(summary["groups"]?.numberValue ?? 0)) groups (organisation × indicator × period)."
        if let skipped = summary["skipped_rows"]?.numberValue, skipped > 0 { text += " \(whole.text(skipped)) rows with empty values were skipped." }
        return text
    }

    static func inequality(_ summary: JSONValue, step: StepRecord) -> String {
        let analyses = summary["analyses"]?.arrayValue ?? []
        var text = "The slope index of inequality (SII) is the difference between the fitted values at the most and the least deprived ends of a population-weighted regression line through the groups' values; the relative index (RII) is the SII over the mean."
        for analysis in analyses {
            let key = analysis["key"]?.arrayValue?.compactMap(\.stringValue).joined(separator: " · ") ?? ""
            let values = [analysis["most_deprived_value"]?.numberValue, analysis["least_deprived_value"]?.numberValue].compactMap { $0 }
            let decimals = (values.map(abs).max() ?? 1) >= 100 ? 1 : 2
            let format = NumberFormat(decimals: decimals)
            text += "\n\n" + (key.isEmpty ? "" : "**\(key)**: ")
            text += "most deprived group \(format.text(analysis["most_deprived_value"]?.numberValue ?? 0)), least deprived \(format.text(analysis["least_deprived_value"]?.numberValue ?? 0))"
            if let sii = analysis["sii"], let value = sii["value"]?.numberValue {
                text += "; SII \(format.text(value))"
                if let lower = sii["lower95"]?.numberValue, let upper = sii["upper95"]?.numberValue {
                    text += " (95% \(format.text(lower)) to \(format.text(upper)))"
                }
            }
            if let rii = analysis["rii"]?["value"]?.numberValue { text += ", RII \(NumberFormat(decimals: 3).text(rii))" }
            if let organisations = analysis["organisations"]?.numberValue {
                text += " — \(whole.text(organisations)) organisations in \(whole.text(analysis["groups"]?.numberValue ?? 0)) groups"
            }
            text += "."
        }
        return text
    }
}
