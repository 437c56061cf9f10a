import Tables

/// Persons by practice and cost-model cell: `counts[practice × cellCount + cell]`.
public struct PracticeCellCounts: Sendable {
    public let practiceCodes: [String]
    public let cellCount: Int
    public let counts: [Int]
    /// Where each practice first appears in its file, for messages about the practice.
    public let firstLocations: [SourceLocation]

    public init(practiceCodes: [String], cellCount: Int, counts: [Int], firstLocations: [SourceLocation]) {
        precondition(counts.count == practiceCodes.count * cellCount && firstLocations.count == practiceCodes.count,
                     "PracticeCellCounts: parts of different lengths")
        self.practiceCodes = practiceCodes
        self.cellCount = cellCount
        self.counts = counts
        self.firstLocations = firstLocations
    }
}
