import PortalMarkdown

/// The report pages: the risk heat map and register, and the maturity radar with its table.
struct ReportPages {
    static let riskPath = SitePath("reports/risk.html")
    static let maturityPath = SitePath("reports/maturity.html")

    let context: PageContext

    func risk(_ r: RiskAssessment) -> [String: Any] {
        let path = Self.riskPath
        var c = context.base(at: path, title: "リスク評価", description: "攻撃シナリオごとの発生可能性と影響から求めたリスクの一覧",
                             breadcrumbs: [("ホーム", PageContext.homePath)])
        let maxValue = max(r.matrix.values.flatMap(\.values).max() ?? 1, 1)
        // Rows from the highest likelihood down, like the usual heat map.
        let rows: [[String: Any]] = r.likelihood.reversed().map { l in
            ["likelihood": l, "cells": r.impact.map { i -> [String: Any] in
                let value = r.matrix[l]?[i] ?? 0
                let count = r.register.filter { $0.likelihood == l && $0.impact == i }.count
                return ["value": value, "name": r.levelName(value), "count": count, "hasEntries": count > 0,
                        "heat": "heat-\(Self.heat(value, max: maxValue))"]
            }]
        }
        let ranked = r.rankedRegister
        c["risk"] = [
            "impact": r.impact, "rows": rows,
            "counts": r.counts.map { ["value": $0.value, "name": r.levelName($0.value), "count": $0.count, "heat": "heat-\(Self.heat($0.value, max: maxValue))"] },
            "register": ranked.map { e -> [String: Any] in
                let v = r.risk(e)
                return ["category": e.category, "method": e.method, "system": e.system, "likelihood": e.likelihood, "impact": e.impact,
                        "value": v, "name": r.levelName(v), "heat": "heat-\(Self.heat(v, max: maxValue))",
                        "countermeasure": e.countermeasure, "owner": e.owner]
            },
            "categories": orderedUnique(ranked.map(\.category)),
            "systems": orderedUnique(ranked.map(\.system)),
            "total": r.register.count,
        ] as [String: Any]
        c["scripts"] = [["src": path.relativeURL(to: SitePath("assets/table-filter.js"))]]
        if r.sample { c["sampleNotice"] = SampleData.riskNotice }
        return c
    }

    /// Three heat classes whatever the scale: low, middle, high.
    static func heat(_ value: Int, max: Int) -> Int {
        guard max > 1 else { return 1 }
        return min(3, 1 + (value - 1) * 3 / max)
    }

    private func orderedUnique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    func maturity(_ m: MaturityReport) -> [String: Any] {
        let path = Self.maturityPath
        var c = context.base(at: path, title: "経営ガイドライン 重要10項目の成熟度", description: "重要10項目の実施状況の自己評価と目標との差",
                             breadcrumbs: [("ホーム", PageContext.homePath)])
        if m.sample { c["sampleNotice"] = SampleData.maturityNotice }
        guard let latest = m.latest else { return c }
        var series = [RadarChart.Series(name: "最新の評価（\(latest.date.japanese)）", cssClass: "series-latest", levels: latest.levels)]
        if let previous = m.previous {
            series.append(.init(name: "前回の評価（\(previous.date.japanese)）", cssClass: "series-previous", levels: previous.levels))
        }
        if !latest.target.isEmpty {
            series.append(.init(name: "目標", cssClass: "series-target", levels: latest.target))
        }
        let description = m.directives.map { d in
            "指示\(d.id) \(d.title)：\(latest.levels[d.id] ?? 0)" + (latest.target[d.id].map { "（目標 \($0)）" } ?? "")
        }.joined(separator: "、")
        c["maturity"] = [
            "latestDate": latest.date.japanese, "latestISO": latest.date.description, "notes": latest.notes,
            "previousDate": m.previous?.date.japanese ?? "", "hasPrevious": m.previous != nil, "hasTarget": !latest.target.isEmpty,
            "chartHTML": RadarChart.svg(m, series: series, description: description),
            "legend": series.map { ["name": $0.name, "cssClass": $0.cssClass] },
            "scale": (1...5).map { ["level": $0, "name": m.scale[$0] ?? ""] },
            "rows": m.directives.map { d -> [String: Any] in
                let level = latest.levels[d.id] ?? 0
                return ["id": d.id, "title": d.title, "level": level, "levelName": m.scale[level] ?? "",
                        "previous": m.previous?.levels[d.id].map(String.init) ?? "—",
                        "target": latest.target[d.id].map(String.init) ?? "—",
                        "gap": latest.target[d.id].map { String(max($0 - level, 0)) } ?? "—"]
            },
            "gaps": m.gaps.prefix(5).map { g in
                ["id": g.directive.id, "title": g.directive.title, "level": g.level, "target": g.target, "gap": g.target - g.level]
            },
            "hasGaps": !m.gaps.isEmpty,
            "history": m.assessments.reversed().map { ["date": $0.date.japanese, "iso": $0.date.description, "notes": $0.notes] },
        ] as [String: Any]
        return c
    }
}
