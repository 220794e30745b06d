package helm

import (
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/render"
)

// valuesDoc is one parsed values file, for key positions.
type valuesDoc struct {
	path string // root-relative
	root *yaml.Node
}

func parseValuesDoc(path string, data []byte) *valuesDoc {
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil || len(n.Content) == 0 {
		return &valuesDoc{path: path}
	}
	return &valuesDoc{path: path, root: n.Content[0]}
}

// find returns the position of the key (or list item) at path.
func (v *valuesDoc) find(path []string) (document.Range, bool) {
	if v == nil || v.root == nil {
		return document.Range{}, false
	}
	n := v.root
	var at *yaml.Node = n
	for _, seg := range path {
		for n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		switch n.Kind {
		case yaml.MappingNode:
			var next *yaml.Node
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == seg {
					at, next = n.Content[i], n.Content[i+1]
				}
			}
			if next == nil {
				return document.Range{}, false
			}
			n = next
		case yaml.SequenceNode:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(n.Content) {
				return document.Range{}, false
			}
			n = n.Content[i]
			at = n
		default:
			return document.Range{}, false
		}
	}
	if len(path) == 0 {
		return document.Range{}, false
	}
	return document.Range{StartLine: at.Line, StartColumn: at.Column, EndLine: at.Line}, true
}

// chartInfo is one chart of the rendered tree (the top chart or a
// sub-chart), with where its values can come from.
type chartInfo struct {
	parent *chartInfo
	key    string     // its key in the parent's values (name or alias)
	values *valuesDoc // its own values.yaml (nil in a .tgz or when absent)
}

// lookup finds where the value at path of this chart's .Values was set:
// the user's values files first (last wins), then values.yaml from the
// top chart down to this one, so a parent's override wins over the
// sub-chart's default. Globals are also looked for at each file's root.
func (c *chartInfo) lookup(user []*valuesDoc, set map[string]any, path []string) (render.Location, bool) {
	var chain []*chartInfo
	for x := c; x != nil; x = x.parent {
		chain = append([]*chartInfo{x}, chain...)
	}
	// prefix of c's values within chart chain[i]'s values.
	prefix := func(i int) []string {
		var p []string
		for _, x := range chain[i+1:] {
			p = append(p, x.key)
		}
		return p
	}
	full := append(prefix(0), path...)
	global := len(path) > 0 && path[0] == "global"
	if inSet(set, full) || (global && inSet(set, path)) {
		return render.Location{}, false
	}
	try := func(v *valuesDoc, p []string) (render.Location, bool) {
		if r, ok := v.find(p); ok {
			return render.Location{Path: v.path, Range: r, Role: render.Values}, true
		}
		return render.Location{}, false
	}
	for i := len(user) - 1; i >= 0; i-- {
		if l, ok := try(user[i], full); ok {
			return l, true
		}
		if global {
			if l, ok := try(user[i], path); ok {
				return l, true
			}
		}
	}
	for i, x := range chain {
		if l, ok := try(x.values, append(prefix(i), path...)); ok {
			return l, true
		}
		if global {
			if l, ok := try(x.values, path); ok {
				return l, true
			}
		}
	}
	return render.Location{}, false
}

func inSet(set map[string]any, path []string) bool {
	var cur any = set
	for _, p := range path {
		m, ok := cur.(map[string]any)
		if !ok {
			return false
		}
		if cur, ok = m[p]; !ok {
			return false
		}
	}
	return len(path) > 0
}
