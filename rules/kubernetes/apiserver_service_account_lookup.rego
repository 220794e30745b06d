# METADATA
# title: API server does not check that service account tokens still exist (--service-account-lookup=false)
# description: >-
#   With `--service-account-lookup=false` kube-apiserver accepts a legacy service account token
#   as long as its signature is valid, even after the token Secret or the ServiceAccount was
#   deleted: revoking a leaked token does not work. CIS 1.2.21. Medium: it defeats revocation.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS106
#   severity: medium
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Remove `--service-account-lookup=false` (the default is true) or set it to true.
#   frameworks: {cis-k8s: "1.2.21"}
#   aliases: [KCV0024, AVD-KCV-0024, CKV_K8S_96]
package shiplint.kubernetes.apiserver_service_account_lookup

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.path("service-account-lookup")) if {
	api.off("service-account-lookup")
	msg := sprintf("%s sets --service-account-lookup=%s: deleted service account tokens stay valid", [api.who, api.flag("service-account-lookup")])
}
