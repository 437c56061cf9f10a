import Foundation

/// The temporary files and folders being written (`.NAME.partial-PID`) that are not yet renamed
/// into place, so that an interrupted process can remove them before it exits (see
/// `removeAllAndHold()`). A writer creates its temporary path inside `creating(_:isFolder:_:)` and
/// puts it in place inside `finishing(_:_:)`; both hold the registry's lock, so the removal, which
/// takes the lock and never gives it back, cannot interleave with a creation or a rename: a path
/// is either not created yet (and never will be), or registered (and removed), or renamed.
public enum TemporaryOutputs {
    /// A registered path.
    public struct Token: Hashable, Sendable {
        let number: Int
    }

    private final class Registry: @unchecked Sendable {
        let lock = NSLock()
        var paths: [Int: (path: String, isFolder: Bool)] = [:]
        var next = 0
    }

    private static let registry = Registry()

    /// Registers `path` and runs `create` (which makes the file or folder) under the lock.
    public static func creating<T>(_ path: String, isFolder: Bool = false, _ create: () throws -> T) rethrows -> (Token, T) {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        registry.next += 1
        let token = Token(number: registry.next)
        registry.paths[token.number] = (path, isFolder)
        do {
            return (token, try create())
        } catch {
            registry.paths[token.number] = nil
            throw error
        }
    }

    /// Runs `finish` (the rename into place, or the removal after a failure) under the lock and
    /// forgets the path.
    public static func finishing<T>(_ token: Token, _ finish: () throws -> T) rethrows -> T {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        registry.paths[token.number] = nil
        return try finish()
    }

    /// The paths registered now (for tests and messages).
    public static var livePaths: [String] {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        return registry.paths.keys.sorted().map { registry.paths[$0]!.path }
    }

    /// Removes every registered file and folder (folders with their contents, files first) and
    /// keeps the lock, so nothing else is created or renamed by this process afterwards: for the
    /// thread that handles SIGINT and SIGTERM, which exits the process next. A folder is removed
    /// again if a file was being created in it at the moment of the first removal.
    public static func removeAllAndHold() {
        registry.lock.lock()
        let entries = registry.paths.keys.sorted().map { registry.paths[$0]! }
        for entry in entries where !entry.isFolder { unlink(entry.path) }
        for entry in entries where entry.isFolder {
            for _ in 0..<20 {
                try? FileManager.default.removeItem(atPath: entry.path)
                var status = stat()
                if lstat(entry.path, &status) != 0 { break }
            }
        }
    }
}
