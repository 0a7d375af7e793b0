import FactbotCore
import FactbotRefresh
import Foundation

/// The stored copies of the sources as text the answerer can quote.
public enum StoredTexts {
    /// The sentences of every stored copy, each cited as the registered source (at the
    /// URL it was fetched from) or, for an id given only with `--source`, as the page says.
    /// An unreadable copy adds a warning and is skipped.
    public static func read(_ store: SourceStore, knowledge: KnowledgeBase, warnings: inout [String]) -> [SourceSentences] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: store.folder)) ?? []
        let ids = files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        let (stored, problems) = store.loadAll(ids)
        warnings += problems.map { "warning: \($0)" }
        return stored.map { copy in
            var source =
                knowledge.sources[copy.id]
                ?? Source(
                    id: copy.id, url: copy.finalURL, title: copy.article.title, author: copy.article.author,
                    publisher: URL(string: copy.finalURL)?.host ?? copy.finalURL, published: String(copy.article.published.prefix(10)))
            source.url = copy.finalURL
            return SourceSentences(source: source, sentences: copy.article.sentences)
        }
    }
}
