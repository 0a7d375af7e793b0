/// Checks on a source's URL that the parsers and the command line share.
public enum SourceURL {
    /// Why a URL with a user name or password is refused.
    public static let credentialsRefused =
        "a source URL may not hold a user name or password (they would show in every citation, in /sources and in the state folder); factbot fetches public pages"

    /// True when `url` carries credentials: `scheme://user[:password]@host/…`.
    public static func hasCredentials(_ url: String) -> Bool {
        authority(of: url)?.contains("@") ?? false
    }

    /// `url` without any `user[:password]@` in front of its host.
    public static func withoutCredentials(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let authority = authority(of: url), let at = authority.lastIndex(of: "@") else { return url }
        return String(url[..<scheme.upperBound]) + authority[authority.index(after: at)...] + url[authority.endIndex...]
    }

    /// The part between `://` and the path, query or fragment.
    private static func authority(of url: String) -> Substring? {
        guard let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let end = rest.firstIndex(where: { "/?#".contains($0) }) ?? rest.endIndex
        return rest[..<end]
    }
}
