package shiplint.dockerfile.add_instead_of_copy_test

import data.shiplint.dockerfile.add_instead_of_copy as rule
import data.shiplint.lib.dockerfile_test as h

test_local_fires if {
	{plain(f) | some f in rule.deny} == {{"msg": "ADD copies local app.py conf/: use COPY, which does not unpack archives or fetch URLs", "path": ["stages", 0, "instructions", 0]}} with input as h.doc([h.ins("add", ["app.py", "conf/", "/app/"])])
}

test_archive_url_variable_are_quiet if {
	count(rule.deny) == 0 with input as h.doc([
		h.ins("add", ["rootfs.tar.xz", "/"]),
		h.ins("add", ["https://x.example/a", "/a"]),
		h.ins("add", ["${DIST}", "/opt/"]),
		h.ins("copy", ["a", "/a"]),
	])
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	some f in rule.deny with input as h.doc([h.ins("add", ["a.txt", "/app/"])])
	f.fix.description == "Use COPY"
	regex.replace(regex.find_n(f.fix.ops[0].match, "  add --chown=1 a /b", 1)[0], f.fix.ops[0].match, "X") == "X"
	f.fix.ops[0].replace == "${1}COPY$2"
}
