package shiplint.kubernetes.run_as_non_root_test

import data.shiplint.kubernetes.run_as_non_root

doc(pod, containers) := {"resourceKind": "Deployment", "name": "web", "podSpec": pod, "containers": containers}

app(sc) := {"name": "app", "containerType": "container", "securityContext": sc}

test_unset_fires_on_container if {
	{plain(f) | some f in run_as_non_root.deny} == {{"msg": "container \"app\" of Deployment \"web\" does not set runAsNonRoot: true", "path": ["containers", 0, "securityContext", "runAsNonRoot"]}} with input as doc({}, [{"name": "app", "containerType": "container"}])
}

test_pod_level_true_satisfies if {
	count(run_as_non_root.deny) == 0 with input as doc({"securityContext": {"runAsNonRoot": true}}, [app({})])
}

test_container_false_overrides_pod_true if {
	{plain(f) | some f in run_as_non_root.deny} == {{"msg": "container \"app\" of Deployment \"web\" has runAsNonRoot: false on the container; it must be true", "path": ["containers", 0, "securityContext", "runAsNonRoot"]}} with input as doc({"securityContext": {"runAsNonRoot": true}}, [app({"runAsNonRoot": false})])
}

test_container_true_overrides_pod_false if {
	count(run_as_non_root.deny) == 0 with input as doc({"securityContext": {"runAsNonRoot": false}}, [app({"runAsNonRoot": true})])
}

test_pod_false_reported_once_on_pod if {
	{plain(f) | some f in run_as_non_root.deny} == {{"msg": "Deployment \"web\" has runAsNonRoot: false in the pod securityContext, inherited by \"app\", \"side\"; it must be true", "path": ["podSpec", "securityContext", "runAsNonRoot"]}} with input as doc({"securityContext": {"runAsNonRoot": false}}, [app({}), {"name": "side", "containerType": "container"}])
}

test_null_security_context if {
	count(run_as_non_root.deny) == 0 with input as doc({"securityContext": {"runAsNonRoot": true}}, [app(null)])
}

test_every_container_type_counts if {
	count(run_as_non_root.deny) == 2 with input as doc({}, [
		app({"runAsNonRoot": true}),
		{"name": "init", "containerType": "initContainer"},
		{"name": "debug", "containerType": "ephemeralContainer"},
	])
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	{f.fix | some f in run_as_non_root.deny} == {{"description": "Set runAsNonRoot: true", "ops": [{"path": ["containers", 0, "securityContext", "runAsNonRoot"], "set": true}]}} with input as doc({}, [{"name": "app", "containerType": "container"}])
}
