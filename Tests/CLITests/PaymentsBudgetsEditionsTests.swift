import Foundation
import Testing
import TestSupport

/// `budgets --payments FILE --total baseline` on every edition's layout of NHS Digital's
/// *Payments to General Practice* (Tests/TestSupport/PaymentsEditions), with a formula whose need
/// variable is a payment line named as the publisher names it. Hand calculation: without
/// [age_sex] every patient weighs 1; the linear need index with c = 1 is x / x̄, so weighted
/// populations are proportional to registered × QOF: 1000 × 5000, 2000 × 12000, 3000 × 9000 =
/// 5, 24, 27 (× 10⁶), of 56. The total is Σ Global Sum = £550,000.00 = 55,000,000 pence:
/// quotas 4,910,714.29, 23,571,428.57, 26,517,857.14 pence, whole pence 54,999,999, the penny left
/// goes to the largest remainder (the second practice): £49,107.14, £235,714.29, £265,178.57.
@Suite struct PaymentsBudgetsEditionsTests {
    static let formula = """
    name = "QOF-weighted list (test)"

    [[need]]
    name = "qof"
    variable = "Total QOF Payments"
    form = "linear"
    coefficient = 1
    """

    /// Payment lines as `PaymentsEditions.figures` orders them after the four patient columns:
    /// Global Sum, MPIG, PMS, Total QOF, Premises, Prescribing, Dispensing, Drugs, Other, Total,
    /// Deductions, Total minus deductions.
    static func payments(globalSum: String, qof: String) -> [String] {
        [globalSum, "0", "0", qof, "0", "0", "0", "0", "0", "1", "0", "1"]
    }

    @Test(arguments: PaymentsEditions.all.map(\.year))
    func budgetsAddUpToTheBaselineOnEveryEdition(year: String) throws {
        let edition = PaymentsEditions.all.first { $0.year == year }!
        let folder = TemporaryFolder(prefix: "payments-budgets")
        _ = folder.write("payments.csv", PaymentsEditions.csv(edition, rows: [
            (practice: "A81001", registered: "1000", payments: Self.payments(globalSum: "100,000.00", qof: "5000.00")),
            (practice: "A81002", registered: "2000", payments: Self.payments(globalSum: "150000.00", qof: "12,000.00")),
            (practice: "A81003", registered: "3000", payments: Self.payments(globalSum: "300000.00", qof: "9000")),
        ]))
        _ = folder.write("formula.toml", Self.formula)
        let run = try CLIHarness.run(["budgets", "--payments", "payments.csv", "--formula", "formula.toml", "--total", "baseline",
                                      "--baseline-payment", "Global Sum", "--out", "budgets.csv"], in: URL(fileURLWithPath: folder.path))
        #expect(run.status == 0, "\(year): \(run.errors)")
        let records = CLIHarness.records(folder.read("budgets.csv") ?? "")
        #expect(records.map { $0["practice_code"] } == ["A81001", "A81002", "A81003"], "\(year)")
        #expect(records.map { $0["target_budget"] } == ["49107.14", "235714.29", "265178.57"], "\(year)")
        #expect(records.map { $0["baseline"] } == ["100000.00", "150000.00", "300000.00"], "\(year)")
    }

    @Test func aPaymentLineTheFileLacksListsThoseItHas() throws {
        let edition = PaymentsEditions.all.first { $0.year == "2023-24" }!
        let folder = TemporaryFolder(prefix: "payments-budgets")
        _ = folder.write("payments.csv", PaymentsEditions.csv(edition, rows: [
            (practice: "A81001", registered: "1000", payments: Self.payments(globalSum: "100.00", qof: "5.00")),
        ]))
        _ = folder.write("formula.toml", Self.formula.replacingOccurrences(of: "Total QOF Payments", with: "Total Local Incentive Schemes"))
        let run = try CLIHarness.run(["budgets", "--payments", "payments.csv", "--formula", "formula.toml", "--total", "baseline",
                                      "--baseline-payment", "Global Sum", "--out", "budgets.csv"], in: URL(fileURLWithPath: folder.path))
        #expect(run.status == 65)
        #expect(run.errors.contains("payments.csv:1: no payment column \"Total Local Incentive Schemes\" (nor \"Local Incentive Schemes\", \"Local Enhanced Services\"); the payment columns of this file are: Global Sum, MPIG Correction factor, Balance of PMS Expenditure, Total QOF Payments,"), "\(run.errors)")
        #expect(run.errors.contains("Deductions for Pensions, Levies and Prescription Charge Income, Total NHS Payments to General Practice Minus Deductions\n"))
        #expect(!folder.exists("budgets.csv"))
    }
}
