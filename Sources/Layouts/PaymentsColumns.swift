import Tables

/// The columns of NHS Digital's *NHS Payments to General Practice, England* CSV (one row per
/// practice, one file per financial year), under the engine's names, with every header the
/// publisher has used, and the layout families of the editions 2015/16 to 2023/24.
///
/// Headers are matched by `headerKey` (letters and digits, lower case), so `Total QOF Payments`
/// and `Total QOF payments` need no alias. Some headers mean different things in different
/// editions (the 2022/23 file heads the PCN name `CCG NAME`), so the organisation columns are
/// given per layout (`organisationColumns(of:)`); the payment lines are the same in every one.
/// The headers of each edition are written out in docs/layouts/payments.md.
public enum PaymentsColumns {
    // Identity: one row per practice.
    public static let practiceCode = KnownColumn("practice_code", headers: ["Practice Code"])

    // Descriptions of the practice, the same headers in every edition.
    public static let practiceName = KnownColumn("practice_name", headers: ["Practice Name"])
    public static let practiceAddress = KnownColumn("practice_address", headers: ["Practice Address"])
    public static let practicePostcode = KnownColumn("practice_postcode", headers: ["Practice Postcode"])
    public static let openDate = KnownColumn("practice_open_date", headers: ["Practice Open Date"])
    public static let closeDate = KnownColumn("practice_close_date", headers: ["Practice Close Date"])
    public static let contractType = KnownColumn("contract_type", headers: ["Contract Type"])
    public static let dispensing = KnownColumn("dispensing", headers: ["Dispensing Practice"])
    public static let practiceType = KnownColumn("practice_type", headers: ["Practice type"])
    public static let rurality = KnownColumn("rurality", headers: ["Practice Rurality"])
    public static let atypical = KnownColumn("atypical", headers: ["Atypical characteristics"])

    /// Average list sizes over the year (decimals), as published.
    public static let registeredPatients = KnownColumn("registered_patients", headers: [
        "Number of Registered Patients (Last Known Figure)", "Number of Registered Patients", "Registered Patients"])
    public static let weightedPatients = KnownColumn("weighted_patients", headers: [
        "Number of Weighted Patients (Last Known Figure)", "Number of Weighted Patients", "Weighted Patients"])

    /// The payment lines (pounds), with the names they have had across editions. A formula or a
    /// baseline naming a line by any of these names reads the same column (`paymentLine(named:)`).
    public static let paymentLines: [KnownColumn] = [
        KnownColumn("Global Sum"),
        KnownColumn("MPIG Correction factor", headers: ["MPIG Correction Factor Payments", "MPIG"]),
        KnownColumn("Balance of PMS Expenditure", headers: ["Balance of PMS Expenditure Payments", "PMS Balance"]),
        KnownColumn("Total QOF Payments", headers: ["QOF Payments", "Quality and Outcomes Framework Payments"]),
        KnownColumn("Premises Payments"),
        KnownColumn("Seniority", headers: ["Seniority Payments"]),
        KnownColumn("GP Extended Hours Access", headers: ["Extended Hours Access"]),
        KnownColumn("Out Of Area in Hours Urgent Care", headers: ["Out of Area Urgent Care"]),
        KnownColumn("Local Incentive Schemes", headers: ["Total Local Incentive Schemes", "Local Enhanced Services"]),
        KnownColumn("PCN Participation", headers: ["Network Participation Payments"]),
        KnownColumn("Prescribing Fee Payments"),
        KnownColumn("Dispensing Fee Payments"),
        KnownColumn("Reimbursement of Drugs"),
        KnownColumn("Other Payments"),
        KnownColumn("Total NHS Payments to General Practice", headers: ["Total NHS Payments"]),
        KnownColumn("Deductions for Pensions, Levies and Prescription Charge Income",
                    headers: ["Deductions for Pensions and Levies", "Deductions"]),
        KnownColumn("Total NHS Payments to General Practice Minus Deductions",
                    headers: ["Total NHS Payments Minus Deductions"]),
    ]

    /// The payment line a formula or configuration names by any of its yearly names (matched by
    /// `headerKey`), under the name it was asked by; an unknown name is a column of that name only.
    public static func paymentLine(named name: String) -> KnownColumn {
        let key = headerKey(name)
        guard let line = paymentLines.first(where: { $0.candidates.contains { headerKey($0) == key } }) else { return KnownColumn(name) }
        return KnownColumn(name, headers: line.candidates.filter { headerKey($0) != key })
    }

    // Organisations, per layout: PCN, consortium (CCG or sub-ICB location), ICB, region.

