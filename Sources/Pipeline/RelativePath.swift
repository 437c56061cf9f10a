import Foundation
import Tables

/// Paths between folders, and whole-file writes that leave nothing behind on failure.
public enum RelativePath {
    /// The path of `target` as seen from `folder` (both absolute or relative to the current
    /// folder), e.g. from `notebooks-export` to `notebooks-export/exampleshire` → `exampleshire`.
    public static func from(folder: String, to target: String) -> String {
        let base = components(absolute(folder)), destination = components(absolute(target))
        var shared = 0
        while shared < base.count && shared < destination.count && base[shared] == destination[shared] { shared += 1 }
        let parts = Array(repeating: "..", count: base.count - shared) + destination[shared...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// Path components with `.` dropped and `..` applied.
    static func components(_ path: String) -> [String] {
        var parts: [String] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(String(part))
        }
        return parts
    }

    /// Writes text to a temporary file beside `path` and renames it over `path` (the temporary file
    /// is registered with `TemporaryOutputs`, so an interrupted process removes it).
    public static func writeAtomically(_ text: String, to path: String) throws {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let name = path.contains("/") ? String(path[path.index(after: path.lastIndex(of: "/")!)...]) : path
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).partial-\(ProcessInfo.processInfo.processIdentifier)"
        let (token, created) = TemporaryOutputs.creating(temporary) { FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) }
        let failure = TemporaryOutputs.finishing(token) { () -> String? in
            if !created {
                unlink(temporary)
                return "cannot create the file"
            }
            if rename(temporary, path) == 0 { return nil }
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return "cannot create the file: \(reason)"
        }
        if let failure { throw DataError(.cannotCreate, at: SourceLocation(file: path), failure) }
    }
}
