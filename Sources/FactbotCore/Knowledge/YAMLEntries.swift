import Yams

/// Reads a YAML file that is a list of entries (mappings) into plain fields, reporting
/// every problem with its line: syntax errors, entries that are not mappings, unknown
/// keys (with a did-you-mean), missing keys and values of the wrong shape.
struct YAMLEntries {
    /// One entry of the list: its fields by key, and the line it starts on.
    struct Entry {
        var line: Int
        var fields: [String: Node]

        func line(of key: String) -> Int { fields[key]?.mark?.line ?? line }
    }

    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// Parses `text` and returns its entries; problems go to ``diagnostics``.
    mutating func entries(in text: String, allowedKeys: [String], requiredKeys: [String]) -> [Entry] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)  // every value is read as text: no tag guessing
        } catch let error as YamlError {
            diagnostics.append(Self.diagnostic(for: error, file: file))
            return []
        } catch {
            diagnostics.append(Diagnostic(file: file, line: nil, "cannot read YAML: \(error)"))
            return []
        }
        guard let root else { return [] }  // an empty file holds no entries
        guard case .sequence(let list) = root else {
            fail(root, "expected a list of entries, each starting with \"- \"")
            return []
        }
        var result: [Entry] = []
        for item in list {
            guard case .mapping(let mapping) = item else {
                fail(item, "expected an entry with keys such as \(allowedKeys.prefix(3).map { "\"\($0):\"" }.joined(separator: ", "))")
                continue
            }
            let line = item.mark?.line ?? 0
            var fields: [String: Node] = [:]
            for (keyNode, value) in mapping {
                guard case .scalar(let key) = keyNode else {
                    fail(keyNode, "a key must be a plain word")
                    continue
                }
                guard allowedKeys.contains(key.string) else {
                    fail(
                        keyNode,
                        "unknown key \"\(key.string)\"\(Suggestion.didYouMean(key.string, in: allowedKeys)); allowed: \(allowedKeys.joined(separator: ", "))")
                    continue
                }
                fields[key.string] = value
            }
            for key in requiredKeys where fields[key] == nil {
                diagnostics.append(Diagnostic(file: file, line: line, "entry is missing \"\(key):\""))
            }
            result.append(Entry(line: line, fields: fields))
        }
        return result
    }

    /// The text of a scalar field, trimmed; nil (with a diagnostic) if it is not text or is empty.
    mutating func text(_ entry: Entry, _ key: String, required: Bool = true) -> String? {
        guard let node = entry.fields[key] else { return nil }
        guard case .scalar(let scalar) = node else {
            fail(node, "\"\(key)\" must be a single line of text, not a list")
            return nil
        }
        let value = scalar.string.trimmingWhitespace()
        if value.isEmpty, required {
            fail(node, "\"\(key)\" is empty")
            return nil
        }
        return value
    }

    /// A list of texts: either a YAML list or a single scalar (taken as a one-item list).
    mutating func list(_ entry: Entry, _ key: String) -> [String] {
        listWithLines(entry, key).map(\.text)
    }

    /// Like ``list(_:_:)``, with the line of each item.
    mutating func listWithLines(_ entry: Entry, _ key: String) -> [(text: String, line: Int)] {
        guard let node = entry.fields[key] else { return [] }
        switch node {
        case .scalar(let scalar):
            let value = scalar.string.trimmingWhitespace()
            return value.isEmpty ? [] : [(value, node.mark?.line ?? entry.line)]
        case .sequence(let sequence):
            var values: [(String, Int)] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    fail(item, "each item of \"\(key)\" must be one line of text")
                    continue
                }
                let value = scalar.string.trimmingWhitespace()
                if value.isEmpty { fail(item, "empty item in \"\(key)\"") } else { values.append((value, item.mark?.line ?? entry.line)) }
            }
            return values
        default:
            fail(node, "\"\(key)\" must be a list of texts")
            return []
        }
    }

    mutating func fail(_ node: Node, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: node.mark?.line, message))
    }

    mutating func fail(line: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, message))
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // Running off the end of the file (a quote never closed): the line to fix is
            // where the unfinished thing opened, not the file's last line.
            if let context, problem.contains("end of stream"), context.mark.line < mark.line {
                let what =
                    context.text.contains("quoted scalar")
                    ? "a quote opened on this line is never closed" : "\(context.text) that starts on this line, the file ends"
                return Diagnostic(file: file, line: context.mark.line, "YAML syntax: \(what) (\(problem) at line \(mark.line))")
            }
            return Diagnostic(file: file, line: mark.line, "YAML syntax: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(
                file: file, line: context.mark.line,
                "key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) appears twice in one entry")
        case .reader(let problem, let offset, _, let yaml):
            let line = offset.map { yaml.utf8.prefix($0).reduce(1) { $1 == 10 ? $0 + 1 : $0 } }
            return Diagnostic(file: file, line: line, "cannot read the file: \(problem) (is it UTF-8 text?)")
        default:
            return Diagnostic(file: file, line: nil, "cannot read YAML: \(error)")
        }
    }
}
