// Package integration holds end-to-end tests of shiplint's integration
// surfaces with their real clients: the pre-commit hook
// (.pre-commit-hooks.yaml, run by `pre-commit try-repo`), the GitHub Action
// (action.yml, checked by actionlint and its shell run as the runner would
// run it, installing from a fake release directory), the project's own Dockerfile (scanned by shiplint itself) and
// `shiplint lsp` in Neovim (nvim_test.go).
//
// The package has no non-test code; the tests skip with a reason when a
// client is missing, and .ci/run installs every client so CI runs them all
// (an editor test fails instead of skipping when SHIPLINT_REQUIRE_CLIENTS=1,
// which .ci/run sets).
package integration