    /// 2023/24: sub-ICB location, ICB and PCN each under their own name.
    public static let subICBLocation = FileLayout(
        id: "payments-sub-icb", name: "an NHS Payments to General Practice file, 2023/24 or later (Sub ICB Location and PCN)",
        identifying: [[practiceCode], [KnownColumn("consortium_code", headers: ["Sub ICB Location Code"])],
                      [KnownColumn("pcn_code", headers: ["PCN Code"])], [registeredPatients]],
        documentation: "docs/layouts/payments.md")

    /// 2022/23 as published: `CCG Code` holds the sub-ICB location, `Code` and `CCG NAME` the PCN,
    /// `Sub ICB NAME` the sub-ICB location's name.
    public static let subICB202223 = FileLayout(
        id: "payments-2022-23", name: "an NHS Payments to General Practice file, 2022/23 (CCG Code for the Sub ICB, Code for the PCN)",
        identifying: [[practiceCode], [KnownColumn("consortium_code", headers: ["CCG Code"])],
                      [KnownColumn("consortium_name", headers: ["Sub ICB NAME"])], [KnownColumn("pcn_code", headers: ["Code"])],
                      [registeredPatients]],
        documentation: "docs/layouts/payments.md")

    /// 2019/20 to 2021/22: CCG and PCN.
    public static let ccgWithPCN = FileLayout(
        id: "payments-ccg-pcn", name: "an NHS Payments to General Practice file, 2019/20 to 2021/22 (CCG and PCN)",
        identifying: [[practiceCode], [KnownColumn("consortium_code", headers: ["CCG Code"])],
                      [KnownColumn("pcn_code", headers: ["PCN Code"])], [registeredPatients]],
        documentation: "docs/layouts/payments.md")

    /// 2015/16 to 2018/19: CCG, no PCN (PCNs began in July 2019).
    public static let ccgOnly = FileLayout(
        id: "payments-ccg", name: "an NHS Payments to General Practice file, 2015/16 to 2018/19 (CCG, no PCN)",
        identifying: [[practiceCode], [KnownColumn("consortium_code", headers: ["CCG Code"])], [registeredPatients]],
        documentation: "docs/layouts/payments.md")

    /// The layouts, most specific first (detection takes the first that matches).
    public static let layouts: [FileLayout] = [subICBLocation, subICB202223, ccgWithPCN, ccgOnly]

    /// The organisation columns of a layout: `pcn_code`, `pcn_name`, `consortium_code`,
    /// `consortium_name`, `region_code`, `region_name` (those the layout has).
    public static func organisationColumns(of layout: FileLayout) -> [KnownColumn] {
        let region = [KnownColumn("region_code", headers: ["NHS England (Region) code", "Commissioning Region Code", "NHS England Region Code"]),
                      KnownColumn("region_name", headers: ["NHS England (Region) Name", "Commissioning Region Name", "NHS England Region Name"])]
        switch layout.id {
        case subICBLocation.id:
            return region + [KnownColumn("consortium_code", headers: ["Sub ICB Location Code"]),
                             KnownColumn("consortium_name", headers: ["Sub ICB Location Name"]),
                             KnownColumn("icb_code", headers: ["ICB Code"]), KnownColumn("icb_name", headers: ["ICB Name"]),
                             KnownColumn("pcn_code", headers: ["PCN Code"]), KnownColumn("pcn_name", headers: ["PCN Name"])]
        case subICB202223.id:
            return region + [KnownColumn("consortium_code", headers: ["CCG Code"]), KnownColumn("consortium_name", headers: ["Sub ICB NAME"]),
                             KnownColumn("pcn_code", headers: ["Code"]), KnownColumn("pcn_name", headers: ["CCG NAME"])]
        case ccgWithPCN.id:
            return region + [KnownColumn("consortium_code", headers: ["CCG Code"]), KnownColumn("consortium_name", headers: ["CCG Name"]),
                             KnownColumn("pcn_code", headers: ["PCN Code"]), KnownColumn("pcn_name", headers: ["PCN Name"])]
        default:
            return region + [KnownColumn("consortium_code", headers: ["CCG Code"]), KnownColumn("consortium_name", headers: ["CCG Name"])]
        }
    }

    /// A header with a footnote marker removed: trailing superscript digits (`Global Sum¹`), a
    /// bracketed number (`Global Sum (1)`, `[2]`) or asterisks. Plain trailing digits (`Global
    /// Sum 1`) are *not* removed, since headers may end in a year or number.
    public static func withoutFootnote(_ header: String) -> String {
        var text = Substring(header)
        let superscripts: Set<Character> = ["¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁰", "*"]
        while let last = text.last, superscripts.contains(last) || last == " " { text = text.dropLast() }
        for (open, close) in [("(", ")"), ("[", "]")] where text.hasSuffix(close) {
            if let start = text.lastIndex(of: Character(open)) {
                let inside = text[text.index(after: start)..<text.index(before: text.endIndex)]
                if !inside.isEmpty && inside.allSatisfy(\.isNumber) { text = text[..<start] }
            }
        }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
