import Testing

@testable import IRCProtocol

@Suite struct PacingTests {
    func check(_ limit: inout QuestionRateLimit, _ user: String, _ now: Double) -> QuestionRateLimit.Verdict {
        limit.check(user, now: now)
    }

    @Test func tokenBucketAllowsABurstThenASteadyRate() {
        var flood = FloodControl(burst: 3, interval: 2)
        let burst = (0..<4).map { _ in flood.take(now: 0) }
        #expect(burst == [true, true, true, false])
        let next = flood.nextSendTime(now: 0)
        #expect(next == 2)
        let early = flood.take(now: 1.9)
        let onTime = flood.take(now: 2)
        #expect(!early && onTime)
        let after = flood.nextSendTime(now: 2)
        #expect(after == 4)
        // A long quiet spell refills only up to the burst.
        let refilled = (0..<4).map { _ in flood.take(now: 100) }
        #expect(refilled == [true, true, true, false])
    }

    @Test func urgentLinesSpendTheBurstButLeaveNoDebt() {
        var flood = FloodControl(burst: 2, interval: 1)
        flood.charge(now: 0)
        flood.charge(now: 0)
        flood.charge(now: 0)
        let next = flood.nextSendTime(now: 0)
        #expect(next == 1)
    }

    @Test func rateLimitWarnsOnceThenStaysQuietUntilTheWindowHasRoom() {
        var limit = QuestionRateLimit(limit: 2, window: 10)
        #expect(check(&limit, "u@h", 0) == .answer)
        #expect(check(&limit, "u@h", 1) == .answer)
        #expect(check(&limit, "u@h", 2) == .warn(retryAfter: 8))
        #expect(check(&limit, "u@h", 3) == .drop)
        #expect(check(&limit, "other@h", 3) == .answer)
        #expect(limit.check("u@h", now: 10) == .answer)  // the first question left the window
        #expect(check(&limit, "u@h", 10.5) == .warn(retryAfter: 0.5))
    }

    @Test func backoffDoublesToItsCapWithJitterAndResets() {
        var backoff = Backoff(initial: 1, maximum: 8)
        let delays = (0..<6).map { _ in backoff.nextDelay(random: 1) }
        #expect(delays == [1, 2, 4, 8, 8, 8])
        let jittered = backoff.nextDelay(random: 0)
        #expect(jittered == 4)  // jitter: upper half of the range
        backoff.reset()
        let first = backoff.nextDelay(random: 0.3)
        #expect(first >= 0.5 && first <= 1)
    }
}
