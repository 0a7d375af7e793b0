import ArgumentParser
import FactbotCore
import FactbotLoader
import FactbotRefresh
import FactbotTerminal

/// `factbot refresh`: fetches every source now and keeps the last good copy of each.
struct RefreshCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Fetch the sources now, store their text, and report facts whose figures changed.",
        discussion: """
            Fetches every source in knowledge/sources.yaml (or only those given with --source), \
            concurrently, with the limits in [refresh] of bot.conf. One line per source: fetched, \
            unchanged (304) or failed and why; a failed source keeps its last good copy. Then \
            every curated fact citing a fetched source is checked: figures no longer in the \
            text are listed so a curator can review the fact. Exit status 1 when any source failed.

            For a schedule, use `factbot run`, which refreshes in the background; or, beside \
            `factbot irc` or the REPL, contrib/factbot-refresh.timer or contrib/crontab.example \
            (`0 */6 * * * cd /srv/factbot && factbot refresh --state-dir /var/lib/factbot`). \
            A running bot quotes the new copies after `systemctl reload factbot` (SIGHUP).
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .customLong("source"), help: ArgumentHelp("Fetch this source instead of the configured list; repeatable.", valueName: "id=url"))
    var sources: [String] = []

    func validate() throws {
        let ids = sources.compactMap(Self.target).map(\.id)
        if let repeated = ids.first(where: { id in ids.filter { $0 == id }.count > 1 }) {
            throw ValidationError("--source: \"\(repeated)\" is given twice")
        }
        for source in sources {
            guard let target = Self.target(source) else {
                throw ValidationError("--source: expected ID=URL, got \"\(source)\"")
            }
            guard target.url.lowercased().hasPrefix("http://") || target.url.lowercased().hasPrefix("https://") else {
                throw ValidationError("--source: only http and https URLs can be fetched, got \"\(target.url)\"")
            }
            if SourceURL.hasCredentials(target.url) {
                throw ValidationError("--source \(target.id): \(SourceURL.credentialsRefused)")
            }
        }
    }

    static func target(_ text: String) -> Refresher.Target? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let id = String(text[..<equals])
        let url = String(text[text.index(after: equals)...])
        guard !id.isEmpty, !url.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }), !id.hasPrefix(".") else { return nil }
        return Refresher.Target(id: id, url: url)
    }

    func run() throws {
        let loaded = try options.load(quoting: false)
        let given = sources.compactMap(Self.target)
        // The state folder is shared with the configured sources unless --state-dir names another.
        let sharedState = options.stateDirectory == nil || options.stateDirectory == loaded.config.refresh.stateDirectory
        let conflicts = SourceRefresh.conflicts(given, knowledge: loaded.knowledge, sharedState: sharedState)
        guard conflicts.isEmpty else {
            for conflict in conflicts { Console.error("error: \(conflict)") }
            throw ExitCode(2)
        }
        let targets = given.isEmpty ? SourceRefresh.configuredTargets(loaded.knowledge) : given
        do {
            let failed = try SourceRefresh.run(targets, loaded: loaded, userAgent: Factbot.userAgent) { Console.line($0) }
            if failed > 0 { throw ExitCode(1) }
        } catch let problem as SourceStore.Problem {
            Console.error("error: \(problem)")
            throw ExitCode(1)
        }
    }
}
