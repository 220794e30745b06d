package shiplint.dockerfile.npm_install_without_lockfile_test

import data.shiplint.dockerfile.npm_install_without_lockfile as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "npm install can update dependencies past the lock file: use npm ci", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("npm", ["install", "--omit=dev"])])])
	count(rule.deny) == 2 with input as h.doc([h.run([h.cmd("yarn", []), h.cmd("pnpm", ["install", "--prod"])])])
}

test_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("npm", ["ci", "--omit=dev"]),
		h.cmd("npm", ["install", "-g", "pm2@5"]),
		h.cmd("npm", ["install", "express"]),
		h.cmd("yarn", ["install", "--frozen-lockfile"]),
		h.cmd("yarn", ["build"]),
		h.cmd("pnpm", ["install", "--frozen-lockfile"]),
	])])
}
