import Foundation
import Testing
@testable import PortalKit

/// Attachments and links that could run code: hostile names are linked inertly, active files
/// are refused unless the site allows them, and every page carries the policy.
@Suite struct ActiveContentTests {
    @Test("a file named like a scheme is linked with its colon encoded, however the link is written",
          arguments: ["[x](javascript%3Aalert(document.domain))", "[x](<./javascript:alert(document.domain)>)", "[x](<javascript:alert(document.domain)>)"])
    func schemeLikeName(_ link: String) async throws {
        let site = try TestSite(["content/guidance/a.md": page(body: link + "\n")])
        defer { site.cleanUp() }
        try site.write("content/guidance/javascript:alert(document.domain)", "x")
        let summary = try? await site.build()
        let html = site.read("output/guidance/a.html") ?? ""
        #expect(!html.contains("href=\"javascript:"))
        if link.hasPrefix("[x](<javascript:") {
            // Written with a scheme, it is an external link of a refused scheme: removed.
            #expect(html.contains("<span class=\"link-removed\">x</span>"))
        } else {
            #expect(html.contains("<a class=\"attachment\" href=\"javascript%3Aalert(document.domain)\">x</a>"))
        }
        #expect(summary?.warnings.contains { $0.description.contains("holds ':'") } == true)
    }

    @Test("names with #, ?, %, spaces and a newline are encoded or refused at their path")
    func awkwardNames() async throws {
        // Written as is, '#' starts a fragment; percent-encoded, the link reaches the file and is
        // written encoded again.
        let site2 = try TestSite(["content/guidance/a.md": page(body: "[a](files/a%23b%3Fc%25d%20e.txt)\n")])
        defer { site2.cleanUp() }
        try site2.write("content/guidance/files/a#b?c%d e.txt", "x")
        try await site2.build()
        #expect(site2.read("output/guidance/a.html")?.contains("href=\"files/a%23b%3Fc%25d%20e.txt\"") == true)

        let site3 = try TestSite(["content/guidance/a.md": page()])
        defer { site3.cleanUp() }
        try site3.write("content/files/two\nlines.txt", "x")
        #expect(await site3.failure() == ["content/files/two\nlines.txt: error: file name holds a control character (U+000A); rename the file [E0701]"])
    }

    @Test("scripts, event handlers, foreignObject and javascript: URLs in SVG are found at their line")
    func svgFindings() {
        let svg = """
        <svg xmlns="http://www.w3.org/2000/svg">
        <rect width="1" height="1" onload = "alert(1)"/>
          <script>alert(1)</script>
        <foreignObject><div>x</div></foreignObject>
        <a href=" javascript:alert(1)"><text>online</text></a>
        </svg>
        """
        let found = ActiveContent.findings(inSVG: Data(svg.utf8)).map { "\($0.line):\($0.column) \($0.what)" }
        #expect(found == ["2:27 an event handler attribute (on…=)", "3:3 a <script> element",
                          "4:1 a <foreignObject> element (embedded HTML)", "5:4 a javascript: or data: URL"])
        #expect(ActiveContent.findings(inSVG: Data("<svg><title>online help</title><rect/></svg>".utf8)).isEmpty)
    }

    @Test("active attachments are refused with a located error unless site.yml allows them")
    func refused() async throws {
        let site = try TestSite(["content/guidance/a.md": page(body: "![図](images/x.svg)\n\n[ページ](files/p.html)\n")])
        defer { site.cleanUp() }
        try site.write("content/guidance/images/x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>alert(1)</script></svg>")
        try site.write("content/guidance/files/p.html", "<script>alert(1)</script>")
        try site.write("content/files/tool.js", "alert(1)")
        #expect(await site.failure() == [
            "content/files/tool.js: error: .js attachments run as part of the portal when opened; remove the file, or set allow_active_attachments: true in site.yml if you trust it [E0704]",
            "content/guidance/files/p.html: error: .html attachments run as part of the portal when opened; remove the file, or set allow_active_attachments: true in site.yml if you trust it [E0704]",
            "content/guidance/images/x.svg:2:1: error: SVG holds a <script> element, which would run when the image is opened from a link; remove it, or set allow_active_attachments: true in site.yml if you trust the file [E0705]",
        ])
        try site.write("content/site.yml", TestSite.minimalSite + "allow_active_attachments: true\n")
        try await site.build()
        #expect(site.read("output/guidance/files/p.html") == "<script>alert(1)</script>")
    }

    @Test("every page of the sample portal carries the content security policy")
    func policyOnEveryPage() async throws {
        let site = try TestSite.sample()
        defer { site.cleanUp() }
        try await site.build()
        let pages = site.outputFiles().filter { $0.hasSuffix(".html") }
        #expect(pages.count > 20)
        let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;self&#39;; script-src &#39;self&#39;; style-src &#39;self&#39;; img-src &#39;self&#39; data:;"
        for path in pages {
            #expect(site.read("output/" + path)?.contains(meta) == true, "\(path)")
        }
    }
}
