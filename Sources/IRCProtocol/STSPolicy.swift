/// The value of an IRCv3 `sts` capability (strict transport security):
/// `port=6697,duration=2592000,preload`.
public struct STSAdvertisement: Sendable, Equatable {
    /// Where TLS is served: what a plain connection must move to.
    public var port: Int?
    /// How long, in seconds, a client must keep using TLS (meaningful on TLS only).
    public var duration: Int?

    /// Reads the value; unknown keys are ignored, a bad port or duration is no value.
    public init(_ value: String) {
        for item in value.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            switch pair[0] {
            case "port": port = Int(pair[1]).flatMap { (1...65535).contains($0) ? $0 : nil }
            case "duration": duration = pair[1].allSatisfy(\.isASCII) ? Int(pair[1]).flatMap { $0 >= 0 ? $0 : nil } : nil
            default: break
            }
        }
    }
}

/// One server's promise to speak TLS: connect to `host` with TLS on `port` until `expires`.
public struct STSPolicy: Sendable, Equatable, Codable {
    /// The host name as configured (compared without case).
    public var host: String
    /// The TLS port to use.
    public var port: Int
    /// Seconds since 1970 (wall clock) after which the policy no longer holds.
    public var expires: Double

    /// A policy.
    public init(host: String, port: Int, expires: Double) {
        self.host = host
        self.port = port
        self.expires = expires
    }
}

/// The policies the bot has learnt, as stored under the state folder.
public struct STSPolicies: Sendable, Equatable, Codable {
    /// One per host.
    public var policies: [STSPolicy] = []

    /// None.
    public init() {}

    /// The policy for `host` still in force at `now`, if any.
    public func policy(for host: String, now: Double) -> STSPolicy? {
        policies.first { $0.host.lowercased() == host.lowercased() && $0.expires > now }
    }

    /// What a TLS connection to `host`:`port` advertised with `duration` seconds: the policy
    /// (re)starts from `now`; a duration of 0 removes it. Expired policies go too.
    public mutating func record(host: String, port: Int, duration: Int, now: Double) {
        policies.removeAll { $0.host.lowercased() == host.lowercased() || $0.expires <= now }
        if duration > 0 { policies.append(STSPolicy(host: host, port: port, expires: now + Double(duration))) }
    }
}
