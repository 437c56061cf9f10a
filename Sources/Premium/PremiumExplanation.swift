import Foundation
import Tables

/// The arithmetic of one practice's payment, line by line, in pounds: the pot, each measure's
/// pot, achievement, score, basis and earned amount, the scale, caps and floors, the rounded
/// payment and its split across measures. Amounts are shown to the penny and factors to six
/// significant places, so a line may differ from the product of the shown figures in the last
/// penny; the payment and its split are the exact whole-pence results.
public enum PremiumExplanation {
    /// nil when `code` is not a member practice.
    public static func lines(for code: String, in distribution: PremiumDistribution) -> [String]? {
        guard let practice = distribution.practice(code) else { return nil }
        let scheme = distribution.scheme
        var lines: [String] = []
        lines.append("Quality premium \(DataError.quoted(scheme.name)): practice \(practice.code), \(grouped(practice.registeredPatients)) registered patients")
        lines += potLines(distribution)

        for (index, measurePot) in distribution.measurePots.enumerated() {
            let measure = measurePot.measure
            let result = practice.measures[index]
            lines.append("")
            lines.append("Measure \(measure.id)\(measure.name == measure.id ? "" : " (\(measure.name))"): \(scheme.weightName) \(number(measure.weight)) of \(number(scheme.weightTotal)): \(Money.pounds(distribution.pot.potPence)) × \(number(measure.weight))/\(number(scheme.weightTotal)) = \(Money.pounds(measurePot.potPence))")
            lines += achievementLines(result, measure: measure, scheme: scheme)
            switch result.eligibility {
            case .listBelowMinimum(let minimum):
                lines.append("  not eligible: \(grouped(practice.registeredPatients)) registered patients, below the minimum list size of \(grouped(minimum)); earned £0.00")
                continue
            case .denominatorBelowMinimum(let minimum):
                lines.append("  not eligible: denominator after exceptions \(grouped(result.count.effectiveDenominator(scheme.exceptions))), below the minimum of \(grouped(minimum)); earned £0.00")
                continue
            case .eligible:
                break
            }
            lines += scoreLines(result, measure: measure)
            lines += basisLines(result, measure: measure, measurePot: measurePot, practice: practice, scheme: scheme)
            lines.append("  earned = \(Money.pounds(measurePot.potPence)) × \(number(result.score!)) × \(number(result.basisShare)) = \(Money.pounds(exactly: result.earned))")
        }

        lines.append("")
        let parts = practice.measures.map { Money.pounds(exactly: $0.earned) }.joined(separator: " + ")
        lines.append("Earned on all measures: \(parts) = \(Money.pounds(exactly: practice.earned))")
        lines += paymentLines(practice, distribution: distribution)
        lines.append("")
        lines.append("Split across measures (kept earnings, plus money received attributed to the measures whose unearned or cut money funded it; whole pence, adding up to the payment):")
        for (index, measure) in scheme.measures.enumerated() {
            let result = practice.measures[index]
            lines.append("  \(measure.id): earned \(Money.pounds(exactly: result.earned)) − cut \(Money.pounds(exactly: result.cut)) + received \(Money.pounds(exactly: result.received)) = \(Money.pounds(result.paymentPence))")
        }
        lines.append("  total \(Money.pounds(practice.paymentPence))")
        return lines
    }

