# METADATA
# title: Invalid EXPOSE port
# description: >-
#   EXPOSE takes a container port or range with an optional protocol (`8080`, `8000-8010/tcp`,
#   `53/udp`). A port outside 1-65535, an unknown protocol, or a host mapping (`80:8080`,
#   `127.0.0.1:80`) is an error or is ignored, so the documented port is wrong. Low. Values with
#   variables are not checked.
# related_resources:
# - https://docs.docker.com/reference/dockerfile/#expose
# - https://docs.docker.com/reference/build-checks/expose-invalid-format/
# custom:
#   id: DF042
#   severity: low
#   remediation: Write `EXPOSE <port>[/<tcp|udp|sctp>]`; publish host ports at run time (`-p 80:8080`).
#   aliases: [DL3011, DS008, AVD-DS-0008, ExposeInvalidFormat]
package shiplint.dockerfile.invalid_expose

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

valid(a) if {
	p := df.port_spec(a)
	p.proto in {"tcp", "udp", "sctp"}
	p.from >= 1
	p.to <= 65535
	p.from <= p.to
}

deny contains lib.finding(msg, df.instruction_path(s, i)) if {
	some [s, i, ins] in df.instructions_named({"expose"})
	some a in ins.args
	not contains(a, "$")
	not valid(a)
	msg := sprintf("EXPOSE %s is not a valid port, range or protocol", [a])
}
