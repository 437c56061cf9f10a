import Tables

/// The attribution of each practice's patients to small areas (`practice_code`, `lsoa_code`,
/// `patients`), read in chunks, used to average area variables over a practice's patients:
/// x̄ₚ = Σₐ nₚₐ xₐ / Σₐ nₚₐ (design/methods.md, "Attribution of deprivation to practices").
enum AttributionFile {
    static let schema = Schema([ColumnSpec("practice_code"), ColumnSpec("lsoa_code"), ColumnSpec("patients", .decimal(minimum: 0))])

    /// Each area component's patient-weighted mean per practice, by component name. A practice
    /// with registered patients but no attributed patients is an error.
    static func averages(path: String, practices: PracticesFile, areas: AreasFile, components: [IndexComponent],
                         registered: [Double]) throws -> [String: [Double]] {
        let count = practices.codes.count
        var attributed = [Double](repeating: 0, count: count)
        let areaColumns = components.map { areas.values[$0.name]! }
        var sums = [[Double]](repeating: [Double](repeating: 0, count: count), count: components.count)
        let reader = try TableReader(path: path, schema: schema)
        while let chunk = try reader.next(maximumRows: 65_536) {
            let codes = chunk.text("practice_code")
            let areaCodes = chunk.text("lsoa_code")
            let patients = chunk.decimals("patients")
            for row in 0..<chunk.rowCount {
                guard let practice = practices.indexByCode[codes[row]] else {
                    throw chunk.error(row: row, column: "practice_code",
                                      "practice \(DataError.quoted(codes[row])) is in the attribution file but not in the practices file (\(practices.file))")
                }
                guard let area = areas.indexByCode[areaCodes[row]] else {
                    throw chunk.error(row: row, column: "lsoa_code",
                                      "area \(DataError.quoted(areaCodes[row])) is not in the areas file (\(areas.file))")
                }
                let number = patients[row]
                attributed[practice] += number
                for position in 0..<areaColumns.count {
                    sums[position][practice] += number * areaColumns[position][area]
                }
            }
        }
        for practice in 0..<count where registered[practice] > 0 && attributed[practice] == 0 {
            throw DataError(.badData, at: practices.locations[practice],
                            "practice \(practices.codes[practice]) has registered patients but none in the attribution file (\(path)), so its \(components[0].variable) cannot be averaged")
        }
        var averages: [String: [Double]] = [:]
        for (position, component) in components.enumerated() {
            averages[component.name] = (0..<count).map { attributed[$0] > 0 ? sums[position][$0] / attributed[$0] : .nan }
        }
        return averages
    }
}
