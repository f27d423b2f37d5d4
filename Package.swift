// swift-tools-version: 6.0
import PackageDescription

// Release builds skip the run-time exclusivity checks (1.5 % of a build's CPU, in the index's
// term tables and the encoders' sinks); debug builds, where the tests run, keep them.
let releaseSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

// Linux only: the output swap (renameat2), inotify and ICU's word breaks come from Linux's
// libraries; no other platform is built or tested.
let package = Package(
    name: "portal",
    products: [
        .executable(name: "portal", targets: ["portal"]),
        .library(name: "PortalKit", targets: ["PortalKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // ICU's word breaks, from the library Foundation already links (no package, no install).
        .systemLibrary(name: "CICU"),
        // renameat2(RENAME_EXCHANGE): the output folder is swapped in one step.
        .target(name: "CPortalSystem"),
        // zlib's inflate, for the parts of services.xlsx (ZipReader).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libdeflate, for the search files compressed whole: the same format as zlib's at a
        // third of its time (a twentieth of a 1,000-page build went to zlib's level 6).
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .target(name: "PortalMarkdown", dependencies: ["CCmark"], swiftSettings: releaseSettings),
        .target(
            name: "PortalKit",
            dependencies: [
                "PortalMarkdown",
                "CICU",
                "CPortalSystem",
                "CZlib",
                "CDeflate",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: releaseSettings
        ),
        .executableTarget(
            name: "portal",
            dependencies: [
                "PortalKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc in place of glibc's malloc: a build allocates on both cores and frees on
            // the other, and glibc's arenas spent a tenth of the CPU there (locks, heap growth).
            linkerSettings: [.linkedLibrary("mimalloc")]
        ),
        .testTarget(name: "PortalMarkdownTests", dependencies: ["PortalMarkdown"]),
        .testTarget(name: "PortalKitTests", dependencies: ["PortalKit"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
