package shiplint.kubernetes.service_account_reads_secrets_test

import data.shiplint.kubernetes.service_account_reads_secrets as rule
import data.shiplint.lib.related

role := {"kind": "Role", "name": "reader", "resource": {"rules": [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["list"]}]}}

binding(subject) := {"kind": "RoleBinding", "name": "rb", "resource": {"roleRef": {"kind": "Role", "name": "reader"}, "subjects": [subject]}}

pod(spec, resources) := {"resourceKind": "Deployment", "name": "api", "podSpec": spec, "related": related.view("shop", resources, [])}

test_fires_at_service_account if {
	rule.deny == {{"msg": "Deployment \"api\" runs as service account \"api\", which RoleBinding \"rb\" binds to Role \"reader\" that can read Secrets; its mounted token reads them", "path": ["podSpec", "serviceAccountName"]}} with input as pod({"serviceAccountName": "api"}, [role, binding({"kind": "ServiceAccount", "name": "api"})])
}

test_default_account_and_cluster_admin if {
	count(rule.deny) == 1 with input as pod({}, [{"kind": "ClusterRoleBinding", "name": "crb", "resource": {"roleRef": {"kind": "ClusterRole", "name": "cluster-admin"}, "subjects": [{"kind": "ServiceAccount", "name": "default", "namespace": "shop"}]}}])
}

test_quiet if {
	# token not mounted
	count(rule.deny) == 0 with input as pod({"serviceAccountName": "api", "automountServiceAccountToken": false}, [role, binding({"kind": "ServiceAccount", "name": "api"})])
	# another account, another namespace, a ClusterRoleBinding subject without namespace
	count(rule.deny) == 0 with input as pod({"serviceAccountName": "api"}, [role, binding({"kind": "ServiceAccount", "name": "other"})])
	count(rule.deny) == 0 with input as pod({"serviceAccountName": "api"}, [role, binding({"kind": "ServiceAccount", "name": "api", "namespace": "other"})])
	# a role limited by resourceNames, a role not in the scan, the view role
	count(rule.deny) == 0 with input as pod({"serviceAccountName": "api"}, [{"kind": "Role", "name": "reader", "resource": {"rules": [{"apiGroups": [""], "resources": ["secrets"], "resourceNames": ["tls"], "verbs": ["get"]}]}}, binding({"kind": "ServiceAccount", "name": "api"})])
	count(rule.deny) == 0 with input as pod({"serviceAccountName": "api"}, [binding({"kind": "ServiceAccount", "name": "api"})])
	count(rule.deny) == 0 with input as pod({}, [{"kind": "RoleBinding", "name": "rb", "resource": {"roleRef": {"kind": "ClusterRole", "name": "view"}, "subjects": [{"kind": "ServiceAccount", "name": "default"}]}}])
}
