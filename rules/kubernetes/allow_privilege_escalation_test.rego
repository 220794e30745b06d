package shiplint.kubernetes.allow_privilege_escalation_test

import data.shiplint.kubernetes.allow_privilege_escalation

doc(pod, cs) := {"resourceKind": "Job", "name": "j", "podSpec": pod, "containers": cs}

fix(i) := {"description": "Set allowPrivilegeEscalation: false", "ops": [{"path": ["containers", i, "securityContext", "allowPrivilegeEscalation"], "set": false}]}

test_fires if {
	allow_privilege_escalation.deny == {
		{"msg": "container \"a\" of Job \"j\" does not set allowPrivilegeEscalation: false", "path": ["containers", 0, "securityContext", "allowPrivilegeEscalation"], "fix": fix(0)},
		{"msg": "initContainer \"b\" of Job \"j\" sets allowPrivilegeEscalation: true; it must be false", "path": ["containers", 1, "securityContext", "allowPrivilegeEscalation"], "fix": fix(1)},
	} with input as doc({}, [{"name": "a", "containerType": "container", "securityContext": null}, {"name": "b", "containerType": "initContainer", "securityContext": {"allowPrivilegeEscalation": true}}])
}

test_false_and_windows_quiet if {
	count(allow_privilege_escalation.deny) == 0 with input as doc({}, [{"name": "a", "containerType": "container", "securityContext": {"allowPrivilegeEscalation": false}}])
	count(allow_privilege_escalation.deny) == 0 with input as doc({"os": {"name": "windows"}}, [{"name": "a", "containerType": "container"}])
}
