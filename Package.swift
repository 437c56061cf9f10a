// swift-tools-version: 6.1
// consortium: population and practice analytics for NHS commissioning.
// Layering (a module imports only modules above it in this list):
//   CLapack -> Linear, Statistics, Tables -> Population -> Indicators, Benchmarking, ... -> consortium (CLI)
import PackageDescription

let package = Package(
    name: "consortium",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "consortium", targets: ["consortium"]),
        .library(name: "ConsortiumEngine", targets: [
            "Linear", "Statistics", "Tables", "Layouts", "Population", "Indicators", "Benchmarking", "Inequality", "Allocation", "Premium",
            "Risk", "Configuration", "Apportionment", "Reports", "Pipeline",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Property-based testing on Swift Testing (test targets only).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLapack",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev", "pkg-config"])]
        ),
        .target(name: "Linear", dependencies: ["CLapack"]),
        .target(name: "Statistics"),
        .target(name: "Tables"),
        .target(name: "Layouts", dependencies: ["Tables"]),
        .target(name: "Population", dependencies: ["Tables", "Layouts", "Apportionment"]),
        .target(name: "Apportionment"),
        .target(name: "Configuration", dependencies: ["Tables", .product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "Indicators", dependencies: ["Statistics", "Tables", "Layouts", "Population"]),
        .target(name: "Benchmarking", dependencies: ["Statistics", "Linear", "Tables", "Layouts", "Indicators"]),
        .target(name: "Inequality", dependencies: ["Linear", "Statistics", "Tables", "Layouts", "Population", "Indicators"]),
        .target(name: "Allocation", dependencies: [
            "CLapack", "Linear", "Statistics", "Tables", "Population", "Configuration", "Apportionment",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "Premium", dependencies: [
            "Tables", "Population", "Configuration", "Apportionment", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "Risk", dependencies: ["Statistics", "Tables", "Population", "Configuration", "Apportionment"]),
        .target(name: "Reports", dependencies: ["Tables"]),
        .target(name: "Pipeline", dependencies: [
            "Tables", "Layouts", "Configuration", "Statistics", "Linear", "Population", "Indicators", "Inequality", "Allocation", "Premium", "Benchmarking", "Risk", "Reports",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .executableTarget(
            name: "consortium",
            dependencies: [
                "Linear", "Statistics", "Tables", "Population", "Indicators", "Benchmarking",
                "Inequality", "Allocation", "Premium", "Configuration", "Apportionment", "Risk", "Reports", "Pipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ConsortiumBench",
            dependencies: [
                "Linear", "Statistics", "Tables", "Population", "Indicators", "Benchmarking", "Inequality", "Allocation",
                "Premium", "Risk", "CLapack",
            ],
            path: "Benchmarks/ConsortiumBench"
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LinearTests", dependencies: ["Linear", "TestSupport"], exclude: ["Reference"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"], resources: [.copy("Reference")]),
        .testTarget(name: "TablesTests", dependencies: ["Tables", "TestSupport"]),
        .testTarget(name: "LayoutsTests", dependencies: ["Layouts", "Tables"]),
        .testTarget(name: "PopulationTests", dependencies: ["Population", "Layouts", "Tables", "TestSupport"], exclude: ["Reference"]),
        .testTarget(name: "IndicatorsTests", dependencies: ["Indicators", "Tables", "Statistics"], exclude: ["Reference"]),
        .testTarget(name: "BenchmarkingTests", dependencies: ["Benchmarking", "Indicators", "Tables"], exclude: ["Reference"]),
        .testTarget(name: "ApportionmentTests", dependencies: ["Apportionment"]),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration", "Tables"]),
        .testTarget(name: "InequalityTests", dependencies: ["Inequality", "Tables", "Population", "Linear"], exclude: ["Reference"]),
        .testTarget(name: "AllocationTests", dependencies: ["Allocation", "Apportionment", "Configuration", "Tables", "Population", "TestSupport"], exclude: ["Reference", "PersonBased/Reference"]),
        .testTarget(name: "PremiumTests", dependencies: ["Premium", "Tables", "Population", "TestSupport"], exclude: ["Reference"]),
        .testTarget(name: "RiskTests", dependencies: ["Risk", "Statistics", "Tables", "Population"], exclude: ["Reference"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Tables"], exclude: ["Reference"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Reports", "Tables"]),
        .testTarget(name: "PropertyTests", dependencies: [
            "Allocation", "Premium", "Indicators", "Statistics", "Tables", "TestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "CLITests", dependencies: ["consortium", "Tables", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
