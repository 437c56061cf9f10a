import Tables

/// An organisation's deprivation, as read from a deprivation file (e.g. the output of
/// `consortium needs`).
public struct OrganisationDeprivation: Sendable, Equatable {
    public var code: String
    /// 1 = most deprived.
    public var group: Int
    public var score: Double?
    public var partition: String?
    public var location: SourceLocation?

    public init(code: String, group: Int, score: Double? = nil, partition: String? = nil, location: SourceLocation? = nil) {
        self.code = code
        self.group = group
        self.score = score
        self.partition = partition
        self.location = location
    }
}

/// An organisation's counts for one indicator before its deprivation group is known.
public struct OrganisationCounts: Sendable, Equatable {
    public var organisation: String
    /// nil when the field was empty (e.g. a suppressed Fingertips value).
    public var numerator: Double?
    public var denominator: Double?
    public var location: SourceLocation?

    public init(organisation: String, numerator: Double?, denominator: Double?, location: SourceLocation? = nil) {
        self.organisation = organisation
        self.numerator = numerator
        self.denominator = denominator
        self.location = location
    }
}

/// What to do with an input row that cannot be used.
public enum UnusableRowPolicy: String, Sendable, CaseIterable {
    /// Stop with an error naming the row (the default: nothing is dropped silently).
    case error
    /// Leave the row out and count it, by reason, for the caller to report.
    case skip
}

/// Organisations' deprivation by code, built once and shared by every indicator joined to it.
public struct DeprivationLookup: Sendable {
    /// The deprivation file's name, for messages.
    public let name: String
    let entries: [String: OrganisationDeprivation]

    /// Errors (bad data): an organisation given twice, naming its second row.
    public init(_ deprivation: [OrganisationDeprivation], name: String) throws {
        var entries: [String: OrganisationDeprivation] = [:]
        entries.reserveCapacity(deprivation.count)
        for entry in deprivation {
            if let earlier = entries[entry.code] {
                throw DataError(.badData, at: entry.location ?? SourceLocation(file: name),
                                "the organisation \(DataError.quoted(entry.code)) appears twice\(alsoAtLine(earlier.location))")
            }
            entries[entry.code] = entry
        }
        self.name = name
        self.entries = entries
    }

    public subscript(code: String) -> OrganisationDeprivation? { entries[code] }
}

/// Joins organisation rows to their deprivation groups.
public enum DeprivationJoin {
    /// Why a row was left out.
    public enum SkipReason: String, Sendable, CaseIterable, Comparable {
        case notInDeprivationFile = "not in the deprivation file"
        case missingCounts = "with an empty numerator or denominator"
        case zeroDenominator = "with a denominator of 0"

        public static func < (left: SkipReason, right: SkipReason) -> Bool {
            allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
        }
    }

    /// The observations with their groups, scores and partitions, and the count of rows skipped by
    /// reason (empty under `.error`, where the first unusable row throws instead).
    public static func attach(_ rows: [OrganisationCounts], to lookup: DeprivationLookup,
                              policy: UnusableRowPolicy) throws -> (observations: [IndicatorObservation], skipped: [SkipReason: Int]) {
        var observations: [IndicatorObservation] = []
        observations.reserveCapacity(rows.count)
        var skipped: [SkipReason: Int] = [:]
        for row in rows {
            let location = row.location ?? SourceLocation(file: "indicator")
            let entry = lookup[row.organisation]
            let reason: SkipReason?
            let message: String
            if entry == nil {
                reason = .notInDeprivationFile
                message = "the organisation \(DataError.quoted(row.organisation)) is not in \(lookup.name)"
            } else if row.numerator == nil || row.denominator == nil {
                reason = .missingCounts
                message = "expected a numerator and a denominator for \(DataError.quoted(row.organisation)), found an empty field"
            } else if row.denominator == 0 {
                reason = .zeroDenominator
                message = "the denominator of \(DataError.quoted(row.organisation)) is 0"
            } else {
                reason = nil
                message = ""
            }
            if let reason {
                if policy == .error { throw DataError(.badData, at: location, message) }
                skipped[reason, default: 0] += 1
                continue
            }
            observations.append(IndicatorObservation(organisation: row.organisation, group: entry!.group, deprivationScore: entry!.score,
                                                     partition: entry!.partition, numerator: row.numerator, denominator: row.denominator,
                                                     location: row.location))
        }
        return (observations, skipped)
    }
}
