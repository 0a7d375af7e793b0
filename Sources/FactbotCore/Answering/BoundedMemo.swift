import Synchronization

/// Values worked out once per key and remembered, for an answerer whose facts never change:
/// the clauses of a fact's answer, the accounts shown with a fact. Bounded: the keys asked
/// about most stay cheap, and a bot answering from a very large fact base keeps a small
/// memo (it starts afresh when full). Safe to share between threads; a race only works a
/// value out twice.
final class BoundedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let table = Mutex<[Key: Value]>([:])
    /// Most values remembered.
    let limit: Int

    init(limit: Int = 512) { self.limit = limit }

    /// The value for `key`, made by `make` the first time.
    func value(_ key: Key, _ make: () -> Value) -> Value {
        if let known = table.withLock({ $0[key] }) { return known }
        let made = make()
        table.withLock {
            if $0.count >= limit { $0.removeAll(keepingCapacity: true) }
            $0[key] = made
        }
        return made
    }
}
