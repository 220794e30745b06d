package shiplint.kubernetes.network_policy_missing_test

import data.shiplint.kubernetes.network_policy_missing as rule
import data.shiplint.lib.related

np(selector) := {"kind": "NetworkPolicy", "name": "np", "resource": {"spec": {"podSelector": selector}}}

pod(labels, resources, kinds) := {"resourceKind": "Deployment", "name": "web", "podSpec": {}, "podMetadata": {"labels": labels}, "related": related.view("shop", resources, kinds)}

test_fires_when_no_policy_selects if {
	rule.deny == {{"msg": "Deployment \"web\": no NetworkPolicy in namespace \"shop\" selects its pods, so they accept traffic from any pod", "path": ["podMetadata", "labels"]}} with input as pod({"app": "web"}, [np({"matchLabels": {"app": "db"}})], ["NetworkPolicy"])
	# policies only in another namespace of the same directory
	count(rule.deny) == 1 with input as pod({"app": "web"}, [], ["NetworkPolicy"])
}

test_quiet if {
	count(rule.deny) == 0 with input as pod({"app": "web"}, [np({})], ["NetworkPolicy"])
	count(rule.deny) == 0 with input as pod({"app": "web"}, [np({"matchLabels": {"app": "web"}})], ["NetworkPolicy"])
	# no NetworkPolicy anywhere in the directory: managed elsewhere
	count(rule.deny) == 0 with input as pod({"app": "web"}, [], [])
}

test_everywhere_param if {
	count(rule.deny) == 1 with input as pod({"app": "web"}, [], []) with data.shiplint_config.params as {"KS081": {"only_where_policies_exist": false}}
}