    static func potLines(_ distribution: PremiumDistribution) -> [String] {
        let pot = distribution.pot
        let scheme = distribution.scheme
        var lines = ["", "Pot"]
        switch scheme.pot {
        case .fixed:
            lines.append("  fixed sum: \(Money.pounds(pot.basePence))")
        case .perHead(let pounds):
            lines.append("  \(perHead(pounds)) per head × \(grouped(pot.registeredPatients)) registered patients of the member practices = \(Money.pounds(pot.basePence))")
        }
        if !scheme.standards.isEmpty {
            let failed = pot.failedStandards.isEmpty ? "none failed" : "failed: \(pot.failedStandards.joined(separator: "; "))"
            lines.append("  national standards: \(pot.failedStandards.count) of \(scheme.standards.count) failed (\(failed)) × \(number(scheme.reductionPerFailedStandard))% = \(number(pot.reductionPercent))% off: \(Money.pounds(pot.basePence)) − \(Money.pounds(pot.basePence - pot.afterStandardsPence)) = \(Money.pounds(pot.afterStandardsPence))")
        }
        if let gateway = pot.gateway {
            let figures = "outturn \(Money.pounds(gateway.outturnPence)), allocation \(Money.pounds(gateway.allocationPence)) (\(gateway.source))"
            if !gateway.overspent {
                lines.append("  gateway: \(figures): not overspent, no reduction")
            } else {
                switch gateway.consequence {
                case .withhold:
                    lines.append("  gateway: \(figures): overspent, the premium is withheld: £0.00")
                case .reduce(let percent):
                    lines.append("  gateway: \(figures): overspent, \(number(percent))% off: \(Money.pounds(pot.afterStandardsPence)) − \(Money.pounds(pot.afterStandardsPence - pot.potPence)) = \(Money.pounds(pot.potPence))")
                }
            }
        }
        lines.append("  pot = \(Money.pounds(pot.potPence))")
        return lines
    }

    static func achievementLines(_ result: PracticeMeasureResult, measure: QualityMeasure, scheme: PremiumScheme) -> [String] {
        let count = result.count
        let denominator = scheme.exceptions == .subtract && count.exceptions > 0
            ? "(\(grouped(count.denominator)) − \(grouped(count.exceptions)) exceptions)" : grouped(count.effectiveDenominator(scheme.exceptions))
        let value = result.achievement.map { "\(fixed($0, places: 2))%" } ?? "undefined"
        var lines = ["  achievement = \(grouped(count.numerator)) / \(denominator) = \(value)"]
        if measure.scoring == .improvement, let baseline = result.baselineAchievement, let achievement = result.achievement {
            let change = measure.polarity == .higherIsBetter
                ? "\(fixed(achievement, places: 2)) − \(fixed(baseline, places: 2))" : "\(fixed(baseline, places: 2)) − \(fixed(achievement, places: 2))"
            lines.append("  baseline achievement \(fixed(baseline, places: 2))%; improvement = \(change) = \(fixed(result.improvement ?? 0, places: 2)) percentage points")
        }
        return lines
    }

    static func scoreLines(_ result: PracticeMeasureResult, measure: QualityMeasure) -> [String] {
        let value = measure.scoring == .improvement ? result.improvement! : result.achievement!
        let lower = number(measure.lowerThreshold)
        let upper = number(measure.upperThreshold)
        let shown = fixed(value, places: 2)
        let raw: Double
        let formula: String
        if measure.scoring == .level && measure.polarity == .lowerIsBetter {
            raw = (measure.upperThreshold - value) / (measure.upperThreshold - measure.lowerThreshold)
            formula = "(\(upper) − \(shown)) / (\(upper) − \(lower))"
        } else {
            raw = (value - measure.lowerThreshold) / (measure.upperThreshold - measure.lowerThreshold)
            formula = "(\(shown) − \(lower)) / (\(upper) − \(lower))"
        }
        let direction = measure.polarity == .higherIsBetter ? "higher is better" : "lower is better"
        let clamped = raw == result.score! ? "" : " → \(number(result.score!)) (scores are held between 0 and 1)"
        return ["  score (\(direction), thresholds \(lower) to \(upper)) = \(formula) = \(number(raw))\(clamped)"]
    }

    static func basisLines(_ result: PracticeMeasureResult, measure: QualityMeasure, measurePot: MeasurePot, practice: PracticePayment,
                           scheme: PremiumScheme) -> [String] {
        let share = "share = \(number(result.basis)) / \(number(measurePot.basisTotal)) = \(number(result.basisShare))"
        switch measure.basis {
        case .listSize:
            return ["  basis: list size \(grouped(practice.registeredPatients)) of \(number(measurePot.basisTotal)) over \(measurePot.eligiblePractices) eligible practices; \(share)"]
        case .weightedListSize(let column, let source):
            return ["  basis: weighted list (\(column), \(source.rawValue) file) \(number(result.basis)) of \(number(measurePot.basisTotal)) over \(measurePot.eligiblePractices) eligible practices; \(share)"]
        case .prevalenceAdjusted(let power, _):
            let eligible = result.count.eligiblePatients(scheme.exceptions)
            let prevalence = Double(eligible) / Double(practice.registeredPatients)
            var lines = [
                "  prevalence = \(grouped(eligible)) eligible / \(grouped(practice.registeredPatients)) registered = \(fixed(100 * prevalence, places: 4))%; consortium \(fixed(100 * (measurePot.consortiumPrevalence ?? 0), places: 4))%",
                "  prevalence factor = (\(number(prevalence)) / \(number(measurePot.consortiumPrevalence ?? 0)))^\(number(power)) = \(number(result.prevalenceFactor ?? 0))",
            ]
            if let index = result.populationIndex, let mean = measurePot.meanListSize {
                lines.append("  population index = \(grouped(practice.registeredPatients)) / mean list \(number(mean)) = \(number(index)); basis = \(number(result.prevalenceFactor ?? 0)) × \(number(index)) = \(number(result.basis))")
            }
            lines.append("  basis: \(share) (over \(measurePot.eligiblePractices) eligible practices)")
            return lines
        }
    }

