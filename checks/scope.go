package checks

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
)

// Kubernetes rules may say which resources they apply to (custom.applies_to
// in METADATA): most check pod specs, some only RBAC roles or Services, and
// rules about namespaces only namespaced resources. A
// rule costs OPA a few microseconds per document even when its first line
// fails, so a Service would otherwise pay for some seventy rules that can
// never fire on it, and a CustomResourceDefinition (often megabytes) would
// be converted for OPA for nothing. Documents are grouped by what decides
// applicability (has a pod spec, is namespaced, resource kind), and each
// group gets a query over just the rules that apply.

// applies reports whether rule r can fire on doc.
func applies(r *finding.Rule, doc *document.Document) bool {
	if len(r.AppliesTo) == 0 {
		return true
	}
	sc := scopeOf(doc)
	for _, a := range r.AppliesTo {
		if (a == "workload" && sc.workload) || (a == "namespaced" && !sc.clusterScoped) || a == sc.kind ||
			(a == "control-plane" && controlPlane(sc, doc)) {
			return true
		}
	}
	return false
}

// scope is what applies_to is matched against, as the Kubernetes parser
// writes it: whether the document has a pod spec (input.podSpec, set for
// every workload kind), whether its kind is cluster-scoped
// (input.clusterScoped) and its resource kind. "control-plane" is decided
// apart (controlPlane), only for the rules that ask: it walks the
// containers, and scopeOf runs once per rule and document.
type scope struct {
	workload, clusterScoped bool
	kind                    string
}

// controlPlane reports whether doc is a workload that may run a
// control-plane component or a kubelet.
func controlPlane(sc scope, doc *document.Document) bool {
	return sc.workload && mayRunComponent(doc.Input["containers"])
}

func scopeOf(doc *document.Document) scope {
	var sc scope
	_, sc.workload = doc.Input["podSpec"]
	sc.clusterScoped, _ = doc.Input["clusterScoped"].(bool)
	sc.kind, _ = doc.Input["resourceKind"].(string)
	return sc
}

// components are the programs the control-plane rules (rules/lib/controlplane.rego,
// kubelet.rego) read flags from. Those rules find a component by the base name of a
// container's first word, a hyperkube sub-command, a shell string that execs it, or
// an official image given only args; each of those puts one of these words
// somewhere in the container's command, args or image.
var components = []string{"kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd", "hyperkube", "kubelet"}

// mayRunComponent reports whether some container mentions a component: a
// superset of the containers the control-plane rules read (TestAppliesToIsSound
// checks it), so that some fifty of them, costing a third of a Deployment's
// evaluation, are left out for the workloads that cannot run one.
func mayRunComponent(containers any) bool {
	list, _ := containers.([]any)
	for _, c := range list {
		m, _ := c.(map[string]any)
		if mentions(m["image"]) || mentions(m["command"]) || mentions(m["args"]) {
			return true
		}
	}
	return false
}

func mentions(v any) bool {
	switch v := v.(type) {
	case string:
		for _, w := range components {
			if strings.Contains(v, w) {
				return true
			}
		}
	case []any:
		for _, x := range v {
			if mentions(x) {
				return true
			}
		}
	}
	return false
}

// scoped reports whether some rule of kind k declares applies_to.
func (p *Pack) scoped(k document.Kind) bool {
	for _, r := range p.rules {
		if r.Kind == k && (len(r.AppliesTo) > 0 || len(r.Related) > 0) {
			return true
		}
	}
	return false
}

// scopedQuery returns the prepared query over the rules that apply to doc,
// but those in skip (rule IDs the scan stopped), or nil when none does.
// Queries are prepared on first use, one per distinct set of rules.
func (p *Pack) scopedQuery(ctx context.Context, doc *document.Document, skip map[string]bool) (*rego.PreparedEvalQuery, error) {
	if _, err := p.query(ctx, doc.Kind); err != nil {
		return nil, err
	}
	ck := p.kinds[doc.Kind]
	sc := scopeOf(doc)
	group := strconv.FormatBool(sc.workload) + "/" + strconv.FormatBool(controlPlane(sc, doc)) + "/" + strconv.FormatBool(sc.clusterScoped) + "/" + sc.kind
	ck.scopeMu.Lock()
	defer ck.scopeMu.Unlock()
	if q, ok := ck.byGroup[group]; ok && len(skip) == 0 {
		return q, nil
	}
	var names, user []string
	prefix := Namespace + "." + string(doc.Kind) + "."
	for i := range p.rules {
		r := &p.rules[i]
		// Rules that read other resources run after every file is read
		// (related.go).
		if r.Kind == doc.Kind && r.Package != "" && len(r.Related) == 0 && applies(r, doc) && !skip[r.ID] {
			name := strconv.Quote(strings.TrimPrefix(r.Package, prefix))
			if r.BuiltIn {
				names = append(names, name)
			} else {
				user = append(user, name)
			}
		}
	}
	q, err := p.setQueryLocked(ctx, ck, doc.Kind, names, user)
	if err != nil {
		return nil, err
	}
	if ck.byGroup == nil {
		ck.byGroup = map[string]*rego.PreparedEvalQuery{}
	}
	if len(skip) == 0 {
		ck.byGroup[group] = q
	}
	return q, nil
}

// setQuery returns the prepared query over the deny sets of the named rule
// packages (quoted names under shiplint.<kind>), prepared once per set;
// nil when both lists are empty.
func (p *Pack) setQuery(ctx context.Context, k document.Kind, names, user []string) (*rego.PreparedEvalQuery, error) {
	ck := p.kinds[k]
	ck.scopeMu.Lock()
	defer ck.scopeMu.Unlock()
	return p.setQueryLocked(ctx, ck, k, names, user)
}

func (p *Pack) setQueryLocked(ctx context.Context, ck *compiledKind, k document.Kind, names, user []string) (*rego.PreparedEvalQuery, error) {
	// User rules' deny sets are read through elements (see aggregator).
	set := strings.Join(names, ", ") + "/" + strings.Join(user, ", ")
	if q, ok := ck.bySet[set]; ok {
		return q, nil
	}
	var q *rego.PreparedEvalQuery
	if len(names)+len(user) > 0 {
		text := fmt.Sprintf("{[p, f] | some p in {%s}; some f in data.%s.%s[p].deny} | {[p, d] | some p in {%s}; some d in data.shiplint_engine.elements(data.%s.%s[p].deny)}",
			strings.Join(names, ", "), Namespace, k, strings.Join(user, ", "), Namespace, k)
		pq, err := rego.New(rego.Query(text), rego.Compiler(ck.compiler), rego.Capabilities(p.caps), rego.Store(p.store)).PrepareForEval(ctx)
		if err != nil {
			return nil, err
		}
		q = &pq
	}
	if ck.bySet == nil {
		ck.bySet = map[string]*rego.PreparedEvalQuery{}
	}
	ck.bySet[set] = q
	return q, nil
}
