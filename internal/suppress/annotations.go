package suppress

import (
	"fmt"
	"strings"

	"github.com/shiplint/shiplint/internal/document"
)

// AnnotationKey is the Kubernetes annotation that suppresses rules for one
// resource: `shiplint.dev/ignore: "KS001,KS003 -- reason"`.
const AnnotationKey = "shiplint.dev/ignore"

// kubeLinterPrefix is kube-linter's per-check annotation:
// `ignore-check.kube-linter.io/privileged-container: "reason"`.
const kubeLinterPrefix = "ignore-check.kube-linter.io/"

// checkovAnnotationPrefix starts Checkov's Kubernetes annotations, one per
// check, numbered: `checkov.io/skip1: CKV_K8S_20=the reason` (the reason
// is optional).
const checkovAnnotationPrefix = "checkov.io/skip"

// annotations reads suppressions from each resource's metadata.annotations
// (and a workload's pod template), scoped to that resource.
func annotations(docs []*document.Document) []*Directive {
	var out []*Directive
	seen := map[string]bool{} // a Pod's podMetadata is its own metadata
	for _, d := range docs {
		for _, src := range []struct {
			ann  map[string]any
			path []any
		}{
			{nested(d.Input, "resource", "metadata", "annotations"), []any{"resource", "metadata", "annotations"}},
			{nested(d.Input, "podMetadata", "annotations"), []any{"podMetadata", "annotations"}},
		} {
			for key, v := range src.ann {
				val, _ := v.(string)
				line := lineOf(d, append(src.path, key))
				if id := fmt.Sprintf("%d/%s", line, key); seen[id] {
					continue
				} else {
					seen[id] = true
				}
				switch {
				case key == AnnotationKey:
					ids, reason, _ := strings.Cut(val, "--")
					out = append(out, &Directive{Source: "annotation", IDs: splitIDs(ids), Scope: Document, Line: line, Reason: strings.TrimSpace(reason), Target: d.Range.StartLine, TargetEnd: d.Range.EndLine})
				case strings.HasPrefix(key, kubeLinterPrefix):
					out = append(out, &Directive{Source: "kube-linter", IDs: []string{strings.TrimPrefix(key, kubeLinterPrefix)}, Scope: Document, Line: line, Reason: strings.TrimSpace(val), Target: d.Range.StartLine, TargetEnd: d.Range.EndLine})
				case strings.HasPrefix(key, checkovAnnotationPrefix) && isDigits(strings.TrimPrefix(key, checkovAnnotationPrefix)):
					id, reason, _ := strings.Cut(val, "=")
					out = append(out, &Directive{Source: "checkov", IDs: splitIDs(id), Scope: Document, Line: line, Reason: strings.TrimSpace(reason), Target: d.Range.StartLine, TargetEnd: d.Range.EndLine})
				}
			}
		}
	}
	return out
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

func nested(m map[string]any, keys ...string) map[string]any {
	var cur any = m
	for _, k := range keys {
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = mm[k]
	}
	out, _ := cur.(map[string]any)
	return out
}

func lineOf(d *document.Document, path []any) int {
	r, _ := d.Resolve(path)
	return r.StartLine
}
