package shiplint.kubernetes.audit_policy_logs_nothing_test

import data.shiplint.kubernetes.audit_policy_logs_nothing as rule

policy(rules) := {"apiVersion": "audit.k8s.io/v1", "resourceKind": "Policy", "name": null, "resource": {"rules": rules}}

test_empty if {
	rule.deny == {{"msg": "audit Policy records nothing: it has no rules", "path": ["resource", "rules"]}} with input as policy([])
	count(rule.deny) == 1 with input as {"apiVersion": "audit.k8s.io/v1", "resourceKind": "Policy", "name": "p", "resource": {}}
}

test_all_none if {
	rule.deny == {{"msg": "audit Policy records nothing: every rule has level None", "path": ["resource", "rules"]}} with input as policy([{"level": "None", "users": ["system:kube-proxy"]}, {"level": "None"}])
}

test_quiet if {
	count(rule.deny) == 0 with input as policy([{"level": "None", "users": ["system:kube-proxy"]}, {"level": "Metadata"}])
	count(rule.deny) == 0 with input as {"apiVersion": "kyverno.io/v1", "resourceKind": "Policy", "name": "p", "resource": {"spec": {"rules": []}}}
	count(rule.deny) == 0 with input as {"apiVersion": "policy/v1beta1", "resourceKind": "Policy", "name": "p", "resource": {}}
}
