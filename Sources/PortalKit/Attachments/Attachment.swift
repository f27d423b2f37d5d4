import Foundation

/// A file that is not a page: an image, a PDF, a spreadsheet. Copied to the same place in the
/// output byte for byte, and linked from pages with its type and size.
public struct Attachment: Sendable, Equatable {
    /// Path inside the content folder, e.g. `guidance/images/flow.svg` or `files/checklist.csv`.
    public var contentPath: String
    public var size: Int
    /// Width and height in CSS pixels, for images whose header says so.
    public var dimensions: ImageDimensions?

    public var outputPath: SitePath { SitePath(contentPath) }

    public var fileExtension: String {
        guard let dot = contentPath.lastIndex(of: "."), !contentPath[dot...].contains("/") else { return "" }
        return contentPath[contentPath.index(after: dot)...].lowercased()
    }

    /// A picture a page can show with `![…](…)`.
    public var isImage: Bool { ["png", "jpg", "jpeg", "gif", "webp", "svg"].contains(fileExtension) }

    /// What people call the file's type: "PDF", "Excel", "CSV".
    public var typeLabel: String {
        switch fileExtension {
        case "pdf": "PDF"
        case "xlsx", "xls", "xlsm": "Excel"
        case "docx", "doc": "Word"
        case "pptx", "ppt": "PowerPoint"
        case "csv": "CSV"
        case "txt": "テキスト"
        case "zip": "ZIP"
        case _ where isImage: "画像"
        case "": "ファイル"
        default: fileExtension.uppercased()
        }
    }

    /// Sizes as Japanese readers see them in Explorer: 1.2 MB, 350 KB, 900 バイト.
    public static func sizeLabel(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) バイト" }
        if bytes < 1024 * 1024 { return "\(Int((Double(bytes) / 1024).rounded())) KB" }
        return String(format: "%.1f MB", Double(bytes) / (1024 * 1024))
    }
}

public struct ImageDimensions: Sendable, Equatable {
    public var width: Int
    public var height: Int
}
