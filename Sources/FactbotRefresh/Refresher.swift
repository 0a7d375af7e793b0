import Dispatch
import FactbotCore
import Foundation
import SourceText

/// Fetches sources, keeps the last good copy of each, and says what happened.
public struct Refresher: Sendable {
    /// A source to fetch: its id and URL.
    public struct Target: Sendable, Equatable {
        public var id: String
        public var url: String
        public init(id: String, url: String) {
            self.id = id
            self.url = url
        }
    }

    /// What happened to one source.
    public struct Report: Sendable, Equatable {
        public enum Outcome: Sendable, Equatable {
            /// A new copy was stored: paragraphs and sentences extracted.
            case fetched(paragraphs: Int, sentences: Int, bytes: Int, changed: Bool)
            /// 304: the stored copy is current.
            case unchanged
            /// Nothing stored; the previous copy (fetched at `kept`, if any) stays in use.
            case failed(reason: String, kept: String?)
        }

        public var id: String
        public var url: String
        public var outcome: Outcome
        /// Problems reading the previous copy (reported, then refetched unconditionally).
        public var notes: [String] = []
        /// The stored copy after this refresh, if any.
        public var stored: StoredSource?
        /// The copy stored before this refresh, if any.
        public var previous: StoredSource?

        /// One line for `factbot refresh`.
        public var line: String {
            switch outcome {
            case .fetched(let paragraphs, let sentences, let bytes, let changed):
                return "\(id): fetched (\(bytes) bytes, \(paragraphs) paragraphs, \(sentences) sentences\(changed ? "" : ", same text as before"))"
            case .unchanged:
                return "\(id): unchanged (304 Not Modified)"
            case .failed(let reason, let kept):
                return "\(id): failed: \(reason); \(kept.map { "keeping the copy fetched \($0)" } ?? "no copy stored yet")"
            }
        }

        public var failed: Bool { if case .failed = outcome { true } else { false } }
    }

    public let store: SourceStore
    public let limits: FetchLimits
    /// The clock, as an ISO 8601 timestamp (injectable for tests).
    public let now: @Sendable () -> String

    public init(store: SourceStore, limits: FetchLimits, now: @escaping @Sendable () -> String = Refresher.isoNow) {
        self.store = store
        self.limits = limits
        self.now = now
    }

    /// Refreshes every target concurrently, each fetch on a thread of its own (libcurl
    /// blocks), and returns the reports in the targets' order.
    public func refresh(_ targets: [Target]) -> [Report] {
        Fetcher.setUp()
        let results = ReportBox(count: targets.count)
        let group = DispatchGroup()
        for (index, target) in targets.enumerated() {
            group.enter()
            Thread.detachNewThread {
                results.set(index, refreshOne(target))
                group.leave()
            }
        }
        group.wait()
        return results.all
    }

    /// One source: conditional GET, extract, store atomically, or keep the old copy.
    public func refreshOne(_ target: Target) -> Report {
        var notes: [String] = []
        var previous: StoredSource?
        switch store.load(target.id) {
        case .success(let stored): previous = stored
        case .failure(let problem): notes.append(problem.description)
        }
        // Validators only when the stored copy is of the same URL.
        let conditional = previous?.url == target.url ? previous : nil
        let fetched = Fetcher.fetch(target.url, etag: conditional?.etag, lastModified: conditional?.lastModified, limits: limits)
        func failure(_ reason: String) -> Report {
            Report(
                id: target.id, url: target.url, outcome: .failed(reason: reason, kept: previous?.fetchedAt), notes: notes, stored: previous, previous: previous)
        }
        switch fetched {
        case .notModified:
            guard previous != nil else { return failure("304 Not Modified, but no copy is stored") }
            return Report(id: target.id, url: target.url, outcome: .unchanged, notes: notes, stored: previous, previous: previous)
        case .failed(let reason):
            return failure(reason)
        case .page(let page):
            let article: Article
            if page.contentType == "text/plain" {
                article = Paragraphs.fromPlainText(String(decoding: page.body, as: UTF8.self))
                guard article.paragraphs.reduce(0, { $0 + $1.count }) >= 200 else { return failure(ExtractionError.noArticle.description) }
            } else {
                switch HTMLExtractor.extract(page.body, url: page.finalURL) {
                case .success(let extracted): article = extracted
                case .failure(let error): return failure(error.description)
                }
            }
            let hash = StoredSource.hash(page.body)
            let stored = StoredSource(
                id: target.id, url: target.url, finalURL: SourceURL.withoutCredentials(page.finalURL), etag: page.etag,
                lastModified: page.lastModified, fetchedAt: now(), contentHash: hash, status: 200, article: article)
            do { try store.save(stored) } catch { return failure("cannot store: \(error.description)") }
            return Report(
                id: target.id, url: target.url,
                outcome: .fetched(
                    paragraphs: article.paragraphs.count, sentences: article.sentences.count,
                    bytes: page.body.count, changed: previous?.contentHash != hash),
                notes: notes, stored: stored, previous: previous)
        }
    }

    /// Now, UTC, ISO 8601 to the second.
    @Sendable public static func isoNow() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}

/// Reports filled in by the fetch threads.
final class ReportBox: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [Refresher.Report?]
    init(count: Int) { reports = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ report: Refresher.Report) { lock.withLock { reports[index] = report } }
    var all: [Refresher.Report] { lock.withLock { reports.compactMap { $0 } } }
}
