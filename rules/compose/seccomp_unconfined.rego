# METADATA
# title: Service disables seccomp
# description: >-
#   `seccomp:unconfined` removes Docker's default seccomp filter, which blocks around 50
#   rarely needed system calls (keyctl, add_key, unshare, ptrace on old kernels, bpf, ...) and so
#   most kernel exploits reachable from a container. High, because a kernel bug becomes a
#   host escape.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#security_opt
# - https://docs.docker.com/engine/containers/run/#security-configuration
# - https://docs.docker.com/engine/security/seccomp/
# custom:
#   id: DC014
#   severity: high
#   remediation: >-
#     Remove `seccomp:unconfined`. If one system call is missing, copy Docker's default profile,
#     allow that call, and point to it with `security_opt: ["seccomp:./seccomp.json"]`.
#   frameworks: {cis-docker: "5.21"}
#   aliases: [404fde2c-bc4b-4371-9747-7054132ac953]
package shiplint.compose.seccomp_unconfined

import data.shiplint.lib
import data.shiplint.lib.compose

deny contains lib.finding(msg, ["services", name, "security_opt", i]) if {
	some name, svc in input.services
	some [i, key, value] in compose.security_opts(svc)
	key == "seccomp"
	lower(value) == "unconfined"
	msg := sprintf("Service %q runs without a seccomp profile (seccomp:unconfined)", [name])
}
