// Package rules embeds the built-in Rego rule pack, so the shiplint binary
// runs with no files around it. One rule per file, grouped by the kind of
// file it checks; helpers shared by rules live in lib/.
package rules

import (
	"embed"
)

// FS holds every .rego file of the built-in pack, tests included (the
// loader skips *_test.rego; `shiplint test` and `make test` run them).
//
//go:embed lib dockerfile compose kubernetes
var FS embed.FS
