package shiplint.dockerfile.download_plain_http_test

import data.shiplint.dockerfile.download_plain_http as rule
import data.shiplint.lib.dockerfile_test as h

add(flags, args) := object.union(h.ins("add", args), {"flags": flags})

test_fires if {
	rule.deny == {{"msg": "curl downloads http://x.example/a.sh without TLS, so anyone on the network path can replace it", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("curl", ["-fsSLo", "/tmp/a.sh", "http://x.example/a.sh"])])])
	rule.deny == {{"msg": "wget downloads http://x.example/a.tgz (from $URL) without TLS, so anyone on the network path can replace it", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([object.union(h.cmd("wget", ["-q", "$URL"]), {"expanded": ["-q", "http://x.example/a.tgz"]})])])
	rule.deny == {{"msg": "ADD downloads ftp://x.example/a.tgz (from ${URL}) without TLS, so anyone on the network path can replace it", "path": ["stages", 0, "instructions", 0]}} with input as h.doc([object.union(add([], ["${URL}", "/a.tgz"]), {"expanded": ["ftp://x.example/a.tgz", "/a.tgz"]})])
	count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("curl", ["--url", "HTTP://x.example/a"])])])
	count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("curl", ["-i", "http://x.example/a"])])])
}

test_quiet if {
	count(rule.deny) == 0 with input as h.doc([
		h.run([
			h.cmd("curl", ["-fsSL", "https://x.example/a.sh"]),
			h.cmd("curl", ["-x", "http://proxy:3128", "https://x.example/a"]),
			h.cmd("curl", ["--proxy", "http://proxy:3128", "-H", "Referer: http://x", "https://x.example/a"]),
			h.cmd("wget", ["-e", "http_proxy=http://proxy", "--referer", "http://x.example", "https://x.example/a"]),
			h.cmd("curl", ["-f", "http://localhost:8080/health", "http://127.0.0.1/", "http://169.254.169.254/latest/meta-data/"]),
			h.cmd("git", ["clone", "http://x.example/r.git"]),
		]),
		add(["--checksum=sha256:abc"], ["http://x.example/a.tgz", "/a.tgz"]),
		add([], ["https://x.example/a.tgz", "/a.tgz"]),
	])
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("curl", ["-fsSLO", "http://x.example/a.tgz"]),
		h.cmd("sha256sum", ["-c", "a.tgz.sha256"]),
	])])
}
