import FactbotCore
import FactbotRefresh

/// One refresh of the sources, as `factbot refresh` and `factbot run` do it: fetch,
/// store, and name the facts whose figures the new copies lost.
public enum SourceRefresh {
    /// Every source of sources.yaml, by id.
    public static func configuredTargets(_ knowledge: KnowledgeBase) -> [Refresher.Target] {
        knowledge.sources.values.sorted { $0.id < $1.id }.map { Refresher.Target(id: $0.id, url: $0.url) }
    }

    /// Why `targets` given on the command line may not be fetched into the state folder in
    /// use: an id that sources.yaml gives another URL would replace that source's stored
    /// copy, and later answers would cite the other page. Allowed into another state folder
    /// (`sharedState` false). Empty when all is well.
    public static func conflicts(_ targets: [Refresher.Target], knowledge: KnowledgeBase, sharedState: Bool) -> [String] {
        guard sharedState else { return [] }
        return targets.compactMap { target in
            guard let source = knowledge.sources[target.id], source.url != target.url else { return nil }
            return
                "--source \(target.id)=…: sources.yaml gives \(target.id) the URL \(source.url); fetching another page under its id would replace its stored copy. Use another id, or another --state-dir"
        }
    }

    /// Refreshes `targets` into the state folder of `loaded`, saying each outcome through
    /// `say`; returns how many sources failed. The state folder (and its parents) is made
    /// first, so a folder that cannot be made fails before anything is fetched.
    public static func run(_ targets: [Refresher.Target], loaded: Bot.Loaded, userAgent: String, say: (String) -> Void) throws(SourceStore.Problem) -> Int {
        try AtomicFile.createFolder(loaded.store.folder)
        var limits = loaded.config.refresh.limits
        limits.userAgent = userAgent
        let reports = Refresher(store: loaded.store, limits: limits).refresh(targets)
        var drift = 0
        for report in reports {
            for note in report.notes { say("\(report.id): note: \(note)") }
            say(report.line)
            if case .fetched(_, _, _, changed: true) = report.outcome, let stored = report.stored, let previous = report.previous {
                for finding in Drift.lost(loaded.knowledge.facts, sourceID: report.id, before: previous.checkedText, after: stored.checkedText) {
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
