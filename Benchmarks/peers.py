#!/usr/bin/env python3
"""Runs factbot's benchmark and the same questions through the tools a user would reach for
instead (tantivy, SQLite FTS5, rank-bm25), and prints the ratios against factbot, all in
the same run.

    python3 Benchmarks/peers.py [--binary B] [--peers tantivy,fts5,bm25] [DIR ...]

Each DIR is a folder written by Benchmarks/generate.py (DIR/knowledge/, DIR/questions.tsv).
With no DIR: .build-bench/facts-1000, facts-10000 and facts-100000, generated (default
seed) when missing. Prints a Markdown table, one row per size and system, and writes every
figure to .build-bench/results.json.

Packages: the pinned versions in PINS are installed with pip into .build-bench/pylib (once:
a stamp file there names the pins and the Python version) and put first on sys.path.

How the peers are set up (identically, as a competent user would):
- Text indexed per fact: the answer, the example questions and the keywords, the fields
  factbot indexes.
- Normalisation, in Python, the same for documents and queries and for all three peers:
  lowercase; digit separators between digits removed ("15,304" -> "15304"); split on
  anything not a letter or digit; the knowledge folder's stop words (stopwords.txt)
  removed; each word of a synonym group (synonyms.txt) replaced by the group's first word
  (single-word members only); then the Snowball English stemmer (snowballstemmer, the
  algorithm factbot uses through libstemmer). Each peer gets the normalised tokens joined
  by spaces, so it sees the same words factbot matches on (not factbot's typo, shorthand
  or weak-word handling).
- rank-bm25: BM25Okapi over the token lists; top 1 = argmax of get_scores.
- SQLite FTS5 (Python's sqlite3, in memory): one text column, tokenize 'unicode61', an
  'optimize' after the inserts; the query is the tokens, each double-quoted, joined by
  " OR "; SELECT rowid ... WHERE t MATCH ? ORDER BY bm25(t) LIMIT 1.
- tantivy: a stored fact-id field and a text field (default tokenizer), in RAM, built with
  one writer, committed, reloaded; query index.parse_query(tokens, ["body"]) (OR by
  default), searcher.search(q, 1), and the hit's stored id read back.
- A question with no tokens left, or no document sharing a token with it, is declined.
  Nothing else is: BM25 scores are not comparable across questions, so no threshold. The
  share of no-match questions each peer declines is reported anyway.

What is measured, per peer and size, in a fresh subprocess of its own (so that its peak
memory is its own; it includes the Python interpreter and the normalised texts it loads):
- "load+index ms": building the peer's index from the normalised documents only (reading
  the YAML and normalising are left out). For factbot it is the whole load: reading,
  parsing, normalising and indexing.
- After a warm-up of 50 questions, the latency of the peer's search call per question
  (time.perf_counter_ns around the call, which returns the fact), p50 and p99, and
  questions/s = questions / summed latency. Questions are normalised beforehand, outside
  the timing, which favours the peers: factbot's figures include its normalisation.
- top-1 %: share of the matchable questions answered with the expected fact; no-match
  declined %: share of the no-match questions declined.
rank-bm25 costs time linear in the number of facts for each query word, so above 1,000
facts it runs the first 300 questions only (the file's order is random); the "questions"
column says how many each system ran. factbot's own benchmark repeats its questions over
several rounds.
"""

import argparse
import json
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BENCH = os.path.join(ROOT, ".build-bench")
PYLIB = os.path.join(BENCH, "pylib")
STAMP = os.path.join(PYLIB, ".peers-pins")
RESULTS = os.path.join(BENCH, "results.json")
DEFAULT_SIZES = (1000, 10000, 100000)

PINS = ["tantivy==0.27.0", "rank-bm25==0.2.2", "PyYAML==6.0.3", "snowballstemmer==3.1.1", "numpy==2.4.6"]
PEERS = ("tantivy", "fts5", "bm25")
WARMUP = 50
BM25_LIMIT = 300  # questions for rank-bm25 above 1,000 facts


# Packages

def ensure_packages():
    """Installs the pinned packages into PYLIB unless the stamp says they are there, and puts
    PYLIB first on sys.path."""
    stamp = "\n".join(PINS + [f"python {sys.version_info.major}.{sys.version_info.minor}"]) + "\n"
    if not (os.path.exists(STAMP) and open(STAMP).read() == stamp):
        shutil.rmtree(PYLIB, ignore_errors=True)
        print(f"installing {' '.join(PINS)} into {os.path.relpath(PYLIB)}", file=sys.stderr)
        command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                   "--root-user-action=ignore", "--target", PYLIB, *PINS]
        if subprocess.run(command).returncode != 0:
            sys.exit("peers.py: pip install failed")
        with open(STAMP, "w") as f:
            f.write(stamp)
    if PYLIB not in sys.path:
        sys.path.insert(0, PYLIB)


