# METADATA
# title: Container binds a host port
# description: >-
#   A `hostPort` binds the port on the node's own address, bypassing Services and network
#   policies that select the pod, and ties the pod to nodes where the port is free. The
#   Baseline Pod Security Standard disallows host ports (only 0, meaning none, is allowed).
#   Medium: it exposes the container on every node address and evades network policy.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# - https://kubernetes.io/docs/concepts/configuration/overview/#services
# custom:
#   id: KS009
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Remove `hostPort` from the container's ports and expose the port through a Service
#     (ClusterIP, or NodePort/LoadBalancer when it must be reachable from outside).
#   frameworks: {pss: baseline}
#   aliases: [KSV024, AVD-KSV-0024, CKV_K8S_26, C-0044]
package shiplint.kubernetes.host_port

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["containers", i, "ports", j, "hostPort"]) if {
	some i, c in input.containers
	some j, p in c.ports
	p.hostPort != null
	p.hostPort != 0
	msg := sprintf("%s binds host port %v", [k8s.who(c), p.hostPort])
}
