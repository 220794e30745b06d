package shiplint.kubernetes.service_account_shared_test

import data.shiplint.kubernetes.service_account_shared as rule
import data.shiplint.lib.related

w(kind, name, spec) := {"kind": kind, "name": name, "podSpec": spec}

test_fires_naming_the_others if {
	rule.deny == {{"msg": "Deployment \"api\" runs as service account \"app\", shared with CronJob \"sync\", Deployment \"web\"", "path": ["podSpec", "serviceAccountName"]}} with input as {"resourceKind": "Deployment", "name": "api", "podSpec": {"serviceAccountName": "app"}, "related": related.view("", [w("Deployment", "api", {"serviceAccountName": "app"}), w("Deployment", "web", {"serviceAccountName": "app"}), w("CronJob", "sync", {"serviceAccount": "app"}), w("Deployment", "db", {"serviceAccountName": "db"})], [])}
}

test_quiet if {
	# alone on its account
	count(rule.deny) == 0 with input as {"resourceKind": "Deployment", "name": "api", "podSpec": {"serviceAccountName": "app"}, "related": related.view("", [w("Deployment", "api", {"serviceAccountName": "app"}), w("Deployment", "db", {"serviceAccountName": "db"})], [])}
	# the default account is KS027's
	count(rule.deny) == 0 with input as {"resourceKind": "Deployment", "name": "api", "podSpec": {}, "related": related.view("", [w("Deployment", "web", {})], [])}
	# a placeholder, not a name
	count(rule.deny) == 0 with input as {"resourceKind": "Deployment", "name": "api", "podSpec": {"serviceAccountName": "$SA_NAME"}, "related": related.view("", [w("Deployment", "web", {"serviceAccountName": "$SA_NAME"})], [])}
	# no view (a single document)
	count(rule.deny) == 0 with input as {"resourceKind": "Deployment", "name": "api", "podSpec": {"serviceAccountName": "app"}}
}

test_long_list_is_cut if {
	workloads := [w("Deployment", sprintf("d%d", [i]), {"serviceAccountName": "app"}) | some i in numbers.range(1, 8)]
	rule.deny == {{"msg": "Deployment \"d1\" runs as service account \"app\", shared with Deployment \"d2\", Deployment \"d3\", Deployment \"d4\", Deployment \"d5\", Deployment \"d6\" and 2 more", "path": ["podSpec", "serviceAccountName"]}} with input as {"resourceKind": "Deployment", "name": "d1", "podSpec": {"serviceAccountName": "app"}, "related": related.view("", workloads, [])}
}
