import Foundation

/// `portal init`: a small portal that builds at once, for a new team to start from. Its files are
/// the editors' starting points (site.yml, two guidance pages, an empty registry with the list's
/// headings, contacts to fill in), each saying in Japanese what to change; the templates are
/// copied from the ones this portal was built with.
public enum StarterPortal {
    /// Files of the content folder, by path inside it.
    public static func contentFiles(title: String, today: LocalDate) -> [(path: String, text: String)] {
        [
            ("site.yml", siteYAML(title: title)),
            ("guidance/getting-started.md", gettingStarted(today: today)),
            ("guidance/first-response.md", firstResponse(today: today)),
            ("services/categories.yml", categories),
            ("services/services.csv", "\u{FEFF}サービス名,事業者名,登録年月日,サービス種別,審査登録機関,ペネトレーションテスト,URL,概要\r\n"),
            ("contacts.yml", contacts),
        ]
    }

    public enum Failure: Error, Equatable {
        /// Something is already there; nothing was written.
        case exists(String)
        /// The templates to copy were not found.
        case noTemplates(String)
        case write(String, String)
    }

    /// Writes the starter into `folder` (created if needed): `content/` and `templates/`. Refuses,
    /// writing nothing, if either is already there. Answers the paths written, relative to `folder`.
    public static func write(to folder: URL, templates: URL, title: String, today: LocalDate) throws(Failure) -> [String] {
        let fm = FileManager.default
        for name in ["content", "templates"] where fm.fileExists(atPath: folder.appendingPathComponent(name).path) {
            throw .exists(name)
        }
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: templates.appendingPathComponent("page.mustache").path),
              fm.fileExists(atPath: templates.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .noTemplates(templates.path)
        }
        var written: [String] = []
        do {
            for file in contentFiles(title: title, today: today) {
                let url = folder.appendingPathComponent("content").appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
                written.append("content/" + file.path)
            }
            try fm.copyItem(at: templates, to: folder.appendingPathComponent("templates"))
            written.append("templates/")
        } catch {
            throw .write(folder.path, error.localizedDescription)
        }
        return written
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func siteYAML(title: String) -> String {
        """
        # ポータル全体の設定。値を変えたら portal build で再生成します。
        title: \(quoted(title))
        description: 社内向けのサイバーセキュリティの手引きです。
        language: ja
        # この日数より古いページは、portal check が見直しの対象として知らせます
        review_after_days: 365
        # 基準適合サービスリスト（services/services.csv）：IPA が公開するリストをダウンロードして差し替えます。
        # リストの時点（年-月 または 年-月-日）と入手したページの URL を書くと、一覧ページに出典として表示されます。
        # registry:
        #   as_of: 2024-12
        #   source_url: https://…
        # ガイダンスを読者・目的ごとに分けるグループ（この順に並びます）。各ページは front matter の group: で所属を書きます。
        guidance_groups: [はじめに, インシデント対応]

        """
    }

    static func gettingStarted(today: LocalDate) -> String {
        """
        ---
        title: このポータルの使い方
        summary: ポータルの構成と、内容を更新する手順を説明します。
        updated: \(today)
        group: はじめに
        order: 1
        ---

        このポータルは、社内の誰もがネットワークにつながらない状態でも開ける、サイバーセキュリティの手引きです。

        ## ページを追加する

        1. `portal new page guidance/ページ名.md --title "ページの題名"` を実行します。
        2. できたファイルを開き、本文を Markdown で書きます。
        3. `portal build` を実行し、`output/index.html` をブラウザーで開いて確認します。

        ## 表も書けます

        | 作業 | 担当 | 頻度 |
        |:--|:--|--:|
        | バックアップの確認 | 情報システム部門 | 毎週 |
        | 連絡先の見直し | 総務部 | 年1回 |

        - [ ] 連絡先（contacts.yml）の「要記入」を埋める
        - [ ] 基準適合サービスリスト（services/services.csv）を IPA 公開のリストに差し替える

        """
    }