# Normalisation

def read_words(path):
    """The whitespace-separated words of a word list, '#' comments left out."""
    with open(path, encoding="utf-8") as f:
        return [w for line in f for w in line.split("#", 1)[0].split()]


def read_synonyms(path):
    """Maps each single-word member of a group to the group's first single-word member."""
    mapping = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            members = [m.strip().lower() for m in line.split("#", 1)[0].split(",")]
            words = [m for m in members if m and len(m.split()) == 1]
            for word in words[1:]:
                mapping[word] = words[0]
    return mapping


class Normaliser:
    """Text to the space-joined tokens every peer indexes and queries (see the docstring)."""

    SEPARATOR = re.compile(r"(?<=\d)[,\u00a0](?=\d)")
    WORD = re.compile(r"[^\W_]+")

    def __init__(self, knowledge):
        import snowballstemmer
        self.stopwords = {w.lower() for w in read_words(os.path.join(knowledge, "stopwords.txt"))}
        synonyms = os.path.join(knowledge, "synonyms.txt")
        self.synonyms = read_synonyms(synonyms) if os.path.exists(synonyms) else {}
        self.stemmer = snowballstemmer.stemmer("english")
        self.stems = {}

    def stem(self, word):
        stem = self.stems.get(word)
        if stem is None:
            stem = self.stems[word] = self.stemmer.stemWord(word)
        return stem

    def __call__(self, text):
        words = self.WORD.findall(self.SEPARATOR.sub("", text.lower()))
        return " ".join(self.stem(self.synonyms.get(w, w)) for w in words if w not in self.stopwords)


# Inputs

def load_facts(knowledge):
    """(id, text indexed) per fact, in file order."""
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    folder = os.path.join(knowledge, "facts")
    facts = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".yaml", ".yml")):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for fact in yaml.load(f, Loader=loader) or []:
                parts = [str(fact.get("answer", ""))]
                parts += [str(q) for q in fact.get("questions") or []]
                parts += [str(k) for k in fact.get("keywords") or []]
                facts.append((str(fact["id"]), "\n".join(parts)))
    return facts


def load_questions(path):
    """(question, expected fact id or "-") per line."""
    questions = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            question, tab, expected = line.rpartition("\t")
            if not tab:
                sys.exit(f"peers.py: {path}:{number}: expected question<TAB>fact id")
            questions.append((question, expected))
    return questions


def prepare(folder, path):
    """Normalises the facts and questions of a size folder into a JSON file for the workers."""
    knowledge = os.path.join(folder, "knowledge")
    normalise = Normaliser(knowledge)
    facts = load_facts(knowledge)
    questions = load_questions(os.path.join(folder, "questions.tsv"))
    data = {"ids": [fid for fid, _ in facts], "docs": [normalise(text) for _, text in facts],
            "questions": [normalise(q) for q, _ in questions], "expected": [e for _, e in questions]}
    with open(path, "w") as f:
        json.dump(data, f)
    return len(facts), len(questions)


# Peers: each builds from the normalised docs and returns a search function from a normalised
# question to the index of the fact it picks, or None to decline.

def build_bm25(ids, docs):
    import numpy
    from rank_bm25 import BM25Okapi
    corpus = [d.split() for d in docs]
    start = time.perf_counter_ns()
    bm25 = BM25Okapi(corpus)
    built = time.perf_counter_ns() - start

    def search(query):
        tokens = query.split()
        if not any(t in bm25.idf for t in tokens):
            return None
        return int(numpy.argmax(bm25.get_scores(tokens)))
    return built, search


def build_fts5(ids, docs):
    start = time.perf_counter_ns()
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61')")
    db.executemany("INSERT INTO t(rowid, body) VALUES (?, ?)", ((i + 1, d) for i, d in enumerate(docs)))
    db.execute("INSERT INTO t(t) VALUES ('optimize')")
    db.commit()
    built = time.perf_counter_ns() - start
    sql = "SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT 1"

    def search(query):
        tokens = query.split()
        if not tokens:
            return None
        row = db.execute(sql, (" OR ".join(f'"{t}"' for t in tokens),)).fetchone()
        return row[0] - 1 if row else None
    return built, search


