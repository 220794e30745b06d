package main

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/types"
)

// test_panic is a built-in that panics, registered only in this test
// binary: it stands for an OPA built-in that panics on odd input.
func init() {
	rego.RegisterBuiltin1(&rego.Function{Name: "test_panic", Decl: types.NewFunction(types.Args(types.A), types.B)},
		func(rego.BuiltinContext, *ast.Term) (*ast.Term, error) { panic("boom") })
}

func TestPanickingBuiltinIsNamed(t *testing.T) {
	policy := project(t, map[string]string{"boom.rego": `# METADATA
# title: Panics
# custom:
#   id: BOOM1
#   severity: low
package shiplint.kubernetes.boom

deny contains "never" if test_panic(input.resourceKind)
`})
	dir := project(t, map[string]string{"ok.yaml": good, ".shiplint.yaml": "only: [KS001, BOOM1]\n"})
	o, out := scanJSON(t, dir, "--policy", policy)
	failedRuleReported(t, o, out, "ok.yaml: rule BOOM1 (", "boom.rego) panicked: boom")
}
