# factbot: the two commands a newcomer needs are `make run` and `make test`.
# Both install the Debian packages they need first (as root), or print the apt-get line.

SWIFT        ?= swift
SYSTEM_PKGS  := libstemmer-dev libedit-dev libssl-dev libidn-dev libcurl4-openssl-dev libxml2-dev pkg-config python3 python3-pip openssl wordnet-base \
                ngircd inspircd atheme-services systemd
VECTORS      := .build-vectors/parser_tests/data/msg-split.yaml
SCRAMP       := .build-scramp/scramp/__init__.py
RELEASE_BIN  := .build/release/factbot
EVAL         := ../shared/eval

FUZZ_TARGETS := irc-message irc-session knowledge config answerer html
FUZZ_SECONDS ?= 600

.PHONY: format lint run test deps test-vectors test-scramp build release bench bench-shipped bench-irc eval check clean fuzz fuzz-smoke fuzz-build soak soak-smoke

## run: install what is missing, build (release) and start the REPL on ./knowledge
run: deps release
	$(RELEASE_BIN)

## test: install what is missing, build and run the whole test suite
## (the IRC end-to-end tests start their own ngircd, InspIRCd + Atheme and a scripted
## SCRAM/STS server on loopback)
test: deps test-vectors test-scramp lint
	$(SWIFT) test
	$(MAKE) soak-smoke fuzz-smoke

## lint: the code as swift-format (in the Swift toolchain) would write it, per .swift-format
lint:
	@$(SWIFT) format lint --strict --recursive --parallel Package.swift Sources Tests 2>lint.log || \
	  { head -40 lint.log; echo "swift-format: $$(grep -c warning lint.log) place(s) to fix; make format rewrites them"; rm -f lint.log; exit 1; }
	@rm -f lint.log

## format: rewrite the code in place as swift-format would write it
format:
	$(SWIFT) format format --in-place --recursive --parallel Package.swift Sources Tests

## test-vectors: the public IRC parser test vectors (PyPI irc-parser-tests), read by the tests
test-vectors: $(VECTORS)
$(VECTORS):
	python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target .build-vectors irc-parser-tests==0.0.4

## test-scramp: PyPI scramp, the server side of SCRAM for Tests/Servers/sasl_ircd.py
test-scramp: $(SCRAMP)
$(SCRAMP):
	python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target .build-scramp scramp==1.5.0

## deps: install the Debian packages the build needs (root), or say how
deps:
	@missing=""; for p in $(SYSTEM_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "factbot needs these Debian packages. Run:"; \
	    echo "  sudo apt-get update && sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product factbot

## check: validate knowledge/ and bot.conf
check: release
	$(RELEASE_BIN) check

## bench: factbot beside tantivy, SQLite FTS5 and rank-bm25 on generated fact bases of 1k,
## 10k and 100k facts, as a table (release build; Benchmarks/peers.py installs its pinned
## Python packages into .build-bench/; about 3 minutes)
bench: deps release
	python3 Benchmarks/peers.py --binary $(RELEASE_BIN)

## bench-shipped: latency, start-up and memory on the shipped knowledge
bench-shipped: release
	$(RELEASE_BIN) bench
	@command -v hyperfine >/dev/null && hyperfine -N --warmup 3 "$(RELEASE_BIN) ask 'how much r they paid'" || true

## bench-irc: answer latency, memory and rejoin time against a real ngircd on loopback (~2 min)
bench-irc: deps release
	python3 Benchmarks/irc.py --binary $(RELEASE_BIN)

## fuzz: every libFuzzer target for FUZZ_SECONDS each (default 600), under ASan
fuzz: deps fuzz-build
	@for t in $(FUZZ_TARGETS); do Fuzz/run.sh $$t $(FUZZ_SECONDS) || exit 1; done

## fuzz-smoke: every fuzz target for 30 s (part of `make test`): a fixed seed, so a CI
## failure is a regression that reproduces, and a looser hang limit for slow machines
fuzz-smoke: fuzz-build
	@for t in $(FUZZ_TARGETS); do Fuzz/run.sh $$t 30 -seed=1 -timeout=30 || exit 1; done

# One -sanitize=fuzzer,address for swiftc: given as two flags (as --sanitize twice makes
# SwiftPM do, in no fixed order) the last one wins, and half the builds had no coverage.
fuzz-build:
	@bash -o pipefail -c '$(SWIFT) build -c debug --product factbot-fuzz --sanitize=fuzzer \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING --scratch-path .build-fuzz 2>&1 \
	  | grep -v "Cannot export local symbol" | tail -1'


## soak: the IRC bot abused for 5 minutes with two server restarts, and 200 refreshes
## killed at random against a misbehaving source (release build)
soak: deps release
	python3 Tests/Soak/irc_soak.py --binary $(RELEASE_BIN) --seconds 300 --restarts 2
	python3 Tests/Soak/refresh_soak.py --binary $(RELEASE_BIN) --rounds 200

## soak-smoke: short versions of both (part of `make test`, on the debug build)
soak-smoke:
	python3 Tests/Soak/irc_soak.py --binary .build/debug/factbot --seconds 45 --restarts 1 --memory-slack 24
	python3 Tests/Soak/refresh_soak.py --binary .build/debug/factbot --rounds 20

## eval: the answer-quality yardstick in ../shared/eval, and the project's own question sets
## (untuned-b, untuned-c, followups-g, followups-h, followups-j, followups-k and followups-l were never tuned on; followups-e and
## followups-f were, from 2026-11-29, and followups-m, written to catch confident wrong answers, from its afternoon),
## each with its confident wrong answers
eval: release
	python3 $(EVAL)/score.py $(EVAL)/questions.tsv -- $(RELEASE_BIN) ask --json | tail -4
	@for set in followups-m followups-l followups-k followups-j followups-h followups-g followups-f followups-e followups-d untuned-b untuned-c tuning-i tuning-a holdout paraphrases; do \
	  echo "== $$set"; \
	  python3 $(EVAL)/score.py Tests/FactbotCLITests/Fixtures/$$set.tsv -- $(RELEASE_BIN) ask --json | tail -1; \
	  python3 $(EVAL)/wrong_rate.py Tests/FactbotCLITests/Fixtures/$$set.tsv -- $(RELEASE_BIN) ask --json | tail -1; \
	done
	@# the sets written from dev.ua alone, with the refusals a later article answers rejudged (Fixtures/rejudged-refusals.tsv)
	@for set in untuned-b untuned-c tuning-a holdout paraphrases; do \
	  echo "== $$set, refusals rejudged"; \
	  python3 Tests/FactbotCLITests/Fixtures/rejudge.py Tests/FactbotCLITests/Fixtures/$$set.tsv > .build/$$set.rejudged.tsv; \
	  python3 $(EVAL)/score.py .build/$$set.rejudged.tsv -- $(RELEASE_BIN) ask --json | tail -1; \
	  python3 $(EVAL)/wrong_rate.py .build/$$set.rejudged.tsv -- $(RELEASE_BIN) ask --json | tail -1; \
	done

clean:
	rm -rf .build
