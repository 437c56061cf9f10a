import Tables

/// Whether a practice may earn a measure's money, and if not, why.
public enum Eligibility: Sendable, Equatable {
    case eligible
    /// Fewer registered patients than the scheme's minimum list size.
    case listBelowMinimum(minimum: Int)
    /// Fewer patients in the denominator (after exceptions) than the minimum.
    case denominatorBelowMinimum(minimum: Int)

    public var isEligible: Bool { self == .eligible }
}

/// One practice on one measure. Money is in pence, as real numbers except `paymentPence`.
public struct PracticeMeasureResult: Sendable, Equatable {
    public var count: AchievementCount
    /// 100 × numerator / denominator after exceptions; nil when that denominator is 0.
    public var achievement: Double?
    /// The baseline period's achievement (improvement scoring).
    public var baselineAchievement: Double?
    /// Percentage points in the good direction (improvement scoring).
    public var improvement: Double?
    public var eligibility: Eligibility
    /// The threshold score in [0, 1]; nil when not eligible.
    public var score: Double?
    /// The practice's payment basis (0 when not eligible).
    public var basis: Double
    /// basis / Σ basis of the eligible practices.
    public var basisShare: Double
    /// (practice prevalence / consortium prevalence)^power, for prevalence-adjusted measures.
    public var prevalenceFactor: Double?
    /// list / mean list, for prevalence-adjusted measures with a population index.
    public var populationIndex: Double?
    /// measure pot × score × basis share.
    public var earned: Double
    /// Earned money taken off by the practice's cap (or scaled down to fund floors), attributed to
    /// the measure in proportion to what the practice earned on it.
    public var cut: Double
    /// Money the practice received beyond what it earned, attributed to the measure whose
    /// unearned (or cut) money it came from.
    public var received: Double
    /// earned − cut + received, in whole pence (the practice's payment split exactly).
    public var paymentPence: Int
}

/// One member practice's payment.
public struct PracticePayment: Sendable, Equatable {
    public var code: String
    public var registeredPatients: Int
    /// Whole pence; 0 when there is no floor (or the floor does not apply to the practice).
    public var floorPence: Int
    /// Whole pence; nil when there is no cap.
    public var capPence: Int?
    /// Σ of the measures' earned amounts (pence, real).
    public var earned: Double
    /// clamp(λ × earned, floor, cap) (pence, real).
    public var payment: Double
    /// The payment in whole pence (largest remainder over practices).
    public var paymentPence: Int
    /// paymentPence / the total distributed; nil when nothing is distributed.
    public var share: Double?
    /// In the order of the scheme's measures.
    public var measures: [PracticeMeasureResult]
}

/// A measure's pot and the figures its practices' amounts depend on.
public struct MeasurePot: Sendable, Equatable {
    public var measure: QualityMeasure
    /// pot × weight / total weight, whole pence (largest remainder over measures).
    public var potPence: Int
    /// Σ basis over eligible practices.
    public var basisTotal: Double
    public var eligiblePractices: Int
    /// Σ eligible patients / Σ registered patients of member practices (prevalence-adjusted).
    public var consortiumPrevalence: Double?
    /// Mean registered list of member practices (prevalence-adjusted with a population index).
    public var meanListSize: Double?
    /// Σ earned (pence, real).
    public var earned: Double
    /// Σ cut (pence, real).
    public var cut: Double
    /// Σ received (pence, real).
    public var received: Double
}

/// One row of the summary: what happened to a measure's money, in whole pence, with
/// available = earned + unearned, paid = earned − cut + redistributed and
/// returned = unearned + cut − redistributed = available − paid.
public struct MeasureAccount: Sendable, Equatable {
    /// The measure's id, or "total".
    public var measureID: String
    public var available: Int
    /// What practices earned at their achievement, before caps, floors and redistribution.
    public var earned: Int
    public var unearned: Int
    /// Earned money not paid: above caps, or scaled down to fund floors.
    public var cut: Int
    /// Unearned or cut money paid to practices.
    public var redistributed: Int
    /// Money not paid out, returned to the commissioner.
    public var returned: Int
    /// The column sum of the practices' `<measure>_payment`.
    public var paid: Int
    /// Eligible practices (on the total row: practices eligible for at least one measure).
    public var eligiblePractices: Int

    public init(measureID: String, available: Int, earned: Int, unearned: Int, cut: Int, redistributed: Int, returned: Int,
                paid: Int, eligiblePractices: Int) {
        self.measureID = measureID
        self.available = available
        self.earned = earned
        self.unearned = unearned
        self.cut = cut
        self.redistributed = redistributed
        self.returned = returned
        self.paid = paid
        self.eligiblePractices = eligiblePractices
    }
}

/// The result of a premium calculation.
public struct PremiumDistribution: Sendable {
    public var scheme: PremiumScheme
    public var pot: PotDerivation
    public var measurePots: [MeasurePot]
    /// In the order of the inputs' practices.
    public var practices: [PracticePayment]
    /// λ*, the common scale of earned amounts (`PaymentScale`); nil when the pot is 0. +∞ when
    /// every earning practice is paid its cap.
    public var scale: Double?
    public var distributedPence: Int
    public var returnedPence: Int
    /// One account per measure, in scheme order.
    public var accounts: [MeasureAccount]
    /// The column sums of `accounts`.
    public var total: MeasureAccount

    /// The payment of a member practice, by code.
    public func practice(_ code: String) -> PracticePayment? {
        practices.first { $0.code == code }
    }
}
