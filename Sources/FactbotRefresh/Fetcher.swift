import CCurl
import FactbotCore

/// What one fetch gave.
public enum FetchResult: Sendable, Equatable {
    /// 200 with a body of an accepted type.
    case page(Page)
    /// 304: the copy we have is current.
    case notModified
    /// Anything else, in words.
    case failed(String)

    /// A fetched page.
    public struct Page: Sendable, Equatable {
        public var body: [UInt8]
        public var contentType: String
        public var finalURL: String
        public var etag: String?
        public var lastModified: String?
    }
}

/// One HTTP(S) GET through libcurl: conditional (If-None-Match / If-Modified-Since),
/// http and https only (redirects too), bounded in time, size and redirects, certificates
/// verified. Blocks its thread: run each fetch on a thread of its own.
public enum Fetcher {
    /// Loads and initialises libcurl (once, from any thread); false when libcurl cannot
    /// be loaded, in which case every fetch fails saying so.
    @discardableResult
    public static func setUp() -> Bool { factbot_curl_available() != 0 }

    /// Collects the body, refusing more than `limit` bytes.
    final class Sink {
        var bytes: [UInt8] = []
        let limit: Int
        var overflowed = false
        init(limit: Int) { self.limit = limit }
    }

    /// Fetches `url`, conditionally on the validators from the last good fetch.
    public static func fetch(_ url: String, etag: String? = nil, lastModified: String? = nil, limits: FetchLimits) -> FetchResult {
        guard url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://") else {
            return .failed("not an http or https URL: \(url)")
        }
        guard factbot_curl_available() != 0 else { return .failed("libcurl (libcurl4) could not be loaded") }
        guard let handle = factbot_curl_easy_init() else { return .failed("libcurl could not start") }
        defer { factbot_curl_easy_cleanup(handle) }
        let sink = Sink(limit: limits.maxBytes)
        var headers: UnsafeMutablePointer<curl_slist>?
        if let etag, !etag.isEmpty { headers = factbot_curl_slist_append(headers, "If-None-Match: \(etag)") }
        if let lastModified, !lastModified.isEmpty { headers = factbot_curl_slist_append(headers, "If-Modified-Since: \(lastModified)") }
        headers = factbot_curl_slist_append(headers, "Accept: text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
        defer { factbot_curl_slist_free_all(headers) }

        factbot_curl_setopt_str(handle, CURLOPT_URL, url)
        // http and https only, redirects included; a libcurl that cannot promise it fetches nothing.
        guard factbot_curl_setopt_str(handle, CURLOPT_PROTOCOLS_STR, "http,https") == CURLE_OK,
            factbot_curl_setopt_str(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") == CURLE_OK
        else {
            return .failed("this libcurl cannot restrict protocols to http and https (7.85 or later needed)")
        }
        factbot_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        factbot_curl_setopt_long(handle, CURLOPT_MAXREDIRS, limits.maxRedirects)
        factbot_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(limits.connectTimeout * 1000))
        factbot_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(limits.totalTimeout * 1000))
        factbot_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        factbot_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        factbot_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        factbot_curl_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limits.maxBytes))
        factbot_curl_setopt_str(handle, CURLOPT_USERAGENT, limits.userAgent)
        factbot_curl_setopt_str(handle, CURLOPT_ACCEPT_ENCODING, "")
        factbot_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers)
        if !limits.caFile.isEmpty { factbot_curl_setopt_str(handle, CURLOPT_CAINFO, limits.caFile) }
        factbot_curl_setopt_writefn(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
            let length = size * count
            guard sink.bytes.count + length <= sink.limit else {
                sink.overflowed = true
                return 0
            }
            if let data {
                data.withMemoryRebound(to: UInt8.self, capacity: length) { sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: length)) }
            }
            return length
        }
        factbot_curl_setopt_ptr(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque())

        let code = withExtendedLifetime(sink) { factbot_curl_easy_perform(handle) }
        if code != CURLE_OK {
            return .failed(describe(code, sink: sink, limits: limits))
        }
        var status = 0
        factbot_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        if status == 304 { return .notModified }
        guard status == 200 else { return .failed("HTTP \(status)") }

        var typePointer: UnsafeMutablePointer<CChar>?
        factbot_curl_getinfo_str(handle, CURLINFO_CONTENT_TYPE, &typePointer)
        let contentType = typePointer.map { String(cString: $0) } ?? ""
        let mediaType = contentType.split(separator: ";").first.map { String($0).trimmingWhitespace().lowercased() } ?? ""
        guard mediaType.isEmpty || ["text/html", "application/xhtml+xml", "text/plain"].contains(mediaType) else {
            return .failed("not a web page or text (\(mediaType))")
        }
        var finalPointer: UnsafeMutablePointer<CChar>?
        factbot_curl_getinfo_str(handle, CURLINFO_EFFECTIVE_URL, &finalPointer)
        return .page(
            .init(
                body: sink.bytes, contentType: mediaType.isEmpty ? "text/html" : mediaType,
                finalURL: finalPointer.map { String(cString: $0) } ?? url,
                etag: header(handle, "ETag"), lastModified: header(handle, "Last-Modified")))
    }

    static func header(_ handle: UnsafeMutableRawPointer, _ name: String) -> String? {
        var found: UnsafeMutablePointer<curl_header>?
        guard factbot_curl_easy_header(handle, name, 0, UInt32(CURLH_HEADER), -1, &found) == CURLHE_OK, let value = found?.pointee.value else { return nil }
        return String(cString: value)
    }

    static func describe(_ code: CURLcode, sink: Sink, limits: FetchLimits) -> String {
        switch code {
        case CURLE_OPERATION_TIMEDOUT: return "timed out (limit \(Int(limits.totalTimeout)) s)"
        case CURLE_WRITE_ERROR where sink.overflowed, CURLE_FILESIZE_EXCEEDED: return "larger than the \(limits.maxBytes)-byte limit"
        case CURLE_TOO_MANY_REDIRECTS: return "too many redirects (more than \(limits.maxRedirects))"
        case CURLE_UNSUPPORTED_PROTOCOL: return "redirected to a scheme other than http or https"
        case CURLE_COULDNT_CONNECT: return "could not connect"
        case CURLE_COULDNT_RESOLVE_HOST: return "could not resolve the host"
        case CURLE_PEER_FAILED_VERIFICATION: return "the server's certificate is not trusted"
        default: return String(cString: factbot_curl_easy_strerror(code))
        }
    }
}
