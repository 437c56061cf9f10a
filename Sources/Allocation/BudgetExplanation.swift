import Apportionment
import Foundation
import Tables

/// One row of a practice's explanation: an amount in pence and, for a formula factor, the factor.
public struct ExplanationLine: Sendable, Equatable {
    /// `equal_share`, `age_sex`, a component's name, `unmet_need`, `normalisation`,
    /// `pace_of_change`, or `budget` (the total of the rows above it).
    public var component: String
    /// The multiplicative factor behind the amount (nil for amounts that are not a factor).
    public var factor: Double?
    public var amount: Int
}

/// How one practice's budget differs from the average budget per head, component by component,
/// in pence that add up exactly.
///
/// The practice's budget at the average per head is Eₚ = nₚ · total / Σn. Its target is
/// Eₚ × need indexₚ, and the need index is a product of factors: the age-sex index A, each
/// component's index Iₖ, the unmet-need factor R (when the formula has an unmet-need share) and
/// the common normalisation N = Σn / ΣW. The difference target − E is split by the logarithmic
/// mean Divisia index (LMDI-I): factor k contributes L · ln fₖ, where L = (target − E) / ln(need
/// index) is the logarithmic mean of target and E (L = E when the need index is 1). Because
/// Σ ln fₖ = ln(need index), the contributions add up to target − E exactly (Ang, B.W. (2004),
/// "Decomposition analysis for policymaking in energy: which is the preferred method?", Energy
/// Policy 32, 1131–1139; Ang & Liu (2001) for the exactness of LMDI).
///
/// In pence: E is rounded to the nearest penny (halves away from zero), the whole-pence
/// difference target − E is apportioned among the factors by the largest-remainder method on
/// their real contributions (ties in the formula's order), and pace of change adds budget −
/// target. So equal share + contributions + pace of change = budget, exactly to the penny.
public struct BudgetExplanation: Sendable {
    public var practiceCode: String
    public var registeredPatients: Double
    /// The rows, the last being `budget`; the amounts of all the others add up to it.
    public var lines: [ExplanationLine]

    public static func explain(
        practiceCode: String, input: CapitationInput, targets: CapitationTargets, formula: AllocationFormula, result: BudgetResult
    ) throws -> BudgetExplanation {
        precondition(result.level == .practice, "BudgetExplanation: explanations are per practice")
        guard let index = input.practiceCodes.firstIndex(of: practiceCode) else {
            throw DataError(.badData, at: SourceLocation(file: input.practiceLocations?.first?.file ?? "practices"),
                            "--explain: practice \(practiceCode) is not among the practices")
        }
        let patients = input.registeredPatients[index]
        guard patients > 0, let need = targets.needIndex[index], let ageSex = targets.ageSexIndex[index], ageSex > 0 else {
            throw DataError(.badData, at: input.location(ofPractice: index),
                            "--explain: practice \(practiceCode) has no registered patients or a zero weighted population, so its budget per head cannot be split into factors")
        }
        var factors: [(String, Double)] = [("age_sex", ageSex)]
        for (position, component) in formula.components.enumerated() {
            factors.append((component.name, targets.componentIndices[position][index]!))
        }
        if formula.unmetNeed != nil, let factor = targets.unmetNeedFactor[index] {
            factors.append(("unmet_need", factor))
        }
        factors.append(("normalisation", targets.normalisation))

        let total = Double(result.totalPence)
        let equalExact = patients / targets.totalRegistered * total
        let equalPence = Int(equalExact.rounded(.toNearestOrAwayFromZero))
        let line = result.lines[index]
        let logNeed = log(need)
        // L = (target − E) / ln(target / E) = E · (need − 1) / ln(need); its limit at need = 1 is E.
        let logarithmicMean = abs(logNeed) < 1e-12 ? equalExact * (1 + logNeed / 2) : equalExact * (need - 1) / logNeed
        let contributions = factors.map { logarithmicMean * log($0.1) }
        let amounts = LargestRemainder.apportion(quotas: contributions, total: line.targetBudget - equalPence)

        var lines = [ExplanationLine(component: "equal_share", factor: nil, amount: equalPence)]
        for (position, factor) in factors.enumerated() {
            lines.append(ExplanationLine(component: factor.0, factor: factor.1, amount: amounts[position]))
        }
        lines.append(ExplanationLine(component: "pace_of_change", factor: nil, amount: line.budget - line.targetBudget))
        lines.append(ExplanationLine(component: "budget", factor: need, amount: line.budget))
        return BudgetExplanation(practiceCode: practiceCode, registeredPatients: patients, lines: lines)
    }
}
