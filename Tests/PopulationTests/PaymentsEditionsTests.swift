import Foundation
import Testing
import Tables
import Layouts
import TestSupport
@testable import Population

// Small files in each edition's layout (header rows in Tests/TestSupport/PaymentsEditions.swift,
// documented in docs/layouts/payments.md). Expected figures are the values written in the rows,
// worked by hand: two practices with 1000.5 and 2000.25 patients (sum 3000.75), Global Sum
// £100.10 and £1,234.56 (10,010 and 123,456 pence).


private func rows(_ globalSums: [String]) -> [(practice: String, registered: String, payments: [String])] {
    [("A00001", "1000.5", [globalSums[0]] + Array(repeating: "0", count: 8) + [globalSums[0], "-1.00", "99.10"]),
     ("A00002", "2000.25", [globalSums[1]] + Array(repeating: "0", count: 8) + [globalSums[1], "-1.00", "1233.56"])]
}

@Test(arguments: PaymentsEditions.all.map(\.year))
func everyEditionReadsItsPracticesAndPayments(year: String) throws {
    let edition = PaymentsEditions.all.first { $0.year == year }!
    let folder = TemporaryFolder(prefix: "payments")
    let path = folder.write("payments-\(year).csv", PaymentsEditions.csv(edition, rows: rows(["100.10", "1,234.56"])))
    var notes: [String] = []
    let read = try GeneralPracticePayments.read(path: path, note: { notes.append($0) })
    #expect(read.frame.count == 2)
    #expect(read.frame.attribute("registered_patients")!.reduce(0, +) == 3000.75)
    #expect(read.pence("Global Sum") == [10_010, 123_456])
    #expect(read.pence("Total NHS Payments to General Practice Minus Deductions") == [9_910, 123_356])
    let first = read.frame["A00001"]!
    #expect(first.consortiumCode == edition.consortiumCode)
    #expect(first.pcnCode == (edition.pcnCode ?? ""))
    #expect(notes.isEmpty)
    let header = try TableReader(path: path, schema: Schema([])).header
    #expect(try LayoutDetection.detect(header: header, source: path, among: PaymentsColumns.layouts, reading: "payments").id == edition.layout)
}

@Test func footnoteMarkersOnHeadersAreIgnored() throws {
    let edition = PaymentsEditions.all.first { $0.year == "2019-20" }!
    var header = edition.identity + PaymentsEditions.figures
    header[header.firstIndex(of: "Global Sum")!] = "Global Sum¹"
    header[header.firstIndex(of: "Number of Registered Patients (Last Known Figure)")!] = "Number of Registered Patients (Last Known Figure) (2)"
    header[header.firstIndex(of: "CCG Code")!] = "CCG Code*"
    #expect(PaymentsColumns.withoutFootnote("Global Sum¹") == "Global Sum")
    #expect(PaymentsColumns.withoutFootnote("Global Sum 1") == "Global Sum 1")
    let folder = TemporaryFolder(prefix: "payments")
    let path = folder.write("p.csv", PaymentsEditions.csv(edition, rows: rows(["100.10", "1,234.56"]), header: header))
    let read = try GeneralPracticePayments.read(path: path, note: { _ in })
    #expect(read.pence("Global Sum") == [10_010, 123_456])
    #expect(read.frame.attribute("registered_patients")!.reduce(0, +) == 3000.75)
}

@Test func aPaymentLineIsFoundByAnyOfItsNames() throws {
    let edition = PaymentsEditions.all.first { $0.year == "2016-17" }!
    var header = edition.identity + PaymentsEditions.figures
    header[header.firstIndex(of: "Total QOF Payments")!] = "Quality and Outcomes Framework Payments"
    let folder = TemporaryFolder(prefix: "payments")
    var lines = rows(["100.10", "200.20"])
    lines[0].payments[3] = "55.05"
    let path = folder.write("p.csv", PaymentsEditions.csv(edition, rows: lines, header: header))
    let read = try GeneralPracticePayments.read(path: path, moneyColumns: ["Total QOF Payments"], note: { _ in })
    #expect(read.pence("Total QOF Payments") == [5_505, 0])
    #expect(PaymentsColumns.paymentLine(named: "total qof payments").candidates.contains("Quality and Outcomes Framework Payments"))
}

@Test func repeatsAreOneRowConflictsAreErrorsEmptyPatientsAreZero() throws {
    let edition = PaymentsEditions.all.first { $0.year == "2021-22" }!
    let folder = TemporaryFolder(prefix: "payments")
    var lines = rows(["100.10", "200.20"])
    lines.append(lines[0])
    lines.append(("A00003", "", Array(repeating: "0", count: 12)))
    var notes: [String] = []
    let read = try GeneralPracticePayments.read(path: folder.write("r.csv", PaymentsEditions.csv(edition, rows: lines)), name: "r.csv",
                                                note: { notes.append($0) })
    #expect(read.frame.count == 3)
    #expect(read.frame.attribute("registered_patients") == [1000.5, 2000.25, 0])
    #expect(notes.contains(ReadingNotes.repeats(source: "r.csv", count: 1, firstLine: 4)))
    #expect(notes.contains { $0.contains("1 practice has an empty Number of Registered Patients") })

    var conflicting = rows(["100.10", "200.20"])
    conflicting.append(rows(["100.11", "0"])[0])
    let path = folder.write("c.csv", PaymentsEditions.csv(edition, rows: conflicting))
    do {
        _ = try GeneralPracticePayments.read(path: path, name: "c.csv", note: { _ in })
        Issue.record("a conflicting repeat was read")
    } catch let error as DataError {
        #expect(error.description.contains("c.csv:4"))
        #expect(error.description.contains("line 2"))
    }
}

@Test func anUnknownLayoutNamesTheClosestAndALatin1ByteSaysIconv() throws {
    let folder = TemporaryFolder(prefix: "payments")
    let path = folder.write("u.csv", "Practice Code,CCG Name,Number of Registered Patients (Last Known Figure)\nA00001,X,1\n")
    do {
        _ = try GeneralPracticePayments.read(path: path, name: "u.csv", note: { _ in })
        Issue.record("an unknown layout was read")
    } catch let error as DataError {
        #expect(error.description.hasPrefix("u.csv:1"))
        // Every layout has two of its identifying columns here; the first listed (2023/24) is named.
        #expect(error.description.contains("The closest is an NHS Payments to General Practice file, 2023/24 or later (Sub ICB Location and PCN), which also needs Sub ICB Location Code, PCN Code"))
        #expect(error.description.contains("2015/16 to 2018/19 (CCG, no PCN) (Practice Code, CCG Code,"))
    }
    let latin = folder.path + "/l.csv"
    // The practice name "SURGERY A00001" written "~URGERY A00001", then ~ made a Latin-1 £ (0xA3).
    var bytes = Array(PaymentsEditions.csv(PaymentsEditions.all[0], rows: rows(["1", "2"])).replacingOccurrences(of: "SURGERY", with: "~URGERY").utf8)
    bytes[bytes.firstIndex(of: UInt8(ascii: "~"))!] = 0xA3
    try Data(bytes).write(to: URL(fileURLWithPath: latin))
    do {
        _ = try GeneralPracticePayments.read(path: latin, note: { _ in })
        Issue.record("a Latin-1 byte was read")
    } catch let error as DataError {
        #expect(error.description.contains("iconv"))
    }
}
