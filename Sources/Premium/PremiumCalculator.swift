import Apportionment
import Foundation
import Tables

/// Distributes a quality-premium pot across member practices, exactly and explainably.
///
/// 1. Pot (`PotDerivation`): base, less failed national standards, less the gateway.
/// 2. Measure pots Pₘ = pot × wₘ / W in whole pence by largest remainder (ties: measure id).
/// 3. For each measure and practice: achievement aᵢₘ = 100 × numerator / (denominator −
///    exceptions); eligibility (minimum list size, minimum denominator); the threshold score
///    sᵢₘ (`ThresholdScore`); the basis bᵢₘ (`PaymentBasis`); earned eᵢₘ = Pₘ × sᵢₘ × bᵢₘ / Σⱼ bⱼₘ
///    over eligible practices. Unearned = Pₘ − Σᵢ eᵢₘ.
/// 4. Payments pᵢ = clamp(λ* × eᵢ, floorᵢ, capᵢ) with eᵢ = Σₘ eᵢₘ and λ* from `PaymentScale`
///    (unbounded when unearned money is redistributed, at most 1 when it is returned).
/// 5. The distributed total D is the pot when λ* is found inside its range, otherwise Σ pᵢ
///    rounded to the penny (caps all reached, or nothing redistributed); payments are rounded to
///    whole pence by largest remainder (ties by practice code) to sum to D exactly, within each
///    practice's whole-penny floor and cap. The rest of the pot is returned.
/// 6. Each payment is split across measures: the practice keeps eᵢₘ less its cut (earned money
///    above its cap, taken in proportion to eᵢₘ) and what it received beyond its earnings is
///    attributed to measures in proportion to the money each put into the pool (its unearned
///    money plus the cuts of its earnings); the split is rounded by `ControlledRounding` so each
///    practice's parts add up to its payment and no measure pays out more than its pot.
///
/// Errors (bad data, exit 65): a scheme measure with no achievement rows (at the measure's key); a
/// member practice without a row for a measure, or an eligible practice whose denominator after
/// exceptions is 0 (at the row); a prevalence-adjusted measure for an eligible practice with no
/// registered patients; a floor above a cap, or floors adding up to more than the pot (at the
/// floor key).
public enum PremiumCalculator {
    public static func distribute(scheme: PremiumScheme, inputs: PremiumInputs) throws -> PremiumDistribution {
        let practices = inputs.practices
        let practiceCount = practices.count
        let codeRanks = LargestRemainder.ranks(ofCodes: practices.map(\.code))
        let registered = practices.reduce(0) { $0 + $1.registeredPatients }
        let pot = PotDerivation(scheme: scheme, registeredPatients: registered)
        let measureCount = scheme.measures.count

        // 2. Measure pots.
        let weightSum = scheme.measures.reduce(0) { $0 + $1.weight }
        let measurePence = pot.potPence == 0 ? [Int](repeating: 0, count: measureCount)
            : LargestRemainder.apportion(quotas: scheme.measures.map { Double(pot.potPence) * $0.weight / weightSum },
                                         total: pot.potPence, tieRank: LargestRemainder.ranks(ofCodes: scheme.measures.map(\.id)))

        // 3. Scores, bases and earned amounts.
        var results = [[PracticeMeasureResult]](repeating: [], count: practiceCount)
        var measurePots: [MeasurePot] = []
        for (measureIndex, measure) in scheme.measures.enumerated() {
            let outcome = try scoreMeasure(measure, potPence: measurePence[measureIndex], scheme: scheme, inputs: inputs)
            for practice in 0..<practiceCount { results[practice].append(outcome.results[practice]) }
            measurePots.append(outcome.pot)
        }
        let earned = results.map { $0.reduce(0) { $0 + $1.earned } }

        // 4. Caps, floors and the common scale.
        var caps = [Double](repeating: .infinity, count: practiceCount)
        var floors = [Double](repeating: 0, count: practiceCount)
        var capPence = [Int?](repeating: nil, count: practiceCount)
        var floorPence = [Int](repeating: 0, count: practiceCount)
        for (index, practice) in practices.enumerated() {
            if let cap = scheme.limits.cap {
                capPence[index] = cap.pence(patients: practice.registeredPatients, roundingUp: false)
                caps[index] = Double(capPence[index]!)
            }
            if let floor = scheme.limits.floor, scheme.limits.floorRecipients == .allPractices || earned[index] > 0 {
                floorPence[index] = floor.pence(patients: practice.registeredPatients, roundingUp: true)
                floors[index] = Double(floorPence[index])
            }
            if let cap = capPence[index], floorPence[index] > cap {
                throw scheme.error("limits.floor", "the floor of practice \(practice.code) (\(Money.pounds(floorPence[index]))) is above its cap (\(Money.pounds(cap)))")
            }
        }
        if pot.potPence == 0 {
            // No pot (withheld by the gateway, or reduced to nothing): no floors either.
            floors = [Double](repeating: 0, count: practiceCount)
            floorPence = [Int](repeating: 0, count: practiceCount)
        }
        let floorTotal = floorPence.reduce(0, +)
        if floorTotal > pot.potPence {
            throw scheme.error("limits.floor", "the floors add up to \(Money.pounds(floorTotal)), more than the pot of \(Money.pounds(pot.potPence))")
        }

        var scale: Double? = nil
        var payments = [Double](repeating: 0, count: practiceCount)
        var distributed = 0
        if pot.potPence > 0 {
            let maximumScale = scheme.unearned == .redistribute ? Double.infinity : 1
            let solved = PaymentScale.solve(earned: earned, floors: floors, caps: caps, total: Double(pot.potPence), maximumScale: maximumScale)
            scale = solved
            payments = PaymentScale.payments(scale: solved, earned: earned, floors: floors, caps: caps)
            if solved < maximumScale {
                distributed = pot.potPence
            } else {
                distributed = min(pot.potPence, Int(payments.reduce(0, +).rounded()))
            }
        }

        // 5. Whole pence.
        let clamped = payments.indices.map { min(caps[$0], max(floors[$0], payments[$0])) }
        let paymentPence = practiceCount == 0 ? [] : LargestRemainder.apportion(quotas: clamped, total: distributed, tieRank: codeRanks)
        for index in 0..<practiceCount {
            precondition(paymentPence[index] >= floorPence[index] && paymentPence[index] <= (capPence[index] ?? .max),
                         "PremiumCalculator: rounding moved practice \(practices[index].code) outside its floor or cap")
        }

        // 6. Split across measures.
        var pool = [Double](repeating: 0, count: measureCount)
        var cuts = [Double](repeating: 0, count: practiceCount)
        var received = [Double](repeating: 0, count: practiceCount)
        for index in 0..<practiceCount {
            cuts[index] = max(0, earned[index] - payments[index])
            received[index] = max(0, payments[index] - earned[index])
        }
        for measureIndex in 0..<measureCount {
            var measureCut = 0.0
            for index in 0..<practiceCount where earned[index] > 0 {
                measureCut += cuts[index] * results[index][measureIndex].earned / earned[index]
            }
            pool[measureIndex] = max(0, Double(measurePence[measureIndex]) - measurePots[measureIndex].earned) + measureCut
            measurePots[measureIndex].cut = measureCut
        }
        let poolTotal = pool.reduce(0, +)
        var cells = [[Double]](repeating: [Double](repeating: 0, count: measureCount), count: practiceCount)
        for index in 0..<practiceCount {
            for measureIndex in 0..<measureCount {
                let own = results[index][measureIndex].earned
                let cut = earned[index] > 0 ? cuts[index] * own / earned[index] : 0
                let poolShare = poolTotal > 0 ? pool[measureIndex] / poolTotal
                    : (pot.potPence > 0 ? Double(measurePence[measureIndex]) / Double(pot.potPence) : 0)
                let receivedHere = received[index] * poolShare
                results[index][measureIndex].cut = cut
                results[index][measureIndex].received = receivedHere
                measurePots[measureIndex].received += receivedHere
                cells[index][measureIndex] = own - cut + receivedHere
            }
        }
        let columnSums = (0..<measureCount).map { measureIndex in cells.reduce(0) { $0 + $1[measureIndex] } }
        let columnLimits = (0..<measureCount).map { measureIndex -> Int in
            let sum = columnSums[measureIndex]
            let nearest = sum.rounded()
            let ceiling = abs(sum - nearest) < 1e-6 ? Int(nearest) : Int(sum.rounded(.up))
            return min(measurePence[measureIndex], ceiling)
        }
        let split = ControlledRounding.round(cells, rowTotals: paymentPence, columnLimits: columnLimits,
                                             columnCeilings: measurePence, rowRanks: codeRanks)

        var practicePayments: [PracticePayment] = []
        for (index, practice) in practices.enumerated() {
            for measureIndex in 0..<measureCount { results[index][measureIndex].paymentPence = split[index][measureIndex] }
            practicePayments.append(PracticePayment(
                code: practice.code, registeredPatients: practice.registeredPatients, floorPence: floorPence[index],
                capPence: capPence[index], earned: earned[index], payment: payments[index], paymentPence: paymentPence[index],
                share: distributed > 0 ? Double(paymentPence[index]) / Double(distributed) : nil, measures: results[index]))
        }

        let accounts = (0..<measureCount).map { measureIndex in
            account(for: measurePots[measureIndex], paid: split.reduce(0) { $0 + $1[measureIndex] })
        }
        let everEligible = results.filter { $0.contains { $0.eligibility.isEligible } }.count
        let total = MeasureAccount(
            measureID: "total", available: accounts.reduce(0) { $0 + $1.available }, earned: accounts.reduce(0) { $0 + $1.earned },
            unearned: accounts.reduce(0) { $0 + $1.unearned }, cut: accounts.reduce(0) { $0 + $1.cut },
            redistributed: accounts.reduce(0) { $0 + $1.redistributed }, returned: accounts.reduce(0) { $0 + $1.returned },
            paid: accounts.reduce(0) { $0 + $1.paid }, eligiblePractices: everEligible)

        return PremiumDistribution(scheme: scheme, pot: pot, measurePots: measurePots, practices: practicePayments, scale: scale,
                                   distributedPence: distributed, returnedPence: pot.potPence - distributed, accounts: accounts, total: total)
    }

