import PortalMarkdown

/// A small horizontal bar chart of the counts as inline SVG. It is labelled for screen readers and
/// the same numbers stand in a table beside it, so the chart is never the only way to read them.
enum RegistryChart {
    static func svg(_ counts: RegistryCounts) -> String {
        let rowHeight = 34
        let labelWidth = 150
        let barMax = 380
        let height = counts.rows.count * rowHeight + 10
        let maxCount = max(counts.rows.map(\.count).max() ?? 1, 1)
        let description = counts.rows.map { row in
            "\(row.category.label) \(row.count)件" + (row.pentest.map { "（うちペネトレーションテストあり \($0)件）" } ?? "")
        }.joined(separator: "、")
        var svg = """
        <svg class="bar-chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 \(labelWidth + barMax + 80) \(height)" width="100%" preserveAspectRatio="xMinYMin meet">
        <title id="chart-title">種別ごとのサービス数</title>
        <desc id="chart-desc">\(HTMLText.escape(description))</desc>

        """
        for (i, row) in counts.rows.enumerated() {
            let y = i * rowHeight + 5
            let width = row.count * barMax / maxCount
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 20)\" text-anchor=\"end\" class=\"chart-label\">\(HTMLText.escape(row.category.label))</text>\n"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(max(width, 1))\" height=\"22\" class=\"chart-bar\"/>\n"
            if let pentest = row.pentest, pentest > 0 {
                let pw = max(pentest * barMax / maxCount, 2)
                svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(pw)\" height=\"22\" class=\"chart-bar-option\"/>\n"
            }
            svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 20)\" class=\"chart-value\">\(row.count)</text>\n"
        }
        svg += "</svg>"
        return svg
    }
}
