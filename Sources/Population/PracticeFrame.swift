import Tables

/// The practices of an analysis, in a fixed order, with lookup by code and the structure above
/// them (PCN → consortium → region). Codes are unique.
public struct PracticeFrame: Sendable {
    /// The practices, in the order they were read.
    public let practices: [Practice]
    private let positions: [String: Int]

    /// A frame from practices whose codes are unique; a repeated code is a `badData` error
    /// naming `source`.
    public init(practices: [Practice], source: String = "practice frame") throws {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(practices.count)
        for (index, practice) in practices.enumerated() {
            if let first = positions[practice.code] {
                throw DataError(.badData, at: SourceLocation(file: source, columnName: "practice_code"),
                                "the practice \(DataError.quoted(practice.code)) appears twice (positions \(first + 1) and \(index + 1))")
            }
            positions[practice.code] = index
        }
        self.practices = practices
        self.positions = positions
    }

    public var count: Int { practices.count }

    /// The position of a practice in `practices`.
    public func index(of code: String) -> Int? { positions[code] }

    public subscript(code: String) -> Practice? {
        positions[code].map { practices[$0] }
    }

    /// Consortium codes in order of first appearance.
    public var consortiumCodes: [String] { PracticeFrame.distinct(practices.map(\.consortiumCode)) }

    /// PCN codes in order of first appearance (practices without a PCN are left out).
    public var pcnCodes: [String] { PracticeFrame.distinct(practices.compactMap(\.pcnCode)) }

    /// Region codes in order of first appearance (practices without a region are left out).
    public var regionCodes: [String] { PracticeFrame.distinct(practices.compactMap(\.regionCode)) }

    /// The practices of one consortium, in frame order.
    public func practices(inConsortium code: String) -> [Practice] {
        practices.filter { $0.consortiumCode == code }
    }

    /// One numeric attribute for every practice, in frame order; nil when some practice lacks it.
    public func attribute(_ name: String) -> [Double]? {
        var values: [Double] = []
        values.reserveCapacity(practices.count)
        for practice in practices {
            guard let value = practice.attributes[name] else { return nil }
            values.append(value)
        }
        return values
    }

    /// The same practices with their consortium replaced as `mapping` says (a regrouping, e.g.
    /// a merger of sub-ICBs). A practice the mapping does not cover is a `badData` error.
    public func regrouped(by mapping: ConsortiumMapping) throws -> PracticeFrame {
        var regrouped = practices
        for index in regrouped.indices {
            guard let consortium = mapping.consortiumCode(of: regrouped[index].code) else {
                throw DataError(.badData, at: SourceLocation(file: mapping.source, columnName: "practice_code"),
                                "no consortium for the practice \(DataError.quoted(regrouped[index].code)) of the frame")
            }
            if consortium != regrouped[index].consortiumCode {
                regrouped[index].consortiumCode = consortium
                regrouped[index].consortiumName = mapping.consortiumName(of: consortium)
            }
        }
        return try PracticeFrame(practices: regrouped, source: mapping.source)
    }

    static func distinct(_ codes: [String]) -> [String] {
        var seen = Set<String>()
        return codes.filter { seen.insert($0).inserted }
    }
}
