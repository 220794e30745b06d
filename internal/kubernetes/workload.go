package kubernetes

import (
	"fmt"
	"strconv"
)

// podPaths says where a workload kind keeps its pod spec and pod metadata.
type podPaths struct{ spec, meta []string }

var templatePaths = podPaths{
	spec: []string{"spec", "template", "spec"},
	meta: []string{"spec", "template", "metadata"},
}

// podSpecPaths lists the workload kinds.
var podSpecPaths = map[string]podPaths{
	"Pod":                   {spec: []string{"spec"}, meta: []string{"metadata"}},
	"Deployment":            templatePaths,
	"StatefulSet":           templatePaths,
	"DaemonSet":             templatePaths,
	"ReplicaSet":            templatePaths,
	"ReplicationController": templatePaths,
	"Job":                   templatePaths,
	"CronJob": {
		spec: []string{"spec", "jobTemplate", "spec", "template", "spec"},
		meta: []string{"spec", "jobTemplate", "spec", "template", "metadata"},
	},
	"PodTemplate": {spec: []string{"template", "spec"}, meta: []string{"template", "metadata"}},
}

// shapePaths are where a kind the parser does not know may hold a pod spec,
// in the order they are tried (docs/decisions.md, "Pod templates by
// shape"): Knative Service and Configuration, Argo Rollout, OpenKruise
// CloneSet and most operators' workloads embed a pod template under
// spec.template; cron-like resources a Job template; Knative Revision a
// pod spec as its spec; PodTemplate-like kinds a top-level template.
var shapePaths = []podPaths{
	templatePaths,
	podSpecPaths["CronJob"],
	{spec: []string{"spec"}, meta: []string{"metadata"}},
	podSpecPaths["PodTemplate"],
}

// podShape finds the pod spec of a kind the parser does not know by its
// shape (podShaped). Known cluster-scoped kinds are left out: a
// CustomResourceDefinition describes containers in a schema, it does not
// run them.
func podShape(kind string, obj map[string]any) (podPaths, bool) {
	if clusterScoped[kind] {
		return podPaths{}, false
	}
	_, spec := obj["spec"].(map[string]any)
	_, template := obj["template"].(map[string]any)
	if !spec && !template {
		return podPaths{}, false // ConfigMaps, Secrets, RBAC...: nothing to look at
	}
	for _, p := range shapePaths {
		if m, ok := follow(obj, p.spec); ok && podShaped(m) {
			return p, true
		}
	}
	return podPaths{}, false
}

// follow is lookup without the defaults: ok only when every part is a map.
func follow(obj map[string]any, path []string) (map[string]any, bool) {
	cur := obj
	for _, p := range path {
		next, ok := cur[p].(map[string]any)
		if !ok {
			return nil, false
		}
		cur = next
	}
	return cur, true
}

// podShaped reports whether spec looks like a pod spec that runs as
// written: containers is a non-empty list of maps, and one of them at
// least names its image. Operators that take a pod template to merge into
// their own (CloudNativePG's Pooler, the Prometheus operator's kinds) are
// given containers by name only, with the security settings the operator
// adds left out: those are not checked as pods.
func podShaped(spec map[string]any) bool {
	list, ok := spec["containers"].([]any)
	if !ok || len(list) == 0 {
		return false
	}
	image := false
	for _, it := range list {
		c, ok := it.(map[string]any)
		if !ok {
			return false
		}
		if _, ok := c["image"].(string); ok {
			image = true
		}
	}
	return image
}

// containerTypes in the order containers are listed.
var containerTypes = []struct{ field, typ string }{
	{"containers", "container"},
	{"initContainers", "initContainer"},
	{"ephemeralContainers", "ephemeralContainer"},
}

func (b *builder) workload(in, obj map[string]any, p podPaths) {
	spec, specKey := lookup(obj, p.spec)
	meta, metaKey := lookup(obj, p.meta)
	in["podSpec"], in["podMetadata"] = spec, meta
	b.mirror("/podSpec", specKey)
	b.mirror("/podMetadata", metaKey)
	containers := []any{}
	var cut map[string]any // the container lists cut at the budget
	for _, ct := range containerTypes {
		list, _ := spec[ct.field].([]any)
		for i, item := range list {
			raw := specKey + "/" + ct.field + "/" + strconv.Itoa(i)
			if over := b.containerBudget(len(containers)); over != "" {
				r, _ := b.raw.Locate(b.rawKey + raw)
				b.p.overBudget(r.StartLine, over)
				if cut == nil {
					cut = map[string]any{}
				}
				cut[ct.field] = list[:i]
				break
			}
			c, ok := item.(map[string]any)
			if !ok {
				continue
			}
			b.p.containers++
			// Copy: the raw container stays as written under /resource.
			cp := make(map[string]any, len(c)+1)
			for k, v := range c {
				cp[k] = v
			}
			cp["containerType"] = ct.typ
			key := "/containers/" + strconv.Itoa(len(containers))
			b.mirror(key, raw)
			b.point(key+"/containerType", raw)
			containers = append(containers, cp)
		}
	}
	in["containers"] = containers
	if cut != nil {
		// Past the budget the rules do not see the containers at all, not
		// even through podSpec or resource: 121,000 of them held 1.3 GB.
		in["podSpec"] = with(spec, nil, cut)
		in["resource"] = with(obj, p.spec, in["podSpec"].(map[string]any))
	}
}

// containerBudget tells why the next container of a resource that has n
// is not checked ("" when it is).
func (b *builder) containerBudget(n int) string {
	switch {
	case n == maxPodContainers:
		return fmt.Sprintf("this resource has more than %d containers; from this one on they are not checked", maxPodContainers)
	case b.p.containers == maxContainers:
		return fmt.Sprintf("the file has more than %d containers; from this one on they are not checked", maxContainers)
	}
	return ""
}

// with returns a copy of m with what is at path replaced: by v at the end of
// a non-empty path, else by the keys of over. Only the maps on the path are
// copied.
func with(m map[string]any, path []string, over map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	if len(path) == 0 {
		for k, v := range over {
			out[k] = v
		}
		return out
	}
	next, _ := m[path[0]].(map[string]any)
	if len(path) == 1 {
		out[path[0]] = over
	} else {
		out[path[0]] = with(next, path[1:], over)
	}
	return out
}

// lookup follows path through maps; a missing or non-map part yields {}.
func lookup(obj map[string]any, path []string) (map[string]any, string) {
	cur, key := obj, ""
	for _, p := range path {
		next, ok := cur[p].(map[string]any)
		if !ok {
			next = map[string]any{}
		}
		cur, key = next, key+"/"+p
	}
	return cur, key
}
