package shiplint.kubernetes.service_node_port_test

import data.shiplint.kubernetes.service_node_port

test_fires if {
	service_node_port.deny == {{"msg": "Service \"s\" is of type NodePort and opens its ports on every node", "path": ["resource", "spec", "type"]}} with input as {"resourceKind": "Service", "name": "s", "resource": {"spec": {"type": "NodePort"}}}
}

test_quiet if {
	count(service_node_port.deny) == 0 with input as {"resourceKind": "Service", "name": "s", "resource": {"spec": {"type": "ClusterIP"}}}
	count(service_node_port.deny) == 0 with input as {"resourceKind": "Service", "name": "s", "resource": {"spec": {}}}
}
