/// The Princeton WordNet 3.0 database in its documented file format (wndb(5)): an index
/// file and a data file per part of speech, and the exception lists of irregular forms.
/// Debian's `wordnet-base` installs them in `/usr/share/wordnet` (without `lexnames` and
/// `index.sense`, which this reader does not need).
///
/// Pure: handed the files' bytes, it finds a lemma's senses by binary search of the sorted
/// index file and reads a synset by seeking to its offset in the data file; nothing is
/// loaded up front. A line not in the documented shape reads as absent, never as a crash.
public struct WordNetDatabase: Sendable {
    /// A file the database cannot do without is missing.
    public struct MissingFile: Error, Equatable, CustomStringConvertible {
        /// Its name.
        public var name: String
        public var description: String { "WordNet file \(name) is missing" }
    }

    /// The files read, by name. The exception lists are optional.
    public static let requiredFiles = PartOfSpeech.allCases.flatMap { ["index.\($0.fileSuffix)", "data.\($0.fileSuffix)"] }
    /// `noun.exc` and kin: irregular forms and their base forms.
    public static let exceptionFiles = PartOfSpeech.allCases.map { "\($0.fileSuffix).exc" }

    let index: [PartOfSpeech: Bytes]
    let data: [PartOfSpeech: Bytes]
    let exceptions: [PartOfSpeech: Bytes]

    /// The database from its files' bytes, by file name (`index.noun`, `data.verb`, `adj.exc` ...).
    public init(files: [String: Bytes]) throws(MissingFile) {
        var index: [PartOfSpeech: Bytes] = [:]
        var data: [PartOfSpeech: Bytes] = [:]
        var exceptions: [PartOfSpeech: Bytes] = [:]
        for pos in PartOfSpeech.allCases {
            guard let i = files["index.\(pos.fileSuffix)"] else { throw MissingFile(name: "index.\(pos.fileSuffix)") }
            guard let d = files["data.\(pos.fileSuffix)"] else { throw MissingFile(name: "data.\(pos.fileSuffix)") }
            index[pos] = i
            data[pos] = d
            exceptions[pos] = files["\(pos.fileSuffix).exc"]
        }
        self.index = index
        self.data = data
        self.exceptions = exceptions
    }

    /// The index entry of `lemma` (lowercase, `_` between words) in one part of speech.
    public func entry(_ lemma: String, _ pos: PartOfSpeech) -> IndexEntry? {
        guard let file = index[pos], let line = Self.findLine(startingWith: Array(lemma.utf8), in: file) else { return nil }
        return entry(line: line, in: file, lemma: lemma, pos)
    }

    /// Every lemma of one part of speech and where its index line starts: for a caller
    /// about to look up many words, one pass over the file instead of a search each.
    public func lemmaLines(_ pos: PartOfSpeech) -> [String: Int] {
        guard let file = index[pos] else { return [:] }
        var lines: [String: Int] = [:]
        lines.reserveCapacity(file.count / 40)
        var start = 0
        while start < file.count {
            let end = file.lineEnd(from: start)
            if file[start] != 32 {  // not the licence
                var space = start
                while space < end, file[space] != 32 { space += 1 }
                lines[String(decoding: file.buffer[start..<space], as: UTF8.self)] = start
            }
            start = end + 1
        }
        return lines
    }

    /// The lemmas of one part of speech with at least one sense seen in WordNet's tagged
    /// corpus (words in common use, not rare spellings), in one pass over the index file.
    public func taggedLemmas(_ pos: PartOfSpeech) -> [String] {
        guard let file = index[pos] else { return [] }
        var lemmas: [String] = []
        var start = 0
        while start < file.count {
            let end = file.lineEnd(from: start)
            defer { start = end + 1 }
            guard file[start] != 32 else { continue }  // the licence
            var cursor = FieldCursor(bytes: file, position: start, end: end)
            guard let lemma = cursor.field(), cursor.field() != nil, cursor.decimal() != nil, let pointerCount = cursor.decimal() else { continue }
            var complete = true
            for _ in 0..<pointerCount where cursor.field() == nil { complete = false }
            guard complete, cursor.decimal() != nil, let tagged = cursor.decimal(), tagged > 0 else { continue }
            lemmas.append(String(decoding: file.buffer[lemma], as: UTF8.self))
        }
        return lemmas
    }

    /// The irregular forms the exception list of `pos` lists ("understood", "men"), not
    /// their base forms.
    public func irregularForms(_ pos: PartOfSpeech) -> Set<String> {
        guard let file = exceptions[pos] else { return [] }
        var forms: Set<String> = []
        var start = 0
        while start < file.count {
            let end = file.lineEnd(from: start)
            var cursor = FieldCursor(bytes: file, position: start, end: end)
            if let form = cursor.field() { forms.insert(String(decoding: file.buffer[form], as: UTF8.self)) }
            start = end + 1
        }
        return forms
    }

