package shiplint.kubernetes.default_service_account_test

import data.shiplint.kubernetes.default_service_account

test_fires if {
	default_service_account.deny == {{"msg": "Deployment \"d\" runs as the default service account", "path": ["podSpec", "serviceAccountName"]}} with input as {"resourceKind": "Deployment", "name": "d", "podSpec": {"serviceAccountName": "default"}}
	count(default_service_account.deny) == 1 with input as {"resourceKind": "Deployment", "name": "d", "podSpec": {}}
}

test_quiet if {
	count(default_service_account.deny) == 0 with input as {"resourceKind": "Deployment", "name": "d", "podSpec": {"serviceAccountName": "web"}}
	count(default_service_account.deny) == 0 with input as {"resourceKind": "Deployment", "name": "d", "podSpec": {"serviceAccount": "web"}}
	count(default_service_account.deny) == 0 with input as {"resourceKind": "Deployment", "name": "d", "podSpec": {"automountServiceAccountToken": false}}
	count(default_service_account.deny) == 0 with input as {"resourceKind": "Service", "name": "d"}
}
