# METADATA
# title: API server does not enable the DenyServiceExternalIPs admission plugin
# description: >-
#   Without the DenyServiceExternalIPs admission plugin anyone who may create or update a
#   Service can set `spec.externalIPs` to any address, and kube-proxy then routes the cluster's
#   traffic for that address to their pods: a man-in-the-middle inside the cluster
#   (CVE-2020-8554, which has no other fix). The plugin is not on by default. CIS 1.2.3. Low: it
#   needs Service write access and matters less where externalIPs are policed otherwise.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#denyserviceexternalips
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS092
#   severity: low
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Add DenyServiceExternalIPs to `--enable-admission-plugins` (e.g. `--enable-admission-
#     plugins=NodeRestriction,DenyServiceExternalIPs`, in the static pod or in the kubeadm
#     apiServer.extraArgs). Clusters that need externalIPs can instead restrict them with a
#     validating admission policy.
#   frameworks: {cis-k8s: "1.2.3"}
package shiplint.kubernetes.apiserver_deny_service_external_ips

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.plugins_path) if {
	api.comp
	not api.plugin_on("DenyServiceExternalIPs")
	msg := sprintf("%s does not enable the DenyServiceExternalIPs admission plugin: anyone who can write a Service can claim any external IP (CVE-2020-8554)", [api.who])
}
