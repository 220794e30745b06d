package shiplint.kubernetes.service_account_token_secret_test

import data.shiplint.kubernetes.service_account_token_secret

test_fires if {
	service_account_token_secret.deny == {{"msg": "Secret \"s\" requests a long-lived token for service account \"ci\"", "path": ["resource", "type"]}} with input as {"resourceKind": "Secret", "name": "s", "resource": {"type": "kubernetes.io/service-account-token", "metadata": {"annotations": {"kubernetes.io/service-account.name": "ci"}}}}
}

test_quiet if {
	count(service_account_token_secret.deny) == 0 with input as {"resourceKind": "Secret", "name": "s", "resource": {"type": "Opaque"}}
}
