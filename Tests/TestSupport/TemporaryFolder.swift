import Foundation

/// A folder of small input files for one test, removed when the last reference goes away.
/// Subclasses may write their fixture files in their initialiser.
open class TemporaryFolder {
    public let path: String

    /// A fresh, empty folder named `prefix-<UUID>` in the temporary directory.
    public init(prefix: String = "tests") {
        path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to the file `name` in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        try! text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// The text of the file `name`, nil when it cannot be read.
    public func read(_ name: String) -> String? {
        try? String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }

    public func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path + "/" + name) }

    /// Files in the folder, hidden ones included, to check that nothing (no partial output, no
    /// temporary file) was left behind.
    public var files: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted() ?? [] }
}
