# shiplint — `make test` is the one test command (README and .ci/run call it).
GO ?= go
BIN ?= bin/shiplint
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

# Fuzz targets and how many inputs `make test` runs each: an execution count,
# not a duration, because Go 1.26's fuzz coordinator can report a spurious
# "context deadline exceeded" when a -fuzztime duration ends mid-execution
# (golang/go#75804, fixed in Go 1.27). About 5-10 s each on two cores. For
# a real session: make fuzz FUZZTIME=10m (applies to every target).
FUZZ_TARGETS = ./checks:FuzzScanFile:4000x ./internal/dockerfile:FuzzParse:20000x \
	./internal/yamldoc:FuzzDecode:80000x ./internal/kubernetes:FuzzParse:20000x \
	./internal/kubernetes:FuzzJSON:20000x \
	./internal/compose:FuzzInterpolation:200000x
FUZZTIME ?=

.PHONY: build test lint bench fmt fuzz generate

build:
	$(GO) build -trimpath -ldflags "-s -w -X main.version=$(VERSION)" -o $(BIN) ./cmd/shiplint

# go test -json through testsummary: the same lines as plain go test, then
# every skipped test with its reason (a missing editor client, no corpus).
test: lint
	bash -o pipefail -c '$(GO) test -count=1 -json ./... | $(GO) run ./internal/cmd/testsummary'
	$(MAKE) fuzz

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; rest=$${t#*:}; name=$${rest%%:*}; budget=$${rest#*:}; \
		if [ -n "$(FUZZTIME)" ]; then budget=$(FUZZTIME); fi; \
		echo "fuzz $$name in $$pkg for $$budget"; \
		$(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime $$budget $$pkg || exit 1; \
	done

# After editing a built-in rule's METADATA: the embedded catalog a scan reads
# instead of parsing every METADATA block, and the rule reference.
generate:
	$(GO) test ./checks -run TestCatalogIsCurrent -update
	$(GO) run ./cmd/shiplint rules --format markdown > docs/rules.md

fmt:
	gofmt -w $$(git ls-files '*.go')
