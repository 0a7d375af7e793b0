/// Limits how many questions one user may ask in a window of time.
///
/// The first question over the limit gets one short notice; the rest of the window is
/// silent; once the window has room again the user is answered as before. Nobody is
/// ignored for longer than the window.
public struct QuestionRateLimit: Sendable {
    /// What to do with one question.
    public enum Verdict: Sendable, Equatable {
        /// Answer it.
        case answer
        /// Tell the user once that they are asking too fast; `retryAfter` seconds until room.
        case warn(retryAfter: Double)
        /// Stay quiet.
        case drop
    }

    /// Questions allowed per window.
    public var limit: Int
    /// The window, in seconds.
    public var window: Double

    private var asked: [String: [Double]] = [:]
    private var warned: Set<String> = []

    /// `limit` questions per `window` seconds per user.
    public init(limit: Int = 6, window: Double = 60) {
        self.limit = max(1, limit)
        self.window = max(0, window)
    }

    /// Records a question from `user` (any stable key, such as `user@host`) at `now`.
    public mutating func check(_ user: String, now: Double) -> Verdict {
        var times = asked[user, default: []].filter { now - $0 < window }
        defer {
            if times.isEmpty { asked[user] = nil } else { asked[user] = times }
            if asked.count > 10_000 { forgetIdle(now: now) }
        }
        if times.count < limit {
            times.append(now)
            warned.remove(user)
            return .answer
        }
        if warned.contains(user) { return .drop }
        warned.insert(user)
        return .warn(retryAfter: max(0, window - (now - times[0])))
    }

    /// The limit in words, for the notice: "6 questions a minute", "2 questions per 30 s".
    public var rate: String {
        let questions = limit == 1 ? "1 question" : "\(limit) questions"
        func number(_ value: Double) -> String {
            value == value.rounded() ? "\(Int(value))" : "\((value * 10).rounded() / 10)"
        }
        switch window {
        case 1: return "\(questions) a second"
        case 60: return "\(questions) a minute"
        case 3600: return "\(questions) an hour"
        case let seconds where seconds > 60 && seconds.truncatingRemainder(dividingBy: 3600) == 0:
            return "\(questions) per \(number(seconds / 3600)) hours"
        case let seconds where seconds > 60 && seconds.truncatingRemainder(dividingBy: 60) == 0:
            return "\(questions) per \(number(seconds / 60)) minutes"
        default: return "\(questions) per \(number(window)) s"
        }
    }

    /// Drops users with nothing in the window (bounds memory under many askers).
    public mutating func forgetIdle(now: Double) {
        asked = asked.filter { _, times in times.contains { now - $0 < window } }
        warned = warned.filter { asked[$0] != nil }
    }
}
