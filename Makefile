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

.PHONY: build test lint bench fmt fuzz generate release-check release-snapshot

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

# Releases: GoReleaser v2 from its own module (tools/goreleaser/go.mod keeps
# its dependencies out of shiplint's go.mod; docs/decisions.md), with
# .goreleaser.yaml. A snapshot builds every archive, checksums.txt and the
# SBOMs into dist/ and publishes nothing. There is no Docker engine on the
# project's machines, so the image step is skipped here (--skip=docker);
# release-check still validates its configuration. TestReleaseArtifacts then
# checks dist/: the six archives and their contents, the SBOMs, checksums.txt
# (also with sha256sum -c) and the stamped `shiplint version`.
GORELEASER = $(GO) tool -modfile=tools/goreleaser/go.mod goreleaser
# GoReleaser reads the commit only from a checkout with a remote (it runs
# git ls-remote --get-url); without one (a local clone's worktree) a
# snapshot is stamped commit "none" and dated 1970. Lend it the project's
# URL through git's environment, for this command only; nothing is fetched.
RELEASE_GIT_ENV = $(if $(shell git remote 2>/dev/null),,GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=remote.origin.url GIT_CONFIG_VALUE_0=https://github.com/shiplint/shiplint.git)

release-check:
	$(GORELEASER) check

release-snapshot:
	$(RELEASE_GIT_ENV) $(GORELEASER) release --snapshot --clean --skip=docker
	SHIPLINT_RELEASE_TEST=1 SHIPLINT_DIST=$(CURDIR)/dist $(GO) test -count=1 -run '^(TestReleaseArtifacts|TestVersionGoInstall)$$' ./integration
