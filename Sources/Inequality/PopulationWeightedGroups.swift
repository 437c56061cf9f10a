import Tables

/// Which end of a deprivation score is the deprived one.
public enum DeprivationOrder: String, Sendable, CaseIterable {
    /// Higher score = more deprived (IMD scores).
    case higherIsMoreDeprived = "higher"
    /// Lower score = more deprived (IMD ranks, where 1 is the most deprived).
    case lowerIsMoreDeprived = "lower"
}

/// A unit (practice or small area) to be placed in a deprivation group.
public struct DeprivationRankingUnit: Sendable, Equatable {
    public var code: String
    public var score: Double
    public var population: Double
    /// The unit's consortium (or other partition) when groups are formed within partitions; ""
    /// for national groups.
    public var partition: String
    public var location: SourceLocation?

    public init(code: String, score: Double, population: Double, partition: String = "", location: SourceLocation? = nil) {
        self.code = code
        self.score = score
        self.population = population
        self.partition = partition
        self.location = location
    }
}

/// A unit's deprivation group.
public struct DeprivationGroupAssignment: Sendable, Equatable {
    public var code: String
    public var partition: String
    public var score: Double
    public var population: Double
    /// 1 = most deprived … groupCount = least deprived.
    public var group: Int
    /// The midpoint of the unit's range in its partition's cumulative population, most deprived
    /// first: (population before it + half its own) / partition total.
    public var cumulativeMidpoint: Double
}

/// Population-weighted deprivation quantiles (deciles, quintiles, …): each group holds as nearly as
/// possible 1/k of the population, not 1/k of the units (design `methods.md`: a practice decile
/// holds a tenth of the registered patients).
///
/// Rule, within each partition (all units when forming national groups):
/// 1. Order units from most to least deprived by score; equal scores are ordered by code
///    (ascending, byte order), so the result never depends on input order.
/// 2. Give each unit its cumulative midpoint m = (P_before + p/2) / P.
/// 3. A unit goes to group ⌊k·m⌋ + 1 (capped at k): the group in which its midpoint falls. So a
///    unit straddling a cut point goes to the side holding more of its population; a midpoint
///    exactly on a cut (k·m a whole number) goes to the less deprived side. Units are never
///    split, so group populations differ from P/k by at most about one unit's population, and a
///    unit larger than P/k can leave a neighbouring group empty.
/// The comparison is done as (2·P_before + p)·k against 2·P·j, in Double arithmetic.
public enum PopulationWeightedGroups {
    /// Assigns every unit, returned partition by partition (partitions in byte order of their
    /// labels), most deprived first within each.
    ///
    /// Errors (bad data, naming the unit's row): a code given twice, a negative or non-finite
    /// population or score, a partition whose population is 0.
    public static func assign(_ units: [DeprivationRankingUnit], groupCount: Int,
                              order: DeprivationOrder) throws -> [DeprivationGroupAssignment] {
        precondition(groupCount >= 2, "PopulationWeightedGroups: at least two groups")
        var seen: [String: SourceLocation?] = [:]
        var partitions: [String: [DeprivationRankingUnit]] = [:]
        for unit in units {
            let location = unit.location ?? SourceLocation(file: "deprivation")
            if let earlier = seen[unit.code] {
                throw DataError(.badData, at: location, "the code \(DataError.quoted(unit.code)) appears twice\(alsoAtLine(earlier))")
            }
            seen[unit.code] = unit.location
            guard unit.population.isFinite && unit.population >= 0 else {
                throw DataError(.badData, at: location, "expected a population >= 0 for \(DataError.quoted(unit.code)), found \(unit.population)")
            }
            guard unit.score.isFinite else {
                throw DataError(.badData, at: location, "expected a finite deprivation score for \(DataError.quoted(unit.code))")
            }
            partitions[unit.partition, default: []].append(unit)
        }
        var assignments: [DeprivationGroupAssignment] = []
        assignments.reserveCapacity(units.count)
        for label in partitions.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let members = partitions[label]!.sorted { left, right in
                if left.score != right.score {
                    return order == .higherIsMoreDeprived ? left.score > right.score : left.score < right.score
                }
                return left.code.utf8.lexicographicallyPrecedes(right.code.utf8)
            }
            let total = members.reduce(0) { $0 + $1.population }
            guard total > 0 else {
                throw DataError(.badData, at: members[0].location ?? SourceLocation(file: "deprivation"),
                                label.isEmpty ? "the units' populations sum to 0, so no groups can be formed"
                                              : "the population of \(DataError.quoted(label)) sums to 0, so no groups can be formed")
            }
            var before = 0.0
            let groups = Double(groupCount)
            for unit in members {
                let twiceMidpointPosition = (2 * before + unit.population) * groups
                // The largest j with 2·P·j ≤ (2·P_before + p)·k, plus one.
                var group = Int((twiceMidpointPosition / (2 * total)).rounded(.down)) + 1
                // Guard the division's rounding with the exact comparison against the cuts.
                if group > 1 && 2 * total * Double(group - 1) > twiceMidpointPosition { group -= 1 }
                if group <= groupCount && 2 * total * Double(group) <= twiceMidpointPosition { group += 1 }
                group = min(group, groupCount)
                assignments.append(DeprivationGroupAssignment(
                    code: unit.code, partition: label, score: unit.score, population: unit.population,
                    group: group, cumulativeMidpoint: (before + unit.population / 2) / total))
                before += unit.population
            }
        }
        return assignments
    }
}
