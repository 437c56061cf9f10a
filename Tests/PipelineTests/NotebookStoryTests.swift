import Foundation
import Testing
import Reports
@testable import Pipeline

@Test func notebookTellsTheRunWithRenderedOutputs() throws {
    let folder = try freshFolder("notebook")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try runExampleshire(into: folder + "/run")
    let notebook = try RunNotebook.build(runFolder: folder + "/run", pathFromNotebook: "run")
    let document = try JSONValue.parse(notebook.json(), name: "nb")
    #expect(document["nbformat"] == .integer(4))
    let cells = document["cells"]!.arrayValue!
    let sources = cells.map { $0["source"]!.arrayValue!.compactMap(\.stringValue).joined() }
    #expect(sources[0].hasPrefix("# Exampleshire 2022/23"))
    #expect(sources.contains { $0.contains("run = Path(\"run\")") })
    #expect(sources.contains { $0.hasPrefix("## 1. Budgets by weighted capitation") })
    #expect(sources.contains { $0.contains("pd.read_csv(run / \"budgets.csv\"") })
    let outputs = cells.flatMap { $0["outputs"]?.arrayValue ?? [] }
    let svgs = outputs.filter { $0["data"]?["image/svg+xml"] != nil }
    // budgets-per-head, inequality-gradient, 12 funnel plots, premium-payments, risk-size-curve.
    #expect(svgs.count == 16)
    let tables = outputs.filter { $0["data"]?["text/html"] != nil && $0["data"]?["text/plain"] != nil }
    // budgets 2, needs 1, indicators 1, inequality 2, benchmark 2, premium 2, risk 2.
    #expect(tables.count == 12)
    // The same folder gives the same notebook.
    #expect(notebook.json() == (try RunNotebook.build(runFolder: folder + "/run", pathFromNotebook: "run")).json())
}

@Test func notebookOfAFolderWithoutManifestIsCannotOpen() throws {
    let folder = try freshFolder("empty")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(throws: (any Error).self) { try RunNotebook.build(runFolder: folder, pathFromNotebook: ".") }
}

@Test func columnsFormatLikePandasAfterRounding() {
    // Whole numbers as they are; decimals rounded to 3 and trailing zeros shared by the column
    // removed (1.5 → 1.500 → "1.50" beside 2.25); empty fields NaN; text as is.
    #expect(CSVPreview.formatColumn(["12", "7"], decimals: 3) == ["12", "7"])
    #expect(CSVPreview.formatColumn(["1.5", "2.25"], decimals: 3) == ["1.50", "2.25"])
    #expect(CSVPreview.formatColumn(["1.23456", ""], decimals: 3) == ["1.235", "NaN"])
    #expect(CSVPreview.formatColumn(["3", ""], decimals: 3) == ["3.0", "NaN"])
    #expect(CSVPreview.formatColumn(["-0.0004"], decimals: 3) == ["0.0"])
    #expect(CSVPreview.formatColumn(["X00001", ""], decimals: 3) == ["X00001", "NaN"])
}

@Test func relativePaths() {
    #expect(RelativePath.from(folder: "/a/b", to: "/a/b/c") == "c")
    #expect(RelativePath.from(folder: "/a/b/x", to: "/a/b/c") == "../c")
    #expect(RelativePath.from(folder: "/a/b", to: "/a/b") == ".")
    #expect(RelativePath.from(folder: "/a/./b/../b", to: "/a/b/c/") == "c")
}
