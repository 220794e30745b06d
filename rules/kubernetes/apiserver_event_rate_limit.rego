# METADATA
# title: API server does not enable the EventRateLimit admission plugin
# description: >-
#   Events are written by every component and can be created by many users; without the
#   EventRateLimit admission plugin a noisy or hostile client can flood the API server and etcd
#   with them. The plugin is off by default and needs a configuration (`--admission-control-
#   config-file`). CIS 1.2.9. Low: availability only.
# related_resources:
# - https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#eventratelimit
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS098
#   severity: low
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Add EventRateLimit to `--enable-admission-plugins` and configure its limits in the file
#     given by `--admission-control-config-file`.
#   frameworks: {cis-k8s: "1.2.9"}
#   aliases: [KCV0010, AVD-KCV-0010, CKV_K8S_78]
package shiplint.kubernetes.apiserver_event_rate_limit

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.plugins_path) if {
	api.comp
	not api.plugin_on("EventRateLimit")
	msg := sprintf("%s does not enable the EventRateLimit admission plugin: event floods are not limited", [api.who])
}
