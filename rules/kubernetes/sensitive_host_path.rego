# METADATA
# title: Pod or PersistentVolume uses a sensitive host directory
# description: >-
#   Mounting the node's root, /etc, /proc, /sys, /dev, /boot, /root, system binaries, or the
#   kubelet's and container runtime's state directories gives the pod the node's credentials
#   (kubelet client certificates, service account tokens of other pods), lets it read kernel
#   interfaces, and where writable lets it change what the node runs. High. Runtime sockets
#   and their run directories are reported by KS021. A hostPath PersistentVolume on such a
#   directory hands it to whichever pod claims the volume, and is reported as well.
# related_resources:
# - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
# - https://docs.kubelinter.io/#/generated/checks?id=sensitive-host-mounts
# custom:
#   id: KS022
#   severity: high
#   applies_to: [workload, PersistentVolume]
#   remediation: >-
#     Remove the hostPath volume, or mount the narrowest path the workload needs (a single
#     file or log directory), read-only. Read node state through the Kubernetes API instead.
#     A PersistentVolume should be backed by a CSI driver or a dedicated disk, not a system
#     directory of the node.
#   aliases: [sensitive-host-mounts]
package shiplint.kubernetes.sensitive_host_path

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

# Sensitive as a whole: the directory itself (a subpath such as /etc/localtime or
# /sys/fs/cgroup is a different, narrower mount).
exact := {"/", "/etc", "/proc", "/sys", "/dev", "/boot", "/lib", "/usr", "/bin", "/sbin", "/home", "/var", "/var/lib"}

# Sensitive at any depth: credentials and state of the node, the kubelet and the runtime.
trees := {
	"/root", "/boot", "/proc", "/var/lib/kubelet", "/etc/kubernetes", "/var/lib/etcd",
	"/var/lib/docker", "/var/lib/containerd", "/var/lib/crio", "/etc/ssh", "/etc/shadow",
	"/etc/sudoers", "/var/lib/rancher", "/etc/rancher",
}

sensitive(p) if p in exact

sensitive(p) if {
	some t in trees
	k8s.under(p, t)
	not kubelet_plugin_dir(p)
}

# Where CSI drivers and device plugins register with the kubelet: they hold
# plugin sockets, not the kubelet's credentials or other pods' volumes.
kubelet_plugin_dir(p) if {
	some d in {"/var/lib/kubelet/plugins", "/var/lib/kubelet/plugins_registry", "/var/lib/kubelet/device-plugins", "/var/lib/kubelet/pod-resources"}
	k8s.under(p, d)
}

deny contains lib.finding(msg, ["podSpec", "volumes", i, "hostPath", "path"]) if {
	some [i, v, p] in k8s.host_volumes
	sensitive(p)
	msg := sprintf("%s mounts sensitive host path %q (volume %q)", [k8s.resource, v.hostPath.path, v.name])
}

deny contains lib.finding(msg, ["resource", "spec", "hostPath", "path"]) if {
	[hp, p] := k8s.pv_host_path
	sensitive(p)
	msg := sprintf("%s uses sensitive host path %q: any pod that claims it mounts that directory of the node", [k8s.resource, hp.path])
}
