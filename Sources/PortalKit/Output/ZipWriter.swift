import Foundation

/// A ZIP archive of a folder, for a USB stick: entries stored as they are (no compression: the
/// pages are small and the archive must open anywhere, Windows' Explorer included), names in
/// UTF-8 (flag bit 11), a CRC-32 per entry. Written aside and renamed into place.
public enum ZipWriter {
    public struct TooLarge: Error {}

    /// Writes every file under `folder` into `archive`, under `top/`.
    public static func write(folder: URL, top: String, to archive: URL, skipping: Set<String> = []) throws {
        let files = Publisher.files(in: folder).filter { !skipping.contains($0) }
        guard files.count < 0xFFFF else { throw TooLarge() }
        var out = Data()
        var central = Data()
        for path in files {
            let body = try Data(contentsOf: folder.appendingPathComponent(path))
            guard body.count < 0xFFFF_FFFF, out.count < 0xFFFF_FFFF - body.count - 1024 else { throw TooLarge() }
            let name = Array((top + "/" + path).utf8)
            let crc = crc32(body)
            let offset = UInt32(out.count)
            // Local file header.
            out.append(le32(0x0403_4B50)); out.append(le16(20)); out.append(le16(0x0800)); out.append(le16(0))
            out.append(le16(0)); out.append(le16(0x21))  // time 00:00:00, date 1980-01-01: deterministic archives
            out.append(le32(crc)); out.append(le32(UInt32(body.count))); out.append(le32(UInt32(body.count)))
            out.append(le16(UInt16(name.count))); out.append(le16(0))
            out.append(contentsOf: name)
            out.append(body)
            // Its central directory entry.
            central.append(le32(0x0201_4B50)); central.append(le16(0x031E)); central.append(le16(20)); central.append(le16(0x0800))
            central.append(le16(0)); central.append(le16(0)); central.append(le16(0x21))
            central.append(le32(crc)); central.append(le32(UInt32(body.count))); central.append(le32(UInt32(body.count)))
            central.append(le16(UInt16(name.count))); central.append(le16(0)); central.append(le16(0)); central.append(le16(0))
            central.append(le16(0)); central.append(le32(0o100644 << 16)); central.append(le32(offset))
            central.append(contentsOf: name)
        }
        let centralOffset = UInt32(out.count)
        out.append(central)
        out.append(le32(0x0605_4B50)); out.append(le16(0)); out.append(le16(0))
        out.append(le16(UInt16(files.count))); out.append(le16(UInt16(files.count)))
        out.append(le32(UInt32(central.count))); out.append(le32(centralOffset)); out.append(le16(0))
        let temporary = archive.deletingLastPathComponent().appendingPathComponent(".\(archive.lastPathComponent).tmp-\(getpid())")
        try out.write(to: temporary)
        guard rename(temporary.path, archive.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    private static func le16(_ v: UInt16) -> Data { Data([UInt8(v & 0xFF), UInt8(v >> 8)]) }
    private static func le32(_ v: UInt32) -> Data { Data((0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) }) }

    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
