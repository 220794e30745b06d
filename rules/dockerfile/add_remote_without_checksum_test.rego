package shiplint.dockerfile.add_remote_without_checksum_test

import data.shiplint.dockerfile.add_remote_without_checksum as rule
import data.shiplint.lib.dockerfile_test as h

add(flags, args) := object.union(h.ins("add", args), {"flags": flags})

test_url_fires if {
	rule.deny == {{"msg": "ADD downloads https://x.example/a.tgz without --checksum, so its content is not verified", "path": ["stages", 0, "instructions", 0]}} with input as h.doc([add([], ["https://x.example/a.tgz", "/a.tgz"])])
}

test_git_tag_fires if {
	count(rule.deny) == 1 with input as h.doc([add([], ["https://github.com/o/r.git#v1.2.0", "/src"])])
}

test_checksum_and_pinned_are_quiet if {
	count(rule.deny) == 0 with input as h.doc([
		add(["--checksum=sha256:abc"], ["https://x.example/a.tgz", "/a.tgz"]),
		add([], ["https://github.com/o/r.git#0123456789abcdef0123456789abcdef01234567", "/src"]),
		add([], ["app.tar.gz", "/opt/"]),
	])
}

test_url_from_a_variable_fires if {
	rule.deny == {{"msg": "ADD downloads https://x.example/a.tgz (from ${URL}) without --checksum, so its content is not verified", "path": ["stages", 0, "instructions", 0]}} with input as h.doc([object.union(add([], ["${URL}", "/a.tgz"]), {"expanded": ["https://x.example/a.tgz", "/a.tgz"]})])
	count(rule.deny) == 0 with input as h.doc([object.union(add(["--checksum=sha256:abc"], ["${URL}", "/a.tgz"]), {"expanded": ["https://x.example/a.tgz", "/a.tgz"]})])
}
