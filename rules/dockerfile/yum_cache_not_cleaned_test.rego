package shiplint.dockerfile.yum_cache_not_cleaned_test

import data.shiplint.dockerfile.yum_cache_not_cleaned as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "dnf install leaves its cache in the layer: clean it in the same RUN", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("dnf", ["install", "-y", "x"])])])
}

test_clean_before_fires if {
	count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("yum", ["clean", "all"]), h.cmd("yum", ["install", "-y", "x"])])])
}

test_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([h.cmd("microdnf", ["install", "x"]), h.cmd("microdnf", ["clean", "all"])])])
	count(rule.deny) == 0 with input as h.doc([h.run([h.cmd("zypper", ["-n", "in", "x"]), h.cmd("zypper", ["clean", "-a"])])])
	count(rule.deny) == 0 with input as h.doc([h.run([h.cmd("dnf", ["install", "-y", "x"]), h.cmd("rm", ["-rf", "/var/cache/dnf"])])])
}
