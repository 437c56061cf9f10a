import Foundation

/// Release-mode timing discipline for every benchmark: one warm-up run, then `repetitions` timed
/// runs, reporting the median (and the fastest and slowest) in seconds.
struct Timing {
    let median: Double
    let fastest: Double
    let slowest: Double
    /// Median processor seconds of this process per run (all threads), less sensitive than wall
    /// time to other work on the machine.
    var cpuMedian: Double = .nan

    static func measure(repetitions: Int = 5, warmUp: Bool = true, _ work: () throws -> Void) rethrows -> Timing {
        if warmUp { try work() }
        var seconds: [Double] = []
        var cpuSeconds: [Double] = []
        for _ in 0..<max(1, repetitions) {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = processCPUSeconds()
            try work()
            cpuSeconds.append(processCPUSeconds() - cpuStart)
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        seconds.sort()
        cpuSeconds.sort()
        return Timing(median: seconds[seconds.count / 2], fastest: seconds.first!, slowest: seconds.last!,
                      cpuMedian: cpuSeconds[cpuSeconds.count / 2])
    }

    var summary: String {
        String(format: "median %.3f s (fastest %.3f, slowest %.3f; CPU median %.3f s)", median, fastest, slowest, cpuMedian)
    }
}

/// Peak resident memory of this process so far, in MiB (from /proc/self/status VmHWM).
func peakResidentMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let digits = line.split(separator: " ").compactMap { Double($0) }
        if let kib = digits.first { return kib / 1024 }
    }
    return .nan
}

/// A benchmark: a name for the command line and a body that prints its figures.
struct Benchmark {
    let name: String
    let summary: String
    let run: ([String]) throws -> Void
}

/// CPU seconds used by this process so far (user + system, all threads), for figures that should
/// not depend on what else the machine is doing.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
