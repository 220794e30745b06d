package checks

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/suppress"
)

// ruleIDPattern keeps IDs short and safe in SARIF, file names and comments.
var ruleIDPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]{1,63}$`)

// readMetadata builds the catalog from METADATA blocks: every package under
// shiplint.<kind>. that defines deny is a rule and must describe itself.
// preset are rules already known (the built-in catalog); they come first,
// so "already used by" blames the user's file.
func (p *Pack) readMetadata(preset []finding.Rule, modules map[string]*ast.Module, builtin map[string]bool) error {
	for _, r := range preset {
		rule := r
		p.byPkg[r.Package], p.byID[r.ID] = &rule, &rule
	}
	// Metadata comes from the parsed modules, so the catalog is known
	// before (and without) compiling every kind.
	annotations := map[string]*ast.Annotations{}
	for _, m := range modules {
		for _, a := range m.Annotations {
			if a.Scope == "package" {
				annotations[refString(m.Package.Path)] = a
			}
		}
	}
	// Built-in rules first, then by file name, so "already used by" always
	// blames the user's file and the output is the same every run.
	names := make([]string, 0, len(modules))
	for name := range modules {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int {
		if builtin[a] != builtin[b] {
			if builtin[a] {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	var problems []string
	for _, name := range names {
		m := modules[name]
		pkg := refString(m.Package.Path)
		kind, ok := kindOfPackage(pkg)
		if !ok || !definesDeny(m) || strings.HasSuffix(pkg, "_test") {
			continue
		}
		if _, seen := p.byPkg[pkg]; seen {
			continue // a package split over several files is one rule
		}
		r, err := ruleFromAnnotations(annotations[pkg])
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s:%d: rule package %s: %v", name, m.Package.Location.Row, pkg, err))
			continue
		}
		r.Kind, r.Package, r.File, r.BuiltIn = kind, pkg, name, builtin[name]
		if len(r.AppliesTo) > 0 && kind != document.Kubernetes {
			problems = append(problems, fmt.Sprintf("%s:%d: rule %s: custom.applies_to is only for Kubernetes rules", name, m.Package.Location.Row, r.ID))
			continue
		}
		if len(r.Related) > 0 && kind != document.Kubernetes {
			problems = append(problems, fmt.Sprintf("%s:%d: rule %s: custom.related is only for Kubernetes rules", name, m.Package.Location.Row, r.ID))
			continue
		}
		if other, dup := p.byID[r.ID]; dup {
			problems = append(problems, fmt.Sprintf("%s:%d: rule ID %s is already used by %s (%s)", name, m.Package.Location.Row, r.ID, other.Package, other.File))
			continue
		}
		rule := r
		p.byPkg[pkg], p.byID[r.ID] = &rule, &rule
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return &PolicyError{Problems: problems}
	}
	p.aliases = map[string]bool{}
	for _, r := range p.byID {
		p.rules = append(p.rules, *r)
		for _, a := range r.Aliases {
			p.aliases[strings.ToUpper(a)] = true
		}
	}
	p.rules = append(p.rules, BuiltinRules()...)
	slices.SortFunc(p.rules, func(a, b finding.Rule) int { return strings.Compare(a.ID, b.ID) })
	return nil
}

// refString renders data.shiplint.x.y as "shiplint.x.y".
func refString(r ast.Ref) string {
	parts := make([]string, 0, len(r))
	for i, t := range r {
		if i == 0 {
			if v, ok := t.Value.(ast.Var); ok && v == "data" {
				continue
			}
		}
		if s, ok := t.Value.(ast.String); ok {
			parts = append(parts, string(s))
		} else {
			parts = append(parts, t.Value.String())
		}
	}
	return strings.Join(parts, ".")
}

func definesDeny(m *ast.Module) bool {
	for _, r := range m.Rules {
		if r.Head.Name == "deny" || (len(r.Head.Reference) > 0 && r.Head.Reference[0].Value.Compare(ast.Var("deny")) == 0) {
			return true
		}
	}
	return false
}

// ruleFromAnnotations reads title, description, related_resources and the
// custom fields id, severity, remediation, frameworks, aliases.
func ruleFromAnnotations(a *ast.Annotations) (finding.Rule, error) {
	if a == nil {
		return finding.Rule{}, fmt.Errorf("no METADATA block (need title and custom.id, custom.severity)")
	}
	var r finding.Rule
	r.Title, r.Description = strings.TrimSpace(a.Title), strings.TrimSpace(a.Description)
	for _, rr := range a.RelatedResources {
		if rr.Ref.String() != "" {
			r.References = append(r.References, rr.Ref.String())
		}
	}
	c := a.Custom
	id, _ := c["id"].(string)
	if !ruleIDPattern.MatchString(id) {
		return r, fmt.Errorf("custom.id %q is missing or not a valid rule ID", id)
	}
	r.ID = id
	if r.Title == "" {
		return r, fmt.Errorf("METADATA of %s has no title", id)
	}
	sev, _ := c["severity"].(string)
	s, err := finding.ParseSeverity(sev)
	if err != nil {
		return r, fmt.Errorf("custom.severity of %s: %v", id, err)
	}
	r.Severity = s
	r.Remediation, _ = c["remediation"].(string)
	r.Remediation = strings.TrimSpace(r.Remediation)
	if fw, ok := c["frameworks"].(map[string]any); ok {
		r.Frameworks = map[string]string{}
		for k, v := range fw {
			r.Frameworks[k] = fmt.Sprint(v)
		}
	}
	if al, ok := c["aliases"].([]any); ok {
		for _, v := range al {
			r.Aliases = append(r.Aliases, fmt.Sprint(v))
		}
	}
	if at, ok := c["applies_to"]; ok {
		list, _ := at.([]any)
		if len(list) == 0 {
			return r, fmt.Errorf("custom.applies_to of %s must be a list of \"workload\", \"control-plane\", \"namespaced\" or Kubernetes kinds (Service, ClusterRole...)", id)
		}
		for _, v := range list {
			s, _ := v.(string)
			if s != "workload" && s != "control-plane" && s != "namespaced" && !kindPattern.MatchString(s) {
				return r, fmt.Errorf("custom.applies_to of %s: %q is not \"workload\", \"control-plane\", \"namespaced\" or a Kubernetes kind (Service, ClusterRole...)", id, fmt.Sprint(v))
			}
			r.AppliesTo = append(r.AppliesTo, s)
		}
	}
	if rel, ok := c["related"]; ok {
		list, _ := rel.([]any)
		if len(list) == 0 {
			return r, fmt.Errorf("custom.related of %s must be a list of \"workload\" or Kubernetes kinds (ServiceAccount, RoleBinding...)", id)
		}
		for _, v := range list {
			s, _ := v.(string)
			if s != "workload" && !kindPattern.MatchString(s) {
				return r, fmt.Errorf("custom.related of %s: %q is not \"workload\" or a Kubernetes kind (ServiceAccount, RoleBinding...)", id, fmt.Sprint(v))
			}
			r.Related = append(r.Related, s)
		}
	}
	return r, nil
}

// kindPattern is what a Kubernetes resource kind looks like.
var kindPattern = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)

// SyntaxErrorRule is the built-in rule that parse failures are reported
// under, so a broken file shows up like any other finding.
var SyntaxErrorRule = finding.Rule{
	ID:          "syntax-error",
	Title:       "File cannot be parsed",
	Description: "The file is not valid for its kind, so no other rule could check it. A file that does not parse hides every other problem in it.",
	Severity:    finding.High,
	Remediation: "Fix the syntax at the reported line; the message says what the parser expected.",
	BuiltIn:     true,
	File:        "(built-in)",
}

// FileNotScannedRule is the built-in rule for files shiplint did not read:
// a file or a Compose file's .env or extends file that resolves outside the
// scanned directory, is not a regular file, is over the size limit or the
// scan's byte budget, or cannot be read. Padding a bad manifest past the
// size limit, or hiding it behind a symlink, must not pass a gate silently.
var FileNotScannedRule = finding.Rule{
	ID:    "file-not-scanned",
	Title: "File was not scanned",
	Description: "shiplint did not read this file, or a file it refers to (a Compose .env or extends file), so nothing in it was checked. " +
		"It reads only regular files inside the directories it was asked to scan, within --max-file-size and the scan's byte budget: " +
		"a symlink that leads out of the scanned directory, a FIFO or device, a file over the size limit or one it cannot open is reported here " +
		"instead of passing silently. The message says which limit applied; it never says anything about what a symlink points at.",
	Severity: finding.High,
	Remediation: "Make the file a regular file inside the scanned directory (replace a symlink that leads out with the file itself), " +
		"split or shrink a file over the size limit (or raise --max-file-size on the command line), " +
		"or leave the file out with exclude: in .shiplint.yaml if it is not meant to be scanned.",
	BuiltIn: true,
	File:    "(built-in)",
}

// RenderErrorRule is the built-in rule for a chart or an overlay that did
// not render: a Helm template error, an overlay kustomize cannot build.
var RenderErrorRule = finding.Rule{
	ID:    "render-error",
	Title: "Chart or overlay does not render",
	Description: "shiplint renders Helm charts and Kustomize overlays, as helm template and kustomize build would, and checks what they produce. " +
		"This one failed at the reported line (a template that calls fail or required, a parse error, rendered output that is not YAML, " +
		"an overlay whose patch matches nothing or whose file is missing), so the resources it would produce, or some of them, were not checked. " +
		"The same error would stop a deployment.",
	Severity: finding.High,
	Remediation: "Fix the template or kustomization at the reported line; the message is Helm's or kustomize's. " +
		"If the chart needs values to render (a required value), give them with --helm-values FILE or --helm-set key=value.",
	BuiltIn: true,
	File:    "(built-in)",
}

// RenderSkippedRule is the built-in rule for parts of an overlay that were
// not rendered because doing so would reach the network or run code.
var RenderSkippedRule = finding.Rule{
	ID:    "render-skipped",
	Title: "Part of an overlay was not rendered",
	Description: "shiplint never reaches the network or runs code from the scanned repository while rendering. " +
		"A remote base or resource (a git or HTTP URL), a generator, transformer or validator plugin, an exec or container KRM function, " +
		"or a helmCharts entry it could not inflate was left out; the rest of the overlay was rendered and checked, " +
		"but what the skipped entry adds was not.",
	Severity: finding.Medium,
	Remediation: "Vendor the remote base into the repository (or scan a checkout that has it) and refer to it by a local path; " +
		"if the entry is meant to stay, suppress this finding on its line with a reason.",
	BuiltIn: true,
	File:    "(built-in)",
}

// HelmMissingDependencyRule is the built-in rule for a chart dependency
// that is neither vendored nor in the scanned tree.
var HelmMissingDependencyRule = finding.Rule{
	ID:    "helm-missing-dependency",
	Title: "Helm chart dependency is missing",
	Description: "A dependency listed in Chart.yaml is not in the chart's charts/ directory, and no chart of that name was found in the scanned tree " +
		"(at its file:// path or in a sibling directory). shiplint does not download charts, so the chart was rendered without it " +
		"and the resources the dependency adds were not checked.",
	Severity: finding.Medium,
	Remediation: "Run helm dependency build in the chart directory before scanning (or vendor the dependency into charts/), " +
		"or point its repository at a file:// path inside the repository.",
	BuiltIn: true,
	File:    "(built-in)",
}

// BuiltinRules are the rules the engine reports itself, without Rego.
func BuiltinRules() []finding.Rule {
	return []finding.Rule{SyntaxErrorRule, FileNotScannedRule, suppress.StaleRule, RenderErrorRule, RenderSkippedRule, HelmMissingDependencyRule}
}

// isBuiltinID reports whether id is one of BuiltinRules.
func isBuiltinID(id string) bool {
	for _, r := range BuiltinRules() {
		if r.ID == id {
			return true
		}
	}
	return false
}
