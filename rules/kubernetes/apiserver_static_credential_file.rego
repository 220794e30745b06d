# METADATA
# title: API server authenticates with a static token or password file
# description: >-
#   `--token-auth-file` (and `--basic-auth-file`, removed in Kubernetes 1.19) make kube-
#   apiserver accept bearer tokens or passwords listed in a plain-text file on the control-plane
#   node. The credentials never expire, cannot be revoked without editing the file and
#   restarting the API server, and are often shared between people and scripts. CIS 1.2.2. High:
#   long-lived credentials for the cluster's front door.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/authentication/#static-token-file
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS091
#   severity: high
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Remove `--token-auth-file` (and `--basic-auth-file`) from the kube-apiserver command or
#     the kubeadm apiServer.extraArgs, and authenticate people with client certificates or OIDC
#     and workloads with service account tokens.
#   frameworks: {cis-k8s: "1.2.2"}
#   aliases: [KCV0002, AVD-KCV-0002, CKV_K8S_70, CKV_K8S_69]
package shiplint.kubernetes.apiserver_static_credential_file

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.path(name)) if {
	some name in ["token-auth-file", "basic-auth-file"]
	api.given(name)
	msg := sprintf("%s sets --%s=%s: static credentials that cannot expire or be revoked without a restart", [api.who, name, api.flag(name)])
}
