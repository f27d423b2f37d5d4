import Foundation
import Testing
@testable import PortalKit

/// search-index.json: a summary by default, the full index behind --json-index full; the page's
/// own search files are the same either way.
@Suite struct JSONIndexTests {
    private func index(_ site: TestSite) throws -> [String: Any] {
        let data = try #require(site.read("output/search-index.json")).data(using: .utf8)!
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("summary by default, full on request, with the cache switching between them, the rest of the output alike")
    func summaryAndFull() async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        try await site.build()
        let summary = try index(site)
        #expect(summary["version"] as? Int == 4 && summary["contents"] as? String == "summary")
        #expect((summary["terms"] as? [String: Any])?.isEmpty == true)
        let documents = try #require(summary["documents"] as? [[String: Any]])
        #expect(!documents.isEmpty && documents.allSatisfy { $0["text"] == nil && ($0["summary"] as? String).map { $0.count <= 81 } == true })
        let summaryBytes = try #require(site.read("output/search-index.json")).utf8.count
        let summaryTree = site.tree("output").filter { $0.key != "search-index.json" }

        // The cache must not hand back the summary for a full build (or the other way round).
        var request = site.buildRequest()
        request.jsonIndex = .full
        _ = try await Builder.build(request)
        let full = try index(site)
        #expect(full["contents"] as? String == "full")
        #expect(((full["terms"] as? [String: Any])?.count ?? 0) > 100)
        let fullDocuments = try #require(full["documents"] as? [[String: Any]])
        #expect(fullDocuments.count == documents.count && fullDocuments.allSatisfy { $0["text"] is String && $0["summary"] == nil })
        let fullBytes = try #require(site.read("output/search-index.json")).utf8.count
        // Under half here (the sample has 339 short service rows); about a third at 1,000 pages (BENCHMARKS.md).
        #expect(summaryBytes * 2 < fullBytes, "summary \(summaryBytes) bytes, full \(fullBytes)")
        #expect(site.tree("output").filter { $0.key != "search-index.json" } == summaryTree)

        try await site.build()
        #expect(try index(site)["contents"] as? String == "summary")
    }
}
