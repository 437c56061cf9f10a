import Tables

/// A quality-premium scheme: how large the pot is, what reduces or withholds it, and how it is
/// shared among the consortium's member practices by their achievement on quality measures.
///
/// The method (design/methods.md, "Quality premium"): pot = a fixed sum or a rate per head of
/// the consortium's registered population, less a stated percentage per failed national
/// standard, less a gateway reduction when the consortium overspent its allocation; each measure
/// has a share of the pot by weight; practices earn their measure's money by a QOF-style
/// threshold score (linear between a lower and an upper threshold) times their share of a
/// payment basis; caps and floors bound each practice's payment, and money not earned is either
/// redistributed to earning practices pro rata or returned. The TOML layout is documented in
/// docs/premium-scheme.md; `PremiumSchemeReader` builds this value from it.
public struct PremiumScheme: Sendable {
    /// A name shown in explanations.
    public var name: String
    /// When set, only the practices of this consortium (by the practices file) are members.
    public var consortiumCode: String?
    public var pot: PotRule
    /// Percentage of the pot taken off per failed national standard (0 when none).
    public var reductionPerFailedStandard: Double
    public var standards: [NationalStandard]
    public var gateway: FinancialGateway?
    /// The sum the measures' weights must add up to (`total_weight` or `total_points`).
    public var weightTotal: Double
    /// How weights are called: "weight" or "points".
    public var weightName: String
    public var measures: [QualityMeasure]
    public var eligibility: EligibilityRule
    public var limits: PaymentLimits
    public var unearned: UnearnedMoney
    public var exceptions: ExceptionHandling
    /// Where keys were written in the scheme file, by dotted name (`limits.floor`,
    /// `measure.<id>`), so that a problem found while calculating names its key.
    public var keyLocations: [String: SourceLocation]
    /// The scheme file's name, for messages about keys without a recorded place.
    public var source: String

    public init(name: String, consortiumCode: String? = nil, pot: PotRule, reductionPerFailedStandard: Double = 0,
                standards: [NationalStandard] = [], gateway: FinancialGateway? = nil, weightTotal: Double,
                weightName: String = "weight", measures: [QualityMeasure], eligibility: EligibilityRule = EligibilityRule(),
                limits: PaymentLimits = PaymentLimits(), unearned: UnearnedMoney, exceptions: ExceptionHandling = .subtract,
                keyLocations: [String: SourceLocation] = [:], source: String = "scheme") {
        self.name = name
        self.consortiumCode = consortiumCode
        self.pot = pot
        self.reductionPerFailedStandard = reductionPerFailedStandard
        self.standards = standards
        self.gateway = gateway
        self.weightTotal = weightTotal
        self.weightName = weightName
        self.measures = measures
        self.eligibility = eligibility
        self.limits = limits
        self.unearned = unearned
        self.exceptions = exceptions
        self.keyLocations = keyLocations
        self.source = source
    }

    /// The place of a key (or of the scheme file when it was not recorded).
    public func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? SourceLocation(file: source)
    }

    /// A bad-data error about a key of the scheme.
    public func error(_ key: String, _ message: String) -> DataError {
        DataError(.badData, at: location(of: key), "\(key): \(message)")
    }
}

/// How the pot is set before reductions.
public enum PotRule: Sendable, Equatable {
    /// A fixed sum, in whole pence.
    case fixed(pence: Int)
    /// Pounds per registered patient of the member practices; the product is rounded to the
    /// nearest penny (half away from zero).
    case perHead(pounds: Double)
}

/// A national (constitutional) standard the consortium met or failed; each failed one takes
/// `reductionPerFailedStandard` percent off the pot.
public struct NationalStandard: Sendable, Equatable {
    public var name: String
    public var met: Bool

    public init(name: String, met: Bool) {
        self.name = name
        self.met = met
    }
}

/// The financial gateway: when the consortium's outturn exceeds its allocation (an overspend),
/// the premium is withheld or reduced by a stated percentage.
public struct FinancialGateway: Sendable, Equatable {
    public enum Consequence: Sendable, Equatable {
        /// No premium is paid.
        case withhold
        /// The pot is reduced by this percentage (0 to 100).
        case reduce(percent: Double)
    }

    /// The consortium's allocation and outturn, in whole pence.
    public var allocationPence: Int
    public var outturnPence: Int
    public var consequence: Consequence
    /// Where the figures came from (the scheme, or a finance file and line), for explanations.
    public var source: String

    public init(allocationPence: Int, outturnPence: Int, consequence: Consequence, source: String) {
        self.allocationPence = allocationPence
        self.outturnPence = outturnPence
        self.consequence = consequence
        self.source = source
    }

    /// Overspent when the outturn is above the allocation.
    public var overspent: Bool { outturnPence > allocationPence }
}

/// Which practices may earn a measure's money.
public struct EligibilityRule: Sendable, Equatable {
    /// A practice with fewer registered patients earns nothing on any measure.
    public var minimumListSize: Int
    /// A practice whose denominator (after exceptions) is below this earns nothing on the
    /// measure; a measure may set its own.
    public var minimumDenominator: Int

    public init(minimumListSize: Int = 0, minimumDenominator: Int = 0) {
        self.minimumListSize = minimumListSize
        self.minimumDenominator = minimumDenominator
    }
}

/// A cap or a floor on a practice's payment: a sum in pounds, or pounds per registered patient.
public enum PaymentLimit: Sendable, Equatable {
    case pence(Int)
    case perHead(pounds: Double)

    /// The limit of a practice with `patients` registered patients, in whole pence: a per-head
    /// product is rounded down for a cap and up for a floor (so a payment within the whole-pence
    /// limits is within the stated ones); a product within 10⁻⁶ p of a whole penny is taken as
    /// that penny.
    public func pence(patients: Int, roundingUp: Bool) -> Int {
        switch self {
        case .pence(let pence):
            return pence
        case .perHead(let pounds):
            let exact = pounds * 100 * Double(patients)
            let nearest = exact.rounded()
            if abs(exact - nearest) < 1e-6 { return Int(nearest) }
            return Int(roundingUp ? exact.rounded(.up) : exact.rounded(.down))
        }
    }
}

/// Caps and floors on each practice's payment.
public struct PaymentLimits: Sendable, Equatable {
    public var cap: PaymentLimit?
    public var floor: PaymentLimit?
    public var floorRecipients: FloorRecipients

    public init(cap: PaymentLimit? = nil, floor: PaymentLimit? = nil, floorRecipients: FloorRecipients = .allPractices) {
        self.cap = cap
        self.floor = floor
        self.floorRecipients = floorRecipients
    }
}

/// Who is guaranteed the floor.
public enum FloorRecipients: String, Sendable, Equatable, CaseIterable {
    /// Every member practice (a practice that earned nothing is paid the floor).
    case allPractices = "all"
    /// Only practices that earned something.
    case earningPractices = "earning"
}

/// What happens to money not earned (and money above caps).
public enum UnearnedMoney: String, Sendable, Equatable, CaseIterable {
    /// Paid to earning practices pro rata to what they earned, within their caps.
    case redistribute
    /// Returned to the commissioner.
    case `return`
}

/// Whether the achievement file's denominator still includes the exceptions.
public enum ExceptionHandling: String, Sendable, Equatable, CaseIterable {
    /// achievement = numerator / (denominator − exceptions) (the design's achievement file).
    case subtract
    /// achievement = numerator / denominator: the denominator already leaves the exceptions out
    /// (QOF's published denominators, after personalised care adjustments).
    case excluded
}
