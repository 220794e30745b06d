package shiplint.kubernetes.selinux_test

import data.shiplint.kubernetes.selinux

doc(pod, cs) := {"resourceKind": "Pod", "name": "p", "podSpec": pod, "containers": cs}

test_fires if {
	selinux.deny == {
		{"msg": "Pod \"p\" (pod securityContext) sets SELinux type spc_t; only container_t, container_init_t, container_kvm_t or container_engine_t is allowed", "path": ["podSpec", "securityContext", "seLinuxOptions", "type"]},
		{"msg": "container \"c\" of Pod \"p\" sets SELinux user system_u; it must not be set", "path": ["containers", 0, "securityContext", "seLinuxOptions", "user"]},
		{"msg": "container \"c\" of Pod \"p\" sets SELinux role sysadm_r; it must not be set", "path": ["containers", 0, "securityContext", "seLinuxOptions", "role"]},
	} with input as doc({"securityContext": {"seLinuxOptions": {"type": "spc_t"}}}, [{"name": "c", "containerType": "container", "securityContext": {"seLinuxOptions": {"user": "system_u", "role": "sysadm_r", "type": "container_t"}}}])
}

test_level_and_allowed_types_quiet if {
	count(selinux.deny) == 0 with input as doc({"securityContext": {"seLinuxOptions": {"level": "s0:c123,c456"}}}, [{"name": "c", "containerType": "container", "securityContext": {"seLinuxOptions": {"type": "container_init_t", "user": ""}}}])
}
