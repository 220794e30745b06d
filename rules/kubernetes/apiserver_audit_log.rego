# METADATA
# title: API server does not write an audit log (--audit-log-path is not set)
# description: >-
#   Audit logs are the record of who did what through the API: without `--audit-log-path` (or an
#   audit webhook) kube-apiserver keeps none, and an intrusion or a mistaken deletion cannot be
#   traced. kubeadm does not enable auditing. CIS 1.2.16. Medium: it does not open access, but
#   leaves incidents uninvestigable.
# related_resources:
# - https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS104
#   severity: medium
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Set `--audit-log-path` (e.g. /var/log/kubernetes/audit/audit.log, mounted from the host)
#     and `--audit-policy-file` with an audit Policy, in the static pod or the kubeadm
#     apiServer.extraArgs (with extraVolumes for the files).
#   frameworks: {cis-k8s: "1.2.16"}
#   aliases: [KCV0019, AVD-KCV-0019, CKV_K8S_91]
package shiplint.kubernetes.apiserver_audit_log

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.where(["audit-log-path"])) if {
	api.comp
	not api.given("audit-log-path")
	not api.given("audit-webhook-config-file")
	msg := sprintf("%s does not set --audit-log-path: API requests are not audited", [api.who])
}
