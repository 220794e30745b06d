// Package kubernetes turns a Kubernetes manifest stream into one Document per
// resource, with the pod spec and every container of workload kinds lifted to
// fixed places so a rule about containers is written once for all kinds.
package kubernetes

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/yamldoc"
)

// Parse returns one Document per resource in src. On an error mid-stream it
// returns a *document.SyntaxError with the resources of every document whose
// own text parses, before and after the broken one: a bad document must not
// hide the resources after it from a scan. Past a budget (maxResources,
// maxContainers) the file is checked without the rest, and the error is at
// the line where that starts, unless a syntax error comes first.
func Parse(path string, src []byte) ([]*document.Document, error) {
	var docs []yamldoc.Doc
	var err error
	if IsJSON(path) {
		// The YAML decoder reads JSON with the same lines and columns;
		// JSON's own grammar decides what is an error (docs/input.md, "JSON").
		docs, err = decodeJSON(path, src)
	} else {
		docs, err = yamldoc.Decode(path, src, yamldoc.Options{Resume: true})
	}
	p := &parser{path: path}
	for _, d := range docs {
		p.resources(d, d.Value, "")
	}
	var se *document.SyntaxError
	if p.over != nil && (err == nil || errors.As(err, &se) && p.over.Line < se.Line) {
		err = p.over
	}
	return p.out, err
}

// Budgets of one file (docs/decisions.md): real manifests hold hundreds of
// resources of a few containers each; 56,000 privileged Pods in one file
// took 56 s and 2.2 GB, a Pod of 121,000 containers 44 s and 2.3 GB (10,000
// of them in one document still 1.2 GB: a document is evaluated at once).
const (
	maxResources     = 10000
	maxContainers    = 10000 // in the file
	maxPodContainers = 1000  // in one resource
)

// parser collects the resources of one file within its budgets.
type parser struct {
	path       string
	out        []*document.Document
	containers int                   // lifted into input.containers so far
	over       *document.SyntaxError // the first budget the file goes past
}

func (p *parser) overBudget(line int, msg string) {
	if p.over == nil {
		p.over = &document.SyntaxError{Path: p.path, Line: max(line, 1), Msg: msg}
	}
}

// resources adds the resource at key of d (a List is unwrapped into its
// items); nothing when the value is not a resource.
func (p *parser) resources(d yamldoc.Doc, v any, key string) {
	obj, ok := v.(map[string]any)
	if !ok {
		return
	}
	apiVersion, ok1 := obj["apiVersion"].(string)
	kind, ok2 := obj["kind"].(string)
	if !ok1 || !ok2 {
		return
	}
	if items, ok := obj["items"].([]any); ok && strings.HasSuffix(kind, "List") {
		for i, it := range items {
			p.resources(d, it, document.Join(document.Join(key, "items"), i))
		}
		return
	}
	if len(p.out) == maxResources {
		r, _ := d.Locator.Locate(key)
		p.overBudget(r.StartLine, fmt.Sprintf("the file has more than %d resources; this one and those after it are not checked", maxResources))
		return
	}
	p.out = append(p.out, p.newResource(d, obj, key, apiVersion, kind))
}

func (p *parser) newResource(d yamldoc.Doc, obj map[string]any, key, apiVersion, kind string) *document.Document {
	path := p.path
	b := &builder{raw: d.Locator, rawKey: key, pos: document.Positions{}, mirrors: map[string]document.Mirror{}, p: p}
	meta, _ := obj["metadata"].(map[string]any)
	name, _ := meta["name"].(string)
	ns, _ := meta["namespace"].(string)
	in := map[string]any{
		"kind": string(document.Kubernetes), "path": path,
		"apiVersion": apiVersion, "resourceKind": kind,
		"name": nullable(name), "namespace": nullable(ns),
		"resource": obj, "documentIndex": int64(d.Index),
		"clusterScoped": clusterScoped[kind],
	}
	r, _ := b.raw.Locate(key)
	b.pos[""] = r
	b.mirrors["/resource"] = document.Mirror{Source: b.raw, From: key}
	b.point("/apiVersion", "/apiVersion")
	b.point("/resourceKind", "/kind")
	b.point("/name", "/metadata/name")
	b.point("/namespace", "/metadata/namespace")
	var forms []string
	if IsJSON(path) {
		forms = append(forms, document.FormJSON)
	}
	if key != "" {
		forms = append(forms, document.FormListItem)
	}
	if spec, ok := podSpecPaths[kind]; ok {
		b.workload(in, obj, spec)
	} else if spec, ok := podShape(kind, obj); ok {
		b.workload(in, obj, spec)
		forms = append(forms, document.FormPodShape)
	}
	return &document.Document{
		Kind: document.Kubernetes, Path: path, Input: in, Positions: b.pos, Mirrors: b.mirrors,
		Identity: kind + "/" + ns + "/" + name, Range: r, Forms: forms,
	}
}

