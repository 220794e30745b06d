# METADATA
# title: API server does not enable the AlwaysPullImages admission plugin
# description: >-
#   Images pulled with credentials stay in a node's cache; without the AlwaysPullImages
#   admission plugin any pod scheduled to that node can run them by name without having the pull
#   secret, so private images leak between tenants. The plugin forces a pull (and credential
#   check) for every container. CIS 1.2.11. Low: it matters in multi-tenant clusters and makes
#   the registry a dependency of every pod start.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#alwayspullimages
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS100
#   severity: low
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Add AlwaysPullImages to `--enable-admission-plugins`, or on Kubernetes 1.33+ rely on the
#     kubelet's image pull credential verification instead.
#   frameworks: {cis-k8s: "1.2.11"}
#   aliases: [KCV0012, AVD-KCV-0012, CKV_K8S_80]
package shiplint.kubernetes.apiserver_always_pull_images

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.plugins_path) if {
	api.comp
	not api.plugin_on("AlwaysPullImages")
	msg := sprintf("%s does not enable the AlwaysPullImages admission plugin: pods can run private images cached on their node without pull credentials", [api.who])
}
