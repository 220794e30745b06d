# METADATA
# title: npm/yarn/pnpm install instead of a lockfile-respecting install
# description: >-
#   `npm install` (and `yarn install`/`pnpm install` without a frozen lockfile) may resolve
#   different dependency versions than the lock file says and rewrite it, so the image does not
#   contain what was reviewed and tested, and a freshly published malicious version can slip in.
#   Low: the lock file usually constrains most of the tree.
# related_resources:
# - https://docs.npmjs.com/cli/v10/commands/npm-ci
# - https://classic.yarnpkg.com/en/docs/cli/install#toc-yarn-install-frozen-lockfile
# - https://pnpm.io/cli/install#--frozen-lockfile
# custom:
#   id: DF031
#   severity: low
#   remediation: >-
#     Use `npm ci` (add `--omit=dev` for production), `yarn install --frozen-lockfile` (Yarn 1) or
#     `yarn install --immutable` (Yarn 2+), `pnpm install --frozen-lockfile`.
package shiplint.dockerfile.npm_install_without_lockfile

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

npm_valopts := {"--prefix", "-w", "--workspace", "--registry", "--tag", "--cache", "--loglevel", "-C", "--dir", "--omit", "--include"}

# npm install / npm i with no package: installs from package.json
deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named({"npm"})
	pos := df.cmd_positionals(c, npm_valopts)
	pos[0] in {"install", "i", "isntall", "add"}
	count(pos) == 1
	not df.cmd_has_flag(c, {"g"}, {"--global", "--package-lock-only"})
	msg := "npm install can update dependencies past the lock file: use npm ci"
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named({"yarn", "pnpm"})
	pos := df.cmd_positionals(c, npm_valopts)
	yarn_install(df.name(c), pos)
	not df.cmd_has_flag(c, set(), {"--frozen-lockfile", "--immutable", "--immutable-cache"})
	msg := sprintf("%s install without --frozen-lockfile can update dependencies past the lock file", [df.name(c)])
}

yarn_install("yarn", pos) if count(pos) == 0

yarn_install(_, pos) if {
	pos[0] in {"install", "i"}
	count(pos) == 1
}
