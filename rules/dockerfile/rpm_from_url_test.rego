package shiplint.dockerfile.rpm_from_url_test

import data.shiplint.dockerfile.rpm_from_url as rule
import data.shiplint.lib.dockerfile_test as h

url := "https://dl.fedoraproject.org/pub/epel/epel-release-latest-9.noarch.rpm"

test_fires if {
	rule.deny == {{"msg": sprintf("yum installs %s without checking its signature", [url]), "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("yum", ["install", "-y", url])])])
	rule.deny == {{"msg": sprintf("dnf installs %s (from $EPEL) without checking its signature", [url]), "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([object.union(h.cmd("dnf", ["install", "-y", "$EPEL"]), {"expanded": ["install", "-y", url]})])])
	every args in [["-ivh", url], ["-Uvh", "--force", url], ["--install", url], ["-i", "--root", "/mnt", url]] {
		count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("rpm", args)])])
	}
	count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("microdnf", ["install", "-y", url])])])
}

test_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("yum", ["install", "-y", "/tmp/epel-release.rpm", "epel-release"]),
		h.cmd("dnf", ["install", "-y", "--setopt=localpkg_gpgcheck=1", url]),
		h.cmd("dnf", ["install", "-y", "--nogpgcheck", url]),
		h.cmd("rpm", ["-i", "--nosignature", url]),
		h.cmd("rpm", ["-qip", url]),
		h.cmd("rpm", ["--import", "https://x.example/RPM-GPG-KEY"]),
		h.cmd("yum-config-manager", ["--add-repo", "https://x.example/x.repo"]),
		h.cmd("dnf", ["config-manager", "--add-repo", "https://x.example/x.repo"]),
		h.cmd("zypper", ["-n", "in", url]),
	])])
}
