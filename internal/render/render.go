// Package render holds what every renderer (internal/render/helm,
// internal/render/kustomize) produces: the Kubernetes resources a chart or
// an overlay would apply, each with a source map back to the lines a person
// edits, and the problems that kept part of the input from rendering.
//
// A rendered resource is parsed like any manifest (internal/kubernetes),
// so rules and positions work unchanged; the source map then moves each
// finding from the rendered text, which exists in no file, to its origin:
// the values key, the template line, the patch line or the base resource.
// `shiplint scan` renders units on its worker pool (checks.Unit) and moves
// findings with the source map (checks/render.go).
package render

import "github.com/shiplint/shiplint/internal/document"

// Role says what part a location played in producing a node.
type Role string

// The roles, most editable first in a Chain.
const (
	Values        Role = "values"        // a key in a chart's values file or the user's
	Template      Role = "template"      // the template line that wrote the node
	Patch         Role = "patch"         // a Kustomize patch line that set it
	Base          Role = "base"          // a base manifest line it came from unchanged
	Generator     Role = "generator"     // the kustomization line of its generator
	Kustomization Role = "kustomization" // the kustomization that pulled it in
)

// Location is one place in the scanned tree.
type Location struct {
	// Path is slash-separated, relative to the scan root, like a
	// finding's path.
	Path  string
	Range document.Range
	Role  Role
}

// Chain is where a node came from: the place to report first, then the
// rest as related locations.
type Chain []Location

// Resource is one rendered Kubernetes object.
type Resource struct {
	// Text is the object as rendered YAML (one document).
	Text []byte
	// Lines[i] is where line i+1 of Text came from (nil: unknown).
	Lines []Chain
	// Paths are origins by node (document.Key of the path in the object)
	// that are more precise than the line: a value taken from .Values, a
	// field a patch set. A node without one falls back to its line.
	Paths map[string]Chain
	// From says what rendered it, for messages and `shiplint render`:
	// "chart web (templates/deployment.yaml)", "overlay deploy/prod".
	From string
}

// Problem kept part of the input from rendering: a template error, a
// missing dependency, a remote base that was not fetched. It becomes a
// finding at its location.
type Problem struct {
	Location Location
	// Rule is the built-in rule it is reported under.
	Rule string
	Msg  string
}

// Result is everything one chart or kustomization rendered to.
type Result struct {
	Resources []Resource
	Problems  []Problem
	// Inputs are the files the render consumed (templates, values, bases,
	// patches), so discovery does not also scan them as whole manifests.
	Inputs []string
}
