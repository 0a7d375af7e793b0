import FactbotCore
import Foundation
import SourceText
import Testing

@testable import FactbotRefresh

@Suite(.timeLimit(.minutes(2)))
struct RefresherTests {
    func refresher(_ folder: URL) -> Refresher {
        var limits = FetchLimits()
        limits.totalTimeout = 2
        limits.maxBytes = 1_000_000
        return Refresher(store: SourceStore(folder: folder.path), limits: limits, now: { "2026-11-27T00:00:00Z" })
    }

    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("factbot-state-\(UUID().uuidString)")
    }

    @Test func storesThenKeepsTheLastGoodCopyThroughEveryKindOfFailure() throws {
        let server = try HTTPTestServer()
        try server.put("a.html", Pages.harbour)
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let refresher = refresher(folder)

        let first = refresher.refreshOne(.init(id: "harbour", url: server.url("/files/a.html")))
        guard case .fetched(let paragraphs, let sentences, _, true) = first.outcome else {
            Issue.record("\(first.line)")
            return
        }
        #expect(paragraphs == 3 && sentences == 3)
        let stored = try #require(try SourceStore(folder: folder.path).load("harbour").get())
        #expect(stored.article.title == "Harbour backlog" && stored.article.author == "Ada Quill")
        #expect(stored.etag != nil && stored.finalURL == server.url("/files/a.html") && stored.status == 200)

        #expect(refresher.refreshOne(.init(id: "harbour", url: server.url("/files/a.html"))).outcome == .unchanged)

        try server.put("empty.html", "<html><body><nav>Home</nav></body></html>")
        for failing in ["/status/500", "/status/404", "/pdf", "/loop", "/files/empty.html", "/big"] {
            let report = refresher.refreshOne(.init(id: "harbour", url: server.url(failing)))
            #expect(report.failed, "\(failing)")
            #expect(report.line.hasSuffix("keeping the copy fetched 2026-11-27T00:00:00Z"), "\(report.line)")
            // The stored copy is untouched.
            #expect(try SourceStore(folder: folder.path).load("harbour").get() == stored)
        }
    }

    @Test func aCorruptCopyIsReportedAndFetchedAgain() throws {
        let server = try HTTPTestServer()
        try server.put("a.html", Pages.harbour)
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "{\"id\": \"harbour\", \"url\": trunc".write(to: folder.appendingPathComponent("harbour.json"), atomically: true, encoding: .utf8)
        guard case .failure(let problem) = SourceStore(folder: folder.path).load("harbour") else {
            Issue.record("corrupt file read as good")
            return
        }
        #expect(problem.description.contains("harbour.json: corrupt"))

        let report = refresher(folder).refreshOne(.init(id: "harbour", url: server.url("/files/a.html")))
        #expect(report.notes.first?.contains("corrupt") == true)
        guard case .fetched = report.outcome else {
            Issue.record("\(report.line)")
            return
        }
        // No validators were sent: the corrupt copy's were not trusted.
        let sent = try server.requests()
        #expect(sent.last?.headers["If-None-Match"] == nil)
        #expect(try SourceStore(folder: folder.path).load("harbour").get() != nil)
    }

    @Test func severalSourcesAreFetchedAtOnce() throws {
        let server = try HTTPTestServer()
        try server.put("a.html", Pages.harbour)
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = Date()
        let reports = refresher(folder).refresh([
            .init(id: "s1", url: server.url("/stall")), .init(id: "s2", url: server.url("/stall")),
            .init(id: "s3", url: server.url("/stall")), .init(id: "ok", url: server.url("/files/a.html")),
        ])
        // Three 2-second timeouts side by side, not one after another.
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(reports.map(\.id) == ["s1", "s2", "s3", "ok"])
        #expect(reports.filter(\.failed).count == 3)
    }

    @Test func driftNamesFactsWhoseFiguresTheNewCopyLost() {
        let facts = [
            Fact(
                id: "held", answer: "About 1,240 containers were held at the north quay.", questions: ["?"], types: [.number], sourceID: "harbour",
                file: "f.yaml", line: 3),
            Fact(id: "cost", answer: "Delays cost 2.5 million euros a week.", questions: ["?"], types: [.amount], sourceID: "harbour", file: "f.yaml", line: 9),
            // The curator added the year and the weekday date; the article never gave them.
            Fact(
                id: "when", answer: "The strike began on Monday 14 April 2025.", questions: ["?"], types: [.date], sourceID: "harbour", file: "f.yaml", line: 15
            ),
            Fact(id: "other", answer: "999 ships.", questions: ["?"], types: [.number], sourceID: "elsewhere"),
        ]
        let before = "About 1,240 containers are held. The cost is 2.5 million euros a week. The strike began on Monday."
        let after = "Now 1 240 containers are held. The cost is 3 million euros a week. The strike began on Monday."
        let findings = Drift.lost(facts, sourceID: "harbour", before: before, after: after)
        #expect(findings.map(\.factID) == ["cost"])
        #expect(findings.first?.description == "f.yaml:9: fact cost: \"2.5\" no longer in the source")
        // An unchanged article: nothing to review, whatever the facts add.
        #expect(Drift.lost(facts, sourceID: "harbour", before: before, after: before).isEmpty)
        // The audit of `check --sources` names what the stored copy lacks, in other words.
        let absent = Drift.absent(facts, sourceID: "harbour", from: before)
        #expect(absent.map(\.factID) == ["when"])
        #expect(absent.first?.description == "f.yaml:15: fact when: \"14\", \"2025\" not in the stored copy of the source")
        #expect(Drift.figures(in: "18,000 yuan (about £1,900) in 2025, 3 men") == ["18,000", "1,900", "2025"])
    }

    @Test func scheduleRunsOnTimeAndNeverStacksRuns() {
        var schedule = RefreshSchedule(interval: 3600, jitter: 0.1, firstRun: 0)
        let first = schedule.start(now: 0)
        #expect(first)
        // A run in progress: no second one however late it gets.
        let overlapping = [schedule.start(now: 10), schedule.start(now: 7200)]
        #expect(overlapping == [false, false])
        schedule.finish(now: 7300, random: 0.5)  // a slow run: the next is planned from its end
        #expect(schedule.nextDue == 7300 + 3600)
        let early = schedule.start(now: 10_899)
        #expect(!early)
        let onTime = schedule.start(now: 10_900)
        #expect(onTime)
        schedule.finish(now: 10_910, random: 0)
        #expect(schedule.nextDue == 10_910 + 3240)  // jitter: within ±10%
        schedule.finish(now: 10_910, random: 1)
        #expect(schedule.nextDue == 10_910 + 3960)
    }
}
