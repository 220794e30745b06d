# METADATA
# title: API server serves without TLS or authentication (insecure port, or secure port 0)
# description: >-
#   Before Kubernetes 1.20 kube-apiserver could serve a second, plain-HTTP port (`--insecure-
#   port`, `--insecure-bind-address`, or the older `--port` and `--address`) on which every
#   request skips authentication and authorization: anyone who reaches it is cluster-admin.
#   `--secure-port=0` turns off the HTTPS port instead. CIS 1.2.19 and 1.2.20 in benchmarks up
#   to 1.6. Critical: unauthenticated full control of the cluster.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/controlling-access/#transport-security
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS114
#   severity: critical
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Remove `--insecure-port`/`--port` (or set it to 0), remove `--insecure-bind-
#     address`/`--address`, and keep `--secure-port` at a non-zero port (6443).
#   aliases: [KCV0017, AVD-KCV-0017, CKV_K8S_88, CKV_K8S_86, CKV_K8S_89]
package shiplint.kubernetes.apiserver_insecure_serving

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

insecure_port_off if {
	some name in ["insecure-port", "port"]
	api.number(name) == 0
}

# enabled(name): a port flag set to anything but 0.
enabled(name) if api.number(name) != 0

enabled(name) if {
	api.given(name)
	not api.number(name)
}

deny contains lib.finding(msg, api.path(name)) if {
	some name in ["insecure-port", "port"]
	enabled(name)
	msg := sprintf("%s sets --%s=%s: plain HTTP without authentication or authorization", [api.who, name, api.flag(name)])
}

deny contains lib.finding(msg, api.path(name)) if {
	some name in ["insecure-bind-address", "address"]
	api.given(name)
	not insecure_port_off
	msg := sprintf("%s sets --%s=%s: the unauthenticated insecure port listens there", [api.who, name, api.flag(name)])
}

deny contains lib.finding(msg, api.path("secure-port")) if {
	api.number("secure-port") == 0
	msg := sprintf("%s sets --secure-port=%s: the authenticated HTTPS port is off", [api.who, api.flag("secure-port")])
}
