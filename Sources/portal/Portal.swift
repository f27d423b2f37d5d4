import ArgumentParser

struct Portal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: Language.text(ja: "content フォルダーから、ネットワークなしで開ける検索付きのサイバーセキュリティ・ポータルを作ります。",
                                en: "Builds an offline, searchable cybersecurity portal from a content folder."),
        discussion: Language.text(ja: "メッセージは日本語のロケール（LANG=ja_JP.UTF-8 など）で日本語になります。--lang ja または --lang en で選べます。",
                                  en: "Messages are in Japanese under a Japanese locale (LANG=ja_JP.UTF-8, …); choose with --lang ja or --lang en."),
        version: PortalVersion.string,
        subcommands: [BuildCommand.self, WatchCommand.self, ServeCommand.self, CheckCommand.self, ServicesCommand.self, PublishCommand.self,
                      InitCommand.self, NewCommand.self],
        defaultSubcommand: nil
    )
}

enum PortalVersion {
    static let string = "0.1.0"
}
