import CLapack
import Foundation

/// Runs work with OpenBLAS on one thread, then restores its thread count.
///
/// While a persons file is read ahead (Tables' `ChunkReadAhead`), the parsing thread has a core of its
/// own; OpenBLAS's worker threads would compete with it, and they wait for work by spinning, which
/// on two cores cost the 10-million-person fit about 15% of its wall time and fifteen times its
/// system time (measured: 23.9 s and 11.8 s of system time with two BLAS threads, 20.7 s and
/// 0.8 s with one). The thread count is process-wide: nested and concurrent uses are counted, the
/// first sets one thread and the last restores the count it found. BLAS work elsewhere in the
/// process meanwhile runs on one thread (its results are unchanged up to rounding).
enum SingleThreadedBLAS {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var users = 0
    nonisolated(unsafe) private static var savedThreads: Int32 = 1

    static func run<Result>(_ work: () throws -> Result) rethrows -> Result {
        lock.lock()
        if users == 0 {
            savedThreads = openblas_get_num_threads()
            if savedThreads > 1 { openblas_set_num_threads(1) }
        }
        users += 1
        lock.unlock()
        defer {
            lock.lock()
            users -= 1
            if users == 0 && savedThreads > 1 { openblas_set_num_threads(savedThreads) }
            lock.unlock()
        }
        return try work()
    }
}
