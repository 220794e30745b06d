package shiplint.kubernetes.liveness_probe_test

import data.shiplint.kubernetes.liveness_probe

doc(kind, cs) := {"resourceKind": kind, "name": "d", "podSpec": {}, "containers": cs}

test_fires if {
	liveness_probe.deny == {{"msg": "container \"a\" of Deployment \"d\" has no livenessProbe", "path": ["containers", 0, "livenessProbe"]}} with input as doc("Deployment", [{"name": "a", "containerType": "container"}, {"name": "b", "containerType": "container", "livenessProbe": {"tcpSocket": {"port": 80}}}, {"name": "i", "containerType": "initContainer"}, {"name": "e", "containerType": "ephemeralContainer"}])
}

test_jobs_quiet if {
	count(liveness_probe.deny) == 0 with input as doc("Job", [{"name": "a", "containerType": "container"}])
	count(liveness_probe.deny) == 0 with input as doc("CronJob", [{"name": "a", "containerType": "container"}])
}

test_run_to_completion_pod_quiet if {
	count(liveness_probe.deny) == 0 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"restartPolicy": "Never"}, "containers": [{"name": "a", "containerType": "container"}]}
}
