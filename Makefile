# shiplint — `make test` is the one test command (README and .ci/run call it).
GO ?= go
BIN ?= bin/shiplint
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

# Fuzz targets and how long `make test` runs each (make fuzz FUZZTIME=10m for
# a real session).
FUZZ_TARGETS = ./checks:FuzzScanFile ./internal/dockerfile:FuzzParse \
	./internal/yamldoc:FuzzDecode ./internal/kubernetes:FuzzParse \
	./internal/compose:FuzzInterpolation
FUZZTIME ?= 8s

.PHONY: build test lint bench fmt fuzz generate

build:
	$(GO) build -trimpath -ldflags "-s -w -X main.version=$(VERSION)" -o $(BIN) ./cmd/shiplint

test: lint
	$(GO) test -count=1 ./...
	$(MAKE) fuzz

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "fuzz $$name in $$pkg for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	done

# After editing a built-in rule's METADATA: the embedded catalog a scan reads
# instead of parsing every METADATA block, and the rule reference.
generate:
	$(GO) test ./checks -run TestCatalogIsCurrent -update
	$(GO) run ./cmd/shiplint rules --format markdown > docs/rules.md

fmt:
	gofmt -w $$(git ls-files '*.go')
