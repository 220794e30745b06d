package shiplint.dockerfile.pip_trusted_host_test

import data.shiplint.dockerfile.pip_trusted_host as rule
import data.shiplint.lib.dockerfile_test as h

test_trusted_host_fires if {
	rule.deny == {{"msg": "pip3 is given --trusted-host, which turns off TLS verification for that host", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("pip3", ["install", "--trusted-host", "pypi.org", "flask"])])])
}

test_python_m_pip_http_index_fires if {
	count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("python3", ["-m", "pip", "install", "-i", "http://mirror.example.com/simple", "x"])])])
}

test_https_index_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("pip", ["install", "--index-url=https://mirror.example.com/simple", "x"]),
		h.cmd("pip", ["install", "--extra-index-url", "http://localhost:8080/simple", "x"]),
	])])
}
