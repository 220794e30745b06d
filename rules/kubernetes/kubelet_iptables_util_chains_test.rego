package shiplint.kubernetes.kubelet_iptables_util_chains_test

import data.shiplint.kubernetes.kubelet_iptables_util_chains as rule

cfg(resource) := {"apiVersion": "kubelet.config.k8s.io/v1beta1", "resourceKind": "KubeletConfiguration", "name": null, "resource": resource}

pod(c) := {"apiVersion": "v1", "resourceKind": "Pod", "name": "node", "resource": {}, "podSpec": {}, "containers": [object.union({"name": "kubelet", "containerType": "container"}, c)]}

test_config if {
	{plain(f) | some f in rule.deny} == {{"msg": "KubeletConfiguration does not manage its iptables utility chains (makeIPTablesUtilChains: false)", "path": ["resource", "makeIPTablesUtilChains"]}} with input as cfg({"makeIPTablesUtilChains": false})
	count(rule.deny) == 0 with input as cfg({})
	count(rule.deny) == 0 with input as cfg({"makeIPTablesUtilChains": true})
}

test_flags if {
	{plain(f) | some f in rule.deny} == {{"msg": "kubelet in container \"kubelet\" of Pod \"node\" does not manage its iptables utility chains (--make-iptables-util-chains=false)", "path": ["containers", 0, "command", 1]}} with input as pod({"command": ["kubelet", "--make-iptables-util-chains=false"]})
	count(rule.deny) == 0 with input as pod({"command": ["kubelet"]})
	# a boolean flag does not take the next item as its value
	count(rule.deny) == 0 with input as pod({"command": ["kubelet", "--make-iptables-util-chains", "false"]})
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in rule.deny} == {{"description": "Set makeIPTablesUtilChains: true", "ops": [{"path": ["resource", "makeIPTablesUtilChains"], "set": true}]}} with input as cfg({"makeIPTablesUtilChains": false})
}