// clusterScoped are the built-in and common kinds that live outside any
// namespace: a namespace written on them means nothing. Rules about
// namespaces read it as input.clusterScoped, and applies_to: [namespaced]
// leaves these kinds out (a CustomResourceDefinition is most of the bytes of
// a typical cluster repository and no namespaced rule needs to see it).
var clusterScoped = map[string]bool{
	"Namespace": true, "Node": true, "PersistentVolume": true, "ClusterRole": true, "ClusterRoleBinding": true,
	"CustomResourceDefinition": true, "StorageClass": true, "PriorityClass": true, "IngressClass": true, "RuntimeClass": true,
	"MutatingWebhookConfiguration": true, "ValidatingWebhookConfiguration": true, "APIService": true,
	"CSIDriver": true, "CSINode": true, "VolumeAttachment": true, "PodSecurityPolicy": true, "ClusterIssuer": true,
	"ValidatingAdmissionPolicy": true, "ValidatingAdmissionPolicyBinding": true, "CertificateSigningRequest": true,
	"MutatingAdmissionPolicy": true, "MutatingAdmissionPolicyBinding": true, "FlowSchema": true,
	"PriorityLevelConfiguration": true, "ClusterTrustBundle": true, "VolumeAttributesClass": true,
	"DeviceClass": true, "SelfSubjectReview": true, "TokenReview": true, "SubjectAccessReview": true,
	"SelfSubjectAccessReview": true, "SelfSubjectRulesReview": true, "ComponentStatus": true,
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// builder maps normalized keys back to the raw nodes of one resource.
type builder struct {
	raw     document.Locator // locates nodes of the YAML document (shared by a List's items)
	rawKey  string           // the resource's key in raw ("" or /items/i)
	pos     document.Positions
	mirrors map[string]document.Mirror
	p       *parser // the file's budgets
}

// point sets key to the range of the raw node at rel (a key relative to the
// resource), or of its nearest existing parent.
func (b *builder) point(key, rel string) {
	for {
		if r, ok := b.raw.Locate(b.rawKey + rel); ok {
			b.pos[key] = r
			return
		}
		if rel == "" {
			return
		}
		rel = rel[:strings.LastIndexByte(rel, '/')]
	}
}

// mirror makes key a view of the raw subtree at rel (positions are looked
// up there, not copied), or points key at the nearest existing parent when
// the raw node is missing.
func (b *builder) mirror(key, rel string) {
	if _, ok := b.raw.Locate(b.rawKey + rel); ok {
		b.mirrors[key] = document.Mirror{Source: b.raw, From: b.rawKey + rel}
		return
	}
	b.point(key, rel)
}

// Looks reports whether src seems to hold a Kubernetes resource: some
// document has apiVersion and kind at the top level. It does not parse (it
// runs on every YAML file of a repository, so it is one pass over the
// bytes), and rejects templates ({{ }}), which are not YAML until rendered.
func Looks(src []byte) bool {
	if bytes.Contains(src, []byte("{{")) {
		return false
	}
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if first := bytes.TrimLeft(src, " \t\r\n"); len(first) > 0 && first[0] == '{' && LooksJSON(first) {
		return true // JSON in a .yaml file: YAML's flow style
	}
	var api, kind bool
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		switch {
		case bytes.HasPrefix(line, []byte("---")):
			api, kind = false, false // a new document
		case topLevelKey(line, "apiVersion"):
			api = true
		case topLevelKey(line, "kind"):
			kind = true
		}
		if api && kind {
			return true
		}
	}
	return false
}

// topLevelKey reports whether line starts with key (maybe quoted) followed
// by optional blanks and a colon.
func topLevelKey(line []byte, key string) bool {
	if len(line) > 0 && (line[0] == '"' || line[0] == '\'') {
		q := line[0]
		line = line[1:]
		if !bytes.HasPrefix(line, []byte(key)) || len(line) <= len(key) || line[len(key)] != q {
			return false
		}
		line = line[len(key)+1:]
	} else {
		if !bytes.HasPrefix(line, []byte(key)) {
			return false
		}
		line = line[len(key):]
	}
	line = bytes.TrimLeft(line, " \t")
	return len(line) > 0 && line[0] == ':'
}
