/// Every benchmark, one line each; each lives in its own file.
enum BenchmarkRegistry {
    static let all: [Benchmark] = [
        csvReadBenchmark,
        indicatorsDSRBenchmark,
        inequalityEnglandBenchmark,
        leastSquaresBenchmark,
        budgetsEnglandBenchmark,
        synthBenchmark,
        benchmarkEnglandBenchmark,
        riskEnglandBenchmark,
        pbraBenchmark,
    ]
}
