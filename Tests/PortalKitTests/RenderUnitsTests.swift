import Synchronization
import Testing
@testable import PortalKit

/// The incremental layer on its own: which units it renders and which it takes from an earlier
/// render, decided by input equality (the memo) or by fingerprint (the build cache's record).
@Suite struct RenderUnitsTests {
    private struct Inputs: Hashable, Codable, Sendable {
        var text: String
        var number: Int
    }

    private struct OtherInputs: Hashable, Codable, Sendable {
        var text: String
        var number: Int
    }

    /// Counts how many times each unit's job ran.
    private final class Runs: Sendable {
        let counts = Mutex<[String: Int]>([:])
        func record(_ key: String) { counts.withLock { $0[key, default: 0] += 1 } }
        var all: [String: Int] { counts.withLock { $0 } }
    }

    private func unit(_ key: String, _ input: Inputs, layout: StableDigest = StableDigest(), path: String? = nil, runs: Runs) -> RenderUnit {
        let file = SitePath(path ?? key + ".html")
        return RenderUnit(key: key, input: UnitInput(input), layout: layout, path: path.map(SitePath.init)) {
            [{ runs.record(key); return .success([OutputFile(path: file, text: "\(input.text) \(input.number)")]) }]
        }
    }

    @Test func equalInputsOfOneTypeAreEqualAndFingerprintAlike() {
        let a = UnitInput(Inputs(text: "a", number: 1))
        #expect(a == UnitInput(Inputs(text: "a", number: 1)))
        #expect(a.fingerprint == UnitInput(Inputs(text: "a", number: 1)).fingerprint)
        #expect(a != UnitInput(Inputs(text: "a", number: 2)))
        #expect(a.fingerprint != UnitInput(Inputs(text: "a", number: 2)).fingerprint)
        // The same fields in another type are another input.
        #expect(a != UnitInput(OtherInputs(text: "a", number: 1)))
    }

    @Test func theMemoRendersOnlyUnitsWhoseInputOrLayoutChanged() async {
        let runs = Runs()
        let first = await RenderUnits.run([
            unit("a", Inputs(text: "a", number: 1), runs: runs),
            unit("b", Inputs(text: "b", number: 1), runs: runs),
            unit("c", Inputs(text: "c", number: 1), runs: runs),
        ], reusing: nil, fingerprints: false)
        #expect(runs.all == ["a": 1, "b": 1, "c": 1])
        #expect(first.fingerprints == nil)

        var changedLayout = StableDigest()
        changedLayout.add("another template")
        let second = await RenderUnits.run([
            unit("a", Inputs(text: "a", number: 1), runs: runs),
            unit("b", Inputs(text: "b", number: 2), runs: runs),
            unit("c", Inputs(text: "c", number: 1), layout: changedLayout, runs: runs),
            unit("d", Inputs(text: "d", number: 1), runs: runs),
        ], reusing: first.memo, fingerprints: false)
        #expect(runs.all == ["a": 1, "b": 2, "c": 2, "d": 1])
        #expect(second.files.map { $0.map { String(decoding: $0.bytes, as: UTF8.self) } } == [["a 1"], ["b 2"], ["c 1"], ["d 1"]])
    }

    @Test func aUnitWhoseFileMovedIsRenderedAgain() async {
        let runs = Runs()
        let first = await RenderUnits.run([unit("a", Inputs(text: "a", number: 1), path: "old.html", runs: runs)], reusing: nil, fingerprints: false)
        let second = await RenderUnits.run([unit("a", Inputs(text: "a", number: 1), path: "new.html", runs: runs)], reusing: first.memo, fingerprints: false)
        #expect(runs.all == ["a": 2])
        #expect(second.files[0].map(\.path) == [SitePath("new.html")])
    }

    @Test func fingerprintsCoverTheLayoutAndAreComputedOnlyWhenAsked() async {
        let runs = Runs()
        var layout = StableDigest()
        layout.add("page.mustache")
        let plain = await RenderUnits.run([unit("a", Inputs(text: "a", number: 1), runs: runs)], reusing: nil, fingerprints: true)
        let laidOut = await RenderUnits.run([unit("a", Inputs(text: "a", number: 1), layout: layout, runs: runs)], reusing: nil, fingerprints: true)
        let a = try? #require(plain.fingerprints?["a"])
        let b = try? #require(laidOut.fingerprints?["a"])
        #expect(a != nil && b != nil && a != b)
        #expect(a == UnitInput(Inputs(text: "a", number: 1)).fingerprint.combined(with: StableDigest()))
    }

    @Test func aFailedTemplateIsReportedOnceAndItsUnitHasNoFiles() async {
        let failing = RenderUnit(key: "x", input: UnitInput(Inputs(text: "x", number: 0)), layout: StableDigest(), path: nil) {
            [{ .failure(TemplateError(name: "page")) }, { .failure(TemplateError(name: "page")) }]
        }
        let result = await RenderUnits.run([failing], reusing: nil, fingerprints: false)
        #expect(result.failures.map(\.name) == ["page"])
        #expect(result.files == [[]])
    }
}
