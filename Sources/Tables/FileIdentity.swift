#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a path names, as the file system knows it: its device and inode after following
/// symbolic links (`stat`). Two spellings of one file (`a.csv`, `./a.csv`, a symbolic link to it,
/// a hard link) have the same identity; two files never do.
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    /// The identity of the file or folder at `path`; nil when nothing is there (or it cannot be
    /// examined, in which case nothing there can be overwritten by accident either).
    public init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    /// The path with symbolic links and `.`/`..` resolved (`realpath`), or nil when it does not exist.
    public static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Whether `path` names an existing file inside the folder `folder` (at any depth), judged by
    /// identity: every folder the resolved path of the file lies in is compared with the folder.
    public static func folder(_ folder: String, contains path: String) -> Bool {
        guard let folderIdentity = FileIdentity(path: folder), var current = resolved(path) else { return false }
        while let slash = current.lastIndex(of: "/") {
            current = slash == current.startIndex ? "/" : String(current[..<slash])
            if FileIdentity(path: current) == folderIdentity { return true }
            if current == "/" { break }
        }
        return false
    }

    /// Where a file that may not exist yet would be: the identity of its folder and its name.
    /// Two spellings of one place give the same value (`out.csv`, `./out.csv`, `../here/out.csv`).
    /// A folder that does not exist is compared by its spelling.
    public struct Place: Hashable, Sendable {
        public let folder: FileIdentity?
        public let missingFolder: String?
        public let name: String

        public init(path: String) {
            var trimmed = path
            while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
            var parent = "."
            var base = trimmed
            if let slash = trimmed.lastIndex(of: "/") {
                parent = slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
                base = String(trimmed[trimmed.index(after: slash)...])
            }
            name = base
            folder = FileIdentity(path: parent)
            missingFolder = folder == nil ? parent : nil
        }
    }
}
