# METADATA
# title: API server turns off the ServiceAccount or NamespaceLifecycle admission plugin
# description: >-
#   ServiceAccount and NamespaceLifecycle are on by default. Without ServiceAccount pods are not
#   given (or checked against) a service account, so the token and Secret references they mount
#   are not validated; without NamespaceLifecycle objects can be created in namespaces being
#   deleted or that do not exist, and the system namespaces can be deleted. `--disable-
#   admission-plugins` naming them, or a `--admission-control` list that leaves them out, turns
#   them off. CIS 1.2.12 and 1.2.13. Medium.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#which-plugins-are-enabled-by-default
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS101
#   severity: medium
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Remove ServiceAccount and NamespaceLifecycle from `--disable-admission-plugins` (and add
#     them to `--admission-control` if that deprecated flag is used).
#   frameworks: {cis-k8s: "1.2.12"}
#   aliases: [KCV0014, AVD-KCV-0014, CKV_K8S_82, KCV0015, AVD-KCV-0015, CKV_K8S_83]
package shiplint.kubernetes.apiserver_default_admission_disabled

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.path(name)) if {
	some plugin in ["ServiceAccount", "NamespaceLifecycle"]
	name := api.disabled_by(plugin)
	count(api.enabling(plugin)) == 0
	msg := sprintf("%s turns off the %s admission plugin (--%s=%s)", [api.who, plugin, name, api.flag(name)])
}
