#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the reader's bytes come from: a file read sequentially from some offset, or bytes held
/// in memory. Several sources can read the same file at different offsets (one per thread).
final class ByteSource: @unchecked Sendable {
    private enum Storage {
        case file(path: String, descriptor: Int32)
        case memory([UInt8])
    }

    private let storage: Storage
    /// The offset of the next byte `read` returns.
    private(set) var offset: Int
    /// The total size in bytes (of the file when it was opened).
    let size: Int
    let name: String

    /// Opens a file for reading; a missing or unreadable file is a `cannotOpen` error.
    init(path: String, name: String? = nil, offset: Int = 0) throws {
        self.name = name ?? path
        let descriptor = open(path, O_RDONLY)
        if descriptor < 0 {
            let reason = String(cString: strerror(errno))
            throw DataError(.cannotOpen, at: SourceLocation(file: name ?? path), "cannot open the file: \(reason)")
        }
        var status = stat()
        if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw DataError(.cannotOpen, at: SourceLocation(file: name ?? path), "cannot open the file: it is a directory")
        }
        isRegularFile = (status.st_mode & S_IFMT) == S_IFREG
        if offset > 0 && lseek(descriptor, off_t(offset), SEEK_SET) < 0 {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw DataError(.cannotOpen, at: SourceLocation(file: name ?? path), "cannot read the file: \(reason)")
        }
        storage = .file(path: path, descriptor: descriptor)
        size = Int(status.st_size)
        self.offset = offset
    }

    init(bytes: [UInt8], name: String, offset: Int = 0) {
        self.name = name
        storage = .memory(bytes)
        isRegularFile = true
        size = bytes.count
        self.offset = offset
    }

    deinit {
        if case .file(_, let descriptor) = storage { close(descriptor) }
    }

    /// Whether the bytes are in memory or a regular file (not a pipe or a device), so that they
    /// can be read at any offset and split between threads.
    let isRegularFile: Bool

    /// A second, independent source over the same bytes, starting at `offset`.
    func source(at offset: Int) throws -> ByteSource {
        switch storage {
        case .file(let path, _): return try ByteSource(path: path, name: name, offset: offset)
        case .memory(let bytes): return ByteSource(bytes: bytes, name: name, offset: offset)
        }
    }

    /// Reads up to `count` bytes into `destination`; returns how many were read, 0 at the end.
    func read(into destination: UnsafeMutableRawPointer, count: Int) throws -> Int {
        switch storage {
        case .memory:
            let got = try read(into: destination, count: count, at: offset)
            offset += got
            return got
        case .file(_, let descriptor):
            while true {
                let got = systemRead(descriptor, destination, count)
                if got >= 0 {
                    offset += got
                    return got
                }
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw DataError(.cannotOpen, at: SourceLocation(file: name), "cannot read the file: \(reason)")
            }
        }
    }

    /// Reads up to `count` bytes at `position` without moving the sequential offset (regular
    /// files and memory only).
    func read(into destination: UnsafeMutableRawPointer, count: Int, at position: Int) throws -> Int {
        switch storage {
        case .memory(let bytes):
            let available = max(0, min(count, bytes.count - position))
            if available > 0 {
                bytes.withUnsafeBytes { source in
                    destination.copyMemory(from: source.baseAddress! + position, byteCount: available)
                }
            }
            return available
        case .file(_, let descriptor):
            while true {
                let got = pread(descriptor, destination, count, off_t(position))
                if got >= 0 { return got }
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw DataError(.cannotOpen, at: SourceLocation(file: name), "cannot read the file: \(reason)")
            }
        }
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#else
private let systemRead = Darwin.read
#endif
