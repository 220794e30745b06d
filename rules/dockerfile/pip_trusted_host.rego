# METADATA
# title: pip trusts a host without TLS or uses a plain-HTTP index
# description: >-
#   `pip --trusted-host`, `pip config set global.trusted-host` and an `--index-url http://...`
#   make pip accept packages from that host without a valid certificate, so anyone on the
#   network path can serve a different package, whose setup code runs at install time. High.
# related_resources:
# - https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host
# custom:
#   id: DF011
#   severity: high
#   remediation: >-
#     Serve the index over HTTPS and trust its CA with `--cert /path/ca.pem` (or `PIP_CERT`)
#     instead of `--trusted-host`; pin packages with `--require-hashes`.
#   aliases: [CKV2_DOCKER_4]
package shiplint.dockerfile.pip_trusted_host

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c, args] in df.pip_commands
	df.has_flag(args, set(), {"--trusted-host"})
	msg := sprintf("%s is given --trusted-host, which turns off TLS verification for that host", [df.name(c)])
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c, args] in df.pip_commands
	some url in df.flag_values(args, {"i"}, {"--index-url", "--extra-index-url"})
	startswith(lower(url), "http://")
	not local_host(url)
	msg := sprintf("%s installs from the plain-HTTP index %s", [df.name(c), url])
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c, args] in df.pip_commands
	pos := df.positionals(args, set())
	pos[0] == "config"
	pos[1] in {"set", "add"}
	endswith(lower(pos[2]), ".trusted-host")
	msg := sprintf("%s config sets trusted-host, which turns off TLS verification for that host", [df.name(c)])
}

local_host(url) if regex.match(`^http://(localhost|127\.0\.0\.1|\[::1\])([:/]|$)`, lower(url))
