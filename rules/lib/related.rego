# METADATA
# description: >-
#   Helpers for Kubernetes rules that read other resources of the scan (`custom.related` in
#   their METADATA; the engine then fills `input.related`, see docs/writing-rules.md): the
#   other resources of a kind, a pod's service account, and whether its token is mounted.
package shiplint.lib.related

# namespace is the namespace the resource is installed in: its own, or for a
# chart's resource that names none, the release's.
namespace := input.related.namespace

# others(kind) are the resources of kind in the view, but this one (a lookup
# in input.related.byKind: it costs the number of resources of that kind).
others(kind) := [r |
	some r in object.get(object.get(input.related, "byKind", {}), kind, {})
	not self(r)
]

# named(kind, name) is the resource of kind called name in the view, but this one.
named(kind, name) := r if {
	r := input.related.byKind[kind][name]
	not self(r)
}

# sharing(account) are the other workloads ({"kind", "name"}) that run as account.
sharing(account) := [w |
	some w in object.get(object.get(input.related, "serviceAccounts", {}), account, [])
	not self(w)
]

# workloads are the other resources with a pod spec in the view. It reads every
# resource of the view: rules evaluated on every workload should look up
# byKind or serviceAccounts instead.
workloads := [r |
	some r in input.related.resources
	is_object(r.podSpec)
	not self(r)
]

self(r) if {
	r.kind == input.resourceKind
	r.name == input.name
}

# in_unit(kind) holds when the chart, overlay or directory defines a resource
# of kind in any namespace (for rules about a namespace that lacks one).
in_unit(kind) if kind in input.related.unitKinds

# service_account is the name of the pod's service account.
service_account := account(input.podSpec)

account(spec) := n if {
	n := spec.serviceAccountName
	is_string(n)
	n != ""
} else := n if {
	n := spec.serviceAccount
	is_string(n)
	n != ""
} else := "default"

# token_mounted holds when the pod gets its service account's token: the pod
# does not opt out, and when it does not say, its ServiceAccount (if in the
# scan) does not either. The pod's own setting wins.
token_mounted if input.podSpec.automountServiceAccountToken == true

token_mounted if {
	object.get(input.podSpec, "automountServiceAccountToken", null) == null
	not account_opts_out
}

# account_opts_out holds when the pod's ServiceAccount in the scan sets
# automountServiceAccountToken: false.
account_opts_out if named("ServiceAccount", service_account).resource.automountServiceAccountToken == false

# selects(selector, labels) holds when a label selector (matchLabels and
# matchExpressions) selects an object with labels; an empty selector
# selects everything.
selects(selector, labels) if {
	every k, v in object.get(selector, "matchLabels", {}) {
		labels[k] == v
	}
	every e in object.get(selector, "matchExpressions", []) {
		expression(e, labels)
	}
}

expression(e, labels) if {
	e.operator == "In"
	labels[e.key] in e.values
}

expression(e, labels) if {
	e.operator == "NotIn"
	not labels[e.key] in e.values
}

expression(e, labels) if {
	e.operator == "Exists"
	labels[e.key]
}

expression(e, labels) if {
	e.operator == "DoesNotExist"
	not labels[e.key]
}

# view(ns, resources, unit_kinds) builds input.related as the engine does, for Rego unit
# tests of rules that read other resources: `with input as {..., "related":
# related.view("shop", [...], ["NetworkPolicy"])}`.
view(ns, resources, unit_kinds) := {
	"namespace": ns,
	"resources": resources,
	"unitKinds": unit_kinds,
	"byKind": {k: {r.name: r | some r in resources; r.kind == k} | some k in {r.kind | some r in resources}},
	"serviceAccounts": {a: [{"kind": w.kind, "name": w.name} |
		some w in resources
		is_object(w.podSpec)
		account(w.podSpec) == a
	] |
		some x in resources
		is_object(x.podSpec)
		a := account(x.podSpec)
	},
}
