# METADATA
# title: kube-scheduler listens on all interfaces
# description: >-
#   kube-scheduler's secure port (10259) listens on `--bind-address`, 0.0.0.0 by default:
#   its health, metrics and (with profiling) debug endpoints become reachable from the
#   network. Nothing but local probes needs it. Low. kubeadm binds it to 127.0.0.1.
# related_resources:
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-scheduler/
# - https://kubernetes.io/docs/reference/networking/ports-and-protocols/
# custom:
#   id: KS134
#   severity: low
#   applies_to: [control-plane, ClusterConfiguration]
#   frameworks: {cis-k8s: "1.4.2"}
#   aliases: [KCV0041, AVD-KCV-0041]
#   remediation: >-
#     Set `--bind-address=127.0.0.1` and probe the component locally.
package shiplint.kubernetes.scheduler_bind_address

import data.shiplint.lib
import data.shiplint.lib.controlplane as cp

comp := "kube-scheduler"

deny contains lib.finding(msg, f.path) if {
	f := cp.components[comp].flags["bind-address"]
	not loopback(cp.unquote(f.value))
	msg := sprintf("%s listens on a non-loopback address (--bind-address=%s)", [cp.who(comp), f.value])
}

deny contains lib.finding(msg, c.path) if {
	c := cp.components[comp]
	not c.flags["bind-address"]
	msg := sprintf("%s listens on all interfaces (--bind-address is not set and defaults to 0.0.0.0)", [cp.who(comp)])
}

loopback(a) if a in {"::1", "[::1]", "localhost"}

loopback(a) if regex.match(`^127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$`, a)
