import Foundation
import Testing
@testable import Allocation
import Population
import Tables
import TestSupport

/// Budgets on NHS Digital's *Payments to General Practice 2022-23* with the published weighted
/// patients as the need basis, against Reference/real_frame_targets.csv, computed independently
/// with exact fractions by Reference/real_frame_targets.py (see its docstring).
private enum RealFrame {
    static let root = repositoryRoot
    static let payments = root.appendingPathComponent("datasets/england-2022-23/nhs-payments-to-general-practice-2022-23.csv").path
    static let formula = root.appendingPathComponent("datasets/formulas/published-weighted-patients.toml").path
    static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference/real_frame_targets.csv").path

    /// Reference rows of one run and grouping: code → (target pence, baseline pence).
    static func expected(run: String, grouping: String) throws -> [String: (target: Int, baseline: Int?)] {
        let table = try TableReader.read(path: reference, schema: Schema([
            ColumnSpec("run"), ColumnSpec("grouping"), ColumnSpec("code"), ColumnSpec("target_pence", .wholeNumber()),
            ColumnSpec("baseline_pence", .wholeNumber(), allowsEmpty: true),
        ]))
        var rows: [String: (Int, Int?)] = [:]
        let runs = table.text("run"), groupings = table.text("grouping"), codes = table.text("code")
        let targets = table.wholeNumbers("target_pence"), baselines = table.optionalWholeNumbers("baseline_pence")
        for row in 0..<table.rowCount where runs[row] == run && groupings[row] == grouping {
            rows[codes[row]] = (targets[row], baselines[row])
        }
        return rows
    }

    static func budgets(total: BudgetTotal, mapping: String? = nil, baselinePayment: String? = nil, only: [(label: String, value: String)] = []) throws -> BudgetOutcome {
        let files = BudgetInputFiles(payments: payments, baselinePayment: baselinePayment, mapping: mapping, selection: only)
        return try BudgetPipeline.run(BudgetRequest(files: files, formula: try FormulaReader.read(path: formula), total: total, level: .consortium))
    }

    /// A mapping file sending every practice of the payments file to its region or PCN.
    static func mapping(_ level: KeyPath<Practice, String?>, folder: TemporaryFolder) throws -> String {
        let frame = try GeneralPracticePayments.read(path: payments, moneyColumns: []).frame
        let rows = frame.practices.map { "\($0.code),\($0[keyPath: level]!)" }
        return folder.write("mapping.csv", "practice_code,consortium_code\n" + rows.joined(separator: "\n") + "\n")
    }
}

@Test func realFrameSubICBTargetsFromPublishedWeightedPatients() throws {
    // Total: £4,368,731,529.76, the sum of the Global Sum column (a stated total).
    let outcome = try RealFrame.budgets(total: .pence(436_873_152_976))
    let expected = try RealFrame.expected(run: "all", grouping: "sub_icb")
    #expect(outcome.result.lines.count == 106)
    #expect(outcome.result.lines.map(\.targetBudget).reduce(0, +) == 436_873_152_976)
    for line in outcome.result.lines { #expect(line.targetBudget == expected[line.code]?.target, "\(line.code)") }
    // The registered patients of England add up to 62,134,644.75 (datasets README rounds to
    // 62,134,645).
    #expect(abs(outcome.result.lines.map(\.registeredPatients).reduce(0, +) - 62_134_644.75) < 1e-6)
}

@Test func realFrameRegroupedIntoRegionsAndPCNs() throws {
    let folder = TemporaryFolder()
    for (grouping, keyPath, count) in [("region", \Practice.regionCode, 7), ("pcn", \Practice.pcnCode, 1_273)] {
        let mapping = try RealFrame.mapping(keyPath, folder: folder)
        let outcome = try RealFrame.budgets(total: .pence(436_873_152_976), mapping: mapping)
        let expected = try RealFrame.expected(run: "all", grouping: grouping)
        #expect(outcome.result.lines.count == count)
        #expect(outcome.result.lines.map(\.targetBudget).reduce(0, +) == 436_873_152_976)
        for line in outcome.result.lines { #expect(line.targetBudget == expected[line.code]?.target, "\(grouping) \(line.code)") }
    }
}

@Test func realFrameGlobalSumAgainstWeightedCapitationForGMSPractices() throws {
    // GMS practices only; baseline = their Global Sum; total = the same money redistributed by
    // the published weighted patients.
    let outcome = try RealFrame.budgets(total: .sumOfBaselines, baselinePayment: "Global Sum", only: [("contract_type", "GMS")])
    let expected = try RealFrame.expected(run: "gms", grouping: "sub_icb")
    #expect(outcome.result.lines.count == expected.count)
    #expect(outcome.result.totalPence == 418_539_988_190)
    for line in outcome.result.lines {
        #expect(line.targetBudget == expected[line.code]?.target, "\(line.code)")
        #expect(line.baseline == expected[line.code]?.baseline, "\(line.code)")
        let distance = Double(line.baseline! - line.targetBudget) / Double(line.targetBudget)
        #expect(line.distanceFromTarget == distance)
    }
    #expect(outcome.loaded.notes.contains { $0.hasPrefix("4664 of 6669 practices selected") })
}
