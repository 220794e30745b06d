package shiplint.lib.related_test

import data.shiplint.lib.related

view(resources) := related.view("shop", resources, ["ServiceAccount"])

test_others_leave_self_out if {
	related.others("ServiceAccount") == [{"kind": "ServiceAccount", "name": "b"}] with input as {
		"resourceKind": "ServiceAccount", "name": "a",
		"related": view([{"kind": "ServiceAccount", "name": "a"}, {"kind": "ServiceAccount", "name": "b"}, {"kind": "Role", "name": "b"}]),
	}
}

test_service_account if {
	related.service_account == "api" with input as {"podSpec": {"serviceAccountName": "api"}}
	related.service_account == "old" with input as {"podSpec": {"serviceAccount": "old"}}
	related.service_account == "default" with input as {"podSpec": {"serviceAccountName": ""}}
	related.service_account == "default" with input as {"podSpec": {}}
}

test_token_mounted if {
	related.token_mounted with input as {"podSpec": {}}
	related.token_mounted with input as {"podSpec": {"automountServiceAccountToken": true}, "related": view([{"kind": "ServiceAccount", "name": "default", "resource": {"automountServiceAccountToken": false}}])}
	not related.token_mounted with input as {"podSpec": {"automountServiceAccountToken": false}}
	not related.token_mounted with input as {"podSpec": {}, "related": view([{"kind": "ServiceAccount", "name": "default", "resource": {"automountServiceAccountToken": false}}])}
	related.token_mounted with input as {"podSpec": {"serviceAccountName": "api"}, "related": view([{"kind": "ServiceAccount", "name": "default", "resource": {"automountServiceAccountToken": false}}])}
}

test_selects if {
	related.selects({}, {"app": "web"})
	related.selects({"matchLabels": {"app": "web"}}, {"app": "web", "tier": "fe"})
	not related.selects({"matchLabels": {"app": "db"}}, {"app": "web"})
	related.selects({"matchExpressions": [{"key": "app", "operator": "In", "values": ["web", "api"]}]}, {"app": "web"})
	not related.selects({"matchExpressions": [{"key": "app", "operator": "NotIn", "values": ["web"]}]}, {"app": "web"})
	related.selects({"matchExpressions": [{"key": "tier", "operator": "DoesNotExist"}]}, {"app": "web"})
	not related.selects({"matchExpressions": [{"key": "tier", "operator": "Exists"}]}, {"app": "web"})
}
