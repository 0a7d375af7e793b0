import FactbotCore
import Foundation
import Testing

@testable import FactbotRefresh

/// libcurl against a real HTTP server on loopback.
@Suite(.timeLimit(.minutes(2)))
struct FetcherTests {
    var limits: FetchLimits {
        var limits = FetchLimits()
        limits.totalTimeout = 2
        limits.connectTimeout = 2
        limits.maxBytes = 1_000_000
        limits.userAgent = "factbot/test"
        return limits
    }

    func page(_ result: FetchResult) -> FetchResult.Page? {
        if case .page(let page) = result { return page }
        return nil
    }

    @Test func etagThenNotModified() throws {
        let server = try HTTPTestServer()
        try server.put("a.html", Pages.harbour)
        let first = try #require(page(Fetcher.fetch(server.url("/files/a.html"), limits: limits)))
        #expect(first.contentType == "text/html")
        let etag = try #require(first.etag)
        #expect(first.lastModified != nil)
        #expect(Fetcher.fetch(server.url("/files/a.html"), etag: etag, lastModified: first.lastModified, limits: limits) == .notModified)
        let sent = try server.requests()
        #expect(sent.last?.headers["If-None-Match"] == etag)
        #expect(sent.last?.headers["User-Agent"] == "factbot/test")
        // Changed content: a new ETag, a full body.
        try server.put("a.html", Pages.harbour.replacingOccurrences(of: "1,240", with: "1,300"))
        let changed = try #require(page(Fetcher.fetch(server.url("/files/a.html"), etag: etag, limits: limits)))
        #expect(changed.etag != etag)
    }

    @Test func lastModifiedOnly() throws {
        let server = try HTTPTestServer()
        try server.put("a.html", Pages.harbour)
        let first = try #require(page(Fetcher.fetch(server.url("/lastmod/a.html"), limits: limits)))
        #expect(first.etag == nil)
        let since = try #require(first.lastModified)
        #expect(Fetcher.fetch(server.url("/lastmod/a.html"), lastModified: since, limits: limits) == .notModified)
        #expect(try server.requests().last?.headers["If-Modified-Since"] == since)
    }

    @Test func redirectsAreFollowedWithinTheLimitAndOnlyToHTTP() throws {
        let server = try HTTPTestServer()
        try server.put("a.html", Pages.harbour)
        let followed = try #require(page(Fetcher.fetch(server.url("/redirect/3/a.html"), limits: limits)))
        #expect(followed.finalURL == server.url("/files/a.html"))
        #expect(Fetcher.fetch(server.url("/redirect/9/a.html"), limits: limits) == .failed("too many redirects (more than 5)"))
        #expect(Fetcher.fetch(server.url("/loop"), limits: limits) == .failed("too many redirects (more than 5)"))
        #expect(Fetcher.fetch(server.url("/to-ftp"), limits: limits) == .failed("redirected to a scheme other than http or https"))
        #expect(Fetcher.fetch(server.url("/to-file"), limits: limits) == .failed("redirected to a scheme other than http or https"))
        #expect(Fetcher.fetch("file:///etc/passwd", limits: limits) == .failed("not an http or https URL: file:///etc/passwd"))
    }

    @Test func errorsTimeoutsSizesAndTypes() throws {
        let server = try HTTPTestServer()
        #expect(Fetcher.fetch(server.url("/status/404"), limits: limits) == .failed("HTTP 404"))
        #expect(Fetcher.fetch(server.url("/status/500"), limits: limits) == .failed("HTTP 500"))
        let started = Date()
        #expect(Fetcher.fetch(server.url("/stall"), limits: limits) == .failed("timed out (limit 2 s)"))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(Fetcher.fetch(server.url("/big"), limits: limits) == .failed("larger than the 1000000-byte limit"))
        #expect(Fetcher.fetch(server.url("/big-chunked"), limits: limits) == .failed("larger than the 1000000-byte limit"))
        #expect(Fetcher.fetch(server.url("/pdf"), limits: limits) == .failed("not a web page or text (application/pdf)"))
        #expect(Fetcher.fetch("http://127.0.0.1:1/", limits: limits) == .failed("could not connect"))
    }
}
