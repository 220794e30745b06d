# METADATA
# title: kube-controller-manager serves profiling data
# description: >-
#   With `--profiling` on (the default) kube-controller-manager serves Go's pprof handlers
#   under /debug/pprof: goroutine dumps and heap profiles reveal internals of a component that
#   holds the service-account signing key and cluster-admin-like credentials, and CPU
#   profiling on demand can slow it down. Low. kubeadm does not turn it off, so its
#   configurations are flagged too unless `controllerManager.extraArgs` sets `profiling: "false"`.
# related_resources:
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/
# - https://github.com/kubernetes/community/blob/master/contributors/devel/sig-scalability/profiling.md
# custom:
#   id: KS128
#   severity: low
#   applies_to: [control-plane, ClusterConfiguration]
#   frameworks: {cis-k8s: "1.3.2"}
#   aliases: [CKV_K8S_107, KCV0034, AVD-KCV-0034]
#   remediation: >-
#     Add `--profiling=false` to the kube-controller-manager command (kubeadm:
#     `controllerManager.extraArgs` with `profiling: "false"`).
package shiplint.kubernetes.controller_manager_profiling

import data.shiplint.lib
import data.shiplint.lib.controlplane as cp

comp := "kube-controller-manager"

deny contains lib.finding(msg, f.path) if {
	f := cp.components[comp].flags.profiling
	not cp.is_false(f.value)
	msg := sprintf("%s serves profiling data (--profiling=%s)", [cp.who(comp), f.value])
}

deny contains lib.finding(msg, c.path) if {
	c := cp.components[comp]
	not c.flags.profiling
	msg := sprintf("%s serves profiling data (--profiling is not set and defaults to true)", [cp.who(comp)])
}