    /// Whole-pence account of one measure from its real figures and its paid column sum: the
    /// redistributed and cut amounts are rounded to the nearest penny (0 stays 0) within what the
    /// identities allow, and the rest follows from the identities.
    static func account(for measurePot: MeasurePot, paid: Int) -> MeasureAccount {
        let available = measurePot.potPence
        let redistributed = measurePot.received == 0 ? 0 : min(Int(measurePot.received.rounded()), paid)
        let kept = paid - redistributed
        let cut = measurePot.cut == 0 ? 0 : min(Int(measurePot.cut.rounded()), available - kept)
        let earned = kept + cut
        return MeasureAccount(measureID: measurePot.measure.id, available: available, earned: earned, unearned: available - earned,
                              cut: cut, redistributed: redistributed, returned: available - paid, paid: paid,
                              eligiblePractices: measurePot.eligiblePractices)
    }

    /// Scores of one measure for every practice, and its pot's figures.
    static func scoreMeasure(_ measure: QualityMeasure, potPence: Int, scheme: PremiumScheme,
                             inputs: PremiumInputs) throws -> (results: [PracticeMeasureResult], pot: MeasurePot) {
        let practices = inputs.practices
        guard let rows = inputs.achievement.counts[measure.id], !rows.isEmpty else {
            throw scheme.error("measure.\(measure.id)", "the achievement file \(inputs.achievement.source) has no rows for the measure \(DataError.quoted(measure.id))")
        }
        let handling = scheme.exceptions
        let minimumDenominator = measure.minimumDenominator ?? scheme.eligibility.minimumDenominator
        var counts: [AchievementCount] = []
        for practice in practices {
            guard let count = rows[practice.code] else {
                throw DataError(.badData, at: SourceLocation(file: inputs.achievement.source),
                                "no row for the practice \(DataError.quoted(practice.code)) and the measure \(DataError.quoted(measure.id)) (the practice is a member: \(practice.location))")
            }
            counts.append(count)
        }

        // Consortium prevalence and mean list over all member practices.
        var consortiumPrevalence: Double? = nil
        var meanList: Double? = nil
        if case .prevalenceAdjusted(_, let index) = measure.basis {
            let eligibleSum = counts.reduce(0) { $0 + $1.eligiblePatients(handling) }
            let listSum = practices.reduce(0) { $0 + $1.registeredPatients }
            consortiumPrevalence = listSum > 0 ? Double(eligibleSum) / Double(listSum) : 0
            if index { meanList = practices.isEmpty ? 0 : Double(listSum) / Double(practices.count) }
        }

        var results: [PracticeMeasureResult] = []
        var basisTotal = 0.0
        var eligibleCount = 0
        for (index, practice) in practices.enumerated() {
            let count = counts[index]
            let counted = count.effectiveDenominator(handling)
            var eligibility = Eligibility.eligible
            if practice.registeredPatients < scheme.eligibility.minimumListSize {
                eligibility = .listBelowMinimum(minimum: scheme.eligibility.minimumListSize)
            } else if counted < minimumDenominator {
                eligibility = .denominatorBelowMinimum(minimum: minimumDenominator)
            }
            let achievement = count.achievementPercent(handling)
            var result = PracticeMeasureResult(count: count, achievement: achievement, baselineAchievement: nil, improvement: nil,
                                               eligibility: eligibility, score: nil, basis: 0, basisShare: 0, prevalenceFactor: nil,
                                               populationIndex: nil, earned: 0, cut: 0, received: 0, paymentPence: 0)
            if measure.scoring == .improvement, let baseline = inputs.baseline?.count(measure: measure.id, practice: practice.code) {
                result.baselineAchievement = baseline.achievementPercent(handling)
            }
            if eligibility.isEligible {
                guard let achievement else {
                    throw DataError(.badData, at: count.denominatorLocation,
                                    "the denominator after exceptions is 0 for the practice \(DataError.quoted(practice.code)) and the measure \(DataError.quoted(measure.id)), so its achievement is undefined (a minimum_denominator of 1 or more in the scheme makes such practices ineligible)")
                }
                var value = achievement
                if measure.scoring == .improvement {
                    guard let baseline = inputs.baseline?.count(measure: measure.id, practice: practice.code) else {
                        let file = inputs.baseline?.source ?? "the baseline achievement file (--baseline-achievement)"
                        throw DataError(.badData, at: count.location,
                                        "the measure \(DataError.quoted(measure.id)) is scored on improvement, but \(file) has no row for the practice \(DataError.quoted(practice.code))")
                    }
                    guard let baselineAchievement = baseline.achievementPercent(handling) else {
                        throw DataError(.badData, at: baseline.denominatorLocation,
                                        "the baseline denominator after exceptions is 0 for the practice \(DataError.quoted(practice.code)) and the measure \(DataError.quoted(measure.id)), so its improvement is undefined")
                    }
                    value = ThresholdScore.improvement(current: achievement, baseline: baselineAchievement, polarity: measure.polarity)
                    result.improvement = value
                }
                result.score = ThresholdScore.score(value, measure: measure)
                switch measure.basis {
                case .listSize:
                    result.basis = Double(practice.registeredPatients)
                case .weightedListSize(let column, _):
                    result.basis = practice.weightedLists[column] ?? 0
                case .prevalenceAdjusted(let power, _):
                    guard practice.registeredPatients > 0 else {
                        throw DataError(.badData, at: practice.location,
                                        "the practice \(DataError.quoted(practice.code)) has no registered patients, so its prevalence for \(DataError.quoted(measure.id)) is undefined")
                    }
                    let prevalence = Double(count.eligiblePatients(handling)) / Double(practice.registeredPatients)
                    let factor = consortiumPrevalence! > 0 ? pow(prevalence / consortiumPrevalence!, power) : 0
                    result.prevalenceFactor = factor
                    result.basis = factor
                    if let meanList, meanList > 0 {
                        result.populationIndex = Double(practice.registeredPatients) / meanList
                        result.basis = factor * result.populationIndex!
                    }
                }
                basisTotal += result.basis
                eligibleCount += 1
            }
            results.append(result)
        }

        var measureEarned = 0.0
        for index in results.indices where results[index].eligibility.isEligible {
            let share = basisTotal > 0 ? results[index].basis / basisTotal : 0
            results[index].basisShare = share
            results[index].earned = Double(potPence) * results[index].score! * share
            measureEarned += results[index].earned
        }
        let measurePot = MeasurePot(measure: measure, potPence: potPence, basisTotal: basisTotal, eligiblePractices: eligibleCount,
                                    consortiumPrevalence: consortiumPrevalence, meanListSize: meanList, earned: measureEarned, cut: 0, received: 0)
        return (results, measurePot)
    }
}
