# METADATA
# title: git with TLS certificate checks turned off
# description: >-
#   `git -c http.sslVerify=false` or `git config http.sslVerify false` makes git accept any
#   certificate, so the code cloned into the image can be swapped by anyone on the network path.
#   High: cloned code is built and run.
# related_resources:
# - https://git-scm.com/docs/git-config#Documentation/git-config.txt-httpsslVerify
# custom:
#   id: DF006
#   severity: high
#   remediation: >-
#     Keep `http.sslVerify` on. For a private CA, set `http.sslCAInfo` to its certificate, and pin
#     what you clone to a commit hash.
package shiplint.dockerfile.git_tls_disabled

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

falsy := {"false", "0", "no", "off"}

sslverify_key(key) if regex.match(`^http\.(.+\.)?sslverify$`, lower(key))

# git -c http.sslVerify=false clone ...
insecure(c) if {
	some v in df.cmd_flag_values(c, {"c"}, set())
	[key, value] := split_kv(v)
	sslverify_key(key)
	lower(value) in falsy
}

# git config --global http.sslVerify false
insecure(c) if {
	pos := df.cmd_positionals(c, {"-c", "-C", "-f", "--file", "--blob", "--type", "--git-dir", "--work-tree"})
	pos[0] == "config"
	sslverify_key(pos[1])
	lower(pos[2]) in falsy
}

split_kv(v) := [substring(v, 0, i), substring(v, i + 1, -1)] if {
	i := indexof(v, "=")
	i > 0
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named({"git"})
	insecure(c)
	msg := "git runs with http.sslVerify turned off, so any certificate is accepted"
}
