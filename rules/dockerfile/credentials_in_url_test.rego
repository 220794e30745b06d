package shiplint.dockerfile.credentials_in_url_test

import data.shiplint.dockerfile.credentials_in_url as rule
import data.shiplint.lib.dockerfile_test as h

test_git_clone_fires if {
	rule.deny == {{"msg": "git is given a URL with a password in it, which is kept in the image history", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("git", ["clone", "https://deploy:Xk29fj3LmQ@git.example.com/org/app.git"])])])
}

test_env_and_curl_fire if {
	count(rule.deny) == 2 with input as h.doc([
		h.pairs("env", [["DATABASE_URL", "postgres://app:Zq81mPw@db:5432/app"]]),
		h.run([h.cmd("curl", ["-u", "admin:Tr0ub4dor", "https://x"])]),
	])
}

test_references_are_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("git", ["clone", "https://${TOKEN}@github.com/org/app.git"]),
		h.cmd("git", ["clone", "https://oauth2:$GITLAB_TOKEN@gitlab.com/org/app.git"]),
		h.cmd("git", ["clone", "git@github.com:org/app.git"]),
		h.cmd("curl", ["-u", "admin:$PASS", "https://x"]),
		h.cmd("curl", ["https://user:password@example.com"]),
	])])
}
