import CLapack

/// Runs work with OpenBLAS on one thread, then restores its thread count.
///
/// While a persons file is read ahead (`ChunkReadAhead`), the parsing thread has a core of its
/// own; OpenBLAS's own worker threads would compete with it, and they wait for work by spinning,
/// which on two cores cost the 10-million-person fit about 15% of its wall time and five times its
/// system time (measured: 23.9 s against 20.7 s). The thread count is process-wide, so concurrent
/// BLAS work elsewhere in the process runs on one thread meanwhile (its results are unchanged).
enum SingleThreadedBLAS {
    static func run<Result>(_ work: () throws -> Result) rethrows -> Result {
        let previous = openblas_get_num_threads()
        if previous <= 1 { return try work() }
        openblas_set_num_threads(1)
        defer { openblas_set_num_threads(previous) }
        return try work()
    }
}
