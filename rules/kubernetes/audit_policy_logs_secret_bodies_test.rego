package shiplint.kubernetes.audit_policy_logs_secret_bodies_test

import data.shiplint.kubernetes.audit_policy_logs_secret_bodies as rule

policy(rules) := {"apiVersion": "audit.k8s.io/v1", "resourceKind": "Policy", "name": null, "resource": {"rules": rules}}

test_catch_all_request_response if {
	{plain(f) | some f in rule.deny} == {{"msg": "audit Policy rule 1 logs secrets, configmaps, serviceaccounts/token, tokenreviews at level RequestResponse: their contents are written to the audit log", "path": ["resource", "rules", 0, "level"]}} with input as policy([{"level": "RequestResponse"}])
}

test_secrets_request if {
	{plain(f) | some f in rule.deny} == {{"msg": "audit Policy rule 2 logs secrets at level Request: their contents are written to the audit log", "path": ["resource", "rules", 1, "level"]}} with input as policy([{"level": "None", "nonResourceURLs": ["/healthz*"]}, {"level": "Request", "resources": [{"group": "", "resources": ["secrets"]}]}, {"level": "Metadata"}])
}

test_metadata_first_shadows_catch_all if {
	count(rule.deny) == 0 with input as policy([
		{"level": "Metadata", "resources": [{"group": "", "resources": ["secrets", "configmaps", "serviceaccounts/token"]}, {"group": "authentication.k8s.io", "resources": ["tokenreviews"]}]},
		{"level": "RequestResponse"},
	])
}

test_conditional_earlier_rule_does_not_shadow if {
	{plain(f) | some f in rule.deny} == {{"msg": "audit Policy rule 2 logs secrets at level RequestResponse: their contents are written to the audit log", "path": ["resource", "rules", 1, "level"]}} with input as policy([
		{"level": "Metadata", "users": ["admin"], "resources": [{"group": "", "resources": ["secrets"]}]},
		{"level": "RequestResponse", "resources": [{"resources": ["secrets"]}]},
	])
}

test_request_level_read_verbs_quiet if {
	count(rule.deny) == 0 with input as policy([{"level": "Request", "verbs": ["get", "list", "watch"], "resources": [{"group": ""}]}])
}

test_other_groups_and_subresources_quiet if {
	count(rule.deny) == 0 with input as policy([{"level": "RequestResponse", "resources": [{"group": "apps", "resources": ["*"]}]}])
	count(rule.deny) == 0 with input as policy([{"level": "RequestResponse", "resources": [{"group": "", "resources": ["pods", "pods/log", "serviceaccounts"]}]}])
	count(rule.deny) == 0 with input as policy([{"level": "RequestResponse", "nonResourceURLs": ["/api*"]}])
}

test_wildcards if {
	count(rule.deny) == 1 with input as policy([{"level": "Request", "resources": [{"group": "", "resources": ["*"]}]}])
	count(rule.deny) == 1 with input as policy([{"level": "RequestResponse", "resources": [{"group": "", "resources": ["*/token"]}]}])
	count(rule.deny) == 1 with input as policy([{"level": "RequestResponse", "resources": [{"group": "", "resources": ["secrets/*"]}]}])
}

test_verbs_covered_earlier_quiet if {
	count(rule.deny) == 0 with input as policy([
		{"level": "Metadata", "verbs": ["create", "update", "patch"], "resources": [{"group": "", "resources": ["secrets", "configmaps"]}]},
		{"level": "Request", "resources": [{"group": "", "resources": ["secrets", "configmaps"]}]},
	])
}

test_other_policy_kind_quiet if {
	count(rule.deny) == 0 with input as {"apiVersion": "kyverno.io/v1", "resourceKind": "Policy", "name": "p", "resource": {"rules": [{"level": "RequestResponse"}]}}
}

test_named_earlier_rule_does_not_shadow if {
	count(rule.deny) == 1 with input as policy([
		{"level": "Metadata", "resources": [{"group": "", "resources": ["secrets"], "resourceNames": ["tls"]}, {"group": "apps"}]},
		{"level": "RequestResponse", "resources": [{"group": "", "resources": ["secrets"]}]},
	])
	count(rule.deny) == 0 with input as policy([
		{"level": "Metadata", "resources": [{"group": "", "resources": ["secrets"]}, {"group": "apps"}]},
		{"level": "RequestResponse", "resources": [{"group": "", "resources": ["secrets"]}]},
	])
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in rule.deny} == {{"description": "Log these at level Metadata", "ops": [{"path": ["resource", "rules", 0, "level"], "set": "Metadata"}]}} with input as policy([{"level": "RequestResponse"}])
}
