import Population
import Tables

/// Per-person annual cost distributions by cell (sex × age band × need group where given),
/// read from a parametric specification (`CostSpecificationReader`) or a persons file
/// (`PersonsFileReader`). Within one sex and need group the age bands do not overlap, so every
/// band of a registered list falls in at most one cell.
public struct CostModel: Sendable {
    public let cells: [CostCell]
    public let distributions: [PersonCostDistribution]
    /// Where each cell was defined (key of the TOML file, or first row of the persons file).
    public let locations: [SourceLocation]
    /// Whether the cells are split by need group (all of them are, or none).
    public let hasNeedGroups: Bool
    /// The file the model was read from, for messages.
    public let source: String

    /// A model from its cells. Errors (at the later cell's location): two cells of the same sex and
    /// need group whose ages overlap; need groups given for some cells and not others.
    public init(cells: [CostCell], distributions: [PersonCostDistribution], locations: [SourceLocation], source: String) throws {
        precondition(cells.count == distributions.count && cells.count == locations.count, "CostModel: parts of different lengths")
        let withGroup = cells.filter { $0.needGroup != nil }.count
        if withGroup != 0 && withGroup != cells.count {
            let index = cells.firstIndex { ($0.needGroup != nil) != (cells[0].needGroup != nil) }!
            throw DataError(.badData, at: locations[index],
                            "need groups must be given for every cell or for none; \(cells[index]) differs from \(cells[0])")
        }
        for (index, cell) in cells.enumerated() {
            for earlier in 0..<index where cells[earlier].sex == cell.sex && cells[earlier].needGroup == cell.needGroup
                && cells[earlier].ages.overlaps(cell.ages) {
                throw DataError(.badData, at: locations[index],
                                "the ages \(cell.ages.label) (\(cell)) overlap \(cells[earlier].ages.label) given at \(locations[earlier])")
            }
        }
        self.cells = cells
        self.distributions = distributions
        self.locations = locations
        self.hasNeedGroups = withGroup > 0
        self.source = source
    }

    public var count: Int { cells.count }

    /// Where a band of a registered list falls in the model.
    public enum Placement: Equatable, Sendable {
        /// Wholly inside this cell.
        case cell(Int)
        /// Overlapping some cell's ages without being inside one.
        case straddles([AgeBand])
        /// Outside every cell of that sex and need group.
        case unknown
    }

    /// The cell of (sex, ages, need group): the cell of that sex and need group whose band
    /// contains `ages` (so a list's `95+` falls in a model's `90+`).
    public func placement(sex: Sex, ages: AgeBand, needGroup: String?) -> Placement {
        var overlapping: [AgeBand] = []
        for (index, cell) in cells.enumerated() where cell.sex == sex && cell.needGroup == needGroup {
            if cell.ages.contains(ages) { return .cell(index) }
            if cell.ages.overlaps(ages) { overlapping.append(cell.ages) }
        }
        return overlapping.isEmpty ? .unknown : .straddles(overlapping)
    }

    /// The need groups of the model, in order of first appearance.
    public var needGroups: [String] {
        var seen: Set<String> = []
        return cells.compactMap(\.needGroup).filter { seen.insert($0).inserted }
    }

    /// The age bands given for one sex and need group, in order of age.
    public func bands(sex: Sex, needGroup: String?) -> [AgeBand] {
        cells.filter { $0.sex == sex && $0.needGroup == needGroup }.map(\.ages).sorted()
    }
}
