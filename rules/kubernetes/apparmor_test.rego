package shiplint.kubernetes.apparmor_test

import data.shiplint.kubernetes.apparmor

doc(meta, pod, cs) := {"resourceKind": "Deployment", "name": "web", "podMetadata": meta, "podSpec": pod, "containers": cs}

test_all_three_forms if {
	{plain(f) | some f in apparmor.deny} == {
		{"msg": "Deployment \"web\" sets appArmorProfile type Unconfined in the pod securityContext; only RuntimeDefault or Localhost is allowed", "path": ["podSpec", "securityContext", "appArmorProfile", "type"]},
		{"msg": "container \"c\" of Deployment \"web\" sets appArmorProfile type Unconfined; only RuntimeDefault or Localhost is allowed", "path": ["containers", 0, "securityContext", "appArmorProfile", "type"]},
		{"msg": "Deployment \"web\" sets AppArmor profile \"unconfined\" for container \"c\" through annotation; only runtime/default or localhost/<profile> is allowed", "path": ["podMetadata", "annotations", "container.apparmor.security.beta.kubernetes.io/c"]},
	} with input as doc(
		{"annotations": {"container.apparmor.security.beta.kubernetes.io/c": "unconfined"}},
		{"securityContext": {"appArmorProfile": {"type": "Unconfined"}}},
		[{"name": "c", "containerType": "container", "securityContext": {"appArmorProfile": {"type": "Unconfined"}}}],
	)
}

test_allowed_quiet if {
	count(apparmor.deny) == 0 with input as doc(
		{"annotations": {"container.apparmor.security.beta.kubernetes.io/c": "localhost/k8s-nginx", "container.apparmor.security.beta.kubernetes.io/d": "runtime/default"}},
		{"securityContext": {"appArmorProfile": {"type": "RuntimeDefault"}}},
		[{"name": "c", "containerType": "container", "securityContext": {"appArmorProfile": {"type": "Localhost", "localhostProfile": "p"}}}],
	)
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

# The annotation form gets no fix.
test_fix if {
	{[f.path, object.get(f, "fix", null)] | some f in apparmor.deny} == {
		[["podSpec", "securityContext", "appArmorProfile", "type"], {"description": "Set appArmorProfile.type: RuntimeDefault", "ops": [{"path": ["podSpec", "securityContext", "appArmorProfile", "type"], "set": "RuntimeDefault"}]}],
		[["containers", 0, "securityContext", "appArmorProfile", "type"], {"description": "Set appArmorProfile.type: RuntimeDefault", "ops": [{"path": ["containers", 0, "securityContext", "appArmorProfile", "type"], "set": "RuntimeDefault"}]}],
	} with input as doc({}, {"securityContext": {"appArmorProfile": {"type": "Unconfined"}}}, [{"name": "c", "containerType": "container", "securityContext": {"appArmorProfile": {"type": "Unconfined"}}}])
}
