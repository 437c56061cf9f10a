import Testing
@testable import Reports

func sampleNotebook() -> Notebook {
    let table = DisplayTable(header: ["practice_code", "budget"], rows: [["X00001", "£1,234"], ["X00002", "£987"]], caption: "2 rows")
    return Notebook(title: "Run", cells: [
        .markdown("# Run\n\nTwo practices."),
        .code("import pandas as pd", outputs: []),
        .code("budgets.head()", outputs: [.result([("text/html", table.html()), ("text/plain", table.plainText())])]),
        .code("SVG(filename='chart.svg')", outputs: [.display([("image/svg+xml", "<svg/>\n"), ("text/plain", "<IPython.core.display.SVG object>")])]),
        .code("print('done')", outputs: [.stream("done\n")]),
    ])
}

@Test func notebookIsNbformatFourFiveWithSortedKeys() throws {
    let text = sampleNotebook().json()
    #expect(text.hasSuffix("}\n"))
    let document = try JSONValue.parse(text, name: "nb")
    #expect(document["nbformat"] == .integer(4))
    #expect(document["nbformat_minor"] == .integer(5))
    let cells = document["cells"]!.arrayValue!
    #expect(cells.count == 5)
    #expect(cells.map { $0["id"]!.stringValue! } == ["cell-1", "cell-2", "cell-3", "cell-4", "cell-5"])
    // Code cells are numbered 1, 2, 3, 4 in order; the result carries its cell's count.
    #expect(cells[2]["execution_count"] == .integer(2))
    let result = cells[2]["outputs"]!.arrayValue![0]
    #expect(result["output_type"] == .string("execute_result"))
    #expect(result["execution_count"] == .integer(2))
    #expect(cells[3]["outputs"]!.arrayValue![0]["output_type"] == .string("display_data"))
    #expect(cells[4]["outputs"]!.arrayValue![0]["name"] == .string("stdout"))
    // Keys of every object are sorted, as Jupyter writes them.
    #expect(text.range(of: "\"cell_type\"")!.lowerBound < text.range(of: "\"id\"")!.lowerBound)
}

@Test func sourcesAreListsOfLines() {
    #expect(Notebook.lines("a\nb\n") == .array([.string("a\n"), .string("b\n")]))
    #expect(Notebook.lines("a\nb") == .array([.string("a\n"), .string("b")]))
    #expect(Notebook.lines("") == .array([]))
}

@Test func sameNotebookSameBytes() {
    #expect(sampleNotebook().json() == sampleNotebook().json())
}

@Test func tablesRenderAsHTMLAndAlignedText() {
    let table = DisplayTable(header: ["code", "value"], rows: [["A<1>", "12.5"], ["B", "-3"]])
    let html = table.html()
    #expect(html.contains("<table border=\"1\" class=\"dataframe\">"))
    #expect(html.contains("<td>A&lt;1&gt;</td>"))
    #expect(html.contains("<th>1</th>"))
    // Every column right-aligned under its header, as pandas prints a frame.
    #expect(table.plainText() == "   code  value\n0  A<1>   12.5\n1     B     -3")
}

@Test func manifestRoundTrips() throws {
    let manifest = RunManifest(
        engineName: "consortium", engineVersion: "0.1.0", title: "T", description: nil,
        pipeline: FileRecord(path: "pipeline.toml", size: 10, rows: nil, sha256: String(repeating: "a", count: 64)),
        inputs: [FileRecord(name: "practices", path: "practices.csv", size: 120, rows: 3, sha256: String(repeating: "b", count: 64))],
        steps: [StepRecord(name: "budgets", kind: "budgets", title: "Budgets", description: "Why.", options: .object([("level", .string("practice"))]), reads: ["practices"],
                           outputs: [FileRecord(path: "budgets.csv", size: 50, rows: 3, sha256: String(repeating: "c", count: 64))],
                           charts: [], notes: ["a note"], summary: .object([("total", .number(1.5))]))])
    let text = manifest.json()
    #expect(try RunManifest.parse(text, name: "manifest.json") == manifest)
    #expect(!text.contains("time"))
}
