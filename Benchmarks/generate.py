#!/usr/bin/env python3
"""Writes synthetic fact bases in factbot's knowledge format, with question sets, for the
benchmarks. Deterministic: the same seed and size give the same files, byte for byte.

    python3 Benchmarks/generate.py --facts 100000 --out .build-bench/facts-100000

writes OUT/knowledge/ (sources.yaml, the word lists, facts/part-NNNN.yaml with 1,000 facts
each) and OUT/questions.tsv: one question per line, a tab, and the id of the fact it must
reach, or "-" for a question that no fact answers.

The words are made up (syllables), from a vocabulary of tens of thousands: names of
people, places and bodies, and ordinary words, drawn by a Zipf law so that some are
common and most are rare, as in news. Facts come in stories: one to four facts about the
same people and thing (how many, when, where, who ...), as an article gives several
figures about one event. Each fact has three example questions, keywords and an answer.

A test question is one fact's example question, changed as people change a question they
retype: words reordered, a word dropped, a word swapped for a synonym from synonyms.txt,
and in about one question in five a typo. Its words are never copied whole from the
question set into the fact base, nor the other way round. About one question in ten
matches nothing: it asks the same kinds of things about names and things no fact mentions.
"""

import argparse
import bisect
import itertools
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
KNOWLEDGE = os.path.join(HERE, "..", "knowledge")

ONSETS = ["b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "kl", "l", "m",
          "n", "p", "pr", "qu", "r", "s", "sh", "sk", "st", "t", "tr", "v", "w", "z"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "ie"]
