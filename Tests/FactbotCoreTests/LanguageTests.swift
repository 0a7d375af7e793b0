import Testing

@testable import FactbotCore

@Suite("Tokenising, stemming, spelling, synonyms")
struct LanguageTests {
    @Test func tokensNormaliseCaseAccentsAndNumbers() {
        let tokens = Tokenizer.tokens("Zelenskyy said 60,000 YUAN (£6,000) or 18k, Café’s two!")
        #expect(tokens.map(\.text) == ["zelenskyy", "said", "60000", "yuan", "pound", "6000", "or", "18000", "cafe's", "two"])
        #expect(Tokenizer.tokens("read dev.ua. Then").map(\.text) == ["read", "dev.ua", "then"])
        #expect(tokens[0].capitalised == false)  // starts the sentence
        #expect(tokens[3].capitalised == true)
    }

    @Test func junkIsSeparatorsNotACrash() {
        #expect(Tokenizer.tokens("").isEmpty)
        #expect(Tokenizer.tokens("\u{0}\u{7}\u{1B}[31m???").map(\.text) == ["31m"])
        let long = String(repeating: "word ", count: 20_000)
        #expect(Tokenizer.tokens(long).count == Tokenizer.maximumTokens)
    }

    @Test func stemmerIsSnowball() throws {
        let stemmer = try #require(Stemmer())
        #expect(["recruiting", "recruited", "recruitment", "recruits"].map(stemmer.stem) == Array(repeating: "recruit", count: 4))
        #expect(stemmer.stem("") == "")
        // irregular pasts stem as their verb, but not forms that are often other words
        #expect(stemmer.stem("sent") == stemmer.stem("sending"))
        #expect(stemmer.stem("hid") == stemmer.stem("hides") && stemmer.stem("hidden") == stemmer.stem("hide"))
        #expect(stemmer.stem("fought") == stemmer.stem("fighting"))
        #expect(stemmer.stem("left") != stemmer.stem("leave") && stemmer.stem("found") != stemmer.stem("find"))
    }

    @Test func vocabularyCorrectsCloseWordsOnly() {
        var vocabulary = Vocabulary()
        for word in ["zelensky", "salary", "recruited", "bakhmut", "look", "journalist", "job", "year", "wife", "wine"] { vocabulary.insert(word) }
        #expect(vocabulary.correction(for: "zelenski") == "zelensky")
        #expect(vocabulary.correction(for: "salery") == "salary")
        #expect(vocabulary.correction(for: "recruted") == "recruited")
        #expect(vocabulary.correction(for: "jornalist") == "journalist")
        #expect(vocabulary.correction(for: "bakhmutt") == "bakhmut")
        #expect(vocabulary.correction(for: "cook") == nil)  // no known word starts the same
        #expect(vocabulary.correction(for: "yeer") == "year")  // four letters: one word alone a slip away
        #expect(vocabulary.correction(for: "wief") == "wife")
        #expect(vocabulary.correction(for: "wime") == nil)  // "wife" or "wine": no guess
        #expect(vocabulary.correction(for: "wime", typed: { ["the", "wine"].contains($0) }) == "wife")  // a word typed right is not the slip
        #expect(vocabulary.correction(for: "jobb") == "job")  // ... but for a last letter typed twice
        #expect(vocabulary.correction(for: "seee") == nil)
        #expect(vocabulary.correction(for: "qwerty") == nil)
    }

    @Test func aSlipInTheOpeningQuestionWordIsRead() {
        let stop: WordSet = ["what", "which", "when", "where", "who", "why", "how", "with"]
        #expect(Lexicon.questionWordSlip("wich", stopWords: stop) == "which")
        #expect(Lexicon.questionWordSlip("whta", stopWords: stop) == "what")
        #expect(Lexicon.questionWordSlip("hwen", stopWords: stop) == "when")
        #expect(Lexicon.questionWordSlip("whet", stopWords: stop) == nil)  // what or when
        #expect(Lexicon.questionWordSlip("with", stopWords: stop) == nil)  // a word of its own
        #expect(Lexicon.questionWordSlip("douyin", stopWords: stop) == nil)
    }

