import Tables

extension RegisteredLists {
    /// The columns of a registered-lists file: the design's layout, or NHS Digital's *Patients
    /// Registered at a GP Practice* (quinary ages) layout by its own names.
    public static let schema = Schema([
        ColumnSpec("practice_code", aliases: ["ORG_CODE"]),
        ColumnSpec("sex", aliases: ["SEX"]),
        ColumnSpec("age_band", aliases: ["AGE_GROUP_5"]),
        ColumnSpec("patients", .wholeNumber(minimum: 0), aliases: ["NUMBER_OF_PATIENTS"]),
    ])

    /// Reads registered lists (`practice_code, sex, age_band, patients`, or NHS Digital's
    /// `ORG_CODE, SEX, AGE_GROUP_5, NUMBER_OF_PATIENTS`) into the scheme `bands`.
    ///
    /// - Each row's band must lie wholly inside one band of `bands`; its patients are added to
    ///   that band (so NHS Digital's `90_94` and `95+` both go to `90+` in the nineteen-band
    ///   scheme). A band that straddles (`90+` read into twenty bands) is an error.
    /// - Rows whose sex or age band is `ALL` (NHS Digital's totals) are not added: each is checked
    ///   against the sum of the detailed rows it covers, and a difference is an error.
    /// - A combination of practice, sex and band that does not appear holds 0 patients.
    /// - Errors (file, line, column): an unknown sex or band label; a negative or non-whole count;
    ///   a practice not in `frame` (when a frame is given); the same practice, sex and ages given
    ///   twice or in overlapping bands (`90+` and `95+`).
    ///
    /// Lists are ordered as the practices of `frame` (those that have rows), or by first
    /// appearance in the file when no frame is given.
    public static func read(path: String, name: String? = nil, frame: PracticeFrame? = nil,
                            bands: AgeBandScheme = .nineteenBands) throws -> RegisteredLists {
        try lists(from: TableReader.read(path: path, schema: schema, name: name), frame: frame, bands: bands)
    }

    /// The same as `read(path:…)` for CSV bytes held in memory.
    public static func read(bytes: [UInt8], name: String, frame: PracticeFrame? = nil,
                            bands: AgeBandScheme = .nineteenBands) throws -> RegisteredLists {
        try lists(from: TableReader.read(bytes: bytes, name: name, schema: schema), frame: frame, bands: bands)
    }

    static func lists(from table: Table, frame: PracticeFrame?, bands: AgeBandScheme) throws -> RegisteredLists {
        let codes = table.text("practice_code")
        let sexLabels = table.text("sex")
        let bandLabels = table.text("age_band")
        let patients = table.wholeNumbers("patients")
        let width = 2 * bands.count

        var order: [String] = []
        var position: [String: Int] = [:]
        var counts: [Int] = []
        // The first input band seen in each cell and its row; later ones are checked for overlap.
        var firstBand: [AgeBand?] = []
        var firstRow: [Int] = []
        var laterBands: [Int: [(band: AgeBand, row: Int)]] = [:]
        var totalRows: [Int] = []
        var parsedBands: [String: AgeBand] = [:]

        for row in 0..<table.rowCount {
            let code = codes[row]
            let sexLabel = sexLabels[row]
            let bandLabel = bandLabels[row]
            let sex = Sex(label: sexLabel)
            if sex == nil && sexLabel != "ALL" {
                throw table.error(row: row, column: "sex", "expected M, F, male or female, found \(DataError.quoted(sexLabel))")
            }
            var band = parsedBands[bandLabel]
            if band == nil && bandLabel != "ALL" {
                guard let parsed = AgeBand(label: bandLabel) else {
                    throw table.error(row: row, column: "age_band",
                                      "expected an age band such as 0-4, 0_4 or 90+, found \(DataError.quoted(bandLabel))")
                }
                band = parsed
                parsedBands[bandLabel] = parsed
            }
            if let frame, frame.index(of: code) == nil {
                throw table.error(row: row, column: "practice_code", "the practice \(DataError.quoted(code)) is not in the practice frame")
            }
            var practice = position[code]
            if practice == nil {
                practice = order.count
                position[code] = order.count
                order.append(code)
                counts += repeatElement(0, count: width)
                firstBand += repeatElement(nil, count: width)
                firstRow += repeatElement(-1, count: width)
            }
            guard let sex, let band else {
                totalRows.append(row)
                continue
            }
            guard let target = bands.index(containing: band) else {
                throw table.error(row: row, column: "age_band",
                                  "expected a band inside one of \(bands), found \(DataError.quoted(bandLabel))")
            }
            let cell = (practice! * 2 + sex.index) * bands.count + target
            if let seen = firstBand[cell] {
                let earlier = [(band: seen, row: firstRow[cell])] + (laterBands[cell] ?? [])
                if let clash = earlier.first(where: { $0.band.overlaps(band) }) {
                    let what = clash.band == band ? "is given twice" : "overlaps \(clash.band.label)"
                    throw table.error(row: row, column: "age_band",
                                      "the band \(band.label) of practice \(code), sex \(sex.label) \(what) (line \(table.lineNumbers[clash.row]))")
                }
                laterBands[cell, default: []].append((band, row))
            } else {
                firstBand[cell] = band
                firstRow[cell] = row
            }
            counts[cell] += patients[row]
        }

        if !totalRows.isEmpty {
            try checkTotals(totalRows, table: table, bands: parsedBands)
        }

        if let frame {
            let ordered = order.sorted { frame.index(of: $0)! < frame.index(of: $1)! }
            var reordered: [Int] = []
            reordered.reserveCapacity(counts.count)
            for code in ordered {
                let start = position[code]! * width
                reordered += counts[start..<(start + width)]
            }
            return RegisteredLists(bands: bands, practiceCodes: ordered, counts: reordered)
        }
        return RegisteredLists(bands: bands, practiceCodes: order, counts: counts)
    }

    /// Checks each `ALL` row (a total over sexes, bands or both) against the detailed rows of its
    /// practice.
    private static func checkTotals(_ totalRows: [Int], table: Table, bands: [String: AgeBand]) throws {
        let codes = table.text("practice_code")
        let sexLabels = table.text("sex")
        let bandLabels = table.text("age_band")
        let patients = table.wholeNumbers("patients")
        struct Key: Hashable { let code: String; let sex: Sex?; let band: AgeBand? }
        var sums: [Key: Int] = [:]
        for row in 0..<table.rowCount {
            guard let sex = Sex(label: sexLabels[row]), let band = bands[bandLabels[row]] else { continue }
            for key in [Key(code: codes[row], sex: sex, band: band), Key(code: codes[row], sex: nil, band: band),
                        Key(code: codes[row], sex: sex, band: nil), Key(code: codes[row], sex: nil, band: nil)] {
                sums[key, default: 0] += patients[row]
            }
        }
        for row in totalRows {
            let key = Key(code: codes[row], sex: Sex(label: sexLabels[row]), band: bands[bandLabels[row]])
            let detailed = sums[key] ?? 0
            if detailed != patients[row] {
                throw table.error(row: row, column: "patients",
                                  "expected the total \(detailed) of the detailed rows for \(codes[row]) (sex \(sexLabels[row]), age \(bandLabels[row])), found \(patients[row])")
            }
        }
    }
}
