import Population
import Tables

/// Persons by group (a consortium, or any grouping of practices given by a mapping) and
/// cost-model cell: `counts[group × cellCount + cell]`.
public struct GroupPopulation: Sendable {
    public let codes: [String]
    public let cellCount: Int
    public let counts: [Int]

    public init(codes: [String], cellCount: Int, counts: [Int]) {
        precondition(counts.count == codes.count * cellCount && !counts.contains { $0 < 0 }, "GroupPopulation: bad counts")
        precondition(Set(codes).count == codes.count, "GroupPopulation: repeated code")
        self.codes = codes
        self.cellCount = cellCount
        self.counts = counts
    }

    /// Practices summed into the groups of `mapping` (in the mapping's order of groups, those with
    /// at least one practice in `practices`), or each practice its own group when `mapping` is
    /// nil. A practice the mapping does not cover is an error at the practice's first row.
    public init(practices: PracticeCellCounts, mapping: ConsortiumMapping?) throws {
        guard let mapping else {
            self.init(codes: practices.practiceCodes, cellCount: practices.cellCount, counts: practices.counts)
            return
        }
        let width = practices.cellCount
        var groupOfPractice: [String] = []
        for (index, code) in practices.practiceCodes.enumerated() {
            guard let group = mapping.consortiumCode(of: code) else {
                throw DataError(.badData, at: practices.firstLocations[index],
                                "the practice \(DataError.quoted(code)) is not in the mapping \(mapping.source)")
            }
            groupOfPractice.append(group)
        }
        let present = Set(groupOfPractice)
        let codes = mapping.consortiumCodes.filter { present.contains($0) }
        var position: [String: Int] = [:]
        for (index, code) in codes.enumerated() { position[code] = index }
        var sums = Array(repeating: 0, count: codes.count * width)
        for (practice, group) in groupOfPractice.enumerated() {
            let target = position[group]! * width
            for cell in 0..<width { sums[target + cell] += practices.counts[practice * width + cell] }
        }
        self.init(codes: codes, cellCount: width, counts: sums)
    }

    public var count: Int { codes.count }

    /// The persons of one group by cell.
    public func cells(ofGroup group: Int) -> ArraySlice<Int> {
        counts[(group * cellCount)..<((group + 1) * cellCount)]
    }

    /// All persons of one group.
    public func persons(ofGroup group: Int) -> Int { cells(ofGroup: group).reduce(0, +) }

    /// The persons of every group together, by cell: the mix of the whole population.
    public var totalByCell: [Int] {
        var sums = Array(repeating: 0, count: cellCount)
        for group in 0..<count {
            for cell in 0..<cellCount { sums[cell] += counts[group * cellCount + cell] }
        }
        return sums
    }

    public func index(of code: String) -> Int? { codes.firstIndex(of: code) }
}
