import Foundation
import Tables

/// The folder a run builds: a temporary folder beside the destination, renamed into place only
/// when everything is written, so a failed run leaves nothing behind and a finished one appears
/// whole. An existing destination is replaced only when asked (`replace`); otherwise it is an
/// error before anything runs (exit 73). Missing parent folders are created.
struct RunFolder {
    let destination: String
    let temporary: String
    let replace: Bool
    private var token: TemporaryOutputs.Token?

    init(destination: String, replace: Bool) throws {
        var trimmed = destination
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.destination = trimmed
        self.replace = replace
        let parent = trimmed.contains("/") ? String(trimmed[..<trimmed.lastIndex(of: "/")!]) : "."
        let base = trimmed.contains("/") ? String(trimmed[trimmed.index(after: trimmed.lastIndex(of: "/")!)...]) : trimmed
        guard !base.isEmpty, base != ".", base != ".." else {
            throw DataError(.cannotCreate, at: SourceLocation(file: destination), "expected a folder name for the run")
        }
        temporary = (parent.isEmpty ? "" : parent + "/") + ".\(base).partial-\(ProcessInfo.processInfo.processIdentifier)"
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: trimmed, isDirectory: &isFolder) {
            guard replace else {
                throw DataError(.cannotCreate, at: SourceLocation(file: trimmed), "the run folder exists already; give --force to replace it")
            }
            guard isFolder.boolValue else {
                throw DataError(.cannotCreate, at: SourceLocation(file: trimmed), "exists and is not a folder, so it cannot be replaced by a run")
            }
        }
        let parentPath = parent.isEmpty ? "/" : parent
        if !FileManager.default.fileExists(atPath: parentPath) {
            do {
                try FileManager.default.createDirectory(atPath: parentPath, withIntermediateDirectories: true)
            } catch {
                throw DataError(.cannotCreate, at: SourceLocation(file: trimmed), "cannot create the folder \(parentPath) it goes in: \(error.localizedDescription)")
            }
        }
        guard FileManager.default.fileExists(atPath: parentPath, isDirectory: &isFolder), isFolder.boolValue else {
            throw DataError(.cannotCreate, at: SourceLocation(file: trimmed), "\(parentPath) is not a folder")
        }
    }

    /// Creates the temporary folder (removing a leftover of the same process id).
    /// The folder is registered with `TemporaryOutputs`, so an interrupted run removes it.
    mutating func create() throws {
        try? FileManager.default.removeItem(atPath: temporary)
        let temporary = temporary
        do {
            (token, _) = try TemporaryOutputs.creating(temporary, isFolder: true) {
                try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
            }
        } catch {
            throw DataError(.cannotCreate, at: SourceLocation(file: destination), "cannot create the run folder: \(error.localizedDescription)")
        }
    }

    /// Removes the temporary folder (after a failure).
    func discard() {
        guard let token else { return }
        TemporaryOutputs.finishing(token) { try? FileManager.default.removeItem(atPath: temporary) }
    }

    /// Puts the finished folder in place: the old folder, if any, is moved aside, the new one
    /// renamed to the destination, and the old one removed.
    func commit() throws {
        guard let token else { return }
        try TemporaryOutputs.finishing(token) { try putInPlace() }
    }

    private func putInPlace() throws {
        let manager = FileManager.default
        var aside: String?
        if manager.fileExists(atPath: destination) {
            let parked = temporary.replacingOccurrences(of: ".partial-", with: ".replaced-")
            try? manager.removeItem(atPath: parked)
            guard rename(destination, parked) == 0 else {
                throw DataError(.cannotCreate, at: SourceLocation(file: destination), "cannot move the old run folder aside: \(String(cString: strerror(errno)))")
            }
            aside = parked
        }
        guard rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            if let aside { _ = rename(aside, destination) }
            throw DataError(.cannotCreate, at: SourceLocation(file: destination), "cannot put the run folder in place: \(reason)")
        }
        if let aside { try? manager.removeItem(atPath: aside) }
    }
}
