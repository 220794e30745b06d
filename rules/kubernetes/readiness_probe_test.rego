package shiplint.kubernetes.readiness_probe_test

import data.shiplint.kubernetes.readiness_probe

doc(kind, cs) := {"resourceKind": kind, "name": "d", "podSpec": {}, "containers": cs}

test_fires if {
	readiness_probe.deny == {{"msg": "container \"a\" of Deployment \"d\" has no readinessProbe", "path": ["containers", 0, "readinessProbe"]}} with input as doc("Deployment", [{"name": "a", "containerType": "container"}, {"name": "b", "containerType": "container", "readinessProbe": {"tcpSocket": {"port": 80}}}, {"name": "i", "containerType": "initContainer"}, {"name": "e", "containerType": "ephemeralContainer"}])
}

test_jobs_quiet if {
	count(readiness_probe.deny) == 0 with input as doc("Job", [{"name": "a", "containerType": "container"}])
	count(readiness_probe.deny) == 0 with input as doc("CronJob", [{"name": "a", "containerType": "container"}])
}

test_run_to_completion_pod_quiet if {
	count(readiness_probe.deny) == 0 with input as {"resourceKind": "Pod", "name": "p", "podSpec": {"restartPolicy": "Never"}, "containers": [{"name": "a", "containerType": "container"}]}
}