    @Test func lexiconExpandsShorthandPhrasesAndSynonyms() throws {
        let words = WordLists(
            synonyms: [["pay", "salary", "wage", "paid"], ["recruit", "sign up"]],
            shorthand: ["r": ["are"], "u": ["you"]], stopWords: ["how", "much", "are", "they", "you"],
            names: ["north korea"])
        let lexicon = Lexicon(words: words, stemmer: try #require(Stemmer()))
        #expect(lexicon.words("how much r they paid").map(\.text) == ["how", "much", "are", "they", "paid"])
        #expect(lexicon.words("hwat do they pay").first?.text == "what")  // only the opening word
        #expect(lexicon.words("pay wich app")[1].text == "wich")
        #expect(lexicon.terms(of: "how much r they paid").map(\.key) == ["~pay"])
        #expect(lexicon.terms(of: "wages").map(\.key) == ["~pay"])
        #expect(lexicon.terms(of: "signing up").map(\.key) == ["~recruit"])
        let korea = lexicon.terms(of: "north korea")
        #expect(korea.map(\.key) == ["north_korea"])
        #expect(korea[0].isName)
        #expect(lexicon.words("don't").map(\.text) == ["do", "not"])
        let lexicon4 = Lexicon(words: WordLists(shorthand: ["4": ["for"]]), stemmer: try #require(Stemmer()))
        #expect(lexicon4.words("four or 4 two").map(\.text) == ["4", "or", "for", "2"])
        // a number that counts is not shorthand: after "the other", before a plural noun
        #expect(lexicon4.words("the other 4 chinese").map(\.text) == ["the", "other", "4", "chinese"])
        #expect(lexicon4.words("paid 4 months").map(\.text) == ["paid", "4", "months"])
        #expect(lexicon4.words("thanks 4 the info").map(\.text) == ["thanks", "for", "the", "info"])
        let stopping = Lexicon(words: WordLists(shorthand: ["4": ["for"]], stopWords: ["this"]), stemmer: try #require(Stemmer()))
        #expect(stopping.words("4 this").map(\.text) == ["for", "this"])
        let days = Lexicon(words: WordLists(shorthand: ["4": ["for"]], stopWords: ["days"]), stemmer: try #require(Stemmer()))
        #expect(days.words("in 4 days").map(\.text) == ["in", "4", "days"])  // a counted plural, stop word or not
        #expect(days.words("4 men").map(\.text) == ["4", "men"])
        #expect(lexicon.words("China's").map(\.text) == ["china"])
    }

    @Test func aPersonsNameAloneNamesThemAsTheirWholeNameReads() throws {
        var words = WordLists(synonyms: [["chang renbo", "zhang renbo"]], names: ["wang guangjun", "chang renbo", "zhang renbo", "wang yi"])
        words.nameKinds = ["wang guangjun": .people, "chang renbo": .people, "zhang renbo": .people, "wang yi": .people]
        let lexicon = Lexicon(words: words, stemmer: try #require(Stemmer()))
        let whole = try #require(lexicon.terms(of: "Chang Renbo").first)
        #expect(whole.isName)
        // either spelling's surname, and the given name both share, read as the group
        for part in ["zhang", "chang", "renbo", "Zhang Renbo"] {
            #expect(lexicon.terms(of: part).map(\.key) == [whole.key], "\(part)")
        }
        #expect(lexicon.peopleKeys.contains(whole.key) && lexicon.peopleKeys.contains("wang_guangjun"))
        // a surname two people share names neither
        #expect(lexicon.terms(of: "wang").first?.key == "wang")
        #expect(lexicon.terms(of: "guangjun").first?.key == lexicon.terms(of: "wang guangjun").first?.key)
    }

    @Test func aSlipInTheRestOfANameIsReadAsTheName() throws {
        var words = WordLists(stopWords: ["who", "is"], names: ["chai jing", "wang guangjun", "wang yi", "new york"])
        words.nameKinds = ["chai jing": .people, "wang guangjun": .people, "wang yi": .people, "new york": .places]
        let lexicon = Lexicon(words: words, stemmer: try #require(Stemmer()))
        // the words the facts use
        var vocabulary = Vocabulary()
        for word in ["chai", "jing", "wang", "guangjun", "yi", "new", "york", "work"] {
            vocabulary.insert(word)
            vocabulary.insert(stem: lexicon.stemmer.stem(word))
        }
        func keys(_ text: String) -> [String] { lexicon.terms(of: text, vocabulary: vocabulary).map { $0.key } }
        // two letters swapped, one missing: the name its first word starts
        for typed in ["chai jign", "who is chai jinh", "wang guangjn"] {
            #expect(keys(typed) == [typed.hasPrefix("wang") ? "wang_guangjun" : "chai_jing"], "\(typed)")
        }
        #expect(lexicon.terms(of: "chai jign", vocabulary: vocabulary).first?.correctedFrom == "jign")
        #expect(lexicon.terms(of: "chai jing", vocabulary: vocabulary).first?.correctedFrom == nil)
        // a word the facts use is no slip ("new work" is not New York), and a fact's own
        // words, read with no vocabulary when it is indexed, are never read as a name
        #expect(!keys("found new work").contains("new_york"))
        #expect(!lexicon.terms(of: "found new work").map { $0.key }.contains("new_york"))
        #expect(lexicon.terms(of: "chai jign").map { $0.key }.contains("jign"))
        func part(_ first: String, _ typed: String) -> String? { lexicon.namePart(after: first, typed: lexicon.words(typed)[0]) }
        #expect(part("chai", "jign") == "jing")
        // two slips, another word, a word too short to tell, or a first word no name starts with
        #expect(part("chai", "jgin") == nil)
        #expect(part("chai", "latte") == nil)
        #expect(part("wang", "yii") == nil)
        #expect(part("zhang", "jing") == nil)
        #expect(keys("chai jgin") != ["chai_jing"])
    }

    @Test func theUSIsTheCountry() throws {
        let lexicon = Lexicon(words: WordLists(), stemmer: try #require(Stemmer()))
        #expect(lexicon.words("what did the US say").map(\.text) == ["what", "did", "the", "usa", "say"])
        #expect(lexicon.words("tell us more").map(\.text) == ["tell", "us", "more"])
    }

    @Test func figuresWithAMultiplierReadAsDigits() throws {
        let lexicon = Lexicon(words: WordLists(), stemmer: try #require(Stemmer()))
        func read(_ text: String) -> [String] { lexicon.words(text).map(\.text) }
        #expect(read("200 thousand rubles") == ["200000", "rubles"])
        #expect(read("200k rubles") == read("200,000 rubles"))
        #expect(read("1.5 million") == ["1500000"])
        #expect(read("2.01 million") == ["2010000"])  // not 2009999.9999999998
        #expect(read("$5m, 2bn") == ["dollar", "5000000", "2000000000"])
        #expect(read("two thousand") == ["2000"])
        // not a whole number, a lone "m", no figure: as written
        #expect(read("1.2345 thousand") == ["1.2345", "thousand"])
        #expect(read("2 m tall") == ["2", "m", "tall"])
        #expect(read("a thousand k-pop fans") == ["a", "thousand", "k", "pop", "fans"])
    }

    @Test func wordsOfAPhraseActingAsAPrepositionAreNoContent() throws {
        let lexicon = Lexicon(words: WordLists(stopWords: ["what", "is", "the", "a", "of", "for", "to", "did", "why", "in"]), stemmer: try #require(Stemmer()))
        func keys(_ text: String) -> [String] { lexicon.terms(of: text).map(\.key) }
        #expect(keys("what pay is dangled in front of recruits") == keys("what pay is dangled recruits"))
        #expect(keys("what did he get in exchange for the fee") == keys("what did he get the fee"))
        #expect(keys("why did wang head to russia") == keys("why did wang russia"))
        // the same words as content
        #expect(keys("who was at the front").contains(lexicon.stemmer.stem("front")))
        #expect(keys("was there a prisoner exchange").contains(lexicon.stemmer.stem("exchange")))
        #expect(keys("who is the head of the unit").contains(lexicon.stemmer.stem("head")))
    }

    @Test func questionTypes() {
        func type(_ q: String) -> QuestionType { QuestionType.of(Tokenizer.tokens(q)) }
        #expect(type("How many Chinese were captured?") == .number)
        #expect(type("how much is the bonus") == .amount)
        #expect(type("Who announced it?") == .person)
        #expect(type("when did he join") == .date)
        #expect(type("Where were they captured?") == .place)
        #expect(type("why did he go") == .reason)
        #expect(type("What is Douyin?") == .any)
        // an amount asked for by its name, tersely or after "what"
        #expect(type("zhang card amount rubles") == .amount)
        #expect(type("what amount did he pay") == .amount)
        #expect(type("what sum was he offered") == .amount)
        #expect(type("What monthly wage do the ads promise?") == .amount)
        #expect(type("per amount of time") == .any)  // "per": a rate, not the thing asked
        // what someone hopes or tries to get from something: a purpose
        #expect(type("What was he hoping to obtain from the crew?") == .reason)
        #expect(type("what is the port trying to achieve by closing") == .reason)
        #expect(type("What did he obtain from the crew?") == .any)
        #expect(type("what did they try to sell") == .any)
        #expect(type("What price did the seller hope to get?") == .amount)  // the noun says what is wanted
        // a length of time asked tersely is "how long" (lengths of time are dates here)
        #expect(type("press conference length") == .date)
        #expect(type("What is the length of the quay?") == .any)  // a length, not how long
        #expect(type("ferry crossing duration?") == .date)
        // a size of money is an amount; of anything else, a number
        #expect(type("How big is the joining bonus?") == .amount)
        #expect(type("how high is the crew wage") == .amount)
        #expect(type("How big is the blogger's audience?") == .number)
        // a terse question that names its topic before "how many"
        #expect(type("harbour crews how many sailors") == .number)
        #expect(type("ferry tickets how much") == .amount)
        #expect(type("did the crews say how many sailors left") == .any)  // a yes or no question
        #expect(type("the crews who said how many left") == .any)  // another question word came first
        #expect(QuestionType.number.fit([.amount]) < 1)
        #expect(QuestionType.number.fit([.person]) < QuestionType.number.fit([.amount]))
        #expect(QuestionType.any.fit([.quote]) == 1)
    }

    @Test func editDistance() {
        #expect(Suggestion.distance("answer", "anwser") == 1)  // transposition
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.distance("abc", "xyzxyz", limit: 1) == 2)
        #expect(Suggestion.didYouMean("anwser", in: ["answer", "type"]) == " (did you mean \"answer\"?)")
        #expect(Suggestion.didYouMean("zzz", in: ["answer"]) == "")
    }
}

@Suite("Speculative questions")
struct SpeculativeTests {
    func speculative(_ q: String) -> Bool { QuestionType.isSpeculative(Tokenizer.tokens(q)) }

    @Test func futureAndOpinionAreSpeculative() {
        #expect(speculative("Will China send troops?"))
        #expect(speculative("how many will russia recruit next year"))
        #expect(speculative("do you think china is lying"))
        #expect(speculative("is the war justified?"))
    }

    @Test func reportedSpeechAndFreeWillAreNot() {
        #expect(!speculative("commenters warn recruits will become what?"))
        #expect(!speculative("did they join of their own will"))
        #expect(!speculative("how much are they paid"))
    }
}
