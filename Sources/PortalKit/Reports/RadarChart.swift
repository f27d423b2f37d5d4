import Foundation
import PortalMarkdown

/// The maturity radar as inline SVG: ten axes, rings for levels 1–5, the latest assessment as
/// a solid filled shape, the previous one dashed and the target dotted, so it reads in black
/// and white too. The table beside it holds the same numbers.
enum RadarChart {
    struct Series {
        var name: String
        var cssClass: String
        var levels: [Int: Int]
    }

    static func svg(_ report: MaturityReport, series: [Series], description: String) -> String {
        let size = 520.0, center = 260.0, radius = 170.0
        let ids = report.directives.map(\.id)
        let shortNames = Dictionary(report.directives.map { ($0.id, $0.short) }) { a, _ in a }
        let n = Double(ids.count)
        func point(_ index: Int, _ level: Double) -> (Double, Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / n
            return (center + cos(angle) * radius * level / 5, center + sin(angle) * radius * level / 5)
        }
        func fmt(_ v: Double) -> String { String(format: "%.1f", v) }
        var svg = """
        <svg class="radar" role="img" aria-labelledby="radar-title radar-desc" viewBox="-140 0 \(Int(size) + 280) \(Int(size))" width="100%" preserveAspectRatio="xMidYMid meet">
        <title id="radar-title">重要10項目の成熟度（レーダーチャート）</title>
        <desc id="radar-desc">\(HTMLText.escape(description))</desc>

        """
        for level in 1...5 {
            let ring = ids.indices.map { point($0, Double(level)) }.map { "\(fmt($0.0)),\(fmt($0.1))" }.joined(separator: " ")
            svg += "<polygon class=\"radar-ring\" points=\"\(ring)\"/>\n"
            let p = point(0, Double(level))
            svg += "<text class=\"radar-scale\" x=\"\(fmt(p.0 + 4))\" y=\"\(fmt(p.1 - 2))\">\(level)</text>\n"
        }
        for (i, id) in ids.enumerated() {
            let end = point(i, 5)
            svg += "<line class=\"radar-axis\" x1=\"\(fmt(center))\" y1=\"\(fmt(center))\" x2=\"\(fmt(end.0))\" y2=\"\(fmt(end.1))\"/>\n"
            let label = point(i, 5.9)
            let anchor = abs(label.0 - center) < 10 ? "middle" : (label.0 > center ? "start" : "end")
            svg += "<text class=\"radar-label\" x=\"\(fmt(label.0))\" y=\"\(fmt(label.1 + 5))\" text-anchor=\"\(anchor)\">\(id) \(HTMLText.escape(shortNames[id] ?? "指示\(id)"))</text>\n"
        }
        for s in series {
            let pts = ids.enumerated().map { i, id in point(i, Double(s.levels[id] ?? 0)) }
            svg += "<polygon class=\"radar-series \(s.cssClass)\" points=\"\(pts.map { "\(fmt($0.0)),\(fmt($0.1))" }.joined(separator: " "))\"><title>\(HTMLText.escape(s.name))</title></polygon>\n"
            if s.cssClass == "series-latest" {
                for p in pts { svg += "<circle class=\"radar-dot\" cx=\"\(fmt(p.0))\" cy=\"\(fmt(p.1))\" r=\"4\"/>\n" }
            }
        }
        svg += "</svg>"
        return svg
    }
}