def build_tantivy(ids, docs):
    import tantivy
    start = time.perf_counter_ns()
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("body")
    index = tantivy.Index(builder.build())
    writer = index.writer()
    for fid, doc in zip(ids, docs):
        writer.add_document(tantivy.Document(id=fid, body=doc))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()
    built = time.perf_counter_ns() - start
    position = {fid: i for i, fid in enumerate(ids)}

    def search(query):
        if not query:
            return None
        hits = searcher.search(index.parse_query(query, ["body"]), 1).hits
        if not hits:
            return None
        return position[searcher.doc(hits[0][1])["id"][0]]
    return built, search


BUILDERS = {"bm25": build_bm25, "fts5": build_fts5, "tantivy": build_tantivy}


# Worker: one peer on one prepared size, in its own process

def percentile(sorted_samples, p):
    return sorted_samples[min(len(sorted_samples) - 1, int(len(sorted_samples) * p))]


def worker(name, path, limit):
    """Builds one peer, runs the questions, and prints its figures as one JSON object."""
    ensure_packages()
    with open(path) as f:
        data = json.load(f)
    ids, docs = data["ids"], data["docs"]
    questions = list(zip(data["questions"], data["expected"]))
    if limit:
        questions = questions[:limit]
    built, search = BUILDERS[name](ids, docs)
    for query, _ in questions[:WARMUP]:
        search(query)
    samples, right, matchable, declined, nomatch = [], 0, 0, 0, 0
    clock = time.perf_counter_ns
    for query, expected in questions:
        start = clock()
        picked = search(query)
        samples.append(clock() - start)
        if expected == "-":
            nomatch += 1
            declined += picked is None
        else:
            matchable += 1
            right += picked is not None and ids[picked] == expected
    samples.sort()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({
        "facts": len(ids), "questions": len(questions), "matchable": matchable, "nomatch": nomatch,
        "load_ms": built / 1e6, "p50_us": percentile(samples, 0.5) / 1e3, "p99_us": percentile(samples, 0.99) / 1e3,
        "qps": len(samples) / (sum(samples) / 1e9), "peak_rss_mb": usage.ru_maxrss / 1024,
        "top1": right / matchable if matchable else None,
        "nomatch_declined": declined / nomatch if nomatch else None,
    }))


# Driver

def run_json(command, what, timeout):
    """Runs a command that prints one JSON object; exits with its stderr if it fails."""
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        sys.exit(f"peers.py: {what} took longer than {timeout} s: {' '.join(command)}")
    except OSError as error:
        sys.exit(f"peers.py: cannot run {what}: {error}")
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        sys.exit(f"peers.py: {what} failed with status {result.returncode}: {' '.join(command)}")
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    try:
        return json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        sys.stderr.write(result.stdout + result.stderr)
        sys.exit(f"peers.py: {what} printed no JSON object: {' '.join(command)}")


def run_factbot(binary, folder, timeout):
    """factbot's benchmark twice: a first start from the files alone (a fresh state
    folder: parse, index and, from 2,000 facts on, write the index cache), then a start
    that reads the cache back. Latency, accuracy and memory are the second run's; the
    first run's load time and peak memory are kept as `cold_load_ms` and `cold_peak_rss_mb`."""
    state = os.path.join(folder, "state")
    shutil.rmtree(state, ignore_errors=True)
    command = [binary, "bench", "--knowledge", os.path.join(folder, "knowledge"),
               "--questions", os.path.join(folder, "questions.tsv"), "--json", "--state-dir", state]
    cold = run_json(command, "factbot", timeout)
    warm = run_json(command, "factbot", timeout)
    warm["cold_load_ms"] = cold["load_ms"]
    warm["cold_peak_rss_mb"] = cold["peak_rss_mb"]
    return warm


def machine():
    """One line about the machine: CPU model, cores, memory, kernel."""
    model, memory = "unknown CPU", ""
    try:
        with open("/proc/cpuinfo") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), model)
        with open("/proc/meminfo") as f:
            kb = int(next(line.split()[1] for line in f if line.startswith("MemTotal")))
            memory = f", {kb / 1048576:.0f} GiB"
    except (OSError, ValueError, StopIteration):
        pass
    return f"{model}, {os.cpu_count()} cores{memory}, Linux {os.uname().release}"


def run_peer(name, path, facts, timeout):
    limit = BM25_LIMIT if name == "bm25" and facts > 1000 else 0
    command = [sys.executable, os.path.abspath(__file__), "--worker", name, path, "--limit", str(limit)]
    return run_json(command, f"peer {name}", timeout)


def check_folder(folder):
    for part in ("knowledge/facts", "knowledge/stopwords.txt", "questions.tsv"):
        if not os.path.exists(os.path.join(folder, part)):
            sys.exit(f"peers.py: {folder}: no {part}; write one with "
                     f"python3 Benchmarks/generate.py --facts N --out {folder}")


