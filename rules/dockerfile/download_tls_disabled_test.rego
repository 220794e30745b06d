package shiplint.dockerfile.download_tls_disabled_test

import data.shiplint.dockerfile.download_tls_disabled as rule
import data.shiplint.lib.dockerfile_test as h

test_combined_k_fires if {
	{plain(f) | some f in rule.deny} == {{"msg": "curl downloads with TLS certificate verification turned off", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("/usr/bin/curl", ["-fsSLk", "https://x"])])])
}

test_wget_fires if {
	count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("wget", ["-q", "--no-check-certificate", "https://x"])])])
}

test_header_and_kill_are_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("curl", ["-fsSL", "-K", "cfg", "https://x"]),
		h.cmd("curl", ["https://x", "--", "-k"]),
		h.cmd("kill", ["-k"]),
	])])
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

# The fix removes a standalone -k, --insecure or --no-check-certificate of the same command; a
# combined -fsSLk is left to a human (the regular expression does not match it).
test_fix if {
	some f in rule.deny with input as h.doc([h.run([h.cmd("wget", ["-q", "--no-check-certificate", "https://x"])])])
	f.fix.description == "Turn certificate verification back on"
	regex.replace("wget -q --no-check-certificate https://x && tar -k", f.fix.ops[0].match, f.fix.ops[0].replace) == "wget -q https://x && tar -k"
	regex.find_n(f.fix.ops[0].match, "curl -fsSL -k https://x", 1) == ["curl -fsSL -k "]
	regex.find_n(f.fix.ops[0].match, "curl -fsSLk https://x && tar -k x", 1) == []
}
