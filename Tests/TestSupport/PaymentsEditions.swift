import Foundation

/// The header rows of NHS Digital's *NHS Payments to General Practice, England* CSV by edition,
/// for tests that build small files in each year's layout (see docs/layouts/payments.md for the
/// sources: the 2022/23 row is the file in datasets/; the others are reconstructed from the
/// publisher's documentation and are marked there as to be checked against the files).
public enum PaymentsEditions {
    /// One edition: its financial year and the columns before and after the patient counts.
    public struct Edition: Sendable {
        public let year: String
        /// Organisation and practice columns, in the publisher's order.
        public let identity: [String]
        /// The layout id the reader should detect.
        public let layout: String
        public let consortiumCode: String
        public let pcnCode: String?
    }

    static let practice = ["Practice Code", "Practice Name", "Practice Address", "Practice Postcode", "Practice Open Date",
                           "Practice Close Date", "Contract Type", "Dispensing Practice", "Practice type", "Practice Rurality",
                           "Atypical characteristics"]
    /// The patient counts and the headline payment lines, common to every edition.
    public static let figures = ["Number of Registered Patients (Last Known Figure)", "Number of Weighted Patients (Last Known Figure)",
                                 "Average payments per registered patient", "Average payments per weighted patient",
                                 "Global Sum", "MPIG Correction factor", "Balance of PMS Expenditure", "Total QOF Payments",
                                 "Premises Payments", "Prescribing Fee Payments", "Dispensing Fee Payments", "Reimbursement of Drugs",
                                 "Other Payments", "Total NHS Payments to General Practice",
                                 "Deductions for Pensions, Levies and Prescription Charge Income",
                                 "Total NHS Payments to General Practice Minus Deductions"]

    static let areaTeamCCG = ["Area Team Code", "Area Team Name", "CCG Code", "CCG Name"] + practice
    static let regionCCG = ["NHS England (Region) code", "NHS England (Region) Name", "CCG Code", "CCG Name"] + practice
    static let regionCCGPCN = ["NHS England (Region) code", "NHS England (Region) Name", "CCG Code", "CCG Name", "PCN Code", "PCN Name"] + practice

    public static let all: [Edition] = [
        Edition(year: "2015-16", identity: areaTeamCCG, layout: "payments-ccg", consortiumCode: "00K", pcnCode: nil),
        Edition(year: "2016-17", identity: areaTeamCCG, layout: "payments-ccg", consortiumCode: "00K", pcnCode: nil),
        Edition(year: "2017-18", identity: regionCCG, layout: "payments-ccg", consortiumCode: "00K", pcnCode: nil),
        Edition(year: "2018-19", identity: regionCCG, layout: "payments-ccg", consortiumCode: "00K", pcnCode: nil),
        Edition(year: "2019-20", identity: regionCCGPCN, layout: "payments-ccg-pcn", consortiumCode: "00K", pcnCode: "U12345"),
        Edition(year: "2020-21", identity: regionCCGPCN, layout: "payments-ccg-pcn", consortiumCode: "00K", pcnCode: "U12345"),
        Edition(year: "2021-22", identity: regionCCGPCN, layout: "payments-ccg-pcn", consortiumCode: "00K", pcnCode: "U12345"),
        // As in datasets/england-2022-23: the PCN under `Code` and `CCG NAME`.
        Edition(year: "2022-23", identity: ["NHS England (Region) code", "NHS England (Region) Name", "CCG Code", "Sub ICB NAME", "Code", "CCG NAME"] + practice,
                layout: "payments-2022-23", consortiumCode: "16C", pcnCode: "U89141"),
        Edition(year: "2023-24", identity: ["NHS England (Region) code", "NHS England (Region) Name", "ICB Code", "ICB Name",
                                            "Sub ICB Location Code", "Sub ICB Location Name", "PCN Code", "PCN Name"] + practice,
                layout: "payments-sub-icb", consortiumCode: "16C", pcnCode: "U89141"),
    ]

    /// A CSV line with commas, quoting fields that contain commas.
    public static func line(_ fields: [String]) -> String {
        fields.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
            .joined(separator: ",")
    }

    /// A file of `edition` with one row per entry of `rows`: (practice, registered, weighted,
    /// figures for the 12 payment lines of `figures`, as written).
    public static func csv(_ edition: Edition, rows: [(practice: String, registered: String, payments: [String])],
                           header: [String]? = nil) -> String {
        var text = line(header ?? (edition.identity + figures)) + "\n"
        for row in rows {
            let identity = edition.identity.map { column -> String in
                switch column {
                case "Practice Code": return row.practice
                case "CCG Code", "Sub ICB Location Code": return edition.consortiumCode
                case "PCN Code", "Code": return edition.pcnCode ?? ""
                case "Practice Name": return "SURGERY " + row.practice
                case "NHS England (Region) code": return "Y63"
                case "Contract Type": return "GMS"
                default: return "X"
                }
            }
            text += line(identity + [row.registered, row.registered, "0", "0"] + row.payments) + "\n"
        }
        return text
    }
}
