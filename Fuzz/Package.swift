// swift-tools-version: 6.0
// The libFuzzer harness, a package of its own so that the main package never builds it: it
// only links with -sanitize=fuzzer (libFuzzer's driver). `make fuzz` (scripts/fuzz.sh).
import PackageDescription

let package = Package(
    name: "portal-fuzz",
    dependencies: [.package(name: "portal", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .executableTarget(
            name: "portal-fuzz",
            dependencies: ["CFuzzDriver", .product(name: "PortalKit", package: "portal")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
