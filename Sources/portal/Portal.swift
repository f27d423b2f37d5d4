import ArgumentParser

struct Portal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "Builds an offline, searchable cybersecurity portal from a content folder.",
        version: PortalVersion.string,
        subcommands: [BuildCommand.self, WatchCommand.self, ServeCommand.self, CheckCommand.self, ServicesCommand.self, PublishCommand.self,
                      InitCommand.self, NewCommand.self],
        defaultSubcommand: nil
    )
}

enum PortalVersion {
    static let string = "0.1.0"
}
