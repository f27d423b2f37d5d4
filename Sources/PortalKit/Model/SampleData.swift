/// Data marked `sample: true` is example data, not the company's or the list IPA publishes: the
/// pages showing it say so in a banner, and every build says so once per file (a warning, so
/// `--strict` refuses to publish it).
enum SampleData {
    static let registryNotice = "これはサンプルデータです。サービス名・事業者・URL は架空のもので、実際の基準適合サービスリストではありません。公開されているリストに差し替えてから使ってください。"
    static let riskNotice = "これはサンプルデータです。架空の会社の評価例で、自社のリスク評価ではありません。"
    static let maturityNotice = "これはサンプルデータです。架空の自己評価で、自社の成熟度ではありません。"

    static let pageNotice = "これはサンプルのページです。自社の実際の手順や情報ではありません。自社の内容に書き換えてから使ってください。"

    static func warning(_ path: String) -> Diagnostic {
        .warning(.load, path: path, .sampleData)
    }

    /// 2024-12 → 2024年12月現在; 2024-12-12 → 2024年12月12日現在; nil when not such a date.
    static func asOfLabel(_ text: String) -> String? {
        let parts = text.split(separator: "-")
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), parts[0].count == 4, (1...12).contains(month)
        else { return nil }
        if parts.count == 3 {
            guard let day = Int(parts[2]), (1...31).contains(day) else { return nil }
            return "\(year)年\(month)月\(day)日現在"
        }
        return "\(year)年\(month)月現在"
    }
}
