package kustomize

import (
	"path"
	"strings"

	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/render"
	"go.yaml.in/yaml/v3"
	"sigs.k8s.io/kustomize/api/resource"
)

// KustFileNames are the names kustomize looks for in a directory, in its
// order.
var KustFileNames = []string{"kustomization.yaml", "kustomization.yml", "Kustomization"}

// Rules of the problems this package reports.
const (
	RuleSkipped = "render-skipped" // an entry that was not run or read
	RuleFailed  = "render-error"   // the overlay did not build
)

// kust is one kustomization file met in the graph.
type kust struct {
	dir  string // scan-relative directory
	file string // scan-relative path of the kustomization file
	root *yaml.Node
	kind string
	// entries of resources/bases/components that are local directories
	// (other kustomizations) or files, with the node naming them.
	dirs  []entry
	files []entry
	// patches in application order within this kustomization.
	patches []*patch
	gens    []*generator
	changed bool
}

type entry struct {
	target string // scan-relative
	node   *yaml.Node
}

func (k *kust) loc(n *yaml.Node, role render.Role) render.Location {
	return render.Location{Path: k.file, Range: nodeRange(n, 0, false), Role: role}
}

func nodeRange(n *yaml.Node, off int, inline bool) document.Range {
	r := document.Range{StartLine: n.Line + off, EndLine: n.Line + off}
	if !inline {
		r.StartColumn = n.Column
	}
	return r
}

// findKust returns the kustomization file of a scan-relative directory.
func findKust(rt *confine.Root, dir string) (string, bool) {
	for _, n := range KustFileNames {
		p := path.Join(dir, n)
		if _, err := rt.Check(p); err == nil {
			return p, true
		}
	}
	return "", false
}

// parseKust reads and parses a kustomization file.
func parseKust(read func(string) ([]byte, error), dir, file string) (*kust, error) {
	b, err := read(file)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	k := &kust{dir: dir, file: file}
	if len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode {
		k.root = doc.Content[0]
	} else {
		k.root = &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}
	}
	if v := get(k.root, "kind"); v != nil {
		k.kind = v.Value
	}
	return k, nil
}

// get returns the value of key in a mapping node.
func get(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func getKey(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}

func del(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

// isRemote says whether a resources/bases entry is a URL kustomize would
// fetch: a scheme, an scp-like git address, or a host-like first segment
// that does not exist locally.
//
// kustomize's own test comes first: whatever its git URL parser accepts it
// clones (running git) before it looks for a local directory of that name.
func isRemote(rt *confine.Root, dir, s string) bool {
	if (&resource.Origin{}).Append(s).Repo != "" {
		return true
	}
	if strings.Contains(s, "://") || strings.HasPrefix(s, "git@") || strings.HasPrefix(s, "git::") {
		return true
	}
	if strings.Contains(s, "?ref=") || strings.Contains(s, "?version=") {
		return true
	}
	first, _, _ := strings.Cut(s, "/")
	if strings.Contains(first, ".") && !strings.HasPrefix(first, ".") && strings.Contains(s, "/") {
		_, err := rt.Check(path.Join(dir, s))
		return confine.IsMissing(err)
	}
	return false
}

// refs lists the local directories a kustomization names in resources,
// bases and components, without reading anything else.
func refs(rt *confine.Root, k *kust) []string {
	var out []string
	for _, field := range []string{"resources", "bases", "components"} {
		seq := get(k.root, field)
		if seq == nil || seq.Kind != yaml.SequenceNode {
			continue
		}
		for _, it := range seq.Content {
			if it.Kind != yaml.ScalarNode || isRemote(rt, k.dir, it.Value) {
				continue
			}
			p := path.Join(k.dir, it.Value)
			if strings.HasPrefix(p, "../") || p == ".." {
				continue
			}
			if _, err := rt.Check(p); confine.IsDir(err) {
				out = append(out, p)
			}
		}
	}
	return out
}

// Deployable returns, of the kustomization directories given (scan-relative,
// slash-separated), the ones a user deploys: every kustomization that no
// other kustomization in the set uses as a resource, base or component.
// A base no overlay uses is therefore rendered on its own; components
// (kind: Component) never are. The order of dirs is kept. It is
// New(rt).Deployable(dirs).
func Deployable(rt *confine.Root, dirs []string) []string { return New(rt).Deployable(dirs) }

// Deployable is the package function, reading through the Renderer's
// cache (the overlays rendered next read the same kustomizations).
func (rd *Renderer) Deployable(dirs []string) []string {
	used := map[string]bool{}
	component := map[string]bool{}
	for _, d := range dirs {
		d = path.Clean(d)
		f, ok := findKust(rd.rt, d)
		if !ok {
			continue
		}
		k, err := parseKust(rd.read, d, f)
		if err != nil {
			continue
		}
		if k.kind == "Component" {
			component[d] = true
		}
		for _, r := range refs(rd.rt, k) {
			if r != d {
				used[r] = true
			}
		}
	}
	var out []string
	for _, d := range dirs {
		c := path.Clean(d)
		if !used[c] && !component[c] {
			out = append(out, d)
		}
	}
	return out
}
