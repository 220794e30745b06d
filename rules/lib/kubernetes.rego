# METADATA
# description: >-
#   Helpers shared by the Kubernetes rules: naming a resource or container in messages, the
#   effective value of a security-context setting a container inherits from its pod (the
#   container's own value wins), capability names, host paths and RBAC rule matching.
package shiplint.lib.kubernetes

import data.shiplint.lib.secrets

# resource names the object for messages: `Deployment "web"`; objects named
# by generateName show the prefix (`Job "report-*"`).
resource := sprintf("%s %q", [input.resourceKind, display_name])

display_name := input.name if is_string(input.name)

else := concat("", [input.resource.metadata.generateName, "*"]) if is_string(input.resource.metadata.generateName)

else := "(unnamed)"

# who names a container for messages: `container "app" of Deployment "web"`.
who(c) := sprintf("%s %q of %s", [object.get(c, "containerType", "container"), object.get(c, "name", "(unnamed)"), resource])

# windows holds for a pod that declares it runs on Windows nodes (spec.os.name).
windows if lower(input.podSpec.os.name) == "windows"

# user_namespace holds for a pod that runs in its own user namespace
# (spec.hostUsers: false), which Pod Security relaxes some controls for.
user_namespace if input.podSpec.hostUsers == false

# pod_sc and sc(c) are the pod's and a container's securityContext, {} when
# absent or not a map, so lookups never fail on `securityContext: null`.
pod_sc := input.podSpec.securityContext if is_object(input.podSpec.securityContext)

else := {}

sc(c) := c.securityContext if is_object(c.securityContext)

else := {}

# setting is the value of a securityContext field that Kubernetes applies to
# container i (runAsNonRoot, runAsUser, runAsGroup, seccompProfile,
# seLinuxOptions, appArmorProfile, windowsOptions) and where it is written:
# the container's own value wins over the pod's. When neither sets it, the
# path is where the container's setting belongs and pod is false.
setting(i, c, field) := {"value": v, "path": ["containers", i, "securityContext", field], "pod": false} if {
	v := sc(c)[field]
	v != null
} else := {"value": v, "path": ["podSpec", "securityContext", field], "pod": true} if {
	v := pod_sc[field]
	v != null
} else := {"value": null, "path": ["containers", i, "securityContext", field], "pod": false}

# inheriting(field) lists the containers (by name) that take field from the
# pod because they do not set it themselves.
inheriting(field) := [c.name | some c in input.containers; object.get(sc(c), field, null) == null]

# names renders a list of names for a message: "a", "b".
names(list) := concat(", ", [sprintf("%q", [n]) | some n in list])

# cap normalizes a capability name the way container runtimes read it:
# case-insensitive, with or without the CAP_ prefix.
cap(name) := trim_prefix(upper(trim_space(name)), "CAP_") if is_string(name)

# added(c) are the entries of capabilities.add with their index.
added(c) := {[j, cap(n)] | some j, n in sc(c).capabilities.add}

# drops(c, name) holds when the container drops name or ALL.
drops(c, name) if {
	some n in sc(c).capabilities.drop
	cap(n) in {name, "ALL"}
}

# clean_path normalizes a host path: no repeated or trailing slashes.
clean_path(p) := "/" if {
	regex.replace(p, `/+`, "/") == "/"
} else := trim_suffix(regex.replace(p, `/+`, "/"), "/")

# under(p, dir) holds when p is dir or inside it.
under(p, dir) if p == dir

under(p, dir) if startswith(p, concat("", [dir, "/"]))


# host_volumes are the pod's hostPath volumes: [index, volume, cleaned path].
host_volumes contains [i, v, clean_path(v.hostPath.path)] if {
	some i, v in input.podSpec.volumes
	is_string(v.hostPath.path)
}

# pv_host_path is a PersistentVolume's hostPath source with its cleaned path:
# [hostPath, path]. Whatever pod claims the volume mounts that directory of
# its node, so the host path rules read it like a pod's hostPath volume.
pv_host_path := [hp, clean_path(hp.path)] if {
	input.resourceKind == "PersistentVolume"
	hp := input.resource.spec.hostPath
	is_string(hp.path)
}

# RBAC: the rules of a Role or ClusterRole with their index.
rbac_rules contains [j, r] if {
	input.resourceKind in {"Role", "ClusterRole"}
	some j, r in input.resource.rules
	is_object(r)
}

# grants(r, verbs) holds when rule r allows one of verbs (or every verb).
grants(r, verbs) if {
	some v in r.verbs
	lower(v) in verbs
}

grants(r, _) if "*" in r.verbs

# covers(r, group, resource) holds when rule r applies to resource in API
# group (either may be granted by "*"). Subresources match exactly or via
# "*" / "<resource>/*" is not RBAC syntax, so only "*" and exact names count.
covers(r, group, res) if {
	group_ok(r, group)
	some x in r.resources
	lower(x) in {res, "*"}
}

covers(r, group, res) if {
	group_ok(r, group)
	some x in r.resources
	# "*/scale" style: any resource with this subresource
	parts := split(res, "/")
	count(parts) == 2
	lower(x) == concat("/", ["*", parts[1]])
}

group_ok(r, group) if {
	some g in r.apiGroups
	g in {group, "*"}
}

# explicit(r, group, res) is covers without the resource wildcard: the rule
# names the resource itself.
explicit(r, group, res) if {
	group_ok(r, group)
	some x in r.resources
	lower(x) == res
}

# resource_index(r, names) is the index of the first entry of r.resources that
# names one of names (for pointing the finding at it).
resource_index(r, names) := min({k | some k, x in r.resources; lower(x) in names})

# bindings: RoleBinding and ClusterRoleBinding.
binding if input.resourceKind in {"RoleBinding", "ClusterRoleBinding"}

# literal_image holds for an image reference written out, not an unrendered
# template or environment variable ($(IMAGE), ${IMAGE}, {{ .Values.image }}).
literal_image(img) if {
	is_string(img)
	trim_space(img) != ""
	not contains(img, "$")
	not contains(img, "{{")
}

# full_wildcard holds for an RBAC rule granting everything: "*" verbs,
# resources and apiGroups (reported once, by KS042, not by each wildcard rule).
full_wildcard(r) if {
	"*" in r.verbs
	"*" in r.resources
	"*" in r.apiGroups
}

# write_verbs change objects; create is what makes pods and bindings.
write_verbs := {"create", "update", "patch", "delete", "deletecollection"}

# named(r, groups, names) are the indexes of r.resources that name one of
# names (exactly, case-insensitive) in a rule whose apiGroups include one of
# groups or "*".
named(r, groups, names) := {k |
	some g in r.apiGroups
	g in (groups | {"*"})
	some k, x in r.resources
	is_string(x)
	lower(x) in names
}

# granted_verbs(r, verbs) describes which of verbs rule r grants: "*" for all
# of them through a wildcard, the granted ones joined with ", ", or "".
granted_verbs(r, verbs) := `"*"` if "*" in r.verbs

else := concat(", ", sort([v | some v in verbs; some x in r.verbs; lower(x) == v]))

# credential holds for a name/value pair written in a manifest that is a
# plain-text credential (the shared definition in secrets.credential).
credential(name, value) if secrets.credential(name, value)
