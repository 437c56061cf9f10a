import Tables

/// Where each practice's patients live: patients by practice × small area (LSOA), as in NHS
/// Digital's *Patients Registered at a GP Practice* LSOA files. One entry per pair that has
/// patients; pairs are unique.
public struct Attribution: Sendable {
    /// Practice codes in order of first appearance.
    public let practiceCodes: [String]
    /// Area codes in order of first appearance.
    public let lsoaCodes: [String]
    /// Per entry: position in `practiceCodes`.
    public let practiceIndices: [Int]
    /// Per entry: position in `lsoaCodes`.
    public let areaIndices: [Int]
    /// Per entry: patients of the practice living in the area (>= 0).
    public let patients: [Int]

    /// An attribution from its parts: equal-length entry arrays with valid positions, unique
    /// (practice, area) pairs and counts >= 0.
    public init(practiceCodes: [String], lsoaCodes: [String], practiceIndices: [Int], areaIndices: [Int], patients: [Int]) {
        precondition(practiceIndices.count == areaIndices.count && areaIndices.count == patients.count, "Attribution: entry arrays differ in length")
        precondition(practiceIndices.allSatisfy { practiceCodes.indices.contains($0) } && areaIndices.allSatisfy { lsoaCodes.indices.contains($0) },
                     "Attribution: a position out of range")
        precondition(!patients.contains { $0 < 0 }, "Attribution: negative count")
        self.practiceCodes = practiceCodes
        self.lsoaCodes = lsoaCodes
        self.practiceIndices = practiceIndices
        self.areaIndices = areaIndices
        self.patients = patients
    }

    public var count: Int { patients.count }

    /// Σ patients over areas, per practice (in `practiceCodes` order).
    public var patientsByPractice: [Int] {
        var sums = Array(repeating: 0, count: practiceCodes.count)
        for entry in 0..<count { sums[practiceIndices[entry]] += patients[entry] }
        return sums
    }

    /// Σ patients over practices, per area (in `lsoaCodes` order).
    public var patientsByArea: [Int] {
        var sums = Array(repeating: 0, count: lsoaCodes.count)
        for entry in 0..<count { sums[areaIndices[entry]] += patients[entry] }
        return sums
    }

    /// The patient-weighted mean of an area variable for each practice:
    /// `Σₐ patientsₚₐ · valueₐ / Σₐ patientsₚₐ` (methods.md: a practice's deprivation score is the
    /// patient-weighted mean of its small areas' scores). An area missing from `areas` is a
    /// `badData` error; a practice with no patients gets nil.
    public func practiceMeans(of variable: String, in areas: SmallAreas) throws -> [Double?] {
        guard let values = areas.values(variable) else {
            throw DataError(.badData, at: SourceLocation(file: "small areas", columnName: variable), "no variable \(variable) in the areas")
        }
        var areaPosition: [Int] = []
        areaPosition.reserveCapacity(lsoaCodes.count)
        for code in lsoaCodes {
            guard let index = areas.index(of: code) else {
                throw DataError(.badData, at: SourceLocation(file: "attribution", columnName: "lsoa_code"), "the area \(DataError.quoted(code)) is not in the areas")
            }
            areaPosition.append(index)
        }
        var weighted = Array(repeating: 0.0, count: practiceCodes.count)
        var weights = Array(repeating: 0, count: practiceCodes.count)
        for entry in 0..<count {
            weighted[practiceIndices[entry]] += Double(patients[entry]) * values[areaPosition[areaIndices[entry]]]
            weights[practiceIndices[entry]] += patients[entry]
        }
        return zip(weighted, weights).map { $1 > 0 ? $0 / Double($1) : nil }
    }

    /// Reads `practice_code, lsoa_code, patients` (NHS Digital's `PRACTICE_CODE`, `LSOA_CODE`,
    /// `NUMBER_OF_PATIENTS` accepted too). Errors (file, line, column): a pair given twice, a
    /// negative or non-whole count, a practice not in `frame` or an area not in `areas` when they
    /// are given, an empty code.
    public static func read(path: String, name: String? = nil, frame: PracticeFrame? = nil, areas: SmallAreas? = nil) throws -> Attribution {
        try attribution(from: TableReader.read(path: path, schema: schema, name: name), frame: frame, areas: areas)
    }

    /// The same as `read(path:…)` for CSV bytes held in memory.
    public static func read(bytes: [UInt8], name: String, frame: PracticeFrame? = nil, areas: SmallAreas? = nil) throws -> Attribution {
        try attribution(from: TableReader.read(bytes: bytes, name: name, schema: schema), frame: frame, areas: areas)
    }

    static let schema = Schema([
        ColumnSpec("practice_code", aliases: ["PRACTICE_CODE"]),
        ColumnSpec("lsoa_code", aliases: ["LSOA_CODE"]),
        ColumnSpec("patients", .wholeNumber(minimum: 0), aliases: ["NUMBER_OF_PATIENTS"]),
    ])

    static func attribution(from table: Table, frame: PracticeFrame?, areas: SmallAreas?) throws -> Attribution {
        let practices = table.text("practice_code")
        let lsoas = table.text("lsoa_code")
        let patients = table.wholeNumbers("patients")
        var practiceCodes: [String] = []
        var practicePosition: [String: Int] = [:]
        var lsoaCodes: [String] = []
        var lsoaPosition: [String: Int] = [:]
        var practiceIndices: [Int] = []
        var areaIndices: [Int] = []
        practiceIndices.reserveCapacity(table.rowCount)
        areaIndices.reserveCapacity(table.rowCount)
        var seenPairs: [Int: Int] = [:]
        seenPairs.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            var practice = practicePosition[practices[row]]
            if practice == nil {
                if let frame, frame.index(of: practices[row]) == nil {
                    throw table.error(row: row, column: "practice_code", "the practice \(DataError.quoted(practices[row])) is not in the practice frame")
                }
                practice = practiceCodes.count
                practicePosition[practices[row]] = practiceCodes.count
                practiceCodes.append(practices[row])
            }
            var area = lsoaPosition[lsoas[row]]
            if area == nil {
                if let areas, areas.index(of: lsoas[row]) == nil {
                    throw table.error(row: row, column: "lsoa_code", "the area \(DataError.quoted(lsoas[row])) is not in the areas file")
                }
                area = lsoaCodes.count
                lsoaPosition[lsoas[row]] = lsoaCodes.count
                lsoaCodes.append(lsoas[row])
            }
            let pair = practice! << 32 | area!
            if let first = seenPairs.updateValue(row, forKey: pair) {
                throw table.error(row: row, column: "lsoa_code",
                                  "the practice \(practices[row]) and area \(lsoas[row]) are given twice (also line \(table.lineNumbers[first]))")
            }
            practiceIndices.append(practice!)
            areaIndices.append(area!)
        }
        return Attribution(practiceCodes: practiceCodes, lsoaCodes: lsoaCodes, practiceIndices: practiceIndices,
                           areaIndices: areaIndices, patients: patients)
    }
}
