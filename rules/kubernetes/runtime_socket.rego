# METADATA
# title: Pod or PersistentVolume exposes the container runtime socket
# description: >-
#   Whoever can talk to the Docker, containerd or CRI-O socket can start a privileged
#   container on the node, read every container's file system and secrets, and so owns the
#   node. Mounting the socket (or the run directory that holds it) through a hostPath volume
#   hands that to the pod. Critical. A hostPath PersistentVolume on the socket hands it to
#   whichever pod claims the volume, and is reported as well.
# related_resources:
# - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
# - https://docs.docker.com/engine/security/#docker-daemon-attack-surface
# custom:
#   id: KS021
#   severity: critical
#   applies_to: [workload, PersistentVolume]
#   remediation: >-
#     Remove the hostPath volume. Build images with a daemonless builder (BuildKit rootless,
#     kaniko, buildah) and read container metadata through the Kubernetes API or the kubelet's
#     read-only endpoints instead of the runtime socket.
#   aliases: [KSV006, AVD-KSV-0006, CKV_K8S_27, docker-sock, C-0074]
package shiplint.kubernetes.runtime_socket

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

# Runtime sockets and the directories that hold them (after path cleaning).
sockets := {
	"/var/run/docker.sock", "/run/docker.sock",
	"/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock",
	"/var/run/crio/crio.sock", "/run/crio/crio.sock",
	"/var/run/cri-dockerd.sock", "/run/cri-dockerd.sock",
	"/var/run/dockershim.sock", "/run/dockershim.sock",
	"/run/podman/podman.sock", "/var/run/podman/podman.sock",
	"/run/k3s/containerd/containerd.sock",
	"/var/snap/microk8s/common/run/containerd.sock",
}

socket_dirs := {
	"/var/run", "/run", "/var/run/containerd", "/run/containerd", "/var/run/crio", "/run/crio",
	"/var/run/docker", "/run/docker", "/run/podman", "/var/run/podman", "/run/k3s/containerd",
}

runtime_path(p) if p in sockets

runtime_path(p) if p in socket_dirs

# Some charts mount a socket named after the runtime in a custom place.
runtime_path(p) if regex.match(`/(docker|containerd|crio|cri-dockerd|dockershim|podman)\.sock$`, p)

deny contains lib.finding(msg, ["podSpec", "volumes", i, "hostPath", "path"]) if {
	some [i, v, p] in k8s.host_volumes
	runtime_path(p)
	msg := sprintf("%s mounts the container runtime socket through hostPath %q (volume %q)", [k8s.resource, v.hostPath.path, v.name])
}

deny contains lib.finding(msg, ["resource", "spec", "hostPath", "path"]) if {
	[hp, p] := k8s.pv_host_path
	runtime_path(p)
	msg := sprintf("%s exposes the container runtime socket through hostPath %q: any pod that claims it owns the node", [k8s.resource, hp.path])
}
