# Thin wrappers around scripts/; each script also works on its own (bash scripts/NAME.sh).
SHELL := /bin/bash

FORMAT_DIRS := src tests bench
# C++ sources under FORMAT_DIRS (directories that do not exist are skipped).
FORMAT_EXISTING := $(wildcard $(FORMAT_DIRS))
FORMAT_FILES = $(if $(FORMAT_EXISTING),$(shell find $(FORMAT_EXISTING) -type f \( -name '*.cpp' -o -name '*.hpp' \) 2>/dev/null | sort),)

.PHONY: setup run test bench format format-check clean

# The first target (the default of a bare `make`) only installs packages.
setup:
	bash scripts/setup.sh

# make run ARGS='--listen 127.0.0.1:9090' passes options on to `xiaoan serve`.
run:
	bash scripts/run.sh $(ARGS)

test:
	bash scripts/test.sh

bench:
	bash scripts/bench.sh $(ARGS)

format:
	@files="$(FORMAT_FILES)"; if [[ -n "$$files" ]]; then clang-format -i $$files; fi

format-check:
	@files="$(FORMAT_FILES)"; if [[ -n "$$files" ]]; then clang-format --dry-run --Werror $$files; fi

clean:
	rm -rf build
