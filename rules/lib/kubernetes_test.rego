package shiplint.lib.kubernetes_test

import data.shiplint.lib.kubernetes as k8s

test_setting_container_wins if {
	k8s.setting(0, {"securityContext": {"runAsUser": 1000}}, "runAsUser") == {"value": 1000, "path": ["containers", 0, "securityContext", "runAsUser"], "pod": false} with input as {"podSpec": {"securityContext": {"runAsUser": 0}}}
}

test_setting_from_pod if {
	k8s.setting(1, {"securityContext": null}, "runAsUser") == {"value": 0, "path": ["podSpec", "securityContext", "runAsUser"], "pod": true} with input as {"podSpec": {"securityContext": {"runAsUser": 0}}}
}

test_setting_unset if {
	k8s.setting(2, {}, "runAsUser") == {"value": null, "path": ["containers", 2, "securityContext", "runAsUser"], "pod": false} with input as {"podSpec": {}}
}

test_inheriting if {
	k8s.inheriting("runAsUser") == ["b", "c"] with input as {"containers": [{"name": "a", "securityContext": {"runAsUser": 1}}, {"name": "b"}, {"name": "c", "securityContext": null}]}
}

test_cap if {
	k8s.cap("cap_sys_admin") == "SYS_ADMIN"
	k8s.cap(" NET_RAW ") == "NET_RAW"
}

test_clean_path if {
	k8s.clean_path("//var/run//docker.sock") == "/var/run/docker.sock"
	k8s.clean_path("/etc/") == "/etc"
	k8s.clean_path("/") == "/"
	k8s.clean_path("///") == "/"
}

test_under if {
	k8s.under("/var/lib/kubelet/pods", "/var/lib/kubelet")
	k8s.under("/var/lib/kubelet", "/var/lib/kubelet")
	not k8s.under("/var/lib/kubeletx", "/var/lib/kubelet")
}

test_windows if {
	k8s.windows with input as {"podSpec": {"os": {"name": "windows"}}}
	not k8s.windows with input as {"podSpec": {"os": {"name": "linux"}}}
	not k8s.windows with input as {"podSpec": {}}
}

test_rbac_covers if {
	k8s.covers({"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]}, "", "secrets")
	k8s.covers({"apiGroups": ["*"], "resources": ["*"], "verbs": ["get"]}, "", "secrets")
	k8s.covers({"apiGroups": [""], "resources": ["*/exec"], "verbs": ["get"]}, "", "pods/exec")
	not k8s.covers({"apiGroups": ["apps"], "resources": ["secrets"], "verbs": ["get"]}, "", "secrets")
	not k8s.covers({"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}, "", "pods/exec")
}

test_grants if {
	k8s.grants({"verbs": ["GET"]}, {"get"})
	k8s.grants({"verbs": ["*"]}, {"get"})
	not k8s.grants({"verbs": ["list"]}, {"get"})
}