def default_folders():
    """The default sizes, generated when missing."""
    folders = []
    for size in DEFAULT_SIZES:
        folder = os.path.join(BENCH, f"facts-{size}")
        if not os.path.exists(os.path.join(folder, "questions.tsv")):
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--facts", str(size),
                            "--out", folder], check=True)
        folders.append(folder)
    return folders


def number(value, digits=1):
    if value is None:
        return "—"
    return f"{value:,.{digits}f}"


def percent(value):
    return "—" if value is None else f"{value * 100:.1f}"


def ratio(value, base):
    if not value or not base:
        return "—"
    r = value / base
    return f"{r:.0f}×" if r >= 10 else f"{r:.1f}×"


def questions_run(result):
    rounds = result.get("rounds")
    return f"{result['questions']:,}" + (f" ×{rounds}" if rounds and rounds > 1 else "")


def table(sizes):
    header = ["facts", "system", "questions", "load+index ms", "p50 µs", "p99 µs", "questions/s",
              "peak RSS MB", "top-1 %", "no-match declined %", "p50 vs factbot"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for size in sizes:
        base = size["systems"].get("factbot", {}).get("p50_us")
        for system, r in size["systems"].items():
            load, peak = number(r["load_ms"]), number(r["peak_rss_mb"])
            if "cold_load_ms" in r:  # factbot: first start / later starts
                load = f"{number(r['cold_load_ms'])} / {load}"
                peak = f"{number(r['cold_peak_rss_mb'])} / {peak}"
            lines.append("| " + " | ".join([
                f"{size['facts']:,}", system, questions_run(r), load,
                number(r["p50_us"]), number(r["p99_us"]), number(r["qps"], 0), peak,
                percent(r.get("top1")), percent(r.get("nomatch_declined")),
                "1×" if system == "factbot" else ratio(r["p50_us"], base),
            ]) + " |")
    return "\n".join(lines)


NOTES = """
factbot: "A / B" is its first start from the files (parse, index, write the index cache from
2,000 facts on) / a later start that reads the cache back; its latency, accuracy and memory
otherwise come from the later start.
Peers: load+index is the index build from normalised text only (factbot's includes reading
and normalising); latency excludes the peers' normalisation (factbot's includes its own);
peak RSS includes the Python interpreter and the normalised texts. See peers.py's docstring.
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", metavar="DIR", help="size folders written by generate.py")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/factbot"), help="factbot binary")
    parser.add_argument("--peers", default=",".join(PEERS), help="comma-separated, from: " + ", ".join(PEERS))
    parser.add_argument("--timeout", type=float, default=900, help="seconds allowed to each subprocess")
    parser.add_argument("--worker", metavar="NAME", help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        if args.worker not in BUILDERS or len(args.folders) != 1:
            sys.exit("peers.py: --worker NAME FILE")
        worker(args.worker, args.folders[0], args.limit)
        return

    peers = [p.strip() for p in args.peers.split(",") if p.strip()]
    unknown = [p for p in peers if p not in PEERS]
    if unknown:
        sys.exit(f"peers.py: unknown peer {', '.join(unknown)} (known: {', '.join(PEERS)})")
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"peers.py: no factbot binary at {args.binary}; "
                 "build it with: swift build -c release --product factbot")
    folders = args.folders or default_folders()
    for folder in folders:
        check_folder(folder)
    ensure_packages()

    started = time.monotonic()
    sizes = []
    os.makedirs(BENCH, exist_ok=True)
    for folder in folders:
        print(f"{folder}: factbot", file=sys.stderr)
        systems = {"factbot": run_factbot(args.binary, folder, args.timeout)}
        with tempfile.NamedTemporaryFile(suffix=".json", dir=BENCH) as prepared:
            facts, _ = prepare(folder, prepared.name)
            for peer in peers:
                print(f"{folder}: {peer}", file=sys.stderr)
                systems[peer] = run_peer(peer, prepared.name, facts, args.timeout)
        sizes.append({"folder": folder, "facts": facts, "systems": systems})

    print(f"Machine: {machine()}\n")
    print(table(sizes))
    print(NOTES, flush=True)
    with open(RESULTS, "w") as f:
        json.dump({"date": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "machine": machine(), "binary": args.binary, "pins": PINS,
                   "python": sys.version.split()[0], "sqlite": sqlite3.sqlite_version,
                   "seconds": round(time.monotonic() - started, 1), "sizes": sizes}, f, indent=2)
    print(f"\nwritten {os.path.relpath(RESULTS)} in {time.monotonic() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
