package checks

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/regosandbox"
)

// User rules are written exactly like the built-in ones, package
// shiplint.<kind>.<name> (DESIGN.md), and that is safe because a Rego
// module can only define rules inside its own package: a user module
// changes a built-in result only through a package it shares with the
// built-in pack. So a user package may not be, contain or sit inside:
//
//   - a built-in rule's package (shiplint.dockerfile.root_user would add
//     rules to DF001, and `nonroot_base if true` switched it off), or its
//     tests' package (<package>_test);
//   - the built-in helpers, shiplint.lib and shiplint.lib_test;
//   - the engine's own packages, shiplint_engine (the query every rule's
//     findings go through) and shiplint_config (parameters).
//
// "Contain" covers shiplint and shiplint.dockerfile, whose rules would be
// siblings of the built-in rules' (data.shiplint.dockerfile.root_user.x
// defined from package shiplint.dockerfile). The check needs only package
// names, so it does not parse the built-in Rego: the catalog gives each
// rule's package, and the helpers and the engine are fixed subtrees. See
// docs/decisions.md.

// reservedRoots are subtrees of data that belong to shiplint whole.
var reservedRoots = []string{"shiplint.lib", "shiplint.lib_test", "shiplint_engine", "shiplint_config"}

// checkUserPackages refuses user modules whose package overlaps a built-in
// one. rules are the built-in rules (their packages); builtinPkgs are the
// packages of built-in modules parsed up front (with tests).
func checkUserPackages(user map[string]*ast.Module, rules []finding.Rule, builtinPkgs []string) error {
	owner := map[string]string{} // package -> what it is, for the message
	for _, r := range rules {
		if r.Package != "" {
			owner[r.Package] = fmt.Sprintf("the package of the built-in rule %s (%s)", r.ID, r.File)
			owner[r.Package+"_test"] = fmt.Sprintf("the package of the built-in rule %s's tests", r.ID)
		}
	}
	for _, pkg := range builtinPkgs {
		if _, ok := owner[pkg]; !ok {
			owner[pkg] = "a package of the built-in rule pack"
		}
	}
	for _, root := range reservedRoots {
		owner[root] = reservedWhat(root)
	}
	var problems []string
	for _, name := range slices.Sorted(maps.Keys(user)) {
		m := user[name]
		pkg := refString(m.Package.Path)
		if why := overlap(pkg, owner); why != "" {
			problems = append(problems, fmt.Sprintf("%s:%d: package %s %s: a policy may not add to or change the built-in rules; rename the package (rules: shiplint.<kind>.<your name>, helpers: a package outside shiplint)", name, m.Package.Location.Row, pkg, why))
		}
	}
	problems = append(problems, regosandbox.CheckExpansion(user)...)
	if len(problems) > 0 {
		return &PolicyError{Problems: problems}
	}
	return nil
}

// overlap says how pkg overlaps a reserved package, or "" when it does not.
func overlap(pkg string, owner map[string]string) string {
	if what, ok := owner[pkg]; ok {
		return "is " + what
	}
	// Inside a reserved package: one of pkg's prefixes is reserved.
	for i := strings.LastIndexByte(pkg, '.'); i > 0; i = strings.LastIndexByte(pkg[:i], '.') {
		if what, ok := owner[pkg[:i]]; ok {
			return "is inside " + pkg[:i] + ", " + what
		}
	}
	// Containing one: a reserved package starts with pkg.
	var inside []string
	for other := range owner {
		if strings.HasPrefix(other, pkg+".") {
			inside = append(inside, other)
		}
	}
	if len(inside) > 0 {
		slices.Sort(inside)
		return fmt.Sprintf("contains %s (%s)", inside[0], owner[inside[0]])
	}
	return ""
}

func reservedWhat(root string) string {
	switch root {
	case "shiplint_engine":
		return "the engine's query"
	case "shiplint_config":
		return "the engine's parameters"
	}
	return "the built-in helpers"
}

// checkSourceNames refuses a user policy file with the name of a built-in
// one ("rules/dockerfile/root_user.rego" under a policy directory named
// rules): modules are keyed by name, so one would replace the other.
func checkSourceNames(srcs []source) error {
	names := map[string]bool{}
	for _, s := range srcs {
		if s.builtin {
			names[s.name] = true
		}
	}
	var problems []string
	for _, s := range srcs {
		if !s.builtin && names[s.name] {
			problems = append(problems, fmt.Sprintf("%s: has the path of a built-in rule file; load the policy directory under another path (e.g. its absolute path)", s.name))
		}
	}
	if len(problems) > 0 {
		return &PolicyError{Problems: problems}
	}
	return nil
}
