PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# our source as bytecode, as pip compiles an installed package: an editable install leaves
# src uncompiled, and where PYTHONDONTWRITEBYTECODE is set each run would compile every
# module again (a tenth of a parse's CPU). Only changed modules are compiled again.
BYTECODE := $(BIN)/python -m compileall -q src
# the package's regular expressions compiled once, beside the bytecode: compiling them is
# a third of a process's start-up (see src/councildocs/patterns.py); a store older than the
# patterns is only slower, never wrong
PATTERNS := $(BIN)/python -m councildocs.patterns

.PHONY: install demo test bench accuracy lint fixtures golden docs rules-doc cli-doc clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BYTECODE)
	$(PATTERNS)
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/councildocs parse tests/fixtures/wolverhampton_pack.pdf --format summary
	$(BIN)/councildocs parse tests/fixtures/wolverhampton_pack.pdf -o demo-pack.json
	@echo "Full JSON written to demo-pack.json"

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BYTECODE)
	$(PATTERNS)
	$(BIN)/python bench/run.py

# scores against expectations written from the corpus documents' pages (tests/accuracy/)
accuracy: $(STAMP)
	$(BIN)/python -m tests.accuracy.run

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/python docs/generate.py --check

# docs/rules.md from the rule registry, docs/cli.md from every command's --help
docs: $(STAMP)
	$(BIN)/python docs/generate.py

rules-doc: $(STAMP)
	$(BIN)/python docs/generate.py rules

cli-doc: $(STAMP)
	$(BIN)/python docs/generate.py cli

golden: $(STAMP)
	$(BIN)/python -m tests.test_golden

fixtures: $(STAMP)
	$(BIN)/python tests/fixtures/generate.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
