#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Tables

/// What the process does when interrupted or out of room while writing, so that no temporary
/// output (`.NAME.partial-PID`, file or run folder) is left behind:
///
/// - SIGINT and SIGTERM run a handler that only writes the signal's number to a pipe (`write` is
///   async-signal-safe). A thread waiting on the pipe then removes every live temporary output
///   (`TemporaryOutputs.removeAllAndHold()`, which takes the registry's lock — something a signal
///   handler may not do), says so on standard error and exits with 128 + the signal's number (130
///   for SIGINT, 143 for SIGTERM, as a shell reports a process killed by them). A SIGINT ignored
///   when the process started (a background job of a script) stays ignored.
/// - SIGXFSZ (a file-size limit, `ulimit -f`) is ignored, so the write that passes the limit fails
///   with EFBIG and the ordinary error path (exit 73) removes the temporary file.
enum InterruptCleanup {
    /// The pipe's ends: the handler writes to `wakeWriter`, the cleaning thread reads `wakeReader`.
    nonisolated(unsafe) static var wakeWriter: Int32 = -1
    nonisolated(unsafe) static var wakeReader: Int32 = -1

    /// The first thing `main` does, before any output is opened.
    static func install() {
        signal(SIGXFSZ, SIG_IGN)
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        wakeReader = ends[0]
        wakeWriter = ends[1]
        var thread = pthread_t()
        guard pthread_create(&thread, nil, { _ in
            var received: UInt8 = 0
            while read(InterruptCleanup.wakeReader, &received, 1) != 1 {}
            TemporaryOutputs.removeAllAndHold()
            let name = Int32(received) == SIGINT ? "SIGINT" : "SIGTERM"
            let message = Array("error: interrupted by \(name); unfinished output files were removed\n".utf8)
            _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            _exit(128 + Int32(received))
        }, nil) == 0 else { return }
        pthread_detach(thread)
        for number in [SIGINT, SIGTERM] {
            var action = sigaction()
            var previous = sigaction()
            sigaction(number, nil, &previous)
            if number == SIGINT && unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            action.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(InterruptCleanup.wakeWriter, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
            var unblocked = sigset_t()
            sigemptyset(&unblocked)
            sigaddset(&unblocked, number)
            pthread_sigmask(SIG_UNBLOCK, &unblocked, nil) // a mask inherited from the parent would hold the signal back
        }
    }
}
