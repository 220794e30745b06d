# METADATA
# title: Download with TLS certificate checks turned off
# description: >-
#   `curl -k`/`--insecure` and `wget --no-check-certificate` accept any certificate, so anyone on
#   the network path (a proxy, a rogue DNS answer, a compromised mirror) can serve a different
#   file and the build takes it. High: what is downloaded usually ends up executed in the image.
# related_resources:
# - https://curl.se/docs/manpage.html#-k
# - https://www.gnu.org/software/wget/manual/wget.html#HTTPS-_0028SSL_002fTLS_0029-Options
# custom:
#   id: DF005
#   severity: high
#   remediation: >-
#     Remove `-k`/`--insecure`/`--no-check-certificate`. If the server uses a private CA, add it
#     to the trust store (`COPY ca.crt /usr/local/share/ca-certificates/ && update-ca-certificates`)
#     or pass it with `curl --cacert`/`wget --ca-certificate`, and verify the file's checksum.
#   aliases: [CKV2_DOCKER_2, CKV2_DOCKER_3]
package shiplint.dockerfile.download_tls_disabled

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

insecure(c) if {
	df.name(c) == "curl"
	df.cmd_has_flag(c, {"k"}, {"--insecure"})
}

insecure(c) if {
	df.name(c) == "wget"
	df.cmd_has_flag(c, set(), {"--no-check-certificate"})
}

insecure(c) if {
	df.name(c) == "wget"
	some v in df.cmd_flag_values(c, set(), {"--check-certificate"})
	lower(v) in {"off", "no", "false", "0", "quiet"}
}

deny contains lib.finding_fix(msg, df.command_path(s, i, k), lib.fix_replace("Turn certificate verification back on", `^([^;&|]*?)\s+(?:-k|--insecure|--no-check-certificate)(\s|$)`, "${1}${2}")) if {
	some [s, i, k, c] in df.commands_named({"curl", "wget"})
	insecure(c)
	msg := sprintf("%s downloads with TLS certificate verification turned off", [df.name(c)])
}