    /// The index entry whose line starts at `offset` (from ``lemmaLines(_:)``).
    public func entry(atLine offset: Int, lemma: String, _ pos: PartOfSpeech) -> IndexEntry? {
        guard let file = index[pos], offset >= 0, offset < file.count, file.startsLine(offset) else { return nil }
        return entry(line: offset..<file.lineEnd(from: offset), in: file, lemma: lemma, pos)
    }

    private func entry(line: Range<Int>, in file: Bytes, lemma: String, _ pos: PartOfSpeech) -> IndexEntry? {
        var cursor = FieldCursor(bytes: file, position: line.lowerBound, end: line.upperBound)
        guard cursor.field() != nil, cursor.field() != nil,  // lemma, pos
            let synsetCount = cursor.decimal(), let pointerCount = cursor.decimal()
        else { return nil }
        for _ in 0..<pointerCount where cursor.field() == nil { return nil }
        guard cursor.decimal() != nil, let tagged = cursor.decimal() else { return nil }  // sense_cnt, tagsense_cnt
        var synsets: [Int] = []
        synsets.reserveCapacity(synsetCount)
        for _ in 0..<synsetCount {
            guard let offset = cursor.decimal() else { return nil }
            synsets.append(offset)
        }
        return IndexEntry(lemma: lemma, partOfSpeech: pos, synsets: synsets, taggedSenses: tagged)
    }

    /// The synset at `offset` of the data file of `pos`.
    public func synset(at offset: Int, _ pos: PartOfSpeech) -> Synset? {
        guard let file = data[pos], offset >= 0, offset < file.count, file.startsLine(offset) else { return nil }
        let synset = Synset.parse(file, from: offset, to: file.lineEnd(from: offset))
        return synset?.offset == offset ? synset : nil
    }

    /// The base forms WordNet's morphy finds for `word` in `pos`, those the index holds:
    /// the word itself, the forms its exception list gives (`men` → `man`), and the forms
    /// the documented suffix rules give (`recruits` → `recruit`, `paid` via `verb.exc`).
    public func baseForms(_ word: String, _ pos: PartOfSpeech) -> [String] {
        baseForms(word, pos) { entry($0, pos) != nil }
    }

    /// The same, asking `isLemma` (a memo, say) whether the index holds a form.
    public func baseForms(_ word: String, _ pos: PartOfSpeech, isLemma: (String) -> Bool) -> [String] {
        var forms: [String] = []
        func add(_ form: String) {
            if !form.isEmpty, !forms.contains(form), isLemma(form) { forms.append(form) }
        }
        add(word)
        if let file = exceptions[pos], let line = Self.findLine(startingWith: Array(word.utf8), in: file) {
            var cursor = FieldCursor(bytes: file, position: line.lowerBound, end: line.upperBound)
            _ = cursor.field()
            while let base = cursor.field() { add(String(decoding: file.buffer[base], as: UTF8.self)) }
        }
        for (suffix, ending) in Self.suffixRules[pos] ?? [] where word.hasSuffix(suffix) && word.count > suffix.count {
            add(String(word.dropLast(suffix.count)) + ending)
        }
        return forms
    }

    /// morphy(7)'s detachment rules.
    static let suffixRules: [PartOfSpeech: [(String, String)]] = [
        .noun: [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")],
        .verb: [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")],
        .adjective: [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    ]

    /// The line of a sorted file whose first field is `key`, by binary search over byte
    /// offsets. Lines starting with a space (the licence at the top) sort before any word.
    static func findLine(startingWith key: [UInt8], in file: Bytes) -> Range<Int>? {
        guard !key.isEmpty, !key.contains(32), !key.contains(10) else { return nil }
        var low = 0
        var high = file.count  // `low` is always where a line starts
        while low < high {
            let middle = (low + high) / 2
            var start = middle == 0 ? 0 : file.lineEnd(from: middle - 1) + 1  // the first line starting at or after middle
            if start >= high { start = low }
            let end = file.lineEnd(from: start)
            switch compare(key, file, start, end) {
            case 0: return start..<end
            case let order where order < 0: high = start
            default: low = end + 1
            }
        }
        return nil
    }

    /// Compares `key` with the first field of the line `start..<end`: <0, 0 or >0.
    static func compare(_ key: [UInt8], _ file: Bytes, _ start: Int, _ end: Int) -> Int {
        var position = start
        for byte in key {
            guard position < end else { return 1 }
            let other = file[position]
            if other == 32 { return 1 }  // the field is a prefix of the key
            if byte != other { return Int(byte) - Int(other) }
            position += 1
        }
        return position < end && file[position] != 32 ? -1 : 0
    }
}
