import Foundation

// Release-mode benchmarks: `swift run -c release ConsortiumBench [name ...] [--key value ...]`.
// With no name, lists the benchmarks. Each prints its figures as ratios measured in the same run.

let benchmarks: [Benchmark] = BenchmarkRegistry.all

let arguments = Array(CommandLine.arguments.dropFirst())
let names = arguments.prefix { !$0.hasPrefix("--") }
let options = Array(arguments.dropFirst(names.count))
if names.isEmpty {
    print("Benchmarks (run: swift run -c release ConsortiumBench NAME [options]):")
    for benchmark in benchmarks { print("  \(benchmark.name): \(benchmark.summary)") }
    exit(0)
}
for name in names {
    guard let benchmark = benchmarks.first(where: { $0.name == name }) else {
        FileHandle.standardError.write("unknown benchmark \(name)\n".data(using: .utf8)!)
        exit(64)
    }
    print("== \(benchmark.name)")
    do {
        try benchmark.run(options)
    } catch {
        FileHandle.standardError.write("benchmark \(name) failed: \(error)\n".data(using: .utf8)!)
        exit(1)
    }
}
