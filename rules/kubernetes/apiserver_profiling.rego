# METADATA
# title: API server profiling is enabled (--profiling is not false)
# description: >-
#   kube-apiserver serves Go profiling data under /debug/pprof unless `--profiling=false`: it
#   reveals details of the program and its load to anyone authorized for the path, and profiling
#   a busy server costs CPU. CIS 1.2.15. Low: it needs authorized access and exposes no data
#   directly.
# related_resources:
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/#options
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS103
#   severity: low
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Set `--profiling=false` in the kube-apiserver command (kubeadm: `profiling: "false"` in
#     apiServer.extraArgs).
#   frameworks: {cis-k8s: "1.2.15"}
#   aliases: [KCV0018, AVD-KCV-0018, CKV_K8S_90]
package shiplint.kubernetes.apiserver_profiling

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.path("profiling")) if {
	v := api.flag("profiling")
	not api.off("profiling")
	msg := sprintf("%s sets --profiling=%s: /debug/pprof is served", [api.who, v])
}

deny contains lib.finding(msg, api.here) if {
	api.comp
	not api.comp.flags.profiling
	msg := sprintf("%s does not set --profiling=false: /debug/pprof is served (the default)", [api.who])
}
