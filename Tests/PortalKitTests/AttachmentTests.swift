import Foundation
import Testing
@testable import PortalKit

@Suite struct AttachmentTests {
    static func png(width: Int, height: Int) -> Data {
        var d = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]) + Data("IHDR".utf8)
        for v in [width, height] { d += Data([UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]) }
        return d + Data([8, 6, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test("image sizes come from PNG, GIF, JPEG, WebP and SVG headers")
    func headers() {
        #expect(ImageHeader.dimensions(of: Self.png(width: 640, height: 480), fileExtension: "png") == ImageDimensions(width: 640, height: 480))
        let gif = Data("GIF89a".utf8) + Data([0x20, 0x03, 0x58, 0x02])
        #expect(ImageHeader.dimensions(of: gif, fileExtension: "gif") == ImageDimensions(width: 800, height: 600))
        // SOI, an APP0 segment of length 16, then SOF0 with height 0x0100 and width 0x0200.
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array(repeating: 0, count: 14) + [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0x00, 0x02, 0x00, 0x03])
        #expect(ImageHeader.dimensions(of: jpeg, fileExtension: "jpg") == ImageDimensions(width: 512, height: 256))
        var webp = Data("RIFF".utf8) + Data([0, 0, 0, 0]) + Data("WEBPVP8X".utf8) + Data(repeating: 0, count: 8)
        webp += Data([0x3F, 0x01, 0x00, 0xC7, 0x00, 0x00])  // width-1 = 319, height-1 = 199
        #expect(ImageHeader.dimensions(of: webp, fileExtension: "webp") == ImageDimensions(width: 320, height: 200))
        #expect(ImageHeader.svgDimensions("<svg xmlns=\"x\" viewBox=\"0 0 300 150\">") == ImageDimensions(width: 300, height: 150))
        #expect(ImageHeader.dimensions(of: Data("not an image".utf8), fileExtension: "png") == nil)
    }

    @Test("attachments are copied byte for byte and linked relative to the page, with type and size")
    func copiedAndLinked() async throws {
        let site = try TestSite([
            "content/guidance/a.md": page(body: "![流れ図](<images/流れ 図.png>)\n\n![](images/second.png)\n\n[チェック表](<../files/check list.csv>) と [PDF](../files/guide.pdf)\n"),
        ])
        defer { site.cleanUp() }
        try site.write("content/guidance/images/流れ 図.png", Self.png(width: 640, height: 320))
        try site.write("content/guidance/images/second.png", Self.png(width: 10, height: 10))
        try site.write("content/files/check list.csv", "項目,記入欄\n")
        try site.write("content/files/guide.pdf", Data(repeating: 0x25, count: 1_300_000))
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description) == ["content/guidance/a.md:7:1: warning: image 'images/second.png' has no alt text: describe it in ![…](…) for people who cannot see it [W0707]"])
        let html = try #require(site.read("output/guidance/a.html"))
        #expect(html.contains("<img src=\"images/%E6%B5%81%E3%82%8C%20%E5%9B%B3.png\" alt=\"流れ図\" width=\"640\" height=\"320\" decoding=\"async\">"))
        #expect(html.contains("<img src=\"images/second.png\" alt=\"\" width=\"10\" height=\"10\" loading=\"lazy\" decoding=\"async\">"))
        #expect(html.contains("<a class=\"attachment\" href=\"../files/check%20list.csv\">チェック表</a><span class=\"file-meta\">（CSV、17 バイト）</span>"))
        #expect(html.contains("（PDF、1.2 MB）"))
        #expect(try Data(contentsOf: site.url("output/files/guide.pdf")) == Data(repeating: 0x25, count: 1_300_000))
        #expect(FileManager.default.fileExists(atPath: site.url("output/guidance/images/流れ 図.png").path))
        let index = try #require(site.read("output/search-index.json"))
        #expect(index.contains("チェック表"))
        #expect(!index.contains("記入欄"))
    }

    static let cases: [SiteCase] = [
        SiteCase(name: "missing file", files: ["content/guidance/a.md": page(body: "[x](../files/nope.pdf)\n")],
             expected: ["content/guidance/a.md:5:1: error: link to missing file '../files/nope.pdf' (looked for files/nope.pdf in the content folder) [E0303]"]),
        SiteCase(name: "missing image", files: ["content/guidance/a.md": page(body: "![図](images/nope.png)\n")],
             expected: ["content/guidance/a.md:5:1: error: image 'images/nope.png' not found (looked for guidance/images/nope.png in the content folder) [E0711]"]),
        SiteCase(name: "remote image", files: ["content/guidance/a.md": page(body: "![図](https://example.com/a.png)\n")],
             expected: ["content/guidance/a.md:5:1: error: remote image 'https://example.com/a.png': the portal must work offline, so save the image in the content folder and link it relatively (or set allow_remote_images: true in site.yml) [E0709]"]),
        SiteCase(name: "link escaping the content folder", files: ["content/guidance/a.md": page(body: "[passwd](../../etc/passwd)\n")],
             expected: ["content/guidance/a.md:5:1: error: link to '../../etc/passwd' leads outside the content folder [E0309]"]),
    ]

    @Test("bad attachment links are errors at their line", arguments: cases)
    func badLinks(_ c: SiteCase) async throws {
        let site = try TestSite(c.files)
        defer { site.cleanUp() }
        #expect(await site.failure() == c.expected)
    }

    @Test("a link or image in the wrong letter case is told the file's real name; an image is never pointed at a non-image")
    func letterCaseHint() async throws {
        let site = try TestSite([
            "content/guidance/a.md": page(body: "![図](Images/Flow.PNG)\n\n[表](../files/Check.CSV)\n\n![表](../files/check.png)\n"),
        ])
        defer { site.cleanUp() }
        try site.write("content/guidance/images/flow.png", Self.png(width: 10, height: 10))
        try site.write("content/files/check.csv", "項目\n")
        #expect(await site.failure() == [
            "content/guidance/a.md:5:1: error: image 'Images/Flow.PNG' not found (looked for guidance/Images/Flow.PNG in the content folder); did you mean 'images/flow.png'? [E0711]",
            "content/guidance/a.md:7:1: error: link to missing file '../files/Check.CSV' (looked for files/Check.CSV in the content folder); did you mean '../files/check.csv'? [E0303]",
            "content/guidance/a.md:9:1: error: image '../files/check.png' not found (looked for files/check.png in the content folder) [E0711]",
        ])
    }

    @Test("a path copied from Windows' Explorer: a drive, a shared folder or file: is removed and told why; a backslash is read as /")
    func windowsPaths() async throws {
        let body = "[手順](C:\\Users\\taro\\手順.pdf) [共有](\\\\fileserver\\share\\a.pdf) [URL](file:///C:/a.pdf) [表](..\\files\\check.csv)\n"
        let site = try TestSite(["content/guidance/a.md": page(body: body)])
        defer { site.cleanUp() }
        try site.write("content/files/check.csv", "項目\n")
        let summary = try await site.build()
        let why = "removed: a place on your own computer or network opens for no one else; put the file in the content folder (e.g. content/files/) and link it relatively [W0311]"
        #expect(summary.warnings.map(\.description) == [
            "content/guidance/a.md:5:1: warning: link to 'C:\\Users\\taro\\手順.pdf' " + why,
            "content/guidance/a.md:5:28: warning: link to '\\fileserver\\share\\a.pdf' " + why,
            "content/guidance/a.md:5:59: warning: link to 'file:///C:/a.pdf' " + why,
            "content/guidance/a.md:5:83: warning: '..\\files\\check.csv' separates folders with \\; read as '../files/check.csv': write / as on the web [W0312]",
        ])
        let html = try #require(site.read("output/guidance/a.html"))
        #expect(!html.contains("C:") && !html.contains("fileserver") && !html.contains("file:"))
        #expect(html.contains("<a class=\"attachment\" href=\"../files/check.csv\">表</a>"))
        try site.write("content/guidance/a.md", page(body: "![図](C:\\pics\\a.png)\n"))
        #expect(await site.failure() == ["content/guidance/a.md:5:1: error: image 'C:\\pics\\a.png' is on your own computer or network and shows for no one else: put it in the content folder and link it relatively [E0725]"])
    }

    @Test("remote images are allowed when site.yml says so")
    func remoteAllowed() async throws {
        let site = try TestSite(["content/site.yml": "title: T\nallow_remote_images: true\n", "content/guidance/a.md": page(body: "![図](https://example.com/a.png)\n")])
        defer { site.cleanUp() }
        try await site.build()
        #expect(site.read("output/guidance/a.html")?.contains("<img src=\"https://example.com/a.png\" alt=\"図\" decoding=\"async\">") == true)
    }

    @Test("names differing only in case are an error; large files a warning")
    func caseClashAndSize() async throws {
        let site = try TestSite(["content/site.yml": "title: T\nmax_attachment_mb: 1\n", "content/guidance/a.md": page()])
        defer { site.cleanUp() }
        try site.write("content/files/big.zip", Data(count: 2 * 1024 * 1024))
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description) == ["content/files/big.zip: warning: is 2.0 MB, over the 1.0 MB limit set by max_attachment_mb in site.yml [W0703]"])
        try site.write("content/files/Flow.png", Self.png(width: 1, height: 1))
        try site.write("content/files/flow.png", Self.png(width: 1, height: 1))
        let errors = await site.failure()
        #expect(errors.contains("content/files/flow.png: error: differs from content/files/Flow.png only in upper and lower case; they would overwrite each other on Windows, macOS and USB sticks: rename one [E0706]"))
    }

    @Test("a page saved under another extension (a.md.txt, a.markdown, a .txt with front matter) is named, with the name it needs")
    func pageSavedAsAttachment() async throws {
        let site = try TestSite(["content/guidance/a.md": page()])
        defer { site.cleanUp() }
        try site.write("content/guidance/backup.md.txt", page())
        try site.write("content/guidance/rules.markdown", page())
        try site.write("content/guidance/sub/memo.txt", "\u{FEFF}" + page())
        try site.write("content/guidance/readme.txt", "ただのテキストです\n")
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description).sorted() == [
            "content/guidance/backup.md.txt: warning: this looks like a page but its name does not end in .md, so it is not built as one and is copied as it is: rename it 'guidance/backup.md' [W0217]",
            "content/guidance/rules.markdown: warning: this looks like a page but its name does not end in .md, so it is not built as one and is copied as it is: rename it 'guidance/rules.md' [W0217]",
            "content/guidance/sub/memo.txt: warning: this looks like a page but its name does not end in .md, so it is not built as one and is copied as it is: rename it 'guidance/sub/memo.md' [W0217]",
        ])
    }

    @Test("a link or image whose address holds a space is no link in CommonMark: the text says so, where it is")
    func spaceInDestination() async throws {
        let site = try TestSite(["content/guidance/a.md": page(body: "![図](images/backup flow.png) と [表](<../files/a b.csv>) と [手順](b c.md)\n")])
        defer { site.cleanUp() }
        try site.write("content/files/a b.csv", "a\n")
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description) == [
            "content/guidance/a.md:5:1: warning: '(images/backup flow.png)' is not a link: a link's address may not hold a space; write %20 for it, or put the address in <…> [W0724]",
            "content/guidance/a.md:5:58: warning: '(b c.md)' is not a link: a link's address may not hold a space; write %20 for it, or put the address in <…> [W0724]",
        ])
    }

    @Test("a symlinked attachment pointing outside the content folder is refused")
    func symlinkOutside() async throws {
        let site = try TestSite(["content/guidance/a.md": page()])
        defer { site.cleanUp() }
        try site.write("secret.txt", "secret")
        try FileManager.default.createDirectory(at: site.url("content/files"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.url("content/files/leak.txt"), withDestinationURL: site.url("secret.txt"))
        #expect(await site.failure() == ["content/files/leak.txt: error: is a symbolic link to a place outside the content folder; copy the file in instead [E0116]"])
    }
}
