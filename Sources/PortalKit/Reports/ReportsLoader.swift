/// Reads `reports/risk.yml` and `reports/maturity.yml`; every value off the scale is an error at
/// its line that lists the valid values.
enum ReportsLoader {
    static let riskKeys = ["likelihood", "impact", "matrix", "level_names", "register", "sample"]
    static let entryKeys = ["分類", "攻撃手法", "対象システム", "発生可能性", "影響", "対策", "担当"]

    static func risk(_ text: String, path: String, log: inout DiagnosticLog) -> RiskAssessment? {
        let source = YAMLSource(path: path)
        guard let map = YAMLMapping(source.parse(text, log: &log), source: source, what: .file("risk.yml"), log: &log) else { return nil }
        let before = log.entries.count
        map.rejectUnknownKeys(allowed: riskKeys, log: &log)
        let likelihood = map.stringList("likelihood", log: &log)
        let impact = map.stringList("impact", log: &log)
        if likelihood.isEmpty { log.add(source.diagnostic(map.mark, .noLevels("likelihood"))) }
        if impact.isEmpty { log.add(source.diagnostic(map.mark, .noLevels("impact"))) }
        var matrix: [String: [String: Int]] = [:]
        if let m = YAMLMapping.optional(map.value("matrix"), source: source, what: .value(of: "matrix"), log: &log) {
            m.rejectUnknownKeys(allowed: likelihood, log: &log)
            for l in likelihood {
                guard let row = YAMLMapping.optional(m.value(l), source: source, what: Wording("matrix row '\(l)'", ja: "matrix: の '\(l)' の行"), log: &log) else {
                    log.add(source.diagnostic(m.mark, .missingMatrixRow(l, impact: impact)))
                    continue
                }
                row.rejectUnknownKeys(allowed: impact, log: &log)
                for i in impact {
                    if let v = row.int(i, range: 1...99, log: &log) {
                        matrix[l, default: [:]][i] = v
                    } else if row.value(i) == nil {
                        log.add(source.diagnostic(row.mark, .missingMatrixCell(likelihood: l, impact: i)))
                    }
                }
            }
        } else {
            log.add(source.diagnostic(map.mark, .missingKey("matrix")))
        }
        var names: [Int: String] = [:]
        if let n = YAMLMapping.optional(map.value("level_names"), source: source, what: .value(of: "level_names"), log: &log) {
            for key in n.keys {
                guard let v = Int(key) else {
                    log.add(source.diagnostic(n.markOf(key), .badLevelName(key)))
                    continue
                }
                names[v] = n.string(key, log: &log)
            }
        }
        var register: [RiskAssessment.Entry] = []
        for e in map.mappings("register", what: "a register row", log: &log) {
            e.rejectUnknownKeys(allowed: entryKeys, log: &log)
            guard let category = e.string("分類", required: true, log: &log),
                  let method = e.string("攻撃手法", required: true, log: &log),
                  let system = e.string("対象システム", required: true, log: &log),
                  let l = e.string("発生可能性", required: true, log: &log),
                  let i = e.string("影響", required: true, log: &log)
            else { continue }
            var ok = true
            if !likelihood.isEmpty, !likelihood.contains(l) {
                log.add(source.diagnostic(e.valueMark("発生可能性"), .offScale("発生可能性", l, valid: likelihood)))
                ok = false
            }
            if !impact.isEmpty, !impact.contains(i) {
                log.add(source.diagnostic(e.valueMark("影響"), .offScale("影響", i, valid: impact)))
                ok = false
            }
            guard ok else { continue }
            register.append(.init(category: category, method: method, system: system, likelihood: l, impact: i,
                                  countermeasure: e.string("対策", log: &log) ?? "", owner: e.string("担当", log: &log) ?? "",
                                  line: e.mark?.line ?? 0))
        }
        guard !log.hasErrors(since: before) else { return nil }
        var assessment = RiskAssessment(likelihood: likelihood, impact: impact, matrix: matrix, levelNames: names, register: register)
        assessment.sample = map.bool("sample", log: &log) ?? false
        return assessment
    }

