import Tables

/// NHS Digital's *NHS Payments to General Practice, England* file (one row per practice), read
/// as published, as a practice frame with patient counts and payment lines.
///
/// How each column is read (2022-23 edition):
/// - `Practice Code`, `Practice Name` → the practice.
/// - `Code` and `CCG NAME` → the **PCN** code and name. The publisher labels these columns as if
///   they held CCGs, but they hold primary care networks (`U89141`, `STOCKTON PCN`).
/// - `CCG Code`, `Sub ICB NAME` → the consortium (sub-ICB location, the former CCG: `16C`).
/// - `NHS England (Region) code`, `NHS England (Region) Name` → the region.
/// - `Number of Registered Patients (Last Known Figure)` and `Number of Weighted Patients (Last
///   Known Figure)` → `registered_patients`, `weighted_patients` (averages with decimals).
/// - `Contract Type`, `Dispensing Practice`, `Practice Rurality`, `Practice type` → labels
///   `contract_type`, `dispensing`, `rurality`, `practice_type`.
/// - Money columns (pounds, two decimals) → whole pence, for the columns in `moneyColumns`.
///
/// The header's names are matched after white-space normalisation, so names broken over lines
/// inside quotes (as in some editions) match too; the byte-order mark is skipped by the reader.
public struct GeneralPracticePayments: Sendable {
    /// Practices with PCN, consortium (sub-ICB) and region; attributes `registered_patients` and
    /// `weighted_patients`; labels `contract_type`, `dispensing`, `rurality`, `practice_type`.
    public let frame: PracticeFrame
    /// Payment lines in whole pence, by published column name, each in frame order.
    public let payments: [String: [Int]]

    /// Payment columns read by default: the headline lines analysts compare.
    public static let defaultMoneyColumns = [
        "Global Sum", "MPIG Correction factor", "Balance of PMS Expenditure", "Total QOF Payments", "Premises Payments",
        "Prescribing Fee Payments", "Dispensing Fee Payments", "Reimbursement of Drugs", "Other Payments",
        "Total NHS Payments to General Practice",
        "Deductions for Pensions, Levies and Prescription Charge Income",
        "Total NHS Payments to General Practice Minus Deductions",
    ]

    /// Payments in pence of one column, in frame order.
    public func pence(_ column: String) -> [Int]? { payments[column] }

    /// Reads the file. `moneyColumns` are required columns in pounds with at most two decimals.
    /// Errors (file, line, column): a repeated practice code, an empty practice, PCN or sub-ICB
    /// code, a negative patient count, a badly formed number.
    public static func read(path: String, name: String? = nil, moneyColumns: [String] = defaultMoneyColumns) throws -> GeneralPracticePayments {
        var columns = [
            ColumnSpec("practice_code", aliases: ["Practice Code"]),
            ColumnSpec("practice_name", aliases: ["Practice Name"]),
            ColumnSpec("pcn_code", aliases: ["Code"]),
            ColumnSpec("pcn_name", aliases: ["CCG NAME"]),
            ColumnSpec("consortium_code", aliases: ["CCG Code"]),
            ColumnSpec("consortium_name", aliases: ["Sub ICB NAME"]),
            ColumnSpec("region_code", aliases: ["NHS England (Region) code"]),
            ColumnSpec("region_name", aliases: ["NHS England (Region) Name"]),
            ColumnSpec("registered_patients", .decimal(minimum: 0), aliases: ["Number of Registered Patients (Last Known Figure)"]),
            ColumnSpec("weighted_patients", .decimal(minimum: 0), aliases: ["Number of Weighted Patients (Last Known Figure)"]),
            ColumnSpec("contract_type", aliases: ["Contract Type"]),
            ColumnSpec("dispensing", aliases: ["Dispensing Practice"]),
            ColumnSpec("rurality", aliases: ["Practice Rurality"]),
            ColumnSpec("practice_type", aliases: ["Practice type"]),
        ]
        columns += moneyColumns.map { ColumnSpec($0, .money) }
        let table = try TableReader.read(path: path, schema: Schema(columns), name: name)

        let codes = table.text("practice_code")
        let text = ["practice_name", "pcn_code", "pcn_name", "consortium_code", "consortium_name", "region_code", "region_name"]
            .reduce(into: [String: [String]]()) { $0[$1] = table.text($1) }
        let registered = table.decimals("registered_patients")
        let weighted = table.decimals("weighted_patients")
        let labelColumns = ["contract_type", "dispensing", "rurality", "practice_type"]
        let labelValues = labelColumns.map { table.text($0) }
        var seen: [String: Int] = [:]
        var practices: [Practice] = []
        practices.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            if let first = seen.updateValue(row, forKey: codes[row]) {
                throw table.error(row: row, column: "practice_code",
                                  "the practice \(DataError.quoted(codes[row])) appears twice (also line \(table.lineNumbers[first]))")
            }
            var labels: [String: String] = [:]
            for (column, values) in zip(labelColumns, labelValues) { labels[column] = values[row] }
            practices.append(Practice(
                code: codes[row], consortiumCode: text["consortium_code"]![row], name: text["practice_name"]![row],
                consortiumName: text["consortium_name"]![row], pcnCode: text["pcn_code"]![row], pcnName: text["pcn_name"]![row],
                regionCode: text["region_code"]![row], regionName: text["region_name"]![row],
                attributes: ["registered_patients": registered[row], "weighted_patients": weighted[row]], labels: labels))
        }
        var payments: [String: [Int]] = [:]
        for column in moneyColumns { payments[column] = table.pence(column) }
        return GeneralPracticePayments(frame: try PracticeFrame(practices: practices, source: table.source), payments: payments)
    }
}
