import Testing
import Tables
@testable import Population

// Expected figures: the publisher's file itself, re-counted with pandas by
// Reference/real_files_reference.py, and the row of practice A81001 as printed there.

@Test func paymentsFileReadsAsAPracticeFrame() throws {
    let payments = try GeneralPracticePayments.read(path: RealFiles.payments, name: "payments.csv")
    let frame = payments.frame
    #expect(frame.count == 6_669)
    #expect(frame.pcnCodes.count == 1_273)
    #expect(frame.consortiumCodes.count == 106)
    #expect(frame.regionCodes.count == 7)
    // Sum of the published decimals: 62,134,644.75 registered and 62,130,227.86 weighted patients.
    let registered = frame.attribute("registered_patients")!.reduce(0, +)
    let weighted = frame.attribute("weighted_patients")!.reduce(0, +)
    #expect(registered.rounded() == 62_134_645)
    #expect(weighted.rounded() == 62_130_228)
    #expect(abs(registered - 62_134_644.75) < 1e-4 && abs(weighted - 62_130_227.86) < 1e-4)
}

@Test func paymentsFileMislabelledColumnsHoldThePCN() throws {
    let payments = try GeneralPracticePayments.read(path: RealFiles.payments)
    let first = payments.frame["A81001"]!
    // Row 2 of the file: Y63, NORTH EAST AND YORKSHIRE COMM REGION, 16C, NHS NORTH EAST AND NORTH
    // CUMBRIA ICB - 16C, U89141 (column "Code"), STOCKTON PCN (column "CCG NAME"), A81001, THE DENSHAM SURGERY.
    #expect(first.pcnCode == "U89141" && first.pcnName == "STOCKTON PCN")
    #expect(first.consortiumCode == "16C" && first.consortiumName == "NHS NORTH EAST AND NORTH CUMBRIA ICB - 16C")
    #expect(first.regionCode == "Y63" && first.regionName == "NORTH EAST AND YORKSHIRE COMM REGION")
    #expect(first.name == "THE DENSHAM SURGERY")
    #expect(first.attributes["registered_patients"] == 4029.25 && first.attributes["weighted_patients"] == 4579.78)
    #expect(first.labels["contract_type"] == "GMS" && first.labels["rurality"] == "Urban" && first.labels["dispensing"] == "No")
    // Money in pence: Global Sum £438,099.78; Total NHS Payments £720,462.51; deductions -£84,342.76.
    let index = payments.frame.index(of: "A81001")!
    #expect(payments.pence("Global Sum")![index] == 43_809_978)
    #expect(payments.pence("Total NHS Payments to General Practice")![index] == 72_046_251)
    #expect(payments.pence("Deductions for Pensions, Levies and Prescription Charge Income")![index] == -8_434_276)
    // The published "Average payments per registered patient" (178.81) is total / registered.
    #expect((720_462.51 / 4029.25 * 100).rounded() / 100 == 178.81)
}

@Test func paymentsFileTotalsAddUp() throws {
    let payments = try GeneralPracticePayments.read(path: RealFiles.payments)
    // For every practice: total minus deductions equals the published "Minus Deductions" column,
    // exactly in pence (an internal check of the publisher's arithmetic).
    let total = payments.pence("Total NHS Payments to General Practice")!
    let deductions = payments.pence("Deductions for Pensions, Levies and Prescription Charge Income")!
    let net = payments.pence("Total NHS Payments to General Practice Minus Deductions")!
    #expect((0..<total.count).allSatisfy { total[$0] + deductions[$0] == net[$0] })
    // England total: £10,230,094,803.70 (pandas, summing the published pounds as exact decimals).
    #expect(total.reduce(0, +) == 1_023_009_480_370)
    // 206 practices have 0 registered patients (closed or merged during the year): real_files_reference.py.
    #expect(payments.frame.attribute("registered_patients")!.filter { $0 == 0 }.count == 206)
}
