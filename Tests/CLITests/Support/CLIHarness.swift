import Foundation

/// Runs the built `consortium` executable for end-to-end tests, in folders of test files.
enum CLIHarness {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The built `consortium` executable: next to the test bundle, or under .build/debug.
    static let executable: URL = {
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("consortium")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent(".build/debug/consortium")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return beside
    }()

    /// Runs `consortium arguments…` in `folder` (the test process's own folder when nil); standard
    /// output and error are collected while it runs into files in the temporary directory, so that
    /// neither pipe can fill up and block the process, and nothing is added to `folder`.
    static func run(_ arguments: [String], in folder: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let capture = FileManager.default.temporaryDirectory
        let outputURL = capture.appendingPathComponent("cli-stdout-\(UUID().uuidString)")
        let errorURL = capture.appendingPathComponent("cli-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }
        let output = try FileHandle(forWritingTo: outputURL)
        let errors = try FileHandle(forWritingTo: errorURL)
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try output.close()
        try errors.close()
        return Run(status: process.terminationStatus,
                   output: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
                   errors: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
    }

    /// A fresh temporary folder holding the given files (name → bytes; a name may go through subfolders).
    static func folder(_ files: [String: [UInt8]], prefix: String = "cli") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, bytes) in files {
            let file = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
        }
        return folder
    }

    /// A fresh temporary folder holding the given text files.
    static func folder(texts files: [String: String], prefix: String = "cli") throws -> URL {
        try folder(files.mapValues { Array($0.utf8) }, prefix: prefix)
    }

    /// The names in a folder (hidden ones included, so a leftover temporary output shows), sorted.
    static func contents(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// The fields of each line of a CSV text whose quoted fields hold no line breaks (quotes removed,
    /// a doubled quote inside quotes is not expected in the commands' outputs).
    static func rows(_ csv: String) -> [[String]] {
        csv.split(separator: "\n").map { line in
            var fields: [String] = []
            var current = ""
            var quoted = false
            for character in line {
                if character == "\"" {
                    quoted.toggle()
                } else if character == "," && !quoted {
                    fields.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            }
            fields.append(current)
            return fields
        }
    }

    /// The rows after the header of a CSV text (as `rows(_:)` reads it), each as [column: field].
    static func records(_ csv: String) -> [[String: String]] {
        var lines = rows(csv)
        let header = lines.removeFirst()
        return lines.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// Whether a field reads as a number within `relative` of `expected` (exactly 0 when expected is 0).
    static func close(_ text: String?, _ expected: Double, relative: Double = 1e-9) -> Bool {
        guard let text, let value = Double(text) else { return false }
        return expected == 0 ? value == 0 : abs(value - expected) <= relative * abs(expected)
    }
}