    static func paymentLines(_ practice: PracticePayment, distribution: PremiumDistribution) -> [String] {
        let scheme = distribution.scheme
        var lines: [String] = []
        guard let scale = distribution.scale else {
            return ["The pot is £0.00: no payment (floors do not apply).", "Payment = £0.00"]
        }
        let scaled: String
        if scale == .infinity {
            scaled = practice.earned > 0 ? "every earning practice reaches its cap before the pot is paid out" : "the practice earned nothing"
        } else {
            scaled = "\(Money.pounds(exactly: practice.earned)) × \(number(scale)) = \(Money.pounds(exactly: practice.earned * scale))"
        }
        switch scheme.unearned {
        case .redistribute:
            lines.append("Unearned money is redistributed pro rata to earnings: common scale λ = \(scale == .infinity ? "unbounded" : number(scale)) (\(Money.pounds(distribution.distributedPence)) of the pot \(Money.pounds(distribution.pot.potPence)) paid, \(Money.pounds(distribution.returnedPence)) returned)")
        case .return:
            lines.append("Unearned money is returned: scale λ = \(number(scale))\(scale < 1 ? " (below 1 so that the floors can be paid from the pot)" : "") (\(Money.pounds(distribution.distributedPence)) paid, \(Money.pounds(distribution.returnedPence)) returned)")
        }
        lines.append("  scaled earnings: \(scaled)")
        if let cap = practice.capPence {
            let binds = practice.earned > 0 && (scale == .infinity || practice.earned * scale >= Double(cap))
            lines.append("  cap \(Money.pounds(cap))\(binds ? ": binds" : ": does not bind")")
        }
        if scheme.limits.floor != nil {
            if practice.floorPence == 0 && scheme.limits.floorRecipients == .earningPractices && practice.earned == 0 {
                lines.append("  floor: only for practices that earned something; does not apply")
            } else {
                let binds = practice.payment <= Double(practice.floorPence) && (practice.earned == 0 || practice.earned * scale < Double(practice.floorPence))
                lines.append("  floor \(Money.pounds(practice.floorPence))\(binds ? ": binds" : ": does not bind")")
            }
        }
        lines.append("  payment before rounding = \(Money.pounds(exactly: practice.payment)) (\(fixed(practice.payment, places: 4)) pence)")
        let share = practice.share.map { "\(fixed(100 * $0, places: 4))% of" } ?? "of"
        lines.append("Payment = \(Money.pounds(practice.paymentPence)) (whole pence by largest remainder over practices, ties by practice code), \(share) \(Money.pounds(distribution.distributedPence)) distributed")
        return lines
    }

    /// Six significant digits, without trailing zeros (`0.208333`, `2.25`, `1`).
    static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return grouped(Int(value)) }
        var text = String(format: "%.6g", value)
        if text.contains("e") { return text }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A rate in pounds: two decimals when that is exact (`£1.50`), otherwise six significant digits.
    static func perHead(_ pounds: Double) -> String {
        let pence = pounds * 100
        if abs(pence - pence.rounded()) < 1e-9 { return Money.pounds(Int(pence.rounded())) }
        return "£" + number(pounds)
    }

    static func fixed(_ value: Double, places: Int) -> String {
        String(format: "%.\(places)f", value)
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(character)
        }
        return (value < 0 ? "−" : "") + text
    }
}
