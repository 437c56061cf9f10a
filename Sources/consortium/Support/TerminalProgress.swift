import Pipeline
#if canImport(Glibc)
import Glibc
#endif

/// A progress bar on standard error: `[2/5] inequality ███████░░░░░░░ rows 1,200,000`. On a
/// terminal it redraws one line in place; otherwise (forced with --progress) it prints a line
/// per step and per million rows.
final class TerminalProgress: RunProgress {
    let redraws: Bool
    private var step = 0, count = 0, name = "", lastRows = 0

    init(redraws: Bool) {
        self.redraws = redraws
    }

    func checkingInputs(count: Int) {
        show("checking \(count) input\(count == 1 ? "" : "s") (size, rows, SHA-256)", final: !redraws)
    }

    func stepStarted(index: Int, count: Int, name: String, kind: String) {
        step = index
        self.count = count
        self.name = name == kind ? name : "\(name) (\(kind))"
        lastRows = 0
        show(line(rows: nil), final: !redraws)
    }

    func rowsRead(_ rows: Int) {
        if !redraws && rows / 1_000_000 == lastRows / 1_000_000 { lastRows = rows; return }
        lastRows = rows
        show(line(rows: rows), final: !redraws)
    }

    func stepFinished(index: Int, count: Int, name: String) {
        step = index
        show(line(rows: lastRows > 0 ? lastRows : nil, done: true), final: !redraws)
    }

    func finished() {
        if redraws { show(line(rows: nil, done: true) + " — done", final: true) }
    }

    private func line(rows: Int?, done: Bool = false) -> String {
        let width = 24
        let filled = count == 0 ? 0 : (done ? step : step - 1) * width / count
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var text = "[\(step)/\(count)] \(bar) \(name)"
        if let rows { text += " — \(grouped(rows)) rows read" }
        return text
    }

    private func grouped(_ value: Int) -> String {
        var digits = String(value), result = ""
        while digits.count > 3 {
            result = "," + digits.suffix(3) + result
            digits.removeLast(3)
        }
        return digits + result
    }

    private func show(_ text: String, final: Bool) {
        let output = redraws ? "\r\u{1B}[2K" + text + (final ? "\n" : "") : text + "\n"
        _ = output.withCString { fputs($0, stderr) }
        fflush(stderr)
    }
}
