/// A range of whole years of age, closed (`5-14`) or open-ended (`85+`), as used for the bands of
/// registered lists (`0-4` … `90+`, NHS Digital's `0_4` style, `90-94`, `95+`) and for the wider
/// bands of cost-weight tables (the GMS workload formula's `5-14`, `15-44`, `85+`).
public struct AgeRange: Hashable, Sendable, CustomStringConvertible {
    /// First year of age in the range.
    public let lowerAge: Int
    /// Last year of age in the range (inclusive); nil for an open-ended range such as `90+`.
    public let upperAge: Int?

    public init(lowerAge: Int, upperAge: Int?) {
        precondition(lowerAge >= 0 && (upperAge ?? lowerAge) >= lowerAge, "AgeRange: \(lowerAge)-\(String(describing: upperAge)) is not a range of ages")
        self.lowerAge = lowerAge
        self.upperAge = upperAge
    }

    /// Reads `L-U`, `L_U` (NHS Digital), `L+`, or a single age `L`; white space around the parts is
    /// allowed. Returns nil for anything else, or when U < L.
    public init?(label: String) {
        let text = label.trimmingSpaces
        if text.hasSuffix("+") {
            guard let lower = AgeRange.wholeYears(text.dropLast()) else { return nil }
            self.init(lowerAge: lower, upperAge: nil)
            return
        }
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "_" })
        if parts.count == 1, let age = AgeRange.wholeYears(parts[0]) {
            self.init(lowerAge: age, upperAge: age)
            return
        }
        guard parts.count == 2, let lower = AgeRange.wholeYears(parts[0]), let upper = AgeRange.wholeYears(parts[1]), upper >= lower else {
            return nil
        }
        self.init(lowerAge: lower, upperAge: upper)
    }

    /// Whether every age of `other` lies in this range.
    public func contains(_ other: AgeRange) -> Bool {
        guard other.lowerAge >= lowerAge else { return false }
        guard let upperAge else { return true }
        guard let otherUpper = other.upperAge else { return false }
        return otherUpper <= upperAge
    }

    /// Whether the two ranges share at least one year of age.
    public func overlaps(_ other: AgeRange) -> Bool {
        let thisEndsBefore = upperAge.map { $0 < other.lowerAge } ?? false
        let otherEndsBefore = other.upperAge.map { $0 < lowerAge } ?? false
        return !thisEndsBefore && !otherEndsBefore
    }

    /// `0-4`, `85+`, or `7` for a single year.
    public var description: String {
        guard let upperAge else { return "\(lowerAge)+" }
        return upperAge == lowerAge ? "\(lowerAge)" : "\(lowerAge)-\(upperAge)"
    }

    private static func wholeYears(_ text: Substring) -> Int? {
        let digits = String(text).trimmingSpaces
        guard !digits.isEmpty, digits.count <= 3, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(digits)
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
