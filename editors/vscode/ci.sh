#!/usr/bin/env bash
# Builds, tests and packages the VS Code extension with the npm tools, as CI
# does (integration/vscode_test.go runs this in a copy of editors/vscode):
# install the locked dependencies, compile, run the unit tests, package
# shiplint.vsix, and check the package holds the extension and its runtime
# dependency. Nothing is published.
set -euo pipefail
cd "$(dirname "$0")"

# npm ci installs exactly package-lock.json. No audit or funding requests:
# they are network calls CI does not need. No install scripts: packaging
# needs none (vsce-sign's sets up the signing tool and keytar's builds a
# keychain addon, both for publishing), and none of them runs unreviewed.
npm ci --no-audit --no-fund --ignore-scripts
npm run compile
npm test
npx --no-install vsce package --out shiplint.vsix

# The package holds the extension and its runtime dependency.
node scripts/check-vsix.js shiplint.vsix
