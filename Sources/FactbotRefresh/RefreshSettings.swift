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
