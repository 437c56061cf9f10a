import Tables

/// What a group of one indicator's rows is about besides the indicator, the organisation and the
/// period: the identity columns of an OHID Fingertips export that split an indicator into groups
/// benchmarked separately (`Area Type`, `Sex`, `Age`, `Category Type`, `Category`), under the
/// engine's names (`area_type`, `sex`, `age_band`, `category_type`, `group`), as far as the input
/// has them. Empty for the canonical layout without those columns.
public struct Breakdown: Sendable, Hashable {
    /// The columns, in `BenchmarkInput.breakdownColumns` order, that the input has.
    public let columns: [String]
    /// One value per column, as written (empty where the input leaves the cell empty, as
    /// Fingertips does for the all-persons rows beside a category breakdown).
    public let values: [String]

    /// A breakdown of `values` in `columns` (same length).
    public init(columns: [String] = [], values: [String] = []) {
        precondition(columns.count == values.count, "Breakdown: one value per column")
        self.columns = columns
        self.values = values
    }

    /// The value of `column`, or nil when the input has no such column.
    public func value(of column: String) -> String? {
        columns.firstIndex(of: column).map { values[$0] }
    }

    /// The same breakdown without `column` (England's row has its own area type, `England`, so
    /// it is matched to a group on the other columns).
    public func without(_ column: String) -> Breakdown {
        guard let index = columns.firstIndex(of: column) else { return self }
        var columns = self.columns
        var values = self.values
        columns.remove(at: index)
        values.remove(at: index)
        return Breakdown(columns: columns, values: values)
    }

    /// `area_type "GPs", sex "Persons"` for messages (the empty values left out); empty when
    /// there is nothing to say.
    public var described: String {
        zip(columns, values).filter { !$0.1.isEmpty }.map { "\($0.0) \(DataError.quoted($0.1))" }.joined(separator: ", ")
    }
}

/// An organisation whose numerator or denominator is empty in the input (suppressed or not
/// calculable by the publisher), written through with an empty value and the reason under the
/// missing-value policy `pass`.
public struct SuppressedOrganisation: Sendable, Equatable {
    public var organisationCode: String
    public var parentCode: String?
    /// Why there is no value, for the `notes` column.
    public var reason: String
    /// Where the row came from.
    public var location: SourceLocation?

    public init(organisationCode: String, parentCode: String? = nil, reason: String, location: SourceLocation? = nil) {
        self.organisationCode = organisationCode
        self.parentCode = parentCode
        self.reason = reason
        self.location = location
    }
}
