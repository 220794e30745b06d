# METADATA
# title: API server accepts anonymous requests (--anonymous-auth is not false)
# description: >-
#   kube-apiserver serves requests that no authenticator rejects as the user `system:anonymous`
#   in the group `system:unauthenticated`, and does so unless `--anonymous-auth=false` is set.
#   Whatever RBAC grants those subjects (a stray binding, an old default) is then open to anyone
#   who can reach the port, which is how unauthenticated API access is usually found in the
#   wild. CIS 1.2.1. High: it turns every authorization mistake into an unauthenticated one.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS090
#   severity: high
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Set `--anonymous-auth=false` in the kube-apiserver command (static pod
#     /etc/kubernetes/manifests/kube-apiserver.yaml, or `anonymous-auth: "false"` in the kubeadm
#     ClusterConfiguration's apiServer.extraArgs). Health checks that need anonymous access can
#     use an AuthenticationConfiguration limited to /livez, /readyz and /healthz (Kubernetes
#     1.32+).
#   frameworks: {cis-k8s: "1.2.1"}
#   aliases: [KCV0001, AVD-KCV-0001, CKV_K8S_68]
package shiplint.kubernetes.apiserver_anonymous_auth

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.path("anonymous-auth")) if {
	v := api.flag("anonymous-auth")
	not api.off("anonymous-auth")
	msg := sprintf("%s sets --anonymous-auth=%s: requests without credentials are served as system:anonymous", [api.who, v])
}

deny contains lib.finding(msg, api.here) if {
	api.comp
	not api.comp.flags["anonymous-auth"]
	msg := sprintf("%s does not set --anonymous-auth=false: requests without credentials are served as system:anonymous (the default)", [api.who])
}
