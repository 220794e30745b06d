package shiplint.kubernetes.host_process_test

import data.shiplint.kubernetes.host_process

doc(pod, cs) := {"resourceKind": "Pod", "name": "p", "podSpec": pod, "containers": cs}

test_pod_and_container if {
	{plain(f) | some f in host_process.deny} == {
		{"msg": "Pod \"p\" sets windowsOptions.hostProcess: true in the pod securityContext", "path": ["podSpec", "securityContext", "windowsOptions", "hostProcess"]},
		{"msg": "container \"c\" of Pod \"p\" runs as a Windows HostProcess container", "path": ["containers", 0, "securityContext", "windowsOptions", "hostProcess"]},
	} with input as doc({"securityContext": {"windowsOptions": {"hostProcess": true}}}, [{"name": "c", "containerType": "container", "securityContext": {"windowsOptions": {"hostProcess": true}}}])
}

test_false_quiet if {
	count(host_process.deny) == 0 with input as doc({"securityContext": {"windowsOptions": {"hostProcess": false}}}, [{"name": "c", "containerType": "container", "securityContext": {"windowsOptions": {"runAsUserName": "x"}}}])
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in host_process.deny} == {{"description": "Set windowsOptions.hostProcess: false", "ops": [{"path": ["podSpec", "securityContext", "windowsOptions", "hostProcess"], "set": false}]}, {"description": "Set windowsOptions.hostProcess: false", "ops": [{"path": ["containers", 0, "securityContext", "windowsOptions", "hostProcess"], "set": false}]}} with input as doc({"securityContext": {"windowsOptions": {"hostProcess": true}}}, [{"name": "c", "containerType": "container", "securityContext": {"windowsOptions": {"hostProcess": true}}}])
}
