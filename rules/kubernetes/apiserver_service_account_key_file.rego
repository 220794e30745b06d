# METADATA
# title: API server does not set --service-account-key-file
# description: >-
#   `--service-account-key-file` names the public keys kube-apiserver verifies service account
#   tokens with. Unset, it falls back to the TLS serving key, so rotating the serving
#   certificate silently invalidates every token, and keys cannot be rotated separately. CIS
#   1.2.22. Low: operational hygiene with a security edge.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS107
#   severity: low
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Set `--service-account-key-file` to the public half of the key given to `--service-
#     account-signing-key-file` (and to the controller manager's `--service-account-private-key-
#     file`); kubeadm uses /etc/kubernetes/pki/sa.pub.
#   frameworks: {cis-k8s: "1.2.22"}
#   aliases: [KCV0025, AVD-KCV-0025, CKV_K8S_97]
package shiplint.kubernetes.apiserver_service_account_key_file

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.where(["service-account-key-file"])) if {
	api.comp
	not api.given("service-account-key-file")
	msg := sprintf("%s does not set --service-account-key-file", [api.who])
}
