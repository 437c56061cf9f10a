#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the reader's bytes come from: a file read in large blocks, or bytes held in memory.
/// The reader keeps at most one block plus the record that straddles it, so a file of any size
/// can be streamed.
final class ByteSource {
    private var descriptor: Int32 = -1
    private var memory: [UInt8]
    private var memoryOffset = 0
    let name: String

    /// Opens a file for reading; a missing or unreadable file is a `cannotOpen` error.
    init(path: String) throws {
        name = path
        memory = []
        descriptor = open(path, O_RDONLY)
        if descriptor < 0 {
            let reason = String(cString: strerror(errno))
            throw DataError(.cannotOpen, at: SourceLocation(file: path), "cannot open the file: \(reason)")
        }
        var status = stat()
        if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            descriptor = -1
            throw DataError(.cannotOpen, at: SourceLocation(file: path), "cannot open the file: it is a directory")
        }
    }

    init(bytes: [UInt8], name: String) {
        self.name = name
        memory = bytes
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Reads up to `count` bytes into `destination`; returns how many were read, 0 at the end.
    func read(into destination: UnsafeMutableRawPointer, count: Int) throws -> Int {
        if descriptor < 0 {
            let available = min(count, memory.count - memoryOffset)
            if available > 0 {
                memory.withUnsafeBytes { source in
                    destination.copyMemory(from: source.baseAddress! + memoryOffset, byteCount: available)
                }
                memoryOffset += available
            }
            return available
        }
        while true {
            let got = systemRead(descriptor, destination, count)
            if got >= 0 { return got }
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            throw DataError(.cannotOpen, at: SourceLocation(file: name), "cannot read the file: \(reason)")
        }
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#else
private let systemRead = Darwin.read
#endif