CODAS = ["", "", "", "n", "r", "l", "m", "k", "t"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TYPES = ["number", "amount", "date", "place", "person", "reason", "description"]

# Answer and question templates per answer type. {a}, {b}: names of people or bodies;
# {p}: a place; {t}: the thing the story is about; {v}: what was done; {d}, {e}: details
# of this fact; {n}: a figure; {m} {y}: a month and year.
ANSWERS = {
    "number": "{a} {v} {n} {t} {d} near {p}, {e} {b} said.",
    "amount": "{a} paid {n} crowns for the {t} {d}, {e} to {b}.",
    "date": "{a} {v} the {t} {d} in {m} {y}, {e} {b} confirmed.",
    "place": "The {t} {d} of {a} took place in {p}, {e} with {b}.",
    "person": "{b} led the {t} {d} for {a}, {e} in {p}.",
    "reason": "{a} {v} the {t} because of the {d} {e} of {b}.",
    "description": "{a} {v} a {t} {d}, {e} with {b} in {p}.",
}
QUESTIONS = {
    "number": ["How many {t} did {a} {v}?", "What number of {t} {d} did {a} {v} near {p}?",
               "{a} {t} {d} count?"],
    "amount": ["How much did {a} pay for the {t}?", "How much money did the {t} {d} cost {a}?",
               "{a} {t} {d} price?"],
    "date": ["When did {a} {v} the {t}?", "What year did {a} {v} the {t} {d}?",
             "date of the {a} {t} {d}?"],
    "place": ["Where did the {t} of {a} take place?", "Which city saw the {t} {d} of {a}?",
              "{a} {t} {d} location?"],
    "person": ["Who led the {t} for {a}?", "Which official ran the {t} {d} for {a}?",
               "{a} {t} {d} leader?"],
    "reason": ["Why did {a} {v} the {t}?", "What made {a} {v} the {t} {d}?",
               "reason for the {a} {t} {d}?"],
    "description": ["What is the {t} {d} of {a}?", "Tell me about the {t} of {a} and {b}",
                    "{a} {t} {d} with {b}?"],
}
# Words of the templates that are function words; a dropped word is never one of these
# nor a name, so a question keeps what it is about.
FRAME_WORDS = set("how many much what which who why when where did do the of for a and "
                  "with take place saw cost pay money number year city official ran led made "
                  "count price location leader reason is me tell about date near".split())


class Words:
    """Made-up words: a vocabulary split into names, ordinary words and held-out words
    (never used by a fact: the no-match questions use them)."""

    def __init__(self, rng, names, ordinary, held_out):
        syllables = [o + v + c for o in ONSETS for v in VOWELS for c in CODAS]
        seen = set()
        words = []
        total = names + ordinary + held_out
        while len(words) < total:
            word = "".join(rng.choice(syllables) for _ in range(rng.choice((2, 2, 3, 3, 4))))
            # letters only, 5 to 12 of them, and no endings the stemmer or the "-ly" rule
            # would read as English inflection
            if not 5 <= len(word) <= 12 or word in seen or word.endswith(("ly", "s", "ed", "ing", "e")):
                continue
            seen.add(word)
            words.append(word)
        self.names = [w.capitalize() for w in words[:names]]
        self.ordinary = words[names:names + ordinary]
        held = words[names + ordinary:]
        self.held_names = [w.capitalize() for w in held[: held_out // 2]]
        self.held_ordinary = held[held_out // 2:]


class Zipf:
    """Draws items with probability falling as 1 / rank ** s."""

    def __init__(self, items, s=1.0):
        self.items = items
        weights = [1 / (rank ** s) for rank in range(1, len(items) + 1)]
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self, rng):
        x = rng.random() * self.cumulative[-1]
        return self.items[min(bisect.bisect_left(self.cumulative, x), len(self.items) - 1)]


def synonym_groups(rng, ordinary, share=0.25):
    """Groups of two or three ordinary words that mean the same; returns the groups and
    each grouped word's group."""
    pool = ordinary[:]
    rng.shuffle(pool)
    pool = pool[: int(len(pool) * share)]
    groups, group_of = [], {}
    i = 0
    while i + 1 < len(pool):
        size = rng.choice((2, 2, 3))
        group = pool[i:i + size]
        i += size
        if len(group) < 2:
            break
        groups.append(group)
        for word in group:
            group_of[word] = group
    return groups, group_of


def fill(template, slots):
    return template.format(**slots)


def typo(rng, word):
    """One edit inside a word of five letters or more, never its first letter."""
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    letters = "abcdefghiklmnoprstuvwz"
    kind = rng.choice(("swap", "drop", "double", "replace"))
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice([c for c in letters if c != word[i]]) + word[i + 1:]


def paraphrase(rng, question, slots, group_of):
    """Reorders, drops a word, swaps a synonym and sometimes adds a typo, at least one change."""
    words = question.rstrip("?").split()
    names = {slots["a"], slots["b"], slots["p"]}
    changes = []
    for change in ("reorder", "drop", "synonym"):
        if rng.random() < 0.55:
            changes.append(change)
    if not changes:
        changes.append(rng.choice(("reorder", "drop", "synonym")))
    if "synonym" in changes:
        swappable = [i for i, w in enumerate(words) if w in group_of]
        if swappable:
            i = rng.choice(swappable)
            words[i] = rng.choice([w for w in group_of[words[i]] if w != words[i]])
    if "drop" in changes and len(words) > 3:
        droppable = [i for i, w in enumerate(words) if w.lower() not in FRAME_WORDS and w not in names
                     and w != slots["t"] and w not in group_of.get(slots["t"], ())]
        if droppable:
            del words[rng.choice(droppable)]
    if "reorder" in changes and len(words) > 2:
        # move the trailing phrase to the front ("who led the X for Y" -> "for Y who led the X")
        # or swap two neighbouring content words
        cut = rng.randrange(1, len(words))
        if rng.random() < 0.5:
            words = words[cut:] + words[:cut]
        else:
            i = rng.randrange(0, len(words) - 1)
            words[i], words[i + 1] = words[i + 1], words[i]
    if rng.random() < 0.2:
        long_words = [i for i, w in enumerate(words) if len(w) >= 6 and w.lower() not in FRAME_WORDS]
        if long_words:
            i = rng.choice(long_words)
            words[i] = typo(rng, words[i])
    text = " ".join(words)
    if rng.random() < 0.4:
        text = text.lower()  # chat: no capitals
    return text + ("?" if rng.random() < 0.7 else "")


def generate(facts, seed, out, questions):
    rng = random.Random(seed)
    words = Words(rng, names=20000, ordinary=30000, held_out=6000)
    groups, group_of = synonym_groups(rng, words.ordinary)
    names = Zipf(words.names, s=0.6)
    ordinary = Zipf(words.ordinary, s=1.0)
    sources = max(1, facts // 100)

    knowledge = os.path.join(out, "knowledge")
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(knowledge, "facts"))
    for name in ("stopwords.txt", "shorthand.txt", "weakwords.txt"):
        shutil.copy(os.path.join(KNOWLEDGE, name), os.path.join(knowledge, name))
    with open(os.path.join(knowledge, "names.txt"), "w") as f:
        f.write("# Generated fact base: names are capitalised in the facts.\n")
    with open(os.path.join(knowledge, "synonyms.txt"), "w") as f:
        f.write("# Generated synonym groups.\n")
        for group in groups:
            f.write(", ".join(group) + "\n")
    with open(os.path.join(knowledge, "sources.yaml"), "w") as f:
        for s in range(sources):
            f.write(f"- id: src-{s:05d}\n  url: https://news.example/{s:05d}\n"
                    f"  title: Synthetic story {s}\n  publisher: news.example\n  published: 2025-04-{1 + s % 28:02d}\n")

    # Facts, in stories of one to four facts about the same people, place and thing.
    records = []  # (id, type, slots, questions)
    story = 0
    while len(records) < facts:
        story += 1
        base = {"a": names.draw(rng), "b": names.draw(rng), "p": names.draw(rng),
                "t": ordinary.draw(rng), "v": ordinary.draw(rng)}
        for kind in rng.sample(TYPES, rng.randint(1, 4)):
            if len(records) >= facts:
                break
            slots = dict(base, d=ordinary.draw(rng), e=ordinary.draw(rng),
                         n=f"{rng.randint(13, 99999):,}", m=rng.choice(MONTHS), y=rng.randint(1990, 2025))
            # synonyms: the example questions and the answer may use different members
            asked = [fill(q, {k: pick(rng, v, group_of) for k, v in slots.items()}) for q in QUESTIONS[kind]]
            records.append((f"s{story}-{kind}", kind, slots, asked))

    per_file = 1000
    for part in range(0, len(records), per_file):
        path = os.path.join(knowledge, "facts", f"part-{part // per_file + 1:04d}.yaml")
        with open(path, "w") as f:
            f.write("# Generated facts.\n\n")
            for i, (fid, kind, slots, asked) in enumerate(records[part:part + per_file], start=part):
                f.write(f"- id: {fid}\n  type: [{kind}]\n  answer: {yaml_text(fill(ANSWERS[kind], slots))}\n  questions:\n")
                for q in asked:
                    f.write(f"    - {yaml_text(q)}\n")
                f.write(f"  keywords: [{slots['d']}, {slots['t']}]\n  source: src-{i % sources:05d}\n\n")

    # Questions: paraphrases of example questions, and questions no fact answers.
    qrng = random.Random(seed + 1)
    order = list(range(len(records)))
    qrng.shuffle(order)
    lines = []
    for k in range(questions):
        fid, kind, slots, asked = records[order[k % len(order)]]
        lines.append((paraphrase(qrng, qrng.choice(asked), slots, group_of), fid))
    held_names = words.held_names
    held = words.held_ordinary
    for _ in range(questions // 9):
        kind = qrng.choice(TYPES)
        slots = {"a": qrng.choice(held_names), "b": qrng.choice(held_names), "p": qrng.choice(held_names),
                 "t": qrng.choice(held), "v": qrng.choice(held), "d": qrng.choice(held)}
        # half of them share an ordinary word or a name with the fact base
        if qrng.random() < 0.5:
            slots[qrng.choice(("v", "d"))] = ordinary.draw(qrng)
        if qrng.random() < 0.25:
            slots["b"] = names.draw(qrng)
        question = fill(qrng.choice(QUESTIONS[kind]), slots)
        lines.append((question.lower() if qrng.random() < 0.4 else question, "-"))
    qrng.shuffle(lines)
    with open(os.path.join(out, "questions.tsv"), "w") as f:
        for question, fid in lines:
            f.write(f"{question}\t{fid}\n")
    return len(records), len(lines)


def pick(rng, value, group_of):
    group = group_of.get(value) if isinstance(value, str) else None
    return rng.choice(group) if group else value


def yaml_text(text):
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--facts", type=int, required=True)
    parser.add_argument("--questions", type=int, default=2000, help="paraphrase questions (no-match ones are added: one per nine)")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    facts, questions = generate(args.facts, args.seed, args.out, args.questions)
    print(f"{args.out}: {facts} facts, {questions} questions")


if __name__ == "__main__":
    main()
