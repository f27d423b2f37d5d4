import Foundation

/// Reads width and height from the first bytes of PNG, GIF, JPEG and WebP files (and the
/// width/height or viewBox of an SVG), so pages reserve the space and do not jump while loading.
enum ImageHeader {
    static func dimensions(of data: Data, fileExtension: String) -> ImageDimensions? {
        let b = [UInt8](data.prefix(fileExtension == "svg" ? 4096 : (fileExtension == "jpg" || fileExtension == "jpeg" ? 262_144 : 64)))
        func be16(_ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
        func le16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func be32(_ i: Int) -> Int { be16(i) << 16 | be16(i + 2) }
        func le24(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 }
        func valid(_ w: Int, _ h: Int) -> ImageDimensions? { w > 0 && h > 0 ? ImageDimensions(width: w, height: h) : nil }

        // PNG: signature, then the IHDR chunk.
        if b.count >= 24, b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return valid(be32(16), be32(20))
        }
        // GIF87a / GIF89a: logical screen size.
        if b.count >= 10, b.starts(with: Array("GIF8".utf8)) {
            return valid(le16(6), le16(8))
        }
        // WebP: RIFF....WEBP then VP8 / VP8L / VP8X.
        if b.count >= 30, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) {
            switch String(decoding: b[12..<16], as: UTF8.self) {
            case "VP8 ": return valid(le16(26) & 0x3FFF, le16(28) & 0x3FFF)
            case "VP8L":
                let bits = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
                return valid((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
            case "VP8X": return valid(le24(24) + 1, le24(27) + 1)
            default: return nil
            }
        }
        // JPEG: walk the segments to a start-of-frame marker.
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 {
            var i = 2
            while i + 9 < b.count {
                guard b[i] == 0xFF else { return nil }
                let marker = b[i + 1]
                if marker == 0xFF { i += 1; continue }
                if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                    return valid(be16(i + 7), be16(i + 5))
                }
                i += 2 + be16(i + 2)
            }
            return nil
        }
        if fileExtension == "svg" {
            return svgDimensions(String(decoding: b, as: UTF8.self))
        }
        return nil
    }

    /// `<svg width="640" height="320">` or, failing that, its viewBox.
    static func svgDimensions(_ text: String) -> ImageDimensions? {
        guard let open = text.range(of: "<svg"), let close = text[open.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = String(text[open.upperBound..<close])
        func attribute(_ name: String) -> String? {
            guard let r = tag.range(of: " \(name)=\"") ?? tag.range(of: "\n\(name)=\""),
                  let end = tag[r.upperBound...].firstIndex(of: "\"") else { return nil }
            return String(tag[r.upperBound..<end])
        }
        func number(_ s: String?) -> Int? {
            guard let s else { return nil }
            let digits = s.prefix { $0.isNumber || $0 == "." }
            guard s.dropFirst(digits.count).isEmpty || s.hasSuffix("px"), let v = Double(digits) else { return nil }
            return Int(v.rounded())
        }
        if let w = number(attribute("width")), let h = number(attribute("height")), w > 0, h > 0 {
            return ImageDimensions(width: w, height: h)
        }
        if let box = attribute("viewBox")?.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap({ Double($0) }), box.count == 4, box[2] > 0, box[3] > 0 {
            return ImageDimensions(width: Int(box[2].rounded()), height: Int(box[3].rounded()))
        }
        return nil
    }
}
