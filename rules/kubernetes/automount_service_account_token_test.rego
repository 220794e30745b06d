package shiplint.kubernetes.automount_service_account_token_test

import data.shiplint.kubernetes.automount_service_account_token
import data.shiplint.lib.related

test_unset_fires if {
	{plain(f) | some f in automount_service_account_token.deny} == {{"msg": "Pod \"p\" does not set automountServiceAccountToken: false, so every container gets an API token", "path": ["podSpec", "automountServiceAccountToken"]}} with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"containers": []}}
}

test_false_and_non_workload_quiet if {
	count(automount_service_account_token.deny) == 0 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"automountServiceAccountToken": false}}
	count(automount_service_account_token.deny) == 0 with input as {"resourceKind": "ServiceAccount", "name": "p"}
}

test_account_opts_out_quiet if {
	count(automount_service_account_token.deny) == 0 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"serviceAccountName": "api"}, "related": related.view("", [{"kind": "ServiceAccount", "name": "api", "resource": {"automountServiceAccountToken": false}}], [])}
}

test_pod_setting_wins_over_account if {
	{plain(f) | some f in automount_service_account_token.deny} == {{"msg": "Pod \"p\" sets automountServiceAccountToken: true", "path": ["podSpec", "automountServiceAccountToken"]}} with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"serviceAccountName": "api", "automountServiceAccountToken": true}, "related": related.view("", [{"kind": "ServiceAccount", "name": "api", "resource": {"automountServiceAccountToken": false}}], [])}
}

test_other_account_does_not_count if {
	count(automount_service_account_token.deny) == 1 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"serviceAccountName": "api"}, "related": related.view("", [{"kind": "ServiceAccount", "name": "other", "resource": {"automountServiceAccountToken": false}}], [])}
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in automount_service_account_token.deny} == {{"description": "Set automountServiceAccountToken: false", "ops": [{"path": ["podSpec", "automountServiceAccountToken"], "set": false}]}} with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"containers": []}}
}
