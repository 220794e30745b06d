# METADATA
# title: kube-scheduler serves profiling data
# description: >-
#   With `--profiling` on (the default) kube-scheduler serves Go's pprof handlers under
#   /debug/pprof: goroutine dumps and heap profiles reveal its internals and on-demand CPU
#   profiling can slow scheduling. Low. kubeadm does not turn it off. A scheduler run with
#   `--config` is not flagged: the flag is then ignored and the file's `enableProfiling`
#   decides.
# related_resources:
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-scheduler/
# - https://kubernetes.io/docs/reference/config-api/kube-scheduler-config.v1/
# custom:
#   id: KS133
#   severity: low
#   applies_to: [control-plane, ClusterConfiguration]
#   frameworks: {cis-k8s: "1.4.1"}
#   aliases: [CKV_K8S_114, KCV0040, AVD-KCV-0040]
#   remediation: >-
#     Add `--profiling=false` to the kube-scheduler command (kubeadm: `scheduler.extraArgs`
#     with `profiling: "false"`), or `enableProfiling: false` in its KubeSchedulerConfiguration.
package shiplint.kubernetes.scheduler_profiling

import data.shiplint.lib
import data.shiplint.lib.controlplane as cp

comp := "kube-scheduler"

deny contains lib.finding(msg, f.path) if {
	c := cp.components[comp]
	not c.flags.config
	f := c.flags.profiling
	not cp.is_false(f.value)
	msg := sprintf("%s serves profiling data (--profiling=%s)", [cp.who(comp), f.value])
}

deny contains lib.finding(msg, c.path) if {
	c := cp.components[comp]
	not c.flags.config
	not c.flags.profiling
	msg := sprintf("%s serves profiling data (--profiling is not set and defaults to true)", [cp.who(comp)])
}
