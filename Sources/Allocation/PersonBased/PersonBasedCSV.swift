import Tables

/// The CSV layouts of `consortium pbra` (docs/pbra-model.md, "Outputs"): headers and rows, so the
/// CLI only opens writers.
public enum PersonBasedCSV {
    /// `term, variable, level, role, coefficient, standard_error, t, p`, with `--robust` also
    /// `robust_standard_error, robust_t, robust_p`, then `national_mean`.
    public static func coefficientsHeader(robust: Bool) -> [String] {
        ["term", "variable", "level", "role", "coefficient", "standard_error", "t", "p"]
            + (robust ? ["robust_standard_error", "robust_t", "robust_p"] : []) + ["national_mean"]
    }

    public static func coefficientRows(_ fit: PersonBasedFit) -> [[CSVValue]] {
        let regression = fit.regression
        let t = fit.tStatistics, p = fit.pValues
        let robustT = fit.robustTStatistics, robustP = fit.robustPValues
        return fit.terms.indices.map { index in
            let term = fit.terms[index]
            var row: [CSVValue] = [
                .text(term.name), term.variable.isEmpty ? .missing : .text(term.variable), term.level.map { .text($0) } ?? .missing,
                .text(term.role.rawValue), .number(regression.coefficients[index]), .number(regression.standardErrors[index]),
                .number(t[index]), .number(p[index]),
            ]
            if let robust = fit.robust, let robustT, let robustP {
                row += [.number(robust.standardErrors[index]), .number(robustT[index]), .number(robustP[index])]
            }
            row.append(.number(fit.nationalMeans[index]))
            return row
        }
    }

    /// `statistic, term, value`.
    public static let summaryHeader = ["statistic", "term", "value"]

    /// rows (all rows read), n (persons with positive weight), p, degrees_of_freedom,
    /// sum_of_weights, response_mean, r_squared, adjusted_r_squared (empty when the response does
    /// not vary), residual_standard_error, then one `supply_mean` per supply term.
    public static func summaryRows(_ fit: PersonBasedFit) -> [[CSVValue]] {
        let regression = fit.regression
        var rows: [[CSVValue]] = [
            [.text("rows"), .missing, .wholeNumber(fit.rowsRead)],
            [.text("n"), .missing, .wholeNumber(regression.n)],
            [.text("p"), .missing, .wholeNumber(regression.p)],
            [.text("degrees_of_freedom"), .missing, .wholeNumber(regression.degreesOfFreedom)],
            [.text("sum_of_weights"), .missing, .number(fit.sumOfWeights)],
            [.text("response_mean"), .missing, .number(fit.responseMean)],
            [.text("r_squared"), .missing, regression.rSquared.map { .number($0) } ?? .missing],
            [.text("adjusted_r_squared"), .missing, regression.adjustedRSquared.map { .number($0) } ?? .missing],
            [.text("residual_standard_error"), .missing, .number(regression.residualStandardError)],
        ]
        for (term, mean) in fit.supplyMeans { rows.append([.text("supply_mean"), .text(term), .number(mean)]) }
        return rows
    }

    /// `practice_code, patients, predicted_cost, need_share`.
    public static let practicesHeader = ["practice_code", "patients", "predicted_cost", "need_share"]

    public static func practiceRows(_ prediction: NeedPrediction) -> [[CSVValue]] {
        practiceRows(prediction.practices)
    }

    public static func practiceRows(_ practices: [PracticeNeed]) -> [[CSVValue]] {
        practices.map { practice in
            [.text(practice.practiceCode), .wholeNumber(practice.patients), .number(practice.predictedCost), .number(practice.needShare)]
        }
    }

    /// `person_id, practice_code, predicted_cost`.
    public static let personsHeader = ["person_id", "practice_code", "predicted_cost"]

    public static func personRows(_ chunk: PersonPredictions) -> [[CSVValue]] {
        chunk.personIDs.indices.map { row in
            [.text(chunk.personIDs[row]), .text(chunk.practiceCodes[row]), .number(chunk.predictedCosts[row])]
        }
    }
}
