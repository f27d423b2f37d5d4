import Foundation
import Testing
@testable import PortalKit

@Suite struct ContactsFAQTests {
    static let contacts = """
    groups:
      - id: report
        title: 通報
        entries:
          - organization: 警察
            purpose: 被害が出たら
            phone: 03-3581-0141
            extension: "3961、3452"
            email: a@example.jp
            url: https://www.npa.go.jp/
      - id: internal
        title: 社内
        entries:
          - organization: CSIRT
            purpose: まず連絡
            placeholder: true

    """

    static let faq = """
    entries:
      - id: publish
        category: 公表
        question: 公表しなければなりませんか？
        answer: |
          いいえ。[初動](incident.md#first) を見てください。
      - category: 公表
        question: 二つ目の質問
        answer: 答え

    """

    static let incident = "---\ntitle: 初動\nupdated: 2024-12-12\ncontacts: report\n---\n## 最初に {#first}\n\n```checklist\n被害端末の情報\nネットワーク構成図\n```\n"

    @Test("contacts: tel: and mailto: links formed, extension shown but not dialled, placeholders warned")
    func contactsPage() async throws {
        let site = try TestSite(["content/contacts.yml": Self.contacts, "content/faq.yml": Self.faq, "content/incident.md": Self.incident])
        defer { site.cleanUp() }
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description) == ["content/contacts.yml:14:9: warning: contact 'CSIRT' is a placeholder: fill in its details and remove 'placeholder: true' [W0602]"])
        let html = try #require(site.read("output/contacts.html"))
        #expect(html.contains("<a href=\"tel:+81-3-3581-0141\">03-3581-0141</a>（内線 3961、3452）"))
        // Shown so that it may break only after @ and dots.
        #expect(html.contains("<a href=\"mailto:a@example.jp\">a@<wbr>example.<wbr>jp</a>"))
        #expect(html.contains("<span class=\"badge\">要記入</span>"))
        #expect(!html.contains("受付時間"))
        #expect(await site.failure(strict: true) == ["content/contacts.yml:14:9: error: contact 'CSIRT' is a placeholder: fill in its details and remove 'placeholder: true' [W0602]"])
    }

    @Test("a contacts file with no contacts is a warning: the page printed for incidents would be empty",
          arguments: ["", "groups: []\n", "groups:\n  - id: police\n    title: 警察\n    entries: []\n"])
    func noContacts(_ text: String) async throws {
        let site = try TestSite(["content/contacts.yml": text])
        defer { site.cleanUp() }
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description) == ["content/contacts.yml:1:1: warning: no contacts yet: the contacts page (printed for incidents) would be empty; add groups with their entries [W0609]"])
    }

    @Test("FAQ: grouped, stable anchors, <details>, Markdown answers with checked links")
    func faqPage() async throws {
        let site = try TestSite(["content/contacts.yml": Self.contacts, "content/faq.yml": Self.faq, "content/incident.md": Self.incident])
        defer { site.cleanUp() }
        try await site.build()
        let html = try #require(site.read("output/faq.html"))
        #expect(html.contains("<details class=\"faq-entry\" id=\"publish\">"))
        #expect(html.contains("<details class=\"faq-entry\" id=\"q-二つ目の質問\">"))
        #expect(html.contains("<a href=\"incident.html#first\">初動</a>"))
        #expect(html.components(separatedBy: "<h2 id=\"category-").count == 2)
    }

    @Test("incident sheet: its Markdown, a checklist to fill in, and the contact group it names")
    func incidentPage() async throws {
        let site = try TestSite(["content/contacts.yml": Self.contacts, "content/incident.md": Self.incident])
        defer { site.cleanUp() }
        try await site.build()
        let html = try #require(site.read("output/incident.html"))
        #expect(html.contains("<ul class=\"checklist\">"))
        #expect(html.contains("<span class=\"checklist-item\">被害端末の情報</span>"))
        #expect(html.contains("tel:+81-3-3581-0141"))
        #expect(!html.contains("（要記入）"))  // placeholder contacts stay off the sheet; its write-in boxes take their place
        #expect(site.read("output/index.html")?.contains("href=\"incident.html\"") == true)
    }

    static let cases: [SiteCase] = [
        SiteCase(name: "YAML syntax error", files: ["content/contacts.yml": "groups:\n  - id: a\n    title: [x\n"],
             expected: ["content/contacts.yml:4:1: error: YAML syntax: did not find expected ',' or ']' [E0101]"]),
        SiteCase(name: "wrong type", files: ["content/contacts.yml": "groups:\n  - id: a\n    title: T\n    entries: 3\n"],
             expected: ["content/contacts.yml:4:14: error: 'entries' must be a list [E0113]"]),
        SiteCase(name: "missing required key", files: ["content/contacts.yml": "groups:\n  - id: a\n    title: T\n    entries:\n      - organization: X\n"],
             expected: ["content/contacts.yml:5:9: error: missing required key 'purpose' [E0103]"]),
        SiteCase(name: "javascript: URL", files: ["content/contacts.yml": "groups:\n  - id: a\n    title: T\n    entries:\n      - organization: X\n        purpose: P\n        url: javascript:alert(1)\n"],
             expected: ["content/contacts.yml:7:14: error: url 'javascript:alert(1)' must start with http:// or https:// [E0125]"]),
        SiteCase(name: "bad phone", files: ["content/contacts.yml": "groups:\n  - id: a\n    title: T\n    entries:\n      - organization: X\n        purpose: P\n        phone: call us\n"],
             expected: ["content/contacts.yml:7:16: error: phone 'call us' is not a Japanese phone number: digits and hyphens (e.g. 03-1234-5678), optionally starting with +81; 10 digits from the 0, or 11 for mobile, 050 and 0800 numbers [E0803]"]),
        SiteCase(name: "bad email", files: ["content/contacts.yml": "groups:\n  - id: a\n    title: T\n    entries:\n      - organization: X\n        purpose: P\n        email: \"<b>@x\"\n"],
             expected: ["content/contacts.yml:7:16: error: email '<b>@x' is not an e-mail address [E0804]"]),
        SiteCase(name: "unknown key", files: ["content/contacts.yml": "groups:\n  - id: a\n    title: T\n    entries:\n      - organization: X\n        purpose: P\n        fax: 1\n"],
             expected: ["content/contacts.yml:7:9: error: unknown key 'fax'; known keys: organization, department, purpose, phone, extension, email, url, hours, notes, placeholder [E0102]"]),
        SiteCase(name: "duplicate FAQ id", files: ["content/faq.yml": "entries:\n  - id: a\n    question: Q\n    answer: A\n  - id: a\n    question: Q2\n    answer: A2\n"],
             expected: ["content/faq.yml:5:9: error: duplicate FAQ id 'a' (first on line 2) [E0807]"]),
        SiteCase(name: "FAQ answer with a broken link", files: ["content/faq.yml": "entries:\n  - question: Q\n    answer: |\n      text\n\n      [x](nope.md)\n"],
             expected: ["content/faq.yml:6:7: error: link to missing page 'nope.md' [E0301]"]),
        SiteCase(name: "incident naming an unknown contact group", files: ["content/incident.md": "---\ntitle: T\nupdated: 2024-12-12\ncontacts: nope\n---\n"],
             expected: ["content/incident.md:1:1: error: contacts: no contact group 'nope' in contacts.yml; groups are  [E0213]"]),
    ]

    @Test("bad contacts, FAQ and incident input: errors at their line", arguments: cases)
    func badInput(_ c: SiteCase) async throws {
        let site = try TestSite(c.files)
        defer { site.cleanUp() }
        #expect(await site.failure() == c.expected)
    }

    @Test("HTML in fields is rendered inert")
    func htmlInert() async throws {
        let hostile = "groups:\n  - id: a\n    title: \"<script>alert(1)</script>\"\n    entries:\n      - organization: \"<img src=x onerror=alert(1)>\"\n        purpose: \"\\\" onmouseover=\\\"alert(1)\"\n"
        let faq = "entries:\n  - question: \"<script>alert(2)</script>\"\n    answer: \"text <script>alert(3)</script> **b**\"\n"
        let site = try TestSite(["content/contacts.yml": hostile, "content/faq.yml": faq])
        defer { site.cleanUp() }
        try await site.build()
        let contacts = try #require(site.read("output/contacts.html"))
        #expect(!contacts.contains("<script>alert"))
        #expect(!contacts.contains("<img src=x"))
        #expect(contacts.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(contacts.contains("&quot; onmouseover=&quot;alert(1)"))
        let faqHTML = try #require(site.read("output/faq.html"))
        #expect(!faqHTML.contains("<script>alert"))
        #expect(faqHTML.contains("<strong>b</strong>"))
    }

    @Test("phone numbers: Japanese digits and hyphens, +81, full-width folded", arguments: [
        ("03-3501-1511", "tel:+81-3-3501-1511"),
        ("０３－３５０１－１５１１", "tel:+81-3-3501-1511"),
        ("０３-３５０１-１５１１", "tel:+81-3-3501-1511"),
        ("+81-3-3501-1511", "tel:+81-3-3501-1511"),
        ("090-1234-5678", "tel:+81-90-1234-5678"),
        // Dashes an IME gives for "-": the long-vowel mark (full and half width), hyphen, minus, dashes.
        ("03ー3501ー1511", "tel:+81-3-3501-1511"),
        ("０３ｰ３５０１ｰ１５１１", "tel:+81-3-3501-1511"),
        ("03‐3501‐1511", "tel:+81-3-3501-1511"),
        ("03−3501―1511", "tel:+81-3-3501-1511"),
        ("+81–3–3501–1511", "tel:+81-3-3501-1511"),
        // The area code in parentheses, spaces: the ways numbers are printed on letterheads.
        ("(03)3501-1511", "tel:+81-3-3501-1511"),
        ("（03）3501－1511", "tel:+81-3-3501-1511"),
        ("03(3501)1511", "tel:+81-3-3501-1511"),
        ("03 3501 1511", "tel:+81-3-3501-1511"),
        ("+81 3 3501 1511", "tel:+81-3-3501-1511"),
        ("03ーー3501-1511", "tel:+81-3-3501-1511"),
        ("03--3501-1511-", "tel:+81-3-3501-1511"),
        ("03-3501-15-11", "tel:+81-3-3501-15-11"),
        ("03-3501-1511 (代表)", nil),
        // Eleven digits only where numbers have them: a digit typed twice in a landline is refused.
        ("03-3501-15111", nil),
        ("0120-123-456", "tel:+81-120-123-456"),
        ("0570-000-111", "tel:+81-570-000-111"),
        ("0800-123-4567", "tel:+81-800-123-4567"),
        ("050-1234-5678", "tel:+81-50-1234-5678"),
        ("+81-90-1234-5678", "tel:+81-90-1234-5678"),
        ("+81-3-3501-15111", nil),
        ("03-3501-1511 内線5", nil),
        ("03・3501・1511", nil),
        ("110", nil),
        ("03-3501-1511 ext 5", nil),
    ] as [(String, String?)])
    func phones(raw: String, tel: String?) {
        #expect(PhoneNumber(raw)?.telURI == tel)
        if tel != nil { #expect(PhoneNumber(raw)?.display.allSatisfy { $0.isASCII } == true, "shown as written with ASCII digits and hyphens") }
    }
}
