import ArgumentParser
import FactbotConfig
import FactbotCore
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
            For a schedule, run it from cron (e.g. `0 */6 * * * cd /srv/factbot && factbot refresh`) \
            or a systemd timer, or use `factbot run`, which refreshes in the background.
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
        }
    }

    static func target(_ text: String) -> Refresher.Target? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let id = String(text[..<equals]), url = String(text[text.index(after: equals)...])
        guard !id.isEmpty, !url.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }), !id.hasPrefix(".") else { return nil }
        return Refresher.Target(id: id, url: url)
    }

    func run() throws {
        let loaded = try options.load(quoting: false)
        let targets = sources.isEmpty ? Self.configuredTargets(loaded.knowledge) : sources.compactMap(Self.target)
        let failed = Self.refresh(targets, loaded: loaded) { Console.line($0) }
        if failed > 0 { throw ExitCode(1) }
    }

    /// Every source of knowledge/sources.yaml, by id.
    static func configuredTargets(_ knowledge: KnowledgeBase) -> [Refresher.Target] {
        knowledge.sources.values.sorted { $0.id < $1.id }.map { Refresher.Target(id: $0.id, url: $0.url) }
    }

    /// Refreshes, printing through `say`; returns how many sources failed. Shared with `run`.
    static func refresh(_ targets: [Refresher.Target], loaded: GlobalOptions.Loaded, say: (String) -> Void) -> Int {
        var limits = loaded.config.refresh.limits
        limits.userAgent = "factbot/\(Factbot.version) (news fact bot; libcurl)"
        let reports = Refresher(store: loaded.store, limits: limits).refresh(targets)
        var drift = 0
        for report in reports {
            for note in report.notes { say("\(report.id): note: \(note)") }
            say(report.line)
            if case .fetched = report.outcome, let stored = report.stored {
                for finding in Drift.check(loaded.knowledge.facts, sourceID: report.id, against: stored.article) {
                    say("  drift: \(finding)")
                    drift += 1
                }
            }
        }
        let fetched = reports.filter { if case .fetched = $0.outcome { true } else { false } }.count
        let unchanged = reports.filter { $0.outcome == .unchanged }.count
        let failed = reports.filter(\.failed).count
        say("\(reports.count) source(s): \(fetched) fetched, \(unchanged) unchanged, \(failed) failed; \(drift) fact(s) to review")
        return failed
    }
}
