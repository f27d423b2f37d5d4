/// Every catalogued message, by id, in English and Japanese. Ids are stable: they are printed
/// with the message and listed in the reference (`docs/messages.md`, generated from here), so an
/// editor can look one up. `{name}` is a placeholder; `[[…]]` is left out when a placeholder in it
/// is empty. E: errors, W: warnings; 01 YAML and data files, 02 front matter and pages, 03 links,
/// 04 the registry, 05 templates, 06 data to fill in, 07 attachments, images and Markdown blocks,
/// 08 the glossary, reports and other kinds, 09 the output. An id's number is not reused by the
/// other letter.
public enum MessageCatalogue {
    public struct Entry: Sendable {
        public var en: String
        public var ja: String
    }

    public static let entries: [String: Entry] = [
        "E0101": Entry(en: "YAML syntax: {problem}",
                       ja: "YAML の書き方に誤りがあります（{problem}）。この行か、その前の行を確かめてください"),
        "E0102": Entry(en: "unknown key '{key}'; [[did you mean '{near}'? ]]known keys: {known}",
                       ja: "キー '{key}' は使えません。[[もしかして '{near}'？ ]]使えるキー: {known}"),
        "E0103": Entry(en: "missing required key '{key}'",
                       ja: "必須のキー '{key}' がありません"),
        "E0104": Entry(en: "'{key}' must be a whole number, not '{value}'",
                       ja: "'{key}' には整数を書いてください（'{value}' は整数ではありません）"),
        "E0105": Entry(en: "'{key}' must be a date written YYYY-MM-DD (e.g. 2024-12-12), not '{value}'",
                       ja: "'{key}' には日付を YYYY-MM-DD の形で書いてください（例: 2024-12-12）。'{value}' は日付ではありません"),
        "E0106": Entry(en: "YAML: key '{keys}' appears more than once",
                       ja: "キー '{keys}' が 2 回以上書かれています。1 つにまとめてください"),
        "E0107": Entry(en: "YAML: {problem}",
                       ja: "YAML を読めませんでした（{problem}）。ファイルの書き方を確かめてください"),
        "E0108": Entry(en: "{what} must be a mapping of keys to values",
                       ja: "{what}は「キー: 値」の形で書いてください"),
        "E0109": Entry(en: "'{key}' must be {type}",
                       ja: "'{key}' には{type}を書いてください"),
        "E0110": Entry(en: "'{key}' must not be empty",
                       ja: "'{key}' が空です。値を書いてください"),
        "E0111": Entry(en: "'{key}' must be between {min} and {max}, not {value}",
                       ja: "'{key}' には {min} から {max} までの数を書いてください（{value} は範囲外です）"),
        "E0112": Entry(en: "'{key}' must be true or false, not '{value}'",
                       ja: "'{key}' には true か false を書いてください（'{value}' は使えません）"),
        "E0113": Entry(en: "'{key}' must be a list",
                       ja: "'{key}' はリスト（1 行に 1 つずつ '- ' で始めるか、[a, b] の形）で書いてください"),
        "E0114": Entry(en: "each entry of '{key}' must be a piece of text",
                       ja: "'{key}' の各項目には文字列を書いてください"),
        "E0115": Entry(en: "cannot read folder: {reason}",
                       ja: "フォルダーを読めません（{reason}）。アクセス権を確かめてください"),
        "E0116": Entry(en: "is a symbolic link to a place outside the content folder; copy the file in instead",
                       ja: "content フォルダーの外を指すシンボリックリンクです。リンクではなく、ファイルそのものをコピーしてください"),
        "E0117": Entry(en: "is a broken symbolic link",
                       ja: "リンク先のないシンボリックリンクです。リンクを直すか、消してください"),
        "E0118": Entry(en: "cannot read file: {reason}",
                       ja: "ファイルを読めません（{reason}）。アクセス権を確かめてください"),
        "E0119": Entry(en: "file is not valid UTF-8; save it as UTF-8",
                       ja: "ファイルが UTF-8 ではありません。文字コードを UTF-8 にして保存し直してください"),
        "E0120": Entry(en: "missing: every portal needs a site.yml with at least title:",
                       ja: "site.yml がありません。少なくとも title: を書いた site.yml を置いてください"),
        "E0121": Entry(en: "registry.as_of must be a year and month (2024-12) or a date (2024-12-12), not '{value}'",
                       ja: "registry.as_of には年月（2024-12）か日付（2024-12-12）を書いてください（'{value}' は使えません）"),
        "E0122": Entry(en: "registry.source_url must be an http(s) address, not '{value}'",
                       ja: "registry.source_url には http:// か https:// で始まるアドレスを書いてください（'{value}' は使えません）"),
        "E0123": Entry(en: "registry.encoding must be auto, utf-8 or shift_jis, not '{value}'",
                       ja: "registry.encoding には auto、utf-8、shift_jis のどれかを書いてください（'{value}' は使えません）"),
        "E0124": Entry(en: "navigation path '{path}' must be a page of the portal, relative to its root (e.g. guidance/overview.html)",
                       ja: "navigation の path '{path}' には、ポータルのページをトップからの相対パスで書いてください（例: guidance/overview.html）"),
        "E0125": Entry(en: "url '{url}' must start with http:// or https://",
                       ja: "url '{url}' は http:// か https:// で始めてください"),
        "E0126": Entry(en: "a full-width colon '：' does not end a key: write a half-width ':' and a space (title: …)",
                       ja: "キーのあとの '：' が全角です。半角の ':' と半角スペースにしてください（例: title: …）"),
        "E0127": Entry(en: "the space after ':' is a full-width space: use a half-width space",
                       ja: "':' のあとのスペースが全角です。半角スペースにしてください"),
        "E0128": Entry(en: "the line is indented with a full-width space: indent with half-width spaces",
                       ja: "行の始めに全角スペースがあります。字下げは半角スペースで書いてください"),
        "E0129": Entry(en: "the line is indented with a tab: indent with spaces",
                       ja: "行の始めにタブがあります。字下げは半角スペースで書いてください"),
        "E0131": Entry(en: "no space after the ':' that ends the key: write ': ' (a colon and a half-width space) between a key and its value",
                       ja: "キーのあとの ':' に半角スペースが続いていません。キーと値の間は ': '（':' と半角スペース）で区切ってください（例: title: …）"),
        "E0130": Entry(en: "URL '{url}' was left unfinished (an ellipsis '…' or an empty host name): write the real address",
                       ja: "URL '{url}' は書きかけのままです（「…」か、空のホスト名があります）。実際のアドレスを書いてください"),
        "E0201": Entry(en: "front matter is never closed: add a line '---' after it",
                       ja: "front matter が閉じていません。最後に '---' だけの行を加えてください"),
        "W0202": Entry(en: "unknown front-matter key '{key}' is ignored: did you mean '{near}'?",
                       ja: "front matter のキー '{key}' は使えないので無視しました。もしかして '{near}'？"),
        "W0203": Entry(en: "unknown front-matter key '{key}' is ignored: to keep it, move it under extra: (templates read it as page.extra.{key})",
                       ja: "front matter のキー '{key}' は使えないので無視しました。残すには extra: の下に移してください（テンプレートでは page.extra.{key} で読めます）"),
        "E0204": Entry(en: "no title: start the file with a heading ('# タイトル') or with front matter (a line '---', title: and updated:, another '---')",
                       ja: "題名がありません。ファイルを見出し（'# タイトル'）か front matter（'---' の行、title: と updated:、'---' の行）で始めてください"),
        "E0205": Entry(en: "group '{group}' is not one of site.yml's guidance_groups[[ (did you mean '{near}'?)]] ({known})",
                       ja: "グループ '{group}' は site.yml の guidance_groups にありません。[[もしかして '{near}'？]]（{known}）"),
        "E0206": Entry(en: "group '{group}' is not one of site.yml's guidance_groups (there are none: add guidance_groups: to site.yml)",
                       ja: "グループ '{group}' は site.yml の guidance_groups にありません（guidance_groups がありません。site.yml に加えてください）"),
        "E0207": Entry(en: "duplicate slug '{slug}': {earlier} already uses it; set a different slug:",
                       ja: "slug '{slug}' は {earlier} がすでに使っています。別の slug: を付けてください"),
        "E0208": Entry(en: "source url must start with http:// or https://, not '{url}'",
                       ja: "出典（sources:）の url は http:// か https:// で始めてください（'{url}' は使えません）"),
        "E0209": Entry(en: "slug '{slug}' may hold only lower-case ASCII letters, digits, '-' and '_' (no '/', '..' or Japanese)",
                       ja: "slug '{slug}' には半角の英小文字・数字・'-'・'_' だけを使ってください（'/'、'..'、日本語は使えません）"),
        "E0210": Entry(en: "file name '{name}' cannot be used in a URL: add slug: with lower-case ASCII letters, digits and '-' (e.g. slug: incident-response)",
                       ja: "ファイル名 '{name}' は URL に使えません。front matter に、半角の英小文字・数字・'-' で slug: を加えてください（例: slug: incident-response）"),
        "E0211": Entry(en: "no date: add front matter with updated: YYYY-MM-DD",
                       ja: "日付がありません。front matter を加えて updated: YYYY-MM-DD を書いてください"),
        "E0212": Entry(en: "file name '{name}' cannot be used in a URL: rename it with lower-case ASCII letters, digits and '-', or add front matter with slug:",
                       ja: "ファイル名 '{name}' は URL に使えません。半角の英小文字・数字・'-' の名前に変えるか、front matter を加えて slug: を書いてください"),
        "E0213": Entry(en: "contacts: no contact group '{group}' in contacts.yml; groups are {known}",
                       ja: "contacts: の '{group}' は contacts.yml のグループにありません。contacts.yml にあるグループの id を書いてください[[（あるグループ: {known}）]]"),
        "E0214": Entry(en: "slug 'index' is taken by the list of guidance pages; choose another",
                       ja: "slug 'index' はガイダンスの一覧ページが使っています。別の slug を付けてください"),
        "W0215": Entry(en: "last updated {date} ({days} days ago, over review_after_days: {limit}): review the page and update its date",
                       ja: "最終更新が {date}（{days} 日前）で、review_after_days: {limit} を過ぎています。内容を見直して、日付を更新してください"),
        "W0216": Entry(en: "title '{title}' is also the title of {earlier}; readers cannot tell them apart in lists and search",
                       ja: "題名 '{title}' は {earlier} の題名と同じです。一覧や検索で見分けられないので、どちらかの題名を変えてください"),
        "W0217": Entry(en: "this looks like a page but its name does not end in .md, so it is not built as one and is copied as it is: rename it '{name}'",
                       ja: "ページの原稿のようですが、名前が .md で終わらないのでページになりません（そのままの形でコピーされます）。名前を '{name}' に変えてください"),
        "W0219": Entry(en: "the front matter's fence is typed with full-width dashes: write three half-width hyphens '---' (read as one)",
                       ja: "front matter の区切りが全角の記号（ーーー など）で書かれています。半角のハイフン 3 つ '---' にしてください（--- として読みました）"),
        "W0218": Entry(en: "the entry of '{key}' holds '{comma}': entries of [ … ] are separated by a half-width ',' ([a, b]), so this is one entry",
                       ja: "'{key}' の項目に「{comma}」があります。[ … ] の項目は半角の ',' で区切るので（[a, b]）、これは 1 つの項目として読まれます"),
        "E0301": Entry(en: "link to missing page '{target}'[[; did you mean '{near}'?]]",
                       ja: "リンク先のページ '{target}' がありません。[[もしかして '{near}'？]]"),
        "E0302": Entry(en: "page '{target}' has no heading with id '{id}'[[; did you mean '#{near}'?]]",
                       ja: "ページ '{target}' に id が '{id}' の見出しはありません。[[もしかして '#{near}'？]]"),
        "E0303": Entry(en: "link to missing file '{target}' (looked for {looked} in the content folder)[[; did you mean '{near}'?]]",
                       ja: "リンク先のファイル '{target}' がありません（content フォルダーの {looked} を探しました）。[[もしかして '{near}'？]]"),
        "E0304": Entry(en: "link has no destination",
                       ja: "リンク先が書かれていません。[文字](リンク先) の ( ) の中にリンク先を書いてください"),
        "W0311": Entry(en: "link to '{destination}' removed: a place on your own computer or network opens for no one else; put the file in the content folder (e.g. content/files/) and link it relatively",
                       ja: "'{destination}' へのリンクは外しました。自分のパソコンや社内の共有フォルダーの場所は、ほかの人には開けません。ファイルを content フォルダー（例: content/files/）に置いて、相対パスでリンクしてください"),
        "W0312": Entry(en: "'{destination}' separates folders with \\; read as '{fixed}': write / as on the web",
                       ja: "'{destination}' はフォルダーの区切りに \\ を使っています。'{fixed}' として読みました。区切りは / で書いてください"),
        "W0305": Entry(en: "link with scheme '{scheme}:' removed; only http(s), mailto and tel links are kept",
                       ja: "'{scheme}:' で始まるリンクは外しました。使えるのは http(s)、mailto、tel のリンクだけです"),
        "E0306": Entry(en: "link '{destination}' has no scheme; write https:// in full",
                       ja: "リンク '{destination}' に https: がありません。https:// から書いてください"),
        "E0307": Entry(en: "no heading with id '{id}' on this page",
                       ja: "このページに id が '{id}' の見出しはありません。見出しの id を確かめてください"),
        "E0308": Entry(en: "'{target}' has no entry with id '{id}'[[; did you mean '#{near}'?]]",
                       ja: "'{target}' に id が '{id}' の項目はありません。id を確かめてください[[。もしかして '#{near}'？]]"),
        "E0309": Entry(en: "link to '{target}' leads outside the content folder",
                       ja: "リンク '{target}' は content フォルダーの外を指しています。フォルダーの中のファイルにリンクしてください"),
        "E0310": Entry(en: "navigation path '{path}' is not a page of the portal",
                       ja: "navigation の path '{path}' はポータルのページではありません。site.yml の navigation: を直してください"),
        "E0401": Entry(en: "unknown category '{value}'; [[did you mean '{near}'? ]]valid: {valid}; a name the list uses for one of them can be added to its aliases in services/categories.yml",
                       ja: "サービス種別 '{value}' はありません。[[もしかして '{near}'？ ]]使える種別: {valid}。リストがこの名前で書いている種別なら、services/categories.yml のその種別の aliases に加えてください"),
        "E0402": Entry(en: "registered_on '{value}' is not a date (2024/12/12, 2024-12-12 or an Excel date number)",
                       ja: "登録年月日 '{value}' は日付ではありません（2024/12/12、2024-12-12 または Excel の日付の数値で書きます）"),
        "E0403": Entry(en: "'{field}' is empty; it is required",
                       ja: "'{field}' が空です。必ず書いてください"),
        "E0404": Entry(en: "missing: the registry needs its categories",
                       ja: "categories.yml がありません。基準適合サービスの一覧には、サービス種別を書いた categories.yml が必要です"),
        "E0405": Entry(en: "missing: the registry needs services.csv (or services.xlsx)",
                       ja: "services.csv がありません。基準適合サービスの一覧には services.csv（または services.xlsx）が必要です"),
        "E0406": Entry(en: "both services.csv and services.xlsx are in services/: keep the one with the current list",
                       ja: "services/ に services.csv と services.xlsx の両方があります。最新のリストの方だけを残してください"),
        "E0407": Entry(en: "cannot read the workbook",
                       ja: "ブックを読めません。アクセス権を確かめてください"),
        "E0408": Entry(en: "file is not valid UTF-8 (site.yml says registry.encoding: utf-8)",
                       ja: "ファイルが UTF-8 ではありません（site.yml では registry.encoding: utf-8 です）。UTF-8 で保存し直すか、registry.encoding を直してください"),
        "E0409": Entry(en: "file is not valid Shift_JIS (site.yml says registry.encoding: shift_jis)",
                       ja: "ファイルが Shift_JIS ではありません（site.yml では registry.encoding: shift_jis です）。Shift_JIS で保存し直すか、registry.encoding を直してください"),
        "E0410": Entry(en: #"file is neither UTF-8 nor Shift_JIS (CP932); save it as "CSV UTF-8" from Excel, or set registry.encoding in site.yml"#,
                       ja: "ファイルが UTF-8 でも Shift_JIS（CP932）でもありません。Excel で「CSV UTF-8」として保存し直すか、site.yml の registry.encoding を設定してください"),
        "E0411": Entry(en: "category id '{id}' may hold only lower-case ASCII letters, digits, '-' and '_'",
                       ja: "種別の id '{id}' には半角の英小文字・数字・'-'・'_' だけを使ってください"),
        "E0412": Entry(en: "duplicate category id '{id}' (first on line {line})",
                       ja: "種別の id '{id}' が重複しています（最初は {line} 行目）。別の id にしてください"),
        "E0413": Entry(en: "no categories: list them under categories:",
                       ja: "サービス種別がありません。categories: の下に並べてください"),
        "E0414": Entry(en: #"a quote inside an unquoted field: quote the whole field and double the quote ("")"#,
                       ja: #"'"' で囲んでいない欄の中に '"' があります。欄全体を '"' で囲み、中の '"' は 2 つ重ねて（""）ください"#),
        "E0415": Entry(en: "text after a closing quote: a quoted field must end at a comma or line end",
                       ja: #"閉じの '"' のあとに文字があります。'"' で囲んだ欄は、閉じの '"' のすぐあとをカンマか行末にしてください"#),
        "E0416": Entry(en: "a quoted field is never closed",
                       ja: #"'"' で始まる欄が閉じていません。欄の終わりに '"' を加えてください"#),
        "E0417": Entry(en: "the file is empty: it needs a header row ({columns})",
                       ja: "ファイルが空です。見出しの行（{columns}）を書いてください"),
        "E0418": Entry(en: "is not a readable .xlsx workbook (damaged, or protected with a password: save an unprotected copy)",
                       ja: "読める .xlsx のブックではありません（壊れているか、パスワードで保護されています）。保護を外したコピーを保存してください"),
        "E0419": Entry(en: "is damaged: {part} cannot be read",
                       ja: "ブックが壊れています（{part} を読めません）。Excel で開いて保存し直してください"),
        "E0420": Entry(en: "is damaged: {part} is not UTF-8 text",
                       ja: "ブックが壊れています（{part} が UTF-8 のテキストではありません）。Excel で開いて保存し直してください"),
        "E0421": Entry(en: "is not an .xlsx workbook (no xl/workbook.xml)",
                       ja: ".xlsx のブックではありません（xl/workbook.xml がありません）。Excel で .xlsx 形式で保存し直してください"),
        "E0422": Entry(en: "has no sheets",
                       ja: "ブックにシートがありません。リストのシートがあるブックを置いてください"),
        "E0423": Entry(en: "has no sheet named '{sheet}'; its sheets are {sheets}",
                       ja: "'{sheet}' という名前のシートはありません（このブックのシート: {sheets}）。site.yml の registry.sheet を直してください"),
        "E0424": Entry(en: "is damaged: sheet '{sheet}' is missing",
                       ja: "ブックが壊れています（シート '{sheet}' がありません）。Excel で開いて保存し直してください"),
        "E0425": Entry(en: "is damaged: sheet '{sheet}' is not well-formed XML",
                       ja: "ブックが壊れています（シート '{sheet}' の XML が正しくありません）。Excel で開いて保存し直してください"),
        "E0426": Entry(en: "is damaged: cell {cell} refers to a missing shared string",
                       ja: "ブックが壊れています（セル {cell} の文字列が見つかりません）。Excel で開いて保存し直してください"),
        "E0427": Entry(en: "the sheet is empty: it needs a header row (サービス名, 事業者名, 登録年月日, サービス種別, 審査登録機関)",
                       ja: "シートが空です。見出しの行（サービス名、事業者名、登録年月日、サービス種別、審査登録機関）を書いてください"),
        "E0428": Entry(en: "merged cells in the header row: unmerge them so that each heading names one column",
                       ja: "見出しの行に結合されたセルがあります。結合を解除し、1 つの見出しが 1 つの列を表すようにしてください"),
        "E0429": Entry(en: "two columns give '{field}' ('{heading}' and an earlier one); keep one",
                       ja: "'{field}' にあたる列が 2 つあります（'{heading}' とその前の列）。1 つだけ残してください"),
        "W0430": Entry(en: "columns ignored: {ignored} (known: サービス名, 事業者名, 登録年月日, サービス種別, 審査登録機関, ペネトレーションテスト, URL, 概要, or {columns})",
                       ja: "列 {ignored} は読まずに無視しました（読む列: サービス名、事業者名、登録年月日、サービス種別、審査登録機関、ペネトレーションテスト、URL、概要、または {columns}）"),
        "E0431": Entry(en: "missing column '{heading}' ('{field}') in the header",
                       ja: "見出しの行に列 '{heading}'（'{field}'）がありません。この列を加えてください"),
        "E0432": Entry(en: "this row has {count} fields but the header has {expected}",
                       ja: "この行の欄は {count} 個ですが、見出しは {expected} 個です。欄の数を見出しに合わせてください"),
        "W0433": Entry(en: "a formula: its last computed value is used; paste values instead",
                       ja: "数式のセルです。最後に計算された値を使いました。値として貼り付け直してください"),
        "E0434": Entry(en: "the same service name and provider as line {line} ('{name}', '{provider}'): the row is listed twice",
                       ja: "{line} 行目とサービス名・事業者名が同じです（'{name}'、'{provider}'）。同じ行が 2 回あるので、1 つを消してください"),
        "E0435": Entry(en: "duplicate id '{id}' (first on line {line})",
                       ja: "id '{id}' が重複しています（最初は {line} 行目）。別の id にしてください"),
        "E0436": Entry(en: "pentest '{value}' must be あり or なし (also 有/無, はい/いいえ, ○/×, true/false), or empty",
                       ja: "ペネトレーションテストの欄 '{value}' には あり か なし（有/無、はい/いいえ、○/×、true/false も可）を書くか、空にしてください"),
        "E0437": Entry(en: "the pentest column says {says} but サービス種別 '{category}' says {marked}; make them agree",
                       ja: "ペネトレーションテストの列は「{says}」ですが、サービス種別 '{category}' では「{marked}」です。どちらかを直して合わせてください"),
        "E0438": Entry(en: "pentest is true, but category '{category}' has no penetration-testing option",
                       ja: "ペネトレーションテストが true ですが、サービス種別 '{category}' にはペネトレーションテストの区分がありません。値か種別を直してください"),
        "E0439": Entry(en: "サービス種別 '{value}' marks penetration testing, but category '{category}' has no such option",
                       ja: "サービス種別 '{value}' にペネトレーションテストの記載がありますが、種別 '{category}' にはその区分がありません。サービス種別の表記を直してください"),
        "E0440": Entry(en: "no registry: add services/categories.yml and services/services.csv",
                       ja: "基準適合サービスの一覧がありません。services/categories.yml と services/services.csv を置いてください"),
        "E0501": Entry(en: "template '{template}' uses missing partial '{partial}' (expected {expected})[[ (did you mean '{near}'?)]]",
                       ja: "テンプレート '{template}' が使っている部品 '{partial}' がありません（{expected} が必要です）。[[もしかして '{near}'？]]"),
        "E0502": Entry(en: "template syntax: {problem}",
                       ja: "テンプレートの書き方に誤りがあります（{problem}）"),
        "E0503": Entry(en: "missing template '{name}': every portal needs {required}",
                       ja: "テンプレート '{name}' がありません。ポータルには {required} が必要です"),
        "E0504": Entry(en: "cannot read the templates folder: {reason}",
                       ja: "templates フォルダーを読めません（{reason}）。フォルダーの場所とアクセス権を確かめてください"),
        "E0505": Entry(en: "cannot read the template as UTF-8 text",
                       ja: "テンプレートを UTF-8 のテキストとして読めません。UTF-8 で保存し直してください"),
        "E0506": Entry(en: "template '{name}' could not be rendered",
                       ja: "テンプレート '{name}' でページを作れませんでした。テンプレートの内容を確かめてください"),
        "E0507": Entry(en: "missing template '{name}'",
                       ja: "テンプレート '{name}' がありません。templates フォルダーに加えてください"),
        "E0508": Entry(en: "cannot read asset",
                       ja: "アセットのファイルを読めません。アクセス権を確かめてください"),
        "W0610": Entry(en: "'{data}' is sample data (registry.sample: true, here): every page of the list carries a banner saying so; put the real list in and set this to false before publishing",
                       ja: "'{data}' はサンプルデータです（ここの registry.sample: true）。一覧のページには「サンプル」の帯が付きます。公開前に実際のリストに差し替え、ここを false にしてください"),
        "W0601": Entry(en: "sample data (sample: true): every page showing it carries a banner saying so; put the real data in and remove sample: true before publishing",
                       ja: "サンプルデータです（sample: true）。表示するページには「サンプル」の帯が付きます。公開前に実際のデータに差し替え、sample: true を消してください"),
        "W0602": Entry(en: "contact '{name}' is a placeholder: fill in its details and remove 'placeholder: true'",
                       ja: "連絡先 '{name}' はまだ記入されていません。内容を書き、'placeholder: true' を消してください"),
        "W0603": Entry(en: "no services yet: download the list IPA publishes (情報セキュリティサービス基準適合サービスリスト) and put it here",
                       ja: "サービスがまだありません。IPA が公開している情報セキュリティサービス基準適合サービスリストをダウンロードして、ここに置いてください"),
        "W0604": Entry(en: "{key} '{value}' is an example address, not a real one: put the real one in, or mark the entry placeholder: true",
                       ja: "{key} '{value}' は例示用のアドレスで、実在しません。実際のアドレスを書くか、この連絡先に placeholder: true を付けてください"),
        "W0605": Entry(en: "organization '{name}' still holds the fill-in mark '{mark}': write the real name, or mark the entry placeholder: true",
                       ja: "organization '{name}' に記入待ちの印 '{mark}' が残っています。実際の名称を書くか、この連絡先に placeholder: true を付けてください"),
        "W0606": Entry(en: "source url '{url}' is an example address: cite where the facts really come from",
                       ja: "出典の url '{url}' は例示用のアドレスです。実際の出典のアドレスを書いてください"),
        "W0608": Entry(en: "the page still holds the sentence 'portal new page' wrote for you to replace: write the page's text in its place",
                       ja: "portal new page が書いた仮の文「ここに本文を Markdown で書きます。…」が残っています。ページの本文に書き換えてください"),
        "W0609": Entry(en: "no contacts yet: the contacts page (printed for incidents) would be empty; add groups with their entries",
                       ja: "連絡先が 1 件もありません。インシデントのときに印刷する連絡先のページが空になります。グループと連絡先を書いてください"),
        "W0607": Entry(en: "{count} of {total} rows look like example data ('{value}' here): put in the list as published, or set registry.sample: true in site.yml so that its pages say it is a sample",
                       ja: "{total} 行のうち {count} 行が例示用のデータのようです（この行では '{value}'）。公開されているリストに差し替えるか、site.yml に registry.sample: true を書いて、ページにサンプルと表示してください"),
        "E0701": Entry(en: "file name holds a control character (U+{code}); rename the file",
                       ja: "ファイル名に制御文字（U+{code}）が含まれています。ファイル名を変えてください"),
        "W0702": Entry(en: "file name '{name}' holds ':'; Windows and most USB sticks cannot store it, rename the file",
                       ja: "ファイル名 '{name}' に ':' が含まれています。Windows や多くの USB メモリーには保存できないので、ファイル名を変えてください"),
        "W0703": Entry(en: "is {size}, over the {limit} limit set by max_attachment_mb in site.yml",
                       ja: "ファイルの大きさが {size} で、site.yml の max_attachment_mb の上限 {limit} を超えています。ファイルを小さくするか、上限を見直してください"),
        "E0704": Entry(en: ".{extension} attachments run as part of the portal when opened; remove the file, or set allow_active_attachments: true in site.yml if you trust it",
                       ja: ".{extension} の添付ファイルは、開くとポータルの一部として動きます。ファイルを外すか、信頼できるファイルなら site.yml に allow_active_attachments: true を書いてください"),
        "E0705": Entry(en: "SVG holds {what}, which would run when the image is opened from a link; remove it, or set allow_active_attachments: true in site.yml if you trust the file",
                       ja: "SVG に「{what}」があり、リンクから画像を開くと動いてしまいます。それを取り除くか、信頼できるファイルなら site.yml に allow_active_attachments: true を書いてください"),
        "E0706": Entry(en: "differs from {other} only in upper and lower case; they would overwrite each other on Windows, macOS and USB sticks: rename one",
                       ja: "{other} と大文字・小文字しか違いません。Windows、macOS、USB メモリーでは互いに上書きされるので、どちらかの名前を変えてください"),
        "W0707": Entry(en: "image '{destination}' has no alt text: describe it in ![…](…) for people who cannot see it",
                       ja: "画像 '{destination}' に代替テキストがありません。画像を見られない人のために、![…](…) の […] に内容を書いてください"),
        "E0725": Entry(en: "image '{destination}' is on your own computer or network and shows for no one else: put it in the content folder and link it relatively",
                       ja: "画像 '{destination}' は自分のパソコンや社内の共有フォルダーにあり、ほかの人には表示されません。content フォルダーに置いて、相対パスで指定してください"),
        "E0708": Entry(en: "image with unsupported scheme '{scheme}:'",
                       ja: "画像に '{scheme}:' で始まるアドレスは使えません。content フォルダーの中の画像を相対パスで指定してください"),
        "E0709": Entry(en: "remote image '{destination}': the portal must work offline, so save the image in the content folder and link it relatively (or set allow_remote_images: true in site.yml)",
                       ja: "外部の画像 '{destination}' は使えません。ポータルはオフラインで見られる必要があるので、画像を content フォルダーに保存して相対パスで指定してください（または site.yml に allow_remote_images: true を書きます）"),
        "E0710": Entry(en: "image '{destination}' leads outside the content folder",
                       ja: "画像 '{destination}' は content フォルダーの外を指しています。フォルダーの中の画像を指定してください"),
        "E0711": Entry(en: "image '{destination}' not found (looked for {looked} in the content folder)[[; did you mean '{near}'?]]",
                       ja: "画像 '{destination}' が見つかりません（content フォルダーの {looked} を探しました）。ファイル名と場所を確かめてください[[。もしかして '{near}'？]]"),
        "W0724": Entry(en: "'({destination})' is not a link: a link's address may not hold a space; write %20 for it, or put the address in <…>",
                       ja: "'({destination})' はリンクになっていません。リンク先に空白は書けないので、空白を %20 にするか、リンク先を <…> で囲んでください"),
        "W0712": Entry(en: "raw HTML left out: it is off unless allow_raw_html is true in site.yml",
                       ja: "HTML のタグは出力しませんでした。使うには site.yml に allow_raw_html: true を書きます"),
        "E0713": Entry(en: "heading id '{written}' must start with an ASCII letter and hold only ASCII letters, digits, '-' and '_'",
                       ja: "見出しの id '{written}' は半角英字で始め、半角の英数字・'-'・'_' だけで書いてください"),
        "E0714": Entry(en: "heading id '{id}' is used twice on this page",
                       ja: "見出しの id '{id}' がこのページで 2 回使われています。どちらかを別の id にしてください"),
        "E0715": Entry(en: #"table: a quote inside an unquoted field: quote the whole field and double the quote ("")"#,
                       ja: #"表（table）の '"' で囲んでいない欄の中に '"' があります。欄全体を '"' で囲み、中の '"' は 2 つ重ねて（""）ください"#),
        "E0716": Entry(en: "table: text after a closing quote: a quoted field must end at a comma or line end",
                       ja: #"表（table）で閉じの '"' のあとに文字があります。'"' で囲んだ欄は、閉じの '"' のすぐあとをカンマか行末にしてください"#),
        "E0717": Entry(en: "table: a quoted field is never closed",
                       ja: #"表（table）の '"' で始まる欄が閉じていません。欄の終わりに '"' を加えてください"#),
        "E0718": Entry(en: "table: the block is empty; write a header row and at least one data row in CSV",
                       ja: "表（table）が空です。CSV で見出しの行と 1 行以上のデータの行を書いてください"),
        "E0719": Entry(en: "table: only a header row; add at least one data row",
                       ja: "表（table）に見出しの行しかありません。データの行を 1 行以上加えてください"),
        "E0720": Entry(en: "table: every header cell needs a name",
                       ja: "表（table）の見出しに空の欄があります。すべての列に見出しを書いてください"),
        "E0721": Entry(en: "table: this row has {count} cells but the header has {expected}",
                       ja: "表（table）のこの行の欄は {count} 個ですが、見出しは {expected} 個です。欄の数を見出しに合わせてください"),
        "E0722": Entry(en: #"table: unknown option '{option}'; the only option is caption="…""#,
                       ja: #"表（table）のオプション '{option}' は使えません。使えるのは caption="…" だけです"#),
        "E0723": Entry(en: "checklist: the block is empty; write one item a line",
                       ja: "チェックリスト（checklist）が空です。1 行に 1 項目ずつ書いてください"),
        "E0801": Entry(en: "group id '{id}' may hold only lower-case ASCII letters, digits, '-' and '_'",
                       ja: "グループの id '{id}' には半角の英小文字・数字・'-'・'_' だけを使ってください"),
        "E0802": Entry(en: "duplicate group id '{id}'",
                       ja: "グループの id '{id}' が重複しています。別の id にしてください"),
        "E0803": Entry(en: "phone '{value}' is not a Japanese phone number: digits and hyphens (e.g. 03-1234-5678), optionally starting with +81; 10 digits from the 0, or 11 for mobile, 050 and 0800 numbers",
                       ja: "phone '{value}' は日本の電話番号の形ではありません。数字とハイフンで書いてください（例: 03-1234-5678。先頭に +81 も付けられます）。桁数は 0 から数えて 10 桁（携帯電話・050・0800 は 11 桁）です"),
        "E0804": Entry(en: "email '{value}' is not an e-mail address",
                       ja: "email '{value}' はメールアドレスの形ではありません。正しいアドレスを書いてください"),
        "E0805": Entry(en: "extension without a phone number",
                       ja: "内線番号（extension）がありますが、電話番号（phone）がありません。phone を書いてください"),
        "E0806": Entry(en: "id '{id}' must start with an ASCII letter and hold only ASCII letters, digits, '-' and '_'",
                       ja: "id '{id}' は半角英字で始め、半角の英数字・'-'・'_' だけで書いてください"),
        "E0807": Entry(en: "duplicate FAQ id '{id}' (first on line {line})",
                       ja: "FAQ の id '{id}' が重複しています（最初は {line} 行目）。別の id にしてください"),
        "E0808": Entry(en: "each group must be a list of words, e.g. [脆弱性, ぜい弱性]",
                       ja: "各グループは語のリストで書いてください（例: [脆弱性, ぜい弱性]）"),
        "E0809": Entry(en: "each word of a group must be a piece of text",
                       ja: "グループの各語には文字列を書いてください"),
        "E0810": Entry(en: "'{word}' is too short: a one-character word would match too many pages",
                       ja: "'{word}' は短すぎます。1 文字の語では多くのページが当たりすぎるので、2 文字以上にしてください"),
        "W0811": Entry(en: "'{word}' appears twice in this group (spellings that differ only in width, case or small kana are already found alike)",
                       ja: "'{word}' がこのグループに 2 回あります（全角・半角、大文字・小文字、小さい仮名だけの違いは、もともと同じ語として検索されます）。1 つを消してください"),
        "E0812": Entry(en: "'{word}' is already in the group on line {line} (as '{earlier}'); a word may belong to one group only",
                       ja: "'{word}' は {line} 行目のグループにすでにあります（'{earlier}' として）。1 つの語は 1 つのグループにだけ入れてください"),
        "E0813": Entry(en: "a group needs at least two words",
                       ja: "グループには語を 2 つ以上書いてください"),
        "E0814": Entry(en: "term '{term}' needs reading: (in kana) to be placed in the 50音 index",
                       ja: "用語 '{term}' に reading: がありません。50音の索引に並べるため、読みをかなで書いてください"),
        "E0815": Entry(en: "reading '{reading}' must be written in hiragana or katakana",
                       ja: "読み（reading）'{reading}' はひらがなかカタカナで書いてください"),
        "E0816": Entry(en: "'{word}' is already a word of '{term}' (line {line}); a word may belong to one entry only",
                       ja: "'{word}' はすでに '{term}'（{line} 行目）の語です。1 つの語は 1 つの用語にだけ入れてください"),
        "E0817": Entry(en: "see_also '{name}' is not a term of the glossary",
                       ja: "see_also の '{name}' は用語集にありません。用語集にある用語を書いてください"),
        "E0818": Entry(en: "{key}: list the levels, lowest first (e.g. [低, 中, 高])",
                       ja: "{key}: に段階を低い順に並べてください（例: [低, 中, 高]）"),
        "E0819": Entry(en: "matrix: row '{row}' is missing; each likelihood level needs a row with every impact level ({impact})",
                       ja: "matrix: に '{row}' の行がありません。発生可能性の段階ごとに、影響のすべての段階（{impact}）の値を持つ行を書いてください"),
        "E0820": Entry(en: "matrix: cell 発生可能性 '{likelihood}' × 影響 '{impact}' is missing; give it a risk value (1 = lowest)",
                       ja: "matrix: に発生可能性 '{likelihood}' × 影響 '{impact}' の値がありません。リスクの値（1 が最も低い）を書いてください"),
        "E0821": Entry(en: "level_names: keys are risk values (1, 2, 3…), not '{key}'",
                       ja: "level_names: のキーにはリスクの値（1, 2, 3…）を書いてください（'{key}' は使えません）"),
        "E0822": Entry(en: "{key} '{value}' is not on the scale; valid: {valid}",
                       ja: "{key} '{value}' は段階にありません。使える値: {valid}"),
        "E0823": Entry(en: "scale level {level} is defined twice",
                       ja: "scale: の段階 {level} が 2 回書かれています。1 つにしてください"),
        "E0824": Entry(en: "scale: level {level} has no name; the scale has five levels, 1 to 5",
                       ja: "scale: の段階 {level} に名前がありません。段階は 1 から 5 の 5 つです。すべてに名前を付けてください"),
        "E0825": Entry(en: "directive id {id} is outside 1–10; the guideline has directives 1 to 10",
                       ja: "指示の id {id} は 1〜10 の範囲外です。ガイドラインの指示は 1 から 10 です"),
        "E0826": Entry(en: "directive id {id} is repeated; each of 1 to 10 appears once",
                       ja: "指示の id {id} が重複しています。1 から 10 をそれぞれ 1 回ずつ書いてください"),
        "W0827": Entry(en: "directive {id}'s title is too long for the radar's axis: add short: with a name of up to 8 characters",
                       ja: "指示 {id} の title はレーダーチャートの軸には長すぎます。8 文字以内の名前を short: に書いてください"),
        "E0828": Entry(en: "directives: {missing} missing; list all ten",
                       ja: "directives: に {missing} がありません。10 個すべてを書いてください"),
        "E0829": Entry(en: "assessments: add at least one dated assessment",
                       ja: "assessments: に、日付の付いた評価を 1 つ以上書いてください"),
        "E0830": Entry(en: "{key}: directive id '{id}' is outside 1–10",
                       ja: "{key}: の指示の id '{id}' は 1〜10 の範囲外です。1 から 10 で書いてください"),
        "E0831": Entry(en: "{key}: directive {id} has level {level}; levels are 1–5 ({valid})",
                       ja: "{key}: の指示 {id} の段階が {level} です。段階は 1〜5 で書いてください（{valid}）"),
        "E0832": Entry(en: "{key}: no level for directive {missing}; give each of 1 to 10 a level 1–5",
                       ja: "{key}: に指示 {missing} の段階がありません。1 から 10 のそれぞれに 1〜5 の段階を書いてください"),
        "E0901": Entry(en: "content folder not found",
                       ja: "content フォルダーが見つかりません。場所を確かめるか、--content で指定してください"),
        "E0902": Entry(en: "cannot read an attachment: {reason}",
                       ja: "添付ファイルを読めません（{reason}）。アクセス権を確かめてください"),
        "E0903": Entry(en: "two files would be written to this place in the output (a page, an asset or an attachment share the name, perhaps differing only in case): rename one",
                       ja: "出力のこの場所に 2 つのファイルが書き込まれます（ページ、アセット、添付ファイルの名前が、大文字・小文字の違いだけで重なっているのかもしれません）。どちらかの名前を変えてください"),
        "E0904": Entry(en: "{problem}",
                       ja: "出力を書き込めませんでした（{problem}）"),
        "E0905": Entry(en: "refusing to use '{folder}' as the output folder",
                       ja: "'{folder}' は出力フォルダーに使えません。--output で別のフォルダーを指定してください"),
        "E0906": Entry(en: "refusing to use this output folder: it is or contains {folder}, which the build reads from",
                       ja: "この出力フォルダーは使えません。ビルドが読む {folder} そのものか、それを含んでいます。--output で別のフォルダーを指定してください"),
        "E0907": Entry(en: "the output folder must not be inside {folder}, which the build reads from",
                       ja: "出力フォルダーを、ビルドが読む {folder} の中に置くことはできません。--output で別のフォルダーを指定してください"),
        "E0908": Entry(en: "exists and is not a folder",
                       ja: "フォルダーではないファイルがすでにあります。--output で別の場所を指定してください"),
        "E0909": Entry(en: "is a folder that portal did not create; it is not replaced. Choose an empty or new folder with --output",
                       ja: "portal が作ったフォルダーではないので、置き換えません。--output で空のフォルダーか新しいフォルダーを指定してください"),
        "E0910": Entry(en: "cannot create a staging folder beside the output: {reason}",
                       ja: "出力フォルダーの隣に作業用のフォルダーを作れません（{reason}）。書き込みのアクセス権と空き容量を確かめてください"),
        "E0911": Entry(en: "writing the new portal failed, the previous output is untouched: {reason}",
                       ja: "新しいポータルを書き込めませんでした（{reason}）。前の出力はそのままです"),
        "E0912": Entry(en: "{file} changed in the output folder while the portal was being built; the previous output is untouched: run the build again",
                       ja: "ビルドの途中で出力フォルダーの {file} が変わりました。前の出力はそのままです。もう一度ビルドしてください"),
        "E0913": Entry(en: "could not swap in the new portal ({reason}); the previous output is untouched",
                       ja: "新しいポータルに入れ替えられませんでした（{reason}）。前の出力はそのままです"),
        "E0914": Entry(en: "could not swap in the new portal: {reason}",
                       ja: "新しいポータルに入れ替えられませんでした（{reason}）。もう一度ビルドしてください"),
        "E0915": Entry(en: "updating the output failed at {file}: {reason}; the next build will write it whole",
                       ja: "出力の {file} を更新できませんでした（{reason}）。次のビルドで全体を書き直します"),
        "E0922": Entry(en: "there is no such folder: run portal build first; for a portal built with build --output, give publish the same --output",
                       ja: "このフォルダーはありません。先に portal build を実行してください。build --output で別のフォルダーに作ったときは、publish にも同じ --output を付けてください"),
        "E0916": Entry(en: "is not a finished portal (no {marker}): run portal build first",
                       ja: "完成したポータルではありません（{marker} がありません）。先に portal build を実行してください"),
        "E0917": Entry(en: "must be outside the portal being published ({source}/), and not contain it",
                       ja: "公開するポータル（{source}/）の外にあり、それを含まない場所を指定してください"),
        "E0918": Entry(en: "refusing to publish into '{folder}'",
                       ja: "'{folder}' には公開できません。別のフォルダーを指定してください"),
        "E0919": Entry(en: "publishing stopped: {reason}; run it again to finish",
                       ja: "公開が途中で止まりました（{reason}）。もう一度実行すると、残りを公開します"),
        "E0920": Entry(en: "cannot put {path} in place: {reason}",
                       ja: "{path} を置けませんでした（{reason}）。アクセス権を確かめて、もう一度実行してください"),
        "E0921": Entry(en: "holds files that portal did not publish; choose an empty or new folder, or one portal published to before",
                       ja: "portal が公開したものではないファイルがあります。空のフォルダーか新しいフォルダー、または以前 portal で公開したフォルダーを指定してください"),
    ]

    /// The reference page: every id with both texts, for `docs/messages.md`.
    public static var reference: String {
        var out = "# メッセージ一覧 / Message reference\n\n"
        out += "portal が出すメッセージの番号と意味です（`portal build` などの出力の末尾の `[E0105]` がこの番号です）。"
        out += "`{…}` には実際の値が入ります。E で始まる番号はエラー（ビルドは失敗）、W で始まる番号は警告（`--strict` のときはエラー）です。\n"
        out += "This file is generated from `Sources/PortalKit/Messages/MessageCatalogue.swift`; after changing it, run `PORTAL_RECORD=1 swift test --filter MessageCatalogueTests`.\n\n"
        out += "| ID | 日本語 | English |\n|:--|:--|:--|\n"
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "[[", with: "").replacingOccurrences(of: "]]", with: "") }
        for id in entries.keys.sorted(by: { $0.dropFirst() < $1.dropFirst() }) {
            out += "| \(id) | \(cell(entries[id]!.ja)) | \(cell(entries[id]!.en)) |\n"
        }
        return out
    }
}

/// The catalogued messages, one factory each, so a call site names its arguments.
extension Message {
    static func yamlSyntax(_ problem: String) -> Message {
        Message("E0101").with("problem", Wording(problem, ja: YAMLProblemWording.japanese(problem) ?? problem))
    }
    static func unknownKey(_ key: String, near: String?, known: [String]) -> Message {
        Message("E0102", ["key": key, "near": near ?? "", "known": known.joined(separator: ", ")])
    }
    static func missingKey(_ key: String) -> Message { Message("E0103", ["key": key]) }
    static func notWholeNumber(_ key: String, _ value: String) -> Message { Message("E0104", ["key": key, "value": value]) }
    static func notDate(_ key: String, _ value: String) -> Message { Message("E0105", ["key": key, "value": value]) }
    static func yamlDuplicateKeys(_ keys: [String]) -> Message { Message("E0106", ["keys": keys.joined(separator: "', '")]) }
    static func yamlOther(_ problem: String) -> Message { Message("E0107", ["problem": problem]) }
    /// `what`: the file, key or list entry (`YAMLMapping`'s `what`).
    static func notMapping(_ what: Wording) -> Message { Message("E0108").with("what", what) }
    /// `type`: one of `Wording.text`, `.wholeNumber`, `.trueOrFalse`, `.date`.
    static func wrongType(_ key: String, _ type: Wording) -> Message { Message("E0109", ["key": key]).with("type", type) }
    static func emptyValue(_ key: String) -> Message { Message("E0110", ["key": key]) }
    static func outOfRange(_ key: String, _ range: ClosedRange<Int>, _ value: Int) -> Message {
        Message("E0111", ["key": key, "min": String(range.lowerBound), "max": String(range.upperBound), "value": String(value)])
    }
    static func notBool(_ key: String, _ value: String) -> Message { Message("E0112", ["key": key, "value": value]) }
    static func notList(_ key: String) -> Message { Message("E0113", ["key": key]) }
    static func listEntryNotText(_ key: String) -> Message { Message("E0114", ["key": key]) }
    static func cannotReadFolder(_ reason: String) -> Message { Message("E0115", ["reason": reason]) }
    static let symlinkOutside = Message("E0116")
    static let brokenSymlink = Message("E0117")
    static func cannotReadFile(_ reason: String) -> Message { Message("E0118", ["reason": reason]) }
    static let notUTF8 = Message("E0119")
    static let missingSiteConfig = Message("E0120")
    static func badAsOf(_ value: String) -> Message { Message("E0121", ["value": value]) }
    static func badRegistrySourceURL(_ value: String) -> Message { Message("E0122", ["value": value]) }
    static func badEncoding(_ value: String) -> Message { Message("E0123", ["value": value]) }
    static func badNavigationPath(_ path: String) -> Message { Message("E0124", ["path": path]) }
    static func notHTTP(_ url: String) -> Message { Message("E0125", ["url": url]) }
    static let yamlFullWidthColon = Message("E0126")
    static let yamlFullWidthSpaceAfterColon = Message("E0127")
    static let yamlFullWidthIndent = Message("E0128")
    static let yamlTabIndent = Message("E0129")
    static let yamlNoSpaceAfterColon = Message("E0131")
    static func unfinishedURL(_ url: String) -> Message { Message("E0130", ["url": url]) }
    static let frontMatterUnclosed = Message("E0201")
    static func unknownFrontMatterKey(_ key: String, near: String?) -> Message {
        near.map { Message("W0202", ["key": key, "near": $0]) } ?? Message("W0203", ["key": key])
    }
    static let noTitle = Message("E0204")
    static func unknownGroup(_ group: String, near: String?, known: [String]) -> Message {
        known.isEmpty ? Message("E0206", ["group": group])
            : Message("E0205", ["group": group, "near": near ?? "", "known": known.joined(separator: "、")])
    }
    static func duplicateSlug(_ slug: String, earlier: String) -> Message { Message("E0207", ["slug": slug, "earlier": earlier]) }
    static func sourceNotHTTP(_ url: String) -> Message { Message("E0208", ["url": url]) }
    static func badSlug(_ slug: String) -> Message { Message("E0209", ["slug": slug]) }
    /// A file name no URL can hold: with front matter (add `slug:`), or without (`bare`).
    static func fileNameNotURL(_ name: String, bare: Bool) -> Message { Message(bare ? "E0212" : "E0210", ["name": name]) }
    static let noDate = Message("E0211")
    static func unknownContactGroup(_ group: String, known: [String]) -> Message {
        Message("E0213", ["group": group, "known": known.joined(separator: ", ")])
    }
    static let indexSlug = Message("E0214")
    static func reviewDue(_ date: String, days: Int, limit: Int) -> Message {
        Message("W0215", ["date": date, "days": String(days), "limit": String(limit)])
    }
    static func duplicateTitle(_ title: String, earlier: String) -> Message { Message("W0216", ["title": title, "earlier": earlier]) }
    static let pageStillStub = Message("W0608")
    static func listJapaneseComma(_ key: String, _ comma: String) -> Message { Message("W0218", ["key": key, "comma": comma]) }
    static let noContacts = Message("W0609")
    static func pageNotNamedMD(_ name: String) -> Message { Message("W0217", ["name": name]) }
    static let lookalikeFence = Message("W0219")
    static func missingPage(_ target: String, near: String?) -> Message { Message("E0301", ["target": target, "near": near ?? ""]) }
    static func missingHeading(_ target: String, id: String, near: String?) -> Message {
        Message("E0302", ["target": target, "id": id, "near": near ?? ""])
    }
    static func missingFile(_ target: String, looked: String, near: String?) -> Message {
        Message("E0303", ["target": target, "looked": looked, "near": near ?? ""])
    }
    static let linkNoDestination = Message("E0304")
    static func linkSchemeRemoved(_ scheme: String) -> Message { Message("W0305", ["scheme": scheme]) }
    static func localLink(_ destination: String) -> Message { Message("W0311", ["destination": destination]) }
    static func backslashPath(_ destination: String, fixed: String) -> Message { Message("W0312", ["destination": destination, "fixed": fixed]) }
    static func localImage(_ destination: String) -> Message { Message("E0725", ["destination": destination]) }
    static func linkNoScheme(_ destination: String) -> Message { Message("E0306", ["destination": destination]) }
    static func missingOwnHeading(_ id: String) -> Message { Message("E0307", ["id": id]) }
    static func missingEntry(_ target: String, id: String, near: String? = nil) -> Message {
        Message("E0308", ["target": target, "id": id, "near": near ?? ""])
    }
    static func linkOutside(_ target: String) -> Message { Message("E0309", ["target": target]) }
    static func navigationNotPage(_ path: String) -> Message { Message("E0310", ["path": path]) }
    static func unknownCategory(_ value: String, near: String?, valid: String) -> Message {
        Message("E0401", ["value": value, "near": near ?? "", "valid": valid])
    }
    static func registryNotDate(_ value: String) -> Message { Message("E0402", ["value": value]) }
    static func emptyField(_ field: String) -> Message { Message("E0403", ["field": field]) }
    static let missingCategories = Message("E0404")
    static let missingServices = Message("E0405")
    static let bothCSVAndWorkbook = Message("E0406")
    static let unreadableWorkbook = Message("E0407")
    static func undecodableCSV(_ choice: TextEncodingChoice) -> Message {
        switch choice {
        case .utf8: Message("E0408")
        case .shiftJIS: Message("E0409")
        case .auto: Message("E0410")
        }
    }
    static func badCategoryID(_ id: String) -> Message { Message("E0411", ["id": id]) }
    static func duplicateCategoryID(_ id: String, line: Int) -> Message { Message("E0412", ["id": id, "line": String(line)]) }
    static let noCategories = Message("E0413")
    /// A CSV mistake in services.csv; `table` gives the same in a ```table block.
    static func csv(_ problem: CSVError.Problem, table: Bool = false) -> Message {
        switch problem {
        case .quoteInUnquotedField: Message(table ? "E0715" : "E0414")
        case .textAfterClosingQuote: Message(table ? "E0716" : "E0415")
        case .unclosedQuote: Message(table ? "E0717" : "E0416")
        }
    }
    static func emptyCSV(columns: [String]) -> Message { Message("E0417", ["columns": columns.joined(separator: ",")]) }
    static let workbookUnreadable = Message("E0418")
    static func workbookPartUnreadable(_ part: String) -> Message { Message("E0419", ["part": part]) }
    static func workbookPartNotUTF8(_ part: String) -> Message { Message("E0420", ["part": part]) }
    static let notWorkbook = Message("E0421")
    static let noSheets = Message("E0422")
    static func noSuchSheet(_ sheet: String, sheets: [String]) -> Message {
        Message("E0423", ["sheet": sheet, "sheets": sheets.joined(separator: ", ")])
    }
    static func sheetMissing(_ sheet: String) -> Message { Message("E0424", ["sheet": sheet]) }
    static func sheetNotXML(_ sheet: String) -> Message { Message("E0425", ["sheet": sheet]) }
    static func missingSharedString(_ cell: String) -> Message { Message("E0426", ["cell": cell]) }
    static let emptySheet = Message("E0427")
    static let mergedHeader = Message("E0428")
    static func duplicateColumn(_ field: String, heading: String) -> Message { Message("E0429", ["field": field, "heading": heading]) }
    static func ignoredColumns(_ ignored: [String], columns: [String]) -> Message {
        Message("W0430", ["ignored": ignored.map { "'\($0)'" }.joined(separator: ", "), "columns": columns.joined(separator: ", ")])
    }
    static func missingColumn(_ heading: String, field: String) -> Message { Message("E0431", ["heading": heading, "field": field]) }
    static func rowWidth(_ count: Int, expected: Int) -> Message { Message("E0432", ["count": String(count), "expected": String(expected)]) }
    static let formulaCell = Message("W0433")
    static func duplicateRow(line: Int, name: String, provider: String) -> Message {
        Message("E0434", ["line": String(line), "name": name, "provider": provider])
    }
    static func duplicateServiceID(_ id: String, line: Int) -> Message { Message("E0435", ["id": id, "line": String(line)]) }
    static func badPentest(_ value: String) -> Message { Message("E0436", ["value": value]) }
    static func pentestDisagrees(_ value: Bool, category: String, marked: Bool) -> Message {
        Message("E0437", ["says": value ? "はい" : "いいえ", "category": category, "marked": marked ? "あり" : "なし"])
    }
    static func noPentestOption(_ category: String) -> Message { Message("E0438", ["category": category]) }
    static func categoryMarksPentest(_ value: String, category: String) -> Message { Message("E0439", ["value": value, "category": category]) }
    static let noRegistry = Message("E0440")
    static func missingPartial(_ template: String, partial: String, expected: String, near: String?) -> Message {
        Message("E0501", ["template": template, "partial": partial, "expected": expected, "near": near ?? ""])
    }
    static func templateSyntax(_ problem: String) -> Message { Message("E0502", ["problem": problem]) }
    static func missingTemplate(_ name: String, required: [String]) -> Message {
        Message("E0503", ["name": name, "required": required.map { $0 + ".mustache" }.joined(separator: ", ")])
    }
    static func cannotReadTemplates(_ reason: String) -> Message { Message("E0504", ["reason": reason]) }
    static let templateNotUTF8 = Message("E0505")
    static func templateFailed(_ name: String) -> Message { Message("E0506", ["name": name]) }
    static func missingTemplate(_ name: String) -> Message { Message("E0507", ["name": name]) }
    static let unreadableAsset = Message("E0508")
    static let sampleData = Message("W0601")
    static func sampleRegistry(_ data: String) -> Message { Message("W0610", ["data": data]) }
    static func placeholderContact(_ name: String) -> Message { Message("W0602", ["name": name]) }
    static let emptyRegistry = Message("W0603")
    static func exampleAddress(_ key: String, _ value: String) -> Message { Message("W0604", ["key": key, "value": value]) }
    static func fillInMark(_ name: String, mark: String) -> Message { Message("W0605", ["name": name, "mark": mark]) }
    static func exampleSourceURL(_ url: String) -> Message { Message("W0606", ["url": url]) }
    static func exampleRows(_ count: Int, of total: Int, value: String) -> Message {
        Message("W0607", ["count": String(count), "total": String(total), "value": value])
    }

    static func controlCharacterInName(_ code: String) -> Message { Message("E0701", ["code": code]) }
    static func colonInName(_ name: String) -> Message { Message("W0702", ["name": name]) }
    static func attachmentTooLarge(_ size: String, limit: String) -> Message { Message("W0703", ["size": size, "limit": limit]) }
    static func activeAttachment(_ fileExtension: String) -> Message { Message("E0704", ["extension": fileExtension]) }
    static func activeSVG(_ what: Wording) -> Message { Message("E0705").with("what", what) }
    static func caseClash(_ other: String) -> Message { Message("E0706", ["other": other]) }
    static func noAltText(_ destination: String) -> Message { Message("W0707", ["destination": destination]) }
    static func imageScheme(_ scheme: String) -> Message { Message("E0708", ["scheme": scheme]) }
    static func remoteImage(_ destination: String) -> Message { Message("E0709", ["destination": destination]) }
    static func imageOutside(_ destination: String) -> Message { Message("E0710", ["destination": destination]) }
    static func imageNotFound(_ destination: String, looked: String, near: String? = nil) -> Message {
        Message("E0711", ["destination": destination, "looked": looked, "near": near ?? ""])
    }
    // PortalMarkdown reports these three by id (`MarkdownDiagnostic.catalogued`).
    static let rawHTMLLeftOut = Message("W0712")
    static func spaceInDestination(_ destination: String) -> Message { Message("W0724", ["destination": destination]) }
    static func badHeadingID(_ id: String) -> Message { Message("E0713", ["written": "{#\(id)}"]) }
    static func duplicateHeadingID(_ id: String) -> Message { Message("E0714", ["id": id]) }
    static let tableEmpty = Message("E0718")
    static let tableHeaderOnly = Message("E0719")
    static let tableUnnamedHeader = Message("E0720")
    static func tableRowWidth(_ count: Int, expected: Int) -> Message { Message("E0721", ["count": String(count), "expected": String(expected)]) }
    static func tableOption(_ option: String) -> Message { Message("E0722", ["option": option]) }
    static let checklistEmpty = Message("E0723")

    static func badContactGroupID(_ id: String) -> Message { Message("E0801", ["id": id]) }
    static func duplicateContactGroupID(_ id: String) -> Message { Message("E0802", ["id": id]) }
    static func badPhone(_ value: String) -> Message { Message("E0803", ["value": value]) }
    static func badEmail(_ value: String) -> Message { Message("E0804", ["value": value]) }
    static let extensionWithoutPhone = Message("E0805")
    static func badFAQID(_ id: String) -> Message { Message("E0806", ["id": id]) }
    static func duplicateFAQID(_ id: String, line: Int) -> Message { Message("E0807", ["id": id, "line": String(line)]) }
    static let synonymGroupNotList = Message("E0808")
    static let synonymNotText = Message("E0809")
    static func synonymTooShort(_ word: String) -> Message { Message("E0810", ["word": word]) }
    static func synonymTwiceInGroup(_ word: String) -> Message { Message("W0811", ["word": word]) }
    static func synonymInOtherGroup(_ word: String, line: Int, as earlier: String) -> Message {
        Message("E0812", ["word": word, "line": String(line), "earlier": earlier])
    }
    static let synonymGroupTooSmall = Message("E0813")
    static func noReading(_ term: String) -> Message { Message("E0814", ["term": term]) }
    static func readingNotKana(_ reading: String) -> Message { Message("E0815", ["reading": reading]) }
    static func wordOfOtherTerm(_ word: String, term: String, line: Int) -> Message {
        Message("E0816", ["word": word, "term": term, "line": String(line)])
    }
    static func unknownSeeAlso(_ name: String) -> Message { Message("E0817", ["name": name]) }
    static func noLevels(_ key: String) -> Message { Message("E0818", ["key": key]) }
    static func missingMatrixRow(_ row: String, impact: [String]) -> Message {
        Message("E0819", ["row": row, "impact": impact.joined(separator: ", ")])
    }
    static func missingMatrixCell(likelihood: String, impact: String) -> Message { Message("E0820", ["likelihood": likelihood, "impact": impact]) }
    static func badLevelName(_ key: String) -> Message { Message("E0821", ["key": key]) }
    static func offScale(_ key: String, _ value: String, valid: [String]) -> Message {
        Message("E0822", ["key": key, "value": value, "valid": valid.joined(separator: ", ")])
    }
    static func scaleLevelTwice(_ level: Int) -> Message { Message("E0823", ["level": String(level)]) }
    static func unnamedScaleLevel(_ level: Int) -> Message { Message("E0824", ["level": String(level)]) }
    static func directiveOutOfRange(_ id: Int) -> Message { Message("E0825", ["id": String(id)]) }
    static func directiveRepeated(_ id: Int) -> Message { Message("E0826", ["id": String(id)]) }
    static func directiveTitleTooLong(_ id: Int) -> Message { Message("W0827", ["id": String(id)]) }
    static func missingDirectives(_ missing: [Int]) -> Message { Message("E0828", ["missing": missing.map(String.init).joined(separator: ", ")]) }
    static let noAssessments = Message("E0829")
    static func levelDirectiveOutOfRange(_ key: String, id: String) -> Message { Message("E0830", ["key": key, "id": id]) }
    static func levelOutOfRange(_ key: String, directive: Int, level: Int, valid: String) -> Message {
        Message("E0831", ["key": key, "id": String(directive), "level": String(level), "valid": valid])
    }
    static func missingLevels(_ key: String, directives: [Int]) -> Message {
        Message("E0832", ["key": key, "missing": directives.map(String.init).joined(separator: ", ")])
    }

    static let contentNotFound = Message("E0901")
    static func cannotReadAttachment(_ reason: String) -> Message { Message("E0902", ["reason": reason]) }
    static let outputClash = Message("E0903")
    static func writeFailed(_ problem: String) -> Message { Message("E0904", ["problem": problem]) }
    static func outputRefused(_ folder: String) -> Message { Message("E0905", ["folder": folder]) }
    static func outputIsInput(_ folder: String) -> Message { Message("E0906", ["folder": folder]) }
    static func outputInsideInput(_ folder: String) -> Message { Message("E0907", ["folder": folder]) }
    static let outputNotFolder = Message("E0908")
    static let outputNotOurs = Message("E0909")
    static func cannotStage(_ reason: String) -> Message { Message("E0910", ["reason": reason]) }
    static func stagingWriteFailed(_ reason: String) -> Message { Message("E0911", ["reason": reason]) }
    static func outputChanged(_ file: String) -> Message { Message("E0912", ["file": file]) }
    static func swapFailed(_ reason: String, untouched: Bool) -> Message { Message(untouched ? "E0913" : "E0914", ["reason": reason]) }
    static func updateFailed(_ file: String, reason: String) -> Message { Message("E0915", ["file": file, "reason": reason]) }
    static func notFinishedPortal(marker: String) -> Message { Message("E0916", ["marker": marker]) }
    static let noPortalToPublish = Message("E0922")
    static func publishOverlaps(_ source: String) -> Message { Message("E0917", ["source": source]) }
    static func publishRefused(_ folder: String) -> Message { Message("E0918", ["folder": folder]) }
    static func publishStopped(_ reason: String) -> Message { Message("E0919", ["reason": reason]) }
    static func cannotPlace(_ path: String, reason: String) -> Message { Message("E0920", ["path": path, "reason": reason]) }
    static let publishNotOurs = Message("E0921")
}

/// The words portal puts into messages, in both languages.
extension Wording {
    // What a YAML value must be (`'title' must be text`).
    static let text = Wording("text", ja: "文字列")
    static let wholeNumber = Wording("a whole number", ja: "整数")
    static let trueOrFalse = Wording("true or false", ja: "真偽値（true か false）")
    static let date = Wording("a date (YYYY-MM-DD)", ja: "日付（YYYY-MM-DD）")

    // What must be a mapping (`a contact must be a mapping of keys to values`).
    /// A whole file (`site.yml`).
    static func file(_ name: String) -> Wording { Wording(name, ja: name + " の内容") }
    /// The value of a key (`registry`, `matrix`).
    static func value(of key: String) -> Wording { Wording(key, ja: key + ": の値") }
    /// An entry of a list (`a contact`, the list under `entries:`).
    static func entry(_ en: String, of key: String) -> Wording { Wording(en, ja: key + ": の各項目") }
}
