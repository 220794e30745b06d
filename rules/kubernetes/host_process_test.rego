package shiplint.kubernetes.host_process_test

import data.shiplint.kubernetes.host_process

doc(pod, cs) := {"resourceKind": "Pod", "name": "p", "podSpec": pod, "containers": cs}

test_pod_and_container if {
	host_process.deny == {
		{"msg": "Pod \"p\" sets windowsOptions.hostProcess: true in the pod securityContext", "path": ["podSpec", "securityContext", "windowsOptions", "hostProcess"]},
		{"msg": "container \"c\" of Pod \"p\" runs as a Windows HostProcess container", "path": ["containers", 0, "securityContext", "windowsOptions", "hostProcess"]},
	} with input as doc({"securityContext": {"windowsOptions": {"hostProcess": true}}}, [{"name": "c", "containerType": "container", "securityContext": {"windowsOptions": {"hostProcess": true}}}])
}

test_false_quiet if {
	count(host_process.deny) == 0 with input as doc({"securityContext": {"windowsOptions": {"hostProcess": false}}}, [{"name": "c", "containerType": "container", "securityContext": {"windowsOptions": {"runAsUserName": "x"}}}])
}
