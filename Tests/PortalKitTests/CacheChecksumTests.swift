import Foundation
import Testing
@testable import PortalKit

/// A cache file damaged on disk is never believed: every build after a flipped bit or a cut
/// file gives exactly what a build without any cache gives.
@Suite struct CacheChecksumTests {
    static let mutationsPerFile = 200

    @Test("a checksum taken part by part is the words of the parts joined, the last partial word and the length")
    func checksumInParts() {
        var random = SeededGenerator.forTest("checksumInParts", fallback: 0xC0FFEE)
        // The definition, word by word over the joined bytes, through StableDigest's own mixing.
        func reference(_ bytes: [UInt8]) -> StableDigest {
            var d = StableDigest()
            var word: UInt64 = 0, n = 0
            for b in bytes {
                word |= UInt64(b) << (8 * UInt64(n))
                n += 1
                if n == 8 { d.add(Int(Int64(bitPattern: word))); word = 0; n = 0 }
            }
            d.add(Int(Int64(bitPattern: word)))
            d.add(bytes.count)
            return d
        }
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0...100, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            var parts: [ArraySlice<UInt8>] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + Int.random(in: 0...17, using: &random))
                parts.append(bytes[start..<end])
                start = end
            }
            var stream = StableDigestStream()
            for part in parts { part.withUnsafeBytes { stream.add($0) } }
            #expect(stream.finish() == reference(bytes), "\(bytes.count) bytes in \(parts.map(\.count)) (seed \(random.seed))")
            #expect(CacheFile.checksum(bytes[...]) == reference(bytes))
        }
    }

    @Test("a cache file stored in parts loads back whole; a cut one is damaged")
    func storedInParts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-cachefile-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("parts.v1")
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        CacheFile.store(parts: [bytes[0..<3], bytes[3..<3], bytes[3..<9_001], bytes[9_001...]], at: url)
        guard case .bytes(let loaded) = CacheFile.load(url) else { Issue.record("not loaded"); return }
        #expect(loaded == bytes)
        var onDisk = Array(try Data(contentsOf: url))
        onDisk.removeLast()
        try Data(onDisk).write(to: url)
        guard case .damaged = CacheFile.load(url) else { Issue.record("a cut file was believed"); return }
    }

    @Test("200 seeded bit flips and truncations of each cache file: every build equals a clean build")
    func damagedCaches() async throws {
        var random = SeededGenerator.forTest("damagedCaches", fallback: 20261204)
        let site = try TestSite([
            "content/guidance/a.md": page("通報の手順", body: "## 通報する {#report}\n\n警察へ通報します。[背景](b.md#why)\n"),
            "content/guidance/b.md": page("背景", body: "## なぜ {#why}\n\nVPN機器の脆弱性が狙われます。[手順](a.md#report)\n"),
        ])
        defer { site.cleanUp() }
        try await site.build(output: "clean", useCache: false)
        let clean = site.tree("clean")
        try await site.build()
        let cacheFolder = site.url(".portal-cache/output")
        let files = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).sorted()
        #expect(files == ["pages.v5", "renders.v4"])
        var noted = 0
        for name in files {
            for i in 0..<Self.mutationsPerFile {
                let url = cacheFolder.appendingPathComponent(name)
                var bytes = Array(try Data(contentsOf: url))
                if i % 4 == 3 {
                    bytes.removeLast(Int.random(in: 1...bytes.count, using: &random))
                } else {
                    let bit = Int.random(in: 0..<(bytes.count * 8), using: &random)
                    bytes[bit / 8] ^= UInt8(1 << (bit % 8))
                }
                try Data(bytes).write(to: url)
                let summary = try await site.build()
                noted += summary.notes.count
                #expect(site.tree("output") == clean, "\(name), mutation \(i) (seed \(random.seed))")
            }
        }
        // Every mutation was caught by the checksum, not by luck in the decoder.
        #expect(noted == 2 * Self.mutationsPerFile)
    }

    @Test("a cache file round-trips; one flipped bit or a missing byte is damage")
    func checksum() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("x")
        CacheFile.store(Array("ページ".utf8), at: url)
        guard case .bytes(let b) = CacheFile.load(url) else { Issue.record("not read back"); return }
        #expect(b == Array("ページ".utf8))
        var bytes = Array(try Data(contentsOf: url))
        bytes[2] ^= 4
        try Data(bytes).write(to: url)
        guard case .damaged = CacheFile.load(url) else { Issue.record("flip not caught"); return }
        try Data(bytes.dropLast()).write(to: url)
        guard case .damaged = CacheFile.load(url) else { Issue.record("truncation not caught"); return }
        guard case .missing = CacheFile.load(folder.appendingPathComponent("none")) else { Issue.record("missing"); return }
    }
}
