/// A band of whole years of age: `lowerAge` to `upperAge` inclusive, or open-ended (`90+`) when
/// `upperAge` is nil.
///
/// Labels follow the design's contract: `0-4`, `5-9`, … `85-89`, `90+` (and `90-94`, `95+`) on
/// output; NHS Digital's underscore style (`0_4`, `90_94`) is accepted on input.
public struct AgeBand: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The youngest age in the band, in completed years.
    public let lowerAge: Int
    /// The oldest age in the band, in completed years; nil for an open-ended band.
    public let upperAge: Int?

    /// A band `lowerAge`-`upperAge` (inclusive) or `lowerAge`+ when `upperAge` is nil.
    /// Requires `0 <= lowerAge <= upperAge`.
    public init(lowerAge: Int, upperAge: Int?) {
        precondition(lowerAge >= 0, "AgeBand: a negative lower age \(lowerAge)")
        if let upperAge { precondition(upperAge >= lowerAge, "AgeBand: upper age \(upperAge) below lower age \(lowerAge)") }
        self.lowerAge = lowerAge
        self.upperAge = upperAge
    }

    /// Parses `a-b`, `a_b` (NHS Digital) or `a+`, where `a` and `b` are whole numbers of years with
    /// `a <= b`. Surrounding spaces are not accepted. Returns nil for anything else (including
    /// NHS Digital's `ALL`, which is a total rather than a band).
    public init?(label: String) {
        let bytes = Array(label.utf8)
        func number(_ slice: ArraySlice<UInt8>) -> Int? {
            guard !slice.isEmpty, slice.count <= 3, slice.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return slice.reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        if bytes.last == UInt8(ascii: "+") {
            guard let lower = number(bytes.dropLast()) else { return nil }
            self.init(lowerAge: lower, upperAge: nil)
            return
        }
        guard let separator = bytes.firstIndex(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }),
              let lower = number(bytes[..<separator]), let upper = number(bytes[(separator + 1)...]), upper >= lower
        else { return nil }
        self.init(lowerAge: lower, upperAge: upper)
    }

    /// The label written in output: `0-4` or `90+`.
    public var label: String {
        if let upperAge { return "\(lowerAge)-\(upperAge)" }
        return "\(lowerAge)+"
    }

    public var description: String { label }

    /// Whether a person aged `age` (completed years) is in the band.
    public func contains(age: Int) -> Bool {
        age >= lowerAge && (upperAge.map { age <= $0 } ?? true)
    }

    /// Whether every age of `other` is also in this band (`90+` contains `90-94` and `95+`).
    public func contains(_ other: AgeBand) -> Bool {
        guard other.lowerAge >= lowerAge else { return false }
        guard let upperAge else { return true }
        guard let otherUpper = other.upperAge else { return false }
        return otherUpper <= upperAge
    }

    /// Whether the two bands share at least one age.
    public func overlaps(_ other: AgeBand) -> Bool {
        let thisEndsBefore = upperAge.map { $0 < other.lowerAge } ?? false
        let otherEndsBefore = other.upperAge.map { $0 < lowerAge } ?? false
        return !thisEndsBefore && !otherEndsBefore
    }

    /// Ordered by lower age, then closed bands before open ones.
    public static func < (left: AgeBand, right: AgeBand) -> Bool {
        if left.lowerAge != right.lowerAge { return left.lowerAge < right.lowerAge }
        switch (left.upperAge, right.upperAge) {
        case let (l?, r?): return l < r
        case (_?, nil): return true
        default: return false
        }
    }
}
