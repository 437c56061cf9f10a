import Foundation
import Layouts
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

    /// The frame with payment lines as practice attributes in pounds (`Global Sum` → 438099.78),
    /// under the names they were read by, so that a formula variable can name a payment line by
    /// any of its yearly names (`PaymentsColumns.paymentLine(named:)`).
    public func frame(withPaymentLines lines: [String], source: String = "payments file") throws -> PracticeFrame {
        guard !lines.isEmpty else { return frame }
        var practices = frame.practices
        for line in lines {
            guard let amounts = payments[line] else { continue }
            for index in practices.indices { practices[index].attributes[line] = Double(amounts[index]) / 100 }
        }
        return try PracticeFrame(practices: practices, source: source)
    }

    /// A payment line asked for (by a formula or `--baseline-payment`) that the file has under
    /// none of its names is an error at the header listing the payment lines the file has: the
    /// columns after the patient counts, other than the weighted patients and the averages.
    static func checkPaymentLines(_ lines: [String], header: [String], source: String) throws {
        let keys = HeaderKeys(header)
        guard let absent = lines.first(where: { !keys.contains(PaymentsColumns.paymentLine(named: $0)) }) else { return }
        let registered = header.firstIndex { PaymentsColumns.registeredPatients.candidates.map(headerKey).contains(headerKey($0)) }
        let skipped = Set(PaymentsColumns.weightedPatients.candidates.map(headerKey))
        let payments = header[((registered ?? -1) + 1)...].filter {
            !skipped.contains(headerKey($0)) && !headerKey($0).hasPrefix("averagepayments")
        }
        let known = PaymentsColumns.paymentLine(named: absent)
        let names = known.candidates.filter { headerKey($0) != headerKey(absent) }
        throw DataError(.badData, at: SourceLocation(file: source, line: 1),
                        "no payment column \(DataError.quoted(absent))\(names.isEmpty ? "" : " (nor " + names.map(DataError.quoted).joined(separator: ", ") + ")"); the payment columns of this file are: \(payments.joined(separator: ", "))")
    }

    /// Reads the file. `moneyColumns` are required columns in pounds with at most two decimals,
    /// each found under any name it has had (`PaymentsColumns.paymentLine(named:)`); thousands
    /// separators (`1,234.56`) are read as published.
    ///
    /// The layout (2015/16–2018/19 CCG; 2019/20–2021/22 CCG and PCN; 2022/23; 2023/24 Sub ICB
    /// Location) is detected from the header (`PaymentsColumns.layouts`). Footnote markers on
    /// headers (superscripts, `(1)`, `*`) are ignored. Exact repeated practice rows are one row
    /// (noted through `note`); an empty patient count is read as zero (a closed practice) and
    /// counted in a note.
    ///
    /// Errors (file, line, column): an unknown layout (the columns needed, the closest layout),
    /// a practice repeated with different figures (both lines), an empty practice or consortium
    /// code, a negative patient count, a badly formed number, bytes that are not UTF-8.
    public static func read(path: String, name: String? = nil, moneyColumns: [String] = defaultMoneyColumns,
                            note: (String) -> Void = PaymentsNotes.standardError) throws -> GeneralPracticePayments {
        let source = name ?? path
        let header: [String]
        do {
            header = try TableReader(path: path, schema: Schema([]), name: name).header
        } catch var error as DataError {
            if error.message.contains("UTF-8") { error.message += PaymentsNotes.convert }
            throw error
        }
        let published = header.map(PaymentsColumns.withoutFootnote)
        let layout = try LayoutDetection.detect(header: published, source: source, among: PaymentsColumns.layouts,
                                                reading: "NHS Payments to General Practice")
        /// The column's aliases, with the header's own spelling when it carries a footnote.
        func spec(_ column: KnownColumn, _ type: ColumnType = .text, optional: Bool = false, allowsEmpty: Bool = false,
                  grouping: DigitGrouping = .none) -> ColumnSpec {
            let keys = Set(column.candidates.map(headerKey))
            let footnoted = zip(header, published).filter { $0 != $1 && keys.contains(headerKey($1)) }.map(\.0)
            return ColumnSpec(column.name, type, aliases: column.headers + footnoted, optional: optional,
                              allowsEmpty: allowsEmpty, grouping: grouping)
        }
        try checkPaymentLines(moneyColumns, header: published, source: source)
        let organisations = PaymentsColumns.organisationColumns(of: layout)
        var columns = [spec(PaymentsColumns.practiceCode), spec(PaymentsColumns.practiceName)]
        for column in organisations {
            let required = column.name == "consortium_code" || (column.name == "pcn_code")
            columns.append(spec(column, optional: !required, allowsEmpty: !required))
        }
        columns += [
            spec(PaymentsColumns.registeredPatients, .decimal(minimum: 0), allowsEmpty: true, grouping: .commaThousands),
            spec(PaymentsColumns.weightedPatients, .decimal(minimum: 0), optional: true, allowsEmpty: true, grouping: .commaThousands),
            spec(PaymentsColumns.contractType, optional: true, allowsEmpty: true),
            spec(PaymentsColumns.dispensing, optional: true, allowsEmpty: true),
            spec(PaymentsColumns.rurality, optional: true, allowsEmpty: true),
            spec(PaymentsColumns.practiceType, optional: true, allowsEmpty: true),
        ]
        columns += moneyColumns.map { spec(PaymentsColumns.paymentLine(named: $0), .money, grouping: .commaThousands) }
        let read: Table
        do {
            read = try TableReader.read(path: path, schema: Schema(columns), name: name)
        } catch var error as DataError {
            if error.message.contains("UTF-8") { error.message += PaymentsNotes.convert }
            throw error
        }
        let names = columns.map(\.name).filter { read.has($0) }
        let collapsed = try read.collapsingRepeats(identity: ["practice_code"], figures: names.filter { $0 != "practice_code" })
        let table = collapsed.table
        if collapsed.repeats > 0 {
            note(ReadingNotes.repeats(source: table.source, count: collapsed.repeats, firstLine: collapsed.firstRepeatLine))
        }
        func text(_ column: String) -> [String] { table.has(column) ? table.text(column) : Array(repeating: "", count: table.rowCount) }
        func optionalText(_ column: String) -> [String?] { table.has(column) ? table.text(column) : Array(repeating: nil, count: table.rowCount) }
        let emptyPatients = table.optionalDecimals("registered_patients")
        let registered = emptyPatients.map { $0 ?? 0 }
        let weighted = table.has("weighted_patients") ? table.optionalDecimals("weighted_patients").map { $0 ?? 0 } : registered
        let empty = emptyPatients.filter { $0 == nil }.count
        if empty > 0 {
            note("\(table.source): \(empty) practice\(empty == 1 ? " has" : "s have") an empty Number of Registered Patients (closed or not yet open); \(empty == 1 ? "it is" : "they are") kept with 0 patients")
        }
        let zero = registered.filter { $0 == 0 }.count
        if zero > empty {
            note("\(table.source): \(zero - empty) practice\(zero - empty == 1 ? " has" : "s have") 0 registered patients; kept")
        }
        let codes = table.text("practice_code")
        let text = ["practice_name", "pcn_code", "pcn_name", "consortium_code", "consortium_name", "region_code", "region_name"]
            .reduce(into: [String: [String]]()) { $0[$1] = text($1) }
        let labelColumns = ["contract_type", "dispensing", "rurality", "practice_type"]
        let labelValues = labelColumns.map { optionalText($0) }
        var seen: [String: Int] = [:]
        var practices: [Practice] = []
        practices.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            if let first = seen.updateValue(row, forKey: codes[row]) {
                throw table.error(row: row, column: "practice_code",
                                  "the practice \(DataError.quoted(codes[row])) appears twice (also line \(table.lineNumbers[first]))")
            }
            var labels: [String: String] = [:]
            for (column, values) in zip(labelColumns, labelValues) { if let value = values[row] { labels[column] = value } }
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

/// The notes and advice of the payments reader.
public enum PaymentsNotes {
    /// Writes a note on standard error.
    public static let standardError: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    /// Advice for a file saved in Latin-1 or Windows-1252 (as some editions were, for `£`).
    public static let convert = "; the file is probably Latin-1 (Windows-1252): convert it with `iconv -f WINDOWS-1252 -t UTF-8 file.csv > file-utf8.csv`"
}
