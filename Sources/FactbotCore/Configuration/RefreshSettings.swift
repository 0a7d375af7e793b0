/// The `[refresh]` section of bot.conf.
public struct RefreshSettings: Sendable, Equatable {
    /// Seconds between scheduled refreshes in `factbot run` (6 hours).
    public var interval = 6 * 3600.0
    /// Where fetched copies live.
    public var stateDirectory = "state"
    /// Limits on each fetch.
    public var limits = FetchLimits()

    /// Defaults.
    public init() {}
}

/// Limits on one fetch.
public struct FetchLimits: Sendable, Equatable {
    /// Seconds to establish the connection.
    public var connectTimeout = 10.0
    /// Seconds for the whole transfer, redirects included.
    public var totalTimeout = 30.0
    /// Largest body accepted, in bytes, enforced while downloading.
    public var maxBytes = 5 * 1024 * 1024
    /// Redirects followed at most.
    public var maxRedirects = 5
    /// A PEM CA file to trust instead of the system's (private servers); empty for the system's.
    public var caFile = ""
    /// Sent as User-Agent.
    public var userAgent = "factbot"

    /// Defaults.
    public init() {}
}
