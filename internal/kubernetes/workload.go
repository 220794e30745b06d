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
