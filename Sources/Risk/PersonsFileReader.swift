import Population
import Tables

/// A persons file read as an empirical cost model (and, when it names practices, as the
/// population too).
public struct PersonsFile: Sendable {
    /// One cell per (sex, age band, need group) present in the file; each cell's distribution is
    /// the costs of its persons, resampled.
    public let model: CostModel
    /// Persons by practice and cell, when the file has a `practice_code` column.
    public let practices: PracticeCellCounts?
}

/// Reads a persons file: `sex`, `age_band`, `cost` (pounds ≥ 0), optionally `practice_code`
/// and `need_group`, one row per person.
///
/// Errors (file, line, column): a sex other than M/F/male/female, an age band that does not
/// parse, a negative or non-numeric cost, an empty need group, and two bands of the same sex and
/// need group whose ages overlap (`0-4` and `0-9`).
public enum PersonsFileReader {
    public static let schema = Schema([
        ColumnSpec("practice_code", optional: true),
        ColumnSpec("sex"),
        ColumnSpec("age_band"),
        ColumnSpec("cost", .decimal(minimum: 0)),
        ColumnSpec("need_group", optional: true),
    ])

    public static func read(path: String, name: String? = nil) throws -> PersonsFile {
        try persons(from: TableReader.read(path: path, schema: schema, name: name))
    }

    public static func read(bytes: [UInt8], name: String) throws -> PersonsFile {
        try persons(from: TableReader.read(bytes: bytes, name: name, schema: schema))
    }

    struct CellKey: Hashable {
        let needGroup: String?
        let sex: Sex
        let ages: AgeBand
    }

    static func persons(from table: Table) throws -> PersonsFile {
        guard table.rowCount > 0 else {
            throw DataError(.badData, at: SourceLocation(file: table.source), "no persons: the file has a header and no rows")
        }
        let sexes = table.text("sex")
        let bandLabels = table.text("age_band")
        let costs = table.decimals("cost")
        let needGroups = table.has("need_group") ? table.text("need_group") : nil
        let practiceCodes = table.has("practice_code") ? table.text("practice_code") : nil

        var parsedBands: [String: AgeBand] = [:]
        var cellOfRow: [CellKey] = []
        cellOfRow.reserveCapacity(table.rowCount)
        var firstRow: [CellKey: Int] = [:]
        var needOrder: [String: Int] = [:]
        for row in 0..<table.rowCount {
            guard let sex = Sex(label: sexes[row]) else {
                throw table.error(row: row, column: "sex", "expected M, F, male or female, found \(DataError.quoted(sexes[row]))")
            }
            var ages = parsedBands[bandLabels[row]]
            if ages == nil {
                guard let parsed = AgeBand(label: bandLabels[row]) else {
                    throw table.error(row: row, column: "age_band",
                                      "expected an age band such as 0-4, 65-74 or 90+, found \(DataError.quoted(bandLabels[row]))")
                }
                ages = parsed
                parsedBands[bandLabels[row]] = parsed
            }
            var needGroup: String?
            if let needGroups {
                guard !needGroups[row].isEmpty else { throw table.error(row: row, column: "need_group", "expected a need group, found an empty field") }
                needGroup = needGroups[row]
                if needOrder[needGroups[row]] == nil { needOrder[needGroups[row]] = needOrder.count }
            }
            let key = CellKey(needGroup: needGroup, sex: sex, ages: ages!)
            if firstRow[key] == nil { firstRow[key] = row }
            cellOfRow.append(key)
        }

        // Cells ordered by need group (first appearance), sex (M, F) and age.
        let keys = firstRow.keys.sorted { left, right in
            let leftGroup = left.needGroup.flatMap { needOrder[$0] } ?? 0
            let rightGroup = right.needGroup.flatMap { needOrder[$0] } ?? 0
            if leftGroup != rightGroup { return leftGroup < rightGroup }
            if left.sex != right.sex { return left.sex.index < right.sex.index }
            if left.ages != right.ages { return left.ages < right.ages }
            return firstRow[left]! < firstRow[right]!
        }
        var position: [CellKey: Int] = [:]
        for (index, key) in keys.enumerated() { position[key] = index }
        var costsByCell = Array(repeating: [Double](), count: keys.count)
        for row in 0..<table.rowCount { costsByCell[position[cellOfRow[row]]!].append(costs[row]) }

        let model = try CostModel(
            cells: keys.map { CostCell(sex: $0.sex, ages: $0.ages, needGroup: $0.needGroup) },
            distributions: costsByCell.map { .empirical(EmpiricalCost(costs: $0)) },
            locations: keys.map { table.location(row: firstRow[$0]!, column: "age_band") },
            source: table.source)

        guard let practiceCodes else { return PersonsFile(model: model, practices: nil) }
        var practiceIndex: [String: Int] = [:]
        var order: [String] = []
        var locations: [SourceLocation] = []
        var counts: [Int] = []
        for row in 0..<table.rowCount {
            var practice = practiceIndex[practiceCodes[row]]
            if practice == nil {
                practice = order.count
                practiceIndex[practiceCodes[row]] = order.count
                order.append(practiceCodes[row])
                locations.append(table.location(row: row, column: "practice_code"))
                counts += Array(repeating: 0, count: keys.count)
            }
            counts[practice! * keys.count + position[cellOfRow[row]]!] += 1
        }
        return PersonsFile(model: model, practices: PracticeCellCounts(practiceCodes: order, cellCount: keys.count,
                                                                       counts: counts, firstLocations: locations))
    }
}
