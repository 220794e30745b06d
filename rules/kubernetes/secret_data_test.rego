package shiplint.kubernetes.secret_data_test

import data.shiplint.kubernetes.secret_data

doc(res) := {"resourceKind": "Secret", "name": "s", "resource": res}

test_fires if {
	secret_data.deny == {
		{"msg": "Secret \"s\" commits data values for \"password\"", "path": ["resource", "data"]},
		{"msg": "Secret \"s\" commits stringData values for \"token\"", "path": ["resource", "stringData"]},
	} with input as doc({"data": {"password": "aHVudGVyMg==", "empty": "", "tls.crt": "LS0tLS1CRUdJTg=="}, "stringData": {"token": "ghp_abcdef123456", "other": "${TOKEN}"}})
}

test_placeholders_quiet if {
	# "Y2hhbmdlbWU=" is base64 for "changeme"
	count(secret_data.deny) == 0 with input as doc({"data": {"password": "Y2hhbmdlbWU=", "x": ""}, "stringData": {"token": "<your-token>"}})
	count(secret_data.deny) == 0 with input as {"resourceKind": "ConfigMap", "name": "c", "resource": {"data": {"password": "x1"}}}
}

test_identifiers_not_counted if {
	count(secret_data.deny) == 0 with input as doc({"stringData": {"username": "postgres", "clientID": "argo", "apiAddress": "tcp://x:5705", "azurestorageaccountname": "acct"}})
	secret_data.deny == {{"msg": "Secret \"s\" commits stringData values for \"apiPassword\"", "path": ["resource", "stringData"]}} with input as doc({"stringData": {"apiUsername": "admin", "apiPassword": "s3cr3t-99"}})
}
