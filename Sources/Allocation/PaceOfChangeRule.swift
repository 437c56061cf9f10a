import Tables

/// The stated parameters of a pace-of-change policy (design/methods.md, "Pace of change"). Each
/// practice p (or consortium) with baseline bₚ and target tₚ receives, for one common growth θ
/// solved so that the budgets add up to the total:
///
///     under target (bₚ < tₚ):  uₚ = bₚ(1 + θ);  budgetₚ = max(bₚ(1 + m), uₚ + f·max(0, tₚ − uₚ))
///     at or over target:       budgetₚ = bₚ(1 + max(m, min(θ, c)))
///
/// m = `minimumGrowth` (everyone grows at least this much; may be negative for a planned cut),
/// f = `gapClosure` (the fraction of the remaining gap to target closed for those under target),
/// c = `maximumGrowthOverTarget` (the cap on the growth of those at or over target; none when nil).
public struct PaceOfChangeRule: Sendable, Equatable {
    public var minimumGrowth: Double
    public var gapClosure: Double
    public var maximumGrowthOverTarget: Double?
    /// Where the rule is defined in the formula file, for messages.
    public var location: SourceLocation?

    public init(minimumGrowth: Double, gapClosure: Double, maximumGrowthOverTarget: Double?, location: SourceLocation? = nil) {
        self.minimumGrowth = minimumGrowth
        self.gapClosure = gapClosure
        self.maximumGrowthOverTarget = maximumGrowthOverTarget
        self.location = location
    }

    public static func == (left: PaceOfChangeRule, right: PaceOfChangeRule) -> Bool {
        left.minimumGrowth == right.minimumGrowth && left.gapClosure == right.gapClosure
            && left.maximumGrowthOverTarget == right.maximumGrowthOverTarget
    }

    /// Checks the parameters: m > −1, 0 ≤ f ≤ 1, c ≥ m.
    public func validated() throws -> PaceOfChangeRule {
        let place = location ?? SourceLocation(file: "formula")
        guard minimumGrowth.isFinite && minimumGrowth > -1 else {
            throw DataError(.badData, at: place, "minimum_growth: expected a number > -1, found \(minimumGrowth)")
        }
        guard gapClosure.isFinite && gapClosure >= 0 && gapClosure <= 1 else {
            throw DataError(.badData, at: place, "gap_closure: expected a fraction from 0 to 1, found \(gapClosure)")
        }
        if let cap = maximumGrowthOverTarget, !(cap.isFinite && cap >= minimumGrowth) {
            throw DataError(.badData, at: place, "maximum_growth_over_target: expected a number >= minimum_growth (\(minimumGrowth)), found \(cap)")
        }
        return self
    }
}
