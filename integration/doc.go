// Package integration holds end-to-end tests of shiplint's integration
// surfaces with their real clients: the pre-commit hook
// (.pre-commit-hooks.yaml, run by `pre-commit try-repo`), the GitHub Action
// (action.yml, checked by actionlint and its shell run as the runner would
// run it) and the project's own Dockerfile (scanned by shiplint itself).
//
// The package has no non-test code; the tests skip with a reason when a
// client is missing, and .ci/run installs every client so CI runs them all.
package integration
