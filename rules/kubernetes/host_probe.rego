# METADATA
# title: Probe or lifecycle hook targets a host other than the pod
# description: >-
#   The kubelet runs httpGet and tcpSocket probes and lifecycle hooks from the node, to the
#   pod's IP unless the handler sets `host`. A `host` turns them into requests the node makes
#   for the pod author to any address it can reach: the node's own localhost services, other
#   pods across network policies, the cloud metadata endpoint. The Baseline Pod Security
#   Standard forbids it from policy version v1.34 on (only an unset or empty `host` is
#   allowed), for init, regular and ephemeral containers alike. Medium: the requests are blind
#   or nearly so, but they come from a trusted place in the network.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# - https://www.kubernetes.dev/resources/keps/4940/
# - https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#http-probes
# custom:
#   id: KS084
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Remove `host` from the probe or hook so that it targets the pod's own IP; to check a
#     dependency, do it inside the container (an exec probe or the application's readiness
#     logic), not from the node. To send a virtual host name, set an HTTP `Host` header in
#     `httpHeaders` instead.
#   frameworks: {pss: baseline}
package shiplint.kubernetes.host_probe

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

# The handlers the policy checks: probes and lifecycle hooks, each with
# httpGet or tcpSocket (tcpSocket hooks are deprecated but still accepted).
handlers contains [i, c, [probe, action]] if {
	some i, c in input.containers
	some probe in ["livenessProbe", "readinessProbe", "startupProbe"]
	some action in ["httpGet", "tcpSocket"]
	is_object(c[probe][action])
}

handlers contains [i, c, ["lifecycle", hook, action]] if {
	some i, c in input.containers
	some hook in ["postStart", "preStop"]
	some action in ["httpGet", "tcpSocket"]
	is_object(c.lifecycle[hook][action])
}

deny contains lib.finding(msg, array.concat(array.concat(["containers", i], where), ["host"])) if {
	some [i, c, where] in handlers
	host := object.get(object.get(c, where, {}), "host", null)
	host != null
	host != ""
	msg := sprintf("%s sets %s.host to %v: probes and lifecycle hooks must target the pod itself", [k8s.who(c), concat(".", where), json.marshal(host)])
}
