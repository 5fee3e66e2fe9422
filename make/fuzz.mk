# Contract fuzzing: Schemathesis, pinned with hashes in tools/fuzz/requirements.txt, in a
# git-ignored virtual environment made with the machine's python3 (3.11 or newer).

.PHONY: fuzz

PYTHON ?= python3
FUZZ_VENV := .fuzz/venv

# Made again whenever the pinned requirements change.
$(FUZZ_VENV)/installed: tools/fuzz/requirements.txt
	@$(PYTHON) -c 'import sys, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "make fuzz needs Python 3.11+ with venv ($(PYTHON) is $$($(PYTHON) --version 2>&1))." >&2; \
	  echo "  Debian/Ubuntu: sudo apt-get install python3 python3-venv   macOS: brew install python@3.12" >&2; exit 1; }
	rm -rf $(FUZZ_VENV)
	$(PYTHON) -m venv $(FUZZ_VENV)
	$(FUZZ_VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r tools/fuzz/requirements.txt
	@touch $@

fuzz: build $(FUZZ_VENV)/installed ## Fuzz every service's OpenAPI contract with Schemathesis, directly and through the gateway
	node tools/dist/fuzz/main.js
