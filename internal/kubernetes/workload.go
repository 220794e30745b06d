package kubernetes

import "strconv"

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
	for _, ct := range containerTypes {
		list, _ := spec[ct.field].([]any)
		for i, item := range list {
			c, ok := item.(map[string]any)
			if !ok {
				continue
			}
			// Copy: the raw container stays as written under /resource.
			cp := make(map[string]any, len(c)+1)
			for k, v := range c {
				cp[k] = v
			}
			cp["containerType"] = ct.typ
			key := "/containers/" + strconv.Itoa(len(containers))
			raw := specKey + "/" + ct.field + "/" + strconv.Itoa(i)
			b.mirror(key, raw)
			b.point(key+"/containerType", raw)
			containers = append(containers, cp)
		}
	}
	in["containers"] = containers
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
