/// The accounts several sources give of one thing, as the curator linked them
/// (`updates`, `disputes`, `confirms`): which facts tell of the same thing, and how the
/// reply shows them. Built once per answerer; pure.
struct Accounts: Sendable {
    /// For each fact linked to another, the members of its group (positions in the
    /// index's facts, file order). Facts without links are not listed.
    private let groups: [Int32: [Int32]]

    /// Groups the facts linked by their relations (in either direction, transitively).
    init(facts: [Fact]) {
        var position: [String: Int32] = [:]
        for (index, fact) in facts.enumerated() where !fact.relations.isEmpty { position[fact.id] = Int32(index) }
        guard !position.isEmpty else {
            groups = [:]
            return
        }
        for (index, fact) in facts.enumerated() where position[fact.id] == nil { position[fact.id] = Int32(index) }
        // union-find over the links
        var parent: [Int32: Int32] = [:]
        func root(_ node: Int32) -> Int32 {
            var node = node
            while let up = parent[node], up != node { node = up }
            return node
        }
        for (index, fact) in facts.enumerated() {
            for relation in fact.relations {
                guard let other = position[relation.factID] else { continue }
                let me = Int32(index)
                if parent[me] == nil { parent[me] = me }
                if parent[other] == nil { parent[other] = other }
                let (a, b) = (root(me), root(other))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var members: [Int32: [Int32]] = [:]
        for node in parent.keys.sorted() { members[root(node), default: []].append(node) }
        var groups: [Int32: [Int32]] = [:]
        for group in members.values where group.count > 1 { for node in group { groups[node] = group } }
        self.groups = groups
    }

    /// True when the facts at `a` and `b` are in one group.
    func linked(_ a: Int32, _ b: Int32) -> Bool { groups[a]?.contains(b) ?? false }

    /// The facts telling of the same thing as `fact` (itself included), or nil when it has
    /// no linked account.
    func group(of fact: Int32) -> [Int32]? { groups[fact] }

    /// The accounts of `group` as the reply shows them: current ones first (newest source
    /// first), then the ones a newer fact updates, marked earlier. Facts that confirm each
    /// other are one account citing each source; its text is `chosen`'s when it is among them.
    static func accounts(of group: [Fact], chosen: String, sources: (Fact) -> Source?) -> [Answer.Account] {
        // which facts are earlier is worked out over the whole group (a gap may sit in a chain
        // of updates); gaps are not shown
        var facts = group
        let ids = Set(facts.map(\.id))
        // superseded: updated by another fact of the group, directly or through a chain
        var superseded: Set<String> = []
        var frontier = facts.flatMap { $0.relations.filter { $0.kind == .updates && ids.contains($0.factID) }.map(\.factID) }
        while let id = frontier.popLast() {
            guard superseded.insert(id).inserted, let fact = facts.first(where: { $0.id == id }) else { continue }
            frontier += fact.relations.filter { $0.kind == .updates && ids.contains($0.factID) }.map(\.factID)
        }
        // a fact confirming a superseded one is as old (the same account, told elsewhere)
        var changed = true
        while changed {
            changed = false
            for fact in facts where !superseded.contains(fact.id) {
                let confirmed = facts.contains { other in
                    superseded.contains(other.id)
                        && (fact.relations.contains { $0.kind == .confirms && $0.factID == other.id }
                            || other.relations.contains { $0.kind == .confirms && $0.factID == fact.id })
                }
                if confirmed {
                    superseded.insert(fact.id)
                    changed = true
                }
            }
        }
        facts.removeAll { $0.types.contains(.gap) }
        guard !facts.isEmpty else { return [] }
        // accounts: facts joined by `confirms` (either direction) are one
        var account: [String: Int] = [:]
        var members: [[Fact]] = []
        for fact in facts where account[fact.id] == nil {
            let index = members.count
            var found: [Fact] = []
            var stack = [fact]
            account[fact.id] = index
            while let next = stack.popLast() {
                found.append(next)
                let confirmed = facts.filter { other in
                    account[other.id] == nil && superseded.contains(other.id) == superseded.contains(next.id)
                        && (next.relations.contains { $0.kind == .confirms && $0.factID == other.id }
                            || other.relations.contains { $0.kind == .confirms && $0.factID == next.id })
                }
                for other in confirmed {
                    account[other.id] = index
                    stack.append(other)
                }
            }
            members.append(found)
        }
        var accounts: [(account: Answer.Account, newest: String)] = members.map { facts in
            let cited = facts.compactMap(sources).sorted { $0.published > $1.published }
            var seen: Set<String> = []
            let unique = cited.filter { seen.insert($0.id).inserted }
            let newestFact = facts.max { (sources($0)?.published ?? "") < (sources($1)?.published ?? "") } ?? facts[0]
            let text = facts.first { $0.id == chosen }?.answer ?? newestFact.answer
            return (
                Answer.Account(text: text, sources: unique, factIDs: facts.map(\.id), isEarlier: superseded.contains(facts[0].id)),
                unique.first?.published ?? ""
            )
        }
        accounts.sort { ($0.account.isEarlier ? 1 : 0, $1.newest) < ($1.account.isEarlier ? 1 : 0, $0.newest) }
        return accounts.map(\.account)
    }
}