    static func maturity(_ text: String, path: String, log: inout DiagnosticLog) -> MaturityReport? {
        let source = YAMLSource(path: path)
        guard let map = YAMLMapping(source.parse(text, log: &log), source: source, what: .file("maturity.yml"), log: &log) else { return nil }
        let before = log.entries.count
        map.rejectUnknownKeys(allowed: ["scale", "directives", "assessments", "sample"], log: &log)
        var scale: [Int: String] = [:]
        for s in map.mappings("scale", what: "a scale level", log: &log) {
            s.rejectUnknownKeys(allowed: ["level", "name"], log: &log)
            guard let level = s.int("level", required: true, range: 1...5, log: &log), let name = s.string("name", required: true, log: &log) else { continue }
            if scale[level] != nil {
                log.add(source.diagnostic(s.valueMark("level"), .scaleLevelTwice(level)))
            }
            scale[level] = name
        }
        for level in 1...5 where scale[level] == nil {
            log.add(source.diagnostic(map.markOf("scale"), .unnamedScaleLevel(level)))
        }
        var directives: [MaturityReport.Directive] = []
        for d in map.mappings("directives", what: "a directive", log: &log) {
            d.rejectUnknownKeys(allowed: ["id", "title", "short"], log: &log)
            guard let id = d.int("id", required: true, log: &log), let title = d.string("title", required: true, log: &log) else { continue }
            guard (1...10).contains(id) else {
                log.add(source.diagnostic(d.valueMark("id"), .directiveOutOfRange(id)))
                continue
            }
            if directives.contains(where: { $0.id == id }) {
                log.add(source.diagnostic(d.valueMark("id"), .directiveRepeated(id)))
                continue
            }
            // An axis label longer than eight characters crowds the radar.
            let short = d.string("short", log: &log) ?? (title.count <= 8 ? title : nil)
            guard let short else {
                log.add(source.diagnostic(d.valueMark("title"), .directiveTitleTooLong(id), severity: .warning))
                directives.append(.init(id: id, title: title, short: "指示\(id)"))
                continue
            }
            directives.append(.init(id: id, title: title, short: short))
        }
        let missing = (1...10).filter { id in !directives.contains { $0.id == id } }
        if !missing.isEmpty, !directives.isEmpty {
            log.add(source.diagnostic(map.markOf("directives"), .missingDirectives(missing)))
        }
        var assessments: [MaturityReport.Assessment] = []
        for a in map.mappings("assessments", what: "an assessment", log: &log) {
            a.rejectUnknownKeys(allowed: ["date", "levels", "target", "notes"], log: &log)
            guard let date = a.date("date", required: true, log: &log) else { continue }
            let levels = levelMap(a, key: "levels", required: true, scale: scale, source: source, log: &log)
            let target = levelMap(a, key: "target", required: false, scale: scale, source: source, log: &log)
            assessments.append(.init(date: date, levels: levels, target: target, notes: a.string("notes", log: &log) ?? ""))
        }
        if assessments.isEmpty {
            log.add(source.diagnostic(map.mark, .noAssessments))
        }
        guard !log.hasErrors(since: before) else { return nil }
        var report = MaturityReport(scale: scale, directives: directives.sorted { $0.id < $1.id }, assessments: assessments.sorted { $0.date < $1.date })
        report.sample = map.bool("sample", log: &log) ?? false
        return report
    }

    /// `{1: 3, 2: 2, …}`: directive id → level 1–5.
    private static func levelMap(_ a: YAMLMapping, key: String, required: Bool, scale: [Int: String], source: YAMLSource,
                                 log: inout DiagnosticLog) -> [Int: Int] {
        guard let m = YAMLMapping.optional(a.value(key), source: source, what: .value(of: key), log: &log) else {
            if required { log.add(source.diagnostic(a.mark, .missingKey(key))) }
            return [:]
        }
        var out: [Int: Int] = [:]
        for k in m.keys {
            guard let id = Int(k), (1...10).contains(id) else {
                log.add(source.diagnostic(m.markOf(k), .levelDirectiveOutOfRange(key, id: k)))
                continue
            }
            guard let level = m.int(k, log: &log) else { continue }
            guard (1...5).contains(level) else {
                let valid = (1...5).map { "\($0) \(scale[$0] ?? "")".trimmed() }.joined(separator: ", ")
                log.add(source.diagnostic(m.valueMark(k), .levelOutOfRange(key, directive: id, level: level, valid: valid)))
                continue
            }
            out[id] = level
        }
        if required {
            let missing = (1...10).filter { out[$0] == nil && m.value(String($0)) == nil }
            if !missing.isEmpty {
                log.add(source.diagnostic(m.mark, .missingLevels(key, directives: missing)))
            }
        }
        return out
    }
}