    static func firstResponse(today: LocalDate) -> String {
        """
        ---
        title: 異常に気づいたら
        summary: 不審な画面やファイルに気づいたときに、最初にすることをまとめます。
        updated: \(today)
        group: インシデント対応
        order: 1
        ---

        ## 最初にすること

        1. 端末をネットワークから切り離します（LAN ケーブルを抜く、Wi-Fi を切る）。電源は切りません。
        2. ポータルの「連絡先」ページにある社内の窓口に、気づいた時刻と画面の様子を伝えます。
        3. 画面を写真に撮るなど、見たものを記録します。

        ## してはいけないこと

        - 自分の判断でファイルを削除したり、端末を初期化したりしない
        - 脅迫文に書かれた連絡先に連絡しない

        """
    }

    static let contacts = """
        # 連絡先一覧。「要記入」の行に自社の情報を書き、placeholder: true の行を消してください。
        groups:
          - id: internal
            title: 社内連絡先
            description: インシデントに気づいた社員が、社内で最初に連絡する相手です。
            entries:
              - organization: 自社 情報システム部門（要記入）
                department: 情報システム担当
                purpose: 不審なメール・画面表示や、ファイルが開けないなどの異常に気づいたら、まず連絡する窓口。
                notes: 電話番号とメールアドレスを記入し、placeholder の行を削除してください。
                placeholder: true
          - id: report
            title: 被害発生時の通報・相談
            description: サイバー攻撃の被害が出たとき、または疑われるときに連絡する窓口です。
            entries:
              - organization: 都道府県警察
                department: サイバー犯罪相談窓口
                purpose: ランサムウェアなどの被害が起きたら、すぐに通報・相談してください。
                url: https://www.npa.go.jp/bureau/cyber/soudan.html

        """

    static let categories = """
        # 情報セキュリティサービス基準適合サービスリストのサービス種別（全5種、オプション1種）。
        # 出典：経済産業省「情報セキュリティサービス基準」、IPA 公開の基準適合サービスリスト（2024年12月現在）
        # id は変えないでください（services.csv の category 列や URL に使われます）。
        # aliases には、取り込むファイルに現れうる別表記を並べます。
        categories:
          - id: audit
            name: 情報セキュリティ監査サービス
            label: 監査
            description: 組織の情報セキュリティ管理体制や対策の実施状況を、基準に照らして第三者が点検・評価するサービスです。
            order: 1
            aliases: [監査, 情報セキュリティ監査, セキュリティ監査, セキュリティ監査サービス]
            pentest_option: false

          - id: vulnerability
            name: 脆弱性診断サービス
            label: 脆弱性診断
            description: Webアプリケーションやネットワーク機器などに潜む弱点を洗い出し、危険度と対策を報告するサービスです（ペネトレーションテストはオプション）。
            order: 2
            aliases: [脆弱性診断, ぜい弱性診断, ぜい弱性診断サービス]
            pentest_option: true

          - id: forensics
            name: デジタルフォレンジックサービス
            label: フォレンジック
            description: インシデントの発生後に端末やログなどの証拠を保全・解析し、被害の範囲や原因を明らかにするサービスです。
            order: 3
            aliases: [フォレンジック, デジタルフォレンジック, デジタル・フォレンジック, フォレンジックサービス]
            pentest_option: false

          - id: monitoring
            name: セキュリティ監視・運用サービス
            label: 監視・運用
            description: ネットワークや端末を常時監視し、攻撃の兆候を検知して通知・対処の支援を行うサービスです。
            order: 4
            aliases: [監視・運用, セキュリティ監視・運用, セキュリティ監視, セキュリティ運用, 監視運用]
            pentest_option: false

          - id: device
            name: 機器検証サービス
            label: 機器検証
            description: IoT機器などの製品を対象に、セキュリティ上の問題がないかを検証して報告するサービスです。
            order: 5
            aliases: [機器検証]
            pentest_option: false

        """
}
