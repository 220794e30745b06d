# METADATA
# title: Audit policy writes Secret, ConfigMap or token contents to the audit log
# description: >-
#   At level `Request` the audit log keeps request bodies, at `RequestResponse` response
#   bodies too. A rule at those levels that reaches `secrets`, `configmaps`,
#   `serviceaccounts/token` (TokenRequest) or `tokenreviews` copies Secret values, config
#   credentials and bearer tokens into the audit log, which is shipped to log systems with far
#   wider access than the Secrets themselves. Medium. Rules are matched as the API server does
#   (first matching rule wins, by group, resource, subresource, verbs); a rule is not flagged
#   when earlier unconditional rules already handle every request it could log a body for
#   (e.g. a `level: Metadata` rule for secrets before a catch-all `RequestResponse`).
# related_resources:
# - https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/#audit-policy
# - https://kubernetes.io/docs/reference/config-api/apiserver-audit.v1/#audit-k8s-io-v1-PolicyRule
# custom:
#   id: KS127
#   severity: medium
#   applies_to: [Policy]
#   frameworks: {cis-k8s: "3.2.2"}
#   remediation: >-
#     Before any rule at `Request` or `RequestResponse`, add
#     `- level: Metadata` with `resources: [{group: "", resources: ["secrets", "configmaps",
#     "serviceaccounts/token"]}, {group: "authentication.k8s.io", resources: ["tokenreviews"]}]`.
package shiplint.kubernetes.audit_policy_logs_secret_bodies

import data.shiplint.lib

# Sensitive requests: group, resource, subresource ("" for none), what the body holds.
targets := [
	{"group": "", "resource": "secrets", "sub": "", "label": "secrets"},
	{"group": "", "resource": "configmaps", "sub": "", "label": "configmaps"},
	{"group": "", "resource": "serviceaccounts", "sub": "token", "label": "serviceaccounts/token"},
	{"group": "authentication.k8s.io", "resource": "tokenreviews", "sub": "", "label": "tokenreviews"},
]

# Verbs whose request body (Request) or request or response body (RequestResponse) holds the
# object's contents.
body_verbs := {
	"Request": {"create", "update", "patch"},
	"RequestResponse": {"get", "list", "create", "update", "patch", "delete", "deletecollection"},
}

policy if {
	input.resourceKind == "Policy"
	startswith(input.apiVersion, "audit.k8s.io/")
}

rules := input.resource.rules if is_array(input.resource.rules)

else := []

deny contains lib.finding_fix(msg, ["resource", "rules", i, "level"], lib.fix_set("Log these at level Metadata", ["resource", "rules", i, "level"], "Metadata")) if {
	policy
	some i, r in rules
	r.level in {"Request", "RequestResponse"}
	leaked := [t.label |
		some t in targets
		matches(r, t)
		count(exposed(i, r, t)) > 0
	]
	count(leaked) > 0
	msg := sprintf("%s rule %d logs %s at level %s: their contents are written to the audit log", [who, i + 1, concat(", ", leaked), r.level])
}

# exposed(i, r, t) are the verbs on t whose bodies rule i logs and that no earlier rule
# which applies to every such request takes first.
exposed(i, r, t) := {v |
	some v in body_verbs[r.level]
	verb_ok(r, v)
	not taken_earlier(i, t, v)
}

taken_earlier(i, t, v) if {
	some j, e in rules
	j < i
	unconditional(e, t)
	verb_ok(e, v)
}

verb_ok(r, v) if count(object.get(r, "verbs", [])) == 0

verb_ok(r, v) if v in r.verbs

# matches(r, t): the rule can apply to requests for target t (checker.go ruleMatchesResource).
matches(r, t) if {
	count(object.get(r, "resources", [])) == 0
	count(object.get(r, "nonResourceURLs", [])) == 0
}

matches(r, t) if {
	some gr in r.resources
	group_resource_matches(gr, t)
}

group_resource_matches(gr, t) if {
	object.get(gr, "group", "") == t.group
	count(object.get(gr, "resources", [])) == 0
}

group_resource_matches(gr, t) if {
	object.get(gr, "group", "") == t.group
	some res in gr.resources
	resource_matches(res, t)
}

resource_matches("*", _)

resource_matches(res, t) if res == combined(t)

resource_matches(res, t) if {
	t.sub != ""
	res == concat("", ["*/", t.sub])
}

resource_matches(res, t) if res == concat("", [t.resource, "/*"])

combined(t) := t.resource if t.sub == ""

else := concat("/", [t.resource, t.sub])

# unconditional(e, t): rule e applies to every request for t whatever the user, group,
# namespace or object name (verbs are checked per verb).
unconditional(e, t) if {
	matches(e, t)
	count(object.get(e, "users", [])) == 0
	count(object.get(e, "userGroups", [])) == 0
	count(object.get(e, "namespaces", [])) == 0
	not named_only(e, t)
}

# named_only: every group-resource of e that matches t limits it to resourceNames.
named_only(e, t) if {
	count(object.get(e, "resources", [])) > 0
	not unnamed_match(e, t)
}

unnamed_match(e, t) if {
	some gr in e.resources
	group_resource_matches(gr, t)
	count(object.get(gr, "resourceNames", [])) == 0
}

who := sprintf("audit Policy %q", [input.name]) if is_string(input.name)

else := "audit Policy"
