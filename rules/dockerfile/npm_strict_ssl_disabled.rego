# METADATA
# title: npm or yarn with strict-ssl turned off
# description: >-
#   `npm config set strict-ssl false`, `yarn config set strict-ssl false` or `--strict-ssl=false`
#   make the package manager accept any certificate from the registry, so a man in the middle
#   can serve packages whose install scripts run during the build. High.
# related_resources:
# - https://docs.npmjs.com/cli/v10/using-npm/config#strict-ssl
# - https://classic.yarnpkg.com/en/docs/cli/config
# custom:
#   id: DF012
#   severity: high
#   remediation: >-
#     Keep strict-ssl on and trust a private CA with `npm config set cafile /path/ca.pem`
#     (or `NODE_EXTRA_CA_CERTS`).
#   aliases: [CKV2_DOCKER_13]
package shiplint.dockerfile.npm_strict_ssl_disabled

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

tools := {"npm", "yarn", "pnpm"}

falsy := {"false", "0", "no"}

# npm config set strict-ssl false / npm set strict-ssl=false
insecure(c) if {
	pos := [lower(p) | some p in df.cmd_positionals(c, set())]
	some k, p in pos
	p == "set"
	key_value(pos, k + 1)
}

insecure(c) if {
	some v in df.cmd_flag_values(c, set(), {"--strict-ssl"})
	lower(v) in falsy
}

insecure(c) if df.cmd_has_flag(c, set(), {"--no-strict-ssl"})

key_value(pos, k) if {
	trim_left(pos[k], "-") == "strict-ssl"
	pos[k + 1] in falsy
}

key_value(pos, k) if pos[k] in {"strict-ssl=false", "strict-ssl=0"}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named(tools)
	insecure(c)
	msg := sprintf("%s is configured with strict-ssl off, so any registry certificate is accepted", [df.name(c)])
}
