package checks_test

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/rules"
)

var update = flag.Bool("update", false, "rewrite catalog_gen.go")

// TestCatalogIsCurrent fails when catalog_gen.go, which a scan reads
// instead of parsing every rule's METADATA, no longer matches those blocks.
func TestCatalogIsCurrent(t *testing.T) {
	got, err := checks.BuildCatalog(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("catalog_gen.go", got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	have, err := os.ReadFile("catalog_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, have) {
		t.Fatal("checks/catalog_gen.go is stale: run make generate (go test ./checks -run TestCatalogIsCurrent -update)")
	}
}

// TestBuiltinLayout checks what the lazy loader relies on: every built-in
// Rego file is a helper under lib/ or lives in the directory of the kind
// its package checks.
func TestBuiltinLayout(t *testing.T) {
	err := fs.WalkDir(rules.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		b, err := rules.FS.ReadFile(p)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(p, string(b), ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		dir := strings.Split(path.Dir(p), "/")[0]
		parts := strings.Split(pkg, ".")
		switch {
		case dir == "lib":
			if len(parts) < 2 || parts[1] != "lib" {
				t.Errorf("%s: package %s in lib/ is not under shiplint.lib", p, pkg)
			}
		default:
			if _, ok := document.ParseKind(dir); !ok {
				t.Errorf("%s: built-in Rego must live in lib/ or a kind's directory", p)
			} else if len(parts) < 2 || parts[1] != dir {
				t.Errorf("%s: package %s does not match its directory %s/", p, pkg, dir)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
