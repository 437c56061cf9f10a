import Population
import Tables

/// Reads registered lists (`practice_code, sex, age_band, patients`, or NHS Digital's
/// `ORG_CODE, SEX, AGE_GROUP_5, NUMBER_OF_PATIENTS`; with a `need_group` column when the cost
/// model has need groups) into counts by practice and cost-model cell.
///
/// - Each row's band must lie wholly inside one band of the model for its sex (and need group):
///   a list's `90-94` and `95+` both fall in a model's `90+`. A band outside every model band is
///   an "unknown band" error; one that straddles two is an error too.
/// - Rows whose sex or age band is `ALL` (NHS Digital's totals) are not added: each is checked
///   against the sum of the detailed rows it covers (same practice and need group; same sex
///   and band label unless `ALL`), and a difference is an error.
/// - The same practice, sex and band label (and need group) twice is an error.
/// Errors name the file, line and column.
public enum PopulationFileReader {
    public static let schema = Schema([
        ColumnSpec("practice_code", aliases: ["ORG_CODE"]),
        ColumnSpec("sex", aliases: ["SEX"]),
        ColumnSpec("age_band", aliases: ["AGE_GROUP_5"]),
        ColumnSpec("patients", .wholeNumber(minimum: 0), aliases: ["NUMBER_OF_PATIENTS"]),
        ColumnSpec("need_group", optional: true),
    ])

    public static func read(path: String, model: CostModel, name: String? = nil) throws -> PracticeCellCounts {
        try counts(from: TableReader.read(path: path, schema: schema, name: name), model: model)
    }

    public static func read(bytes: [UInt8], name: String, model: CostModel) throws -> PracticeCellCounts {
        try counts(from: TableReader.read(bytes: bytes, name: name, schema: schema), model: model)
    }

    struct TotalKey: Hashable {
        let practice: String
        let needGroup: String?
        let sex: String
        let band: String
    }

    static func counts(from table: Table, model: CostModel) throws -> PracticeCellCounts {
        if model.hasNeedGroups && !table.has("need_group") {
            throw DataError(.badData, at: SourceLocation(file: table.source, columnName: "need_group"),
                            "the cost model (\(model.source)) has need groups, so the population needs a need_group column")
        }
        let codes = table.text("practice_code")
        let sexLabels = table.text("sex")
        let bandLabels = table.text("age_band")
        let patients = table.wholeNumbers("patients")
        let needGroups = model.hasNeedGroups ? table.text("need_group") : nil
        let knownGroups = Set(model.needGroups)

        var practiceIndex: [String: Int] = [:]
        var order: [String] = []
        var locations: [SourceLocation] = []
        var counts: [Int] = []
        var parsedBands: [String: AgeBand] = [:]
        var seen: [TotalKey: Int] = [:]
        var detailedSums: [TotalKey: Int] = [:]
        var totalRows: [Int] = []
        var bandsSeen: [TotalKey: [(ages: AgeBand, row: Int)]] = [:]

        for row in 0..<table.rowCount {
            let needGroup = needGroups?[row]
            if let needGroup, !knownGroups.contains(needGroup) {
                throw table.error(row: row, column: "need_group",
                                  "unknown need group \(DataError.quoted(needGroup)); the cost model has: \(model.needGroups.joined(separator: ", "))")
            }
            let sexLabel = sexLabels[row]
            let bandLabel = bandLabels[row]
            let sex = Sex(label: sexLabel)
            if sex == nil && sexLabel != "ALL" {
                throw table.error(row: row, column: "sex", "expected M, F, male or female, found \(DataError.quoted(sexLabel))")
            }
            var ages = parsedBands[bandLabel]
            if ages == nil && bandLabel != "ALL" {
                guard let parsed = AgeBand(label: bandLabel) else {
                    throw table.error(row: row, column: "age_band", "expected an age band such as 0-4, 0_4 or 90+, found \(DataError.quoted(bandLabel))")
                }
                ages = parsed
                parsedBands[bandLabel] = parsed
            }
            let sexKey = sex?.label ?? "ALL"
            let exact = TotalKey(practice: codes[row], needGroup: needGroup, sex: sexKey, band: bandLabel)
            if let earlier = seen[exact] {
                throw table.error(row: row, column: "age_band",
                                  "practice \(codes[row]), sex \(sexKey), band \(bandLabel) is given twice (also line \(table.lineNumbers[earlier]))")
            }
            seen[exact] = row
            guard let sex, let ages else {
                totalRows.append(row)
                continue
            }
            let practiceSex = TotalKey(practice: codes[row], needGroup: needGroup, sex: sex.label, band: "")
            for other in bandsSeen[practiceSex, default: []] where other.ages.overlaps(ages) {
                throw table.error(row: row, column: "age_band",
                                  "the band \(bandLabel) overlaps \(other.ages.label) of the same practice and sex (line \(table.lineNumbers[other.row]))")
            }
            bandsSeen[practiceSex, default: []].append((ages, row))

            let cell: Int
            switch model.placement(sex: sex, ages: ages, needGroup: needGroup) {
            case .cell(let index):
                cell = index
            case .straddles(let bands):
                throw table.error(row: row, column: "age_band",
                                  "the band \(bandLabel) straddles the cost model's bands \(bands.map(\.label).joined(separator: " and ")) (\(model.source))")
            case .unknown:
                let given = model.bands(sex: sex, needGroup: needGroup).map(\.label).joined(separator: ", ")
                throw table.error(row: row, column: "age_band",
                                  "unknown band \(bandLabel) for sex \(sex.label)\(needGroup.map { ", need group \($0)" } ?? ""): "
                                  + "the cost model (\(model.source)) has \(given.isEmpty ? "no bands" : given)")
            }
            var practice = practiceIndex[codes[row]]
            if practice == nil {
                practice = order.count
                practiceIndex[codes[row]] = order.count
                order.append(codes[row])
                locations.append(table.location(row: row, column: "practice_code"))
                counts += Array(repeating: 0, count: model.count)
            }
            counts[practice! * model.count + cell] += patients[row]
            for sexPart in [sex.label, "ALL"] {
                for bandPart in [bandLabel, "ALL"] {
                    detailedSums[TotalKey(practice: codes[row], needGroup: needGroup, sex: sexPart, band: bandPart), default: 0] += patients[row]
                }
            }
        }
        for row in totalRows {
            let key = TotalKey(practice: codes[row], needGroup: needGroups?[row], sex: Sex(label: sexLabels[row])?.label ?? "ALL", band: bandLabels[row])
            let detailed = detailedSums[key, default: 0]
            if detailed != patients[row] {
                throw table.error(row: row, column: "patients",
                                  "a total row: expected \(detailed), the sum of the detailed rows it covers, found \(patients[row])")
            }
        }
        return PracticeCellCounts(practiceCodes: order, cellCount: model.count, counts: counts, firstLocations: locations)
    }
}
