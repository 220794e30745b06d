# METADATA
# description: >-
#   Helpers for Kubernetes rules that read other resources of the scan (`custom.related` in
#   their METADATA; the engine then fills `input.related`, see docs/writing-rules.md): the
#   other resources of a kind, a pod's service account, and whether its token is mounted.
package shiplint.lib.related

# namespace is the namespace the resource is installed in: its own, or for a
# chart's resource that names none, the release's.
namespace := input.related.namespace

# others(kind) are the resources of kind in the view, but this one.
others(kind) := [r |
	some r in input.related.resources
	r.kind == kind
	not self(r)
]

# workloads are the other resources with a pod spec in the view.
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
account_opts_out if {
	some sa in others("ServiceAccount")
	sa.name == service_account
	sa.resource.automountServiceAccountToken == false
}

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
