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

test_expanded_url_fires_once if {
	# assembled from ARG values in the command: reported at the command
	rule.deny == {{"msg": "git is given a URL with a password in it, which is kept in the image history", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([object.union(h.cmd("git", ["clone", "https://${U}:${P}@git.example.com/o/r.git"]), {"expanded": ["clone", "https://deploy:Xk29fj3LmQ@git.example.com/o/r.git"]})])])

	# written whole in an ENV: reported there, not again where it is used
	rule.deny == {{"msg": "ENV REPO holds a URL with a password in it", "path": ["stages", 0, "instructions", 0, "pairs", 0]}} with input as h.doc([
		h.pairs("env", [["REPO", "https://deploy:Xk29fj3LmQ@git.example.com/o/r.git"]]),
		h.run([object.union(h.cmd("git", ["clone", "$REPO"]), {"expanded": ["clone", "https://deploy:Xk29fj3LmQ@git.example.com/o/r.git"]})]),
	])
}
