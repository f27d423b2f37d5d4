import ArgumentParser
import Foundation
import PortalKit

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: Language.text(ja: "最後に成功したビルドを、リンク切れの瞬間なしに Web サーバーやファイル共有へコピーします（ZIP ファイル 1 つにもできます）。", en: "Copy the last good build to a web root or file share without a broken moment, or into one ZIP file."),
        discussion: Language.text(
            ja: "portal publish DEST は output/ を DEST にコピーします。新しいファイル、変更されたファイル、ページ、最後にホームページの順に書き、そのあとで不要になったファイル（以前ここに公開したものだけ）を消します。portal publish --zip FILE は、展開すれば file:// でそのまま開ける ZIP を 1 つ作ります。",
            en: "portal publish DEST copies output/ to DEST: new files first, then changed files, pages, the home page last, and only then removes the files the portal no longer has (only files it published there before). portal publish --zip FILE writes one archive that works from file:// after unzipping.")
    )

    @Argument(help: ArgumentHelp(Language.text(ja: "公開先のフォルダー（なければ作ります。空か、以前ここに公開したフォルダーだけ）。", en: "The folder to publish to (made if missing; empty, or published to before).")))
    var destination: String?

    @Option(help: ArgumentHelp(Language.text(ja: "公開するビルド済みのポータル。", en: "The built portal to publish.")))
    var output: String = "output"

    @Option(help: ArgumentHelp(Language.text(ja: "代わりに ZIP ファイルを 1 つ作ります（USB メモリー用）。", en: "Write one ZIP archive instead (for a USB stick).")))
    var zip: String?

    @Flag(help: ArgumentHelp(Language.text(ja: "何をコピー・削除するかを表示するだけで、何も変えません。", en: "Say what would be copied and removed, and change nothing.")))
    var dryRun = false

    func validate() throws {
        if destination == nil && zip == nil { throw ValidationError(Language.text(ja: "公開先を指定してください: portal publish DEST または portal publish --zip FILE", en: "say where to publish: portal publish DEST, or portal publish --zip FILE")) }
        if destination != nil && zip != nil { throw ValidationError(Language.text(ja: "DEST と --zip FILE はどちらか一方だけを指定してください", en: "give either DEST or --zip FILE, not both")) }
        // Windows opens an archive by its name: without .zip it is a file nobody can open.
        if let zip, !zip.lowercased().hasSuffix(".zip") {
            throw ValidationError(Language.text(ja: "ZIP ファイルの名前は .zip で終わらせてください（例: --zip \(zip).zip）",
                                                en: "the archive's name must end in .zip (e.g. --zip \(zip).zip)"))
        }
    }

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func url(_ path: String) -> URL { path.hasPrefix("/") ? URL(fileURLWithPath: path) : cwd.appendingPathComponent(path) }
        let source = url(output)
        if let zip {
            do {
                try Publisher.checkFinished(source, display: output)
            } catch {
                Console.error(error.text(Language.current))
                throw ExitCode(1)
            }
            let archive = url(zip)
            let top = archive.deletingPathExtension().lastPathComponent
            if dryRun {
                print(Language.text(ja: "\(zip) に \(top)/ 以下の \(Publisher.files(in: source).count - 1) ファイルを書き込みます（--dry-run のため何もしていません）", en: "would write \(zip) with \(Publisher.files(in: source).count - 1) files under \(top)/"))
                return
            }
            do {
                try ZipWriter.write(folder: source, top: top, to: archive, skipping: [StagedOutputFolder.marker])
            } catch {
                Console.error(Language.text(ja: "\(zip): エラー: ZIP ファイルを書き込めません: \(error)", en: "\(zip): error: cannot write the archive: \(error)"))
                throw ExitCode(1)
            }
            print(Language.text(ja: "\(zip) を作りました。展開して \(top)/index.html を開いてください", en: "wrote \(zip): unzip it and open \(top)/index.html"))
            return
        }
        guard let destination else { return }
        let publisher = Publisher(source: source, destination: url(destination), sourceDisplay: output, destinationDisplay: destination)
        do {
            let plan = dryRun ? try publisher.plan() : try publisher.publish()
            let verb = dryRun ? "would publish" : "published"
            print(Language.text(
                ja: "\(output)/ を \(destination)/ に\(dryRun ? "公開すると" : "公開しました"): 新規 \(plan.added.count)、変更 \(plan.changed.count)、削除 \(plan.removed.count)、変更なし \(plan.unchanged)\(dryRun ? "（--dry-run のため何もしていません）" : "")",
                en: "\(verb) \(output)/ to \(destination)/: \(plan.added.count) new, \(plan.changed.count) changed, \(plan.removed.count) removed, \(plan.unchanged) unchanged"))
        } catch {
            Console.error(error.text(Language.current))
            throw ExitCode(1)
        }
    }
}
