package shiplint.dockerfile.dnf_unpinned_packages_test

import data.shiplint.dockerfile.dnf_unpinned_packages as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "dnf installs httpd, python3-devel without a pinned version", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("dnf", ["install", "-y", "httpd", "python3-devel", "tar-1.34"])])])
	rule.deny == {{"msg": "microdnf installs shadow-utils without a pinned version", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("microdnf", ["--setopt=install_weak_deps=0", "install", "--nodocs", "-y", "shadow-utils"])])])
	rule.deny == {{"msg": "dnf installs nodejs without a pinned version", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("dnf", ["module", "install", "-y", "nodejs"])])])
	rule.deny == {{"msg": "dnf5 installs git without a pinned version", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("dnf5", ["in", "-y", "git"])])])
	count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("/usr/bin/dnf", ["--disablerepo", "*", "--enablerepo=ubi-9-baseos", "install", "-y", "git"])])])
}

test_pinned_and_not_names_are_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("dnf", ["install", "-y", "httpd-2.4.57", "httpd-tools-2.4.57-5.el9", "bash-0:5.1.8-6.el9_1.x86_64"]),
		h.cmd("microdnf", ["install", "-y", "/tmp/app.rpm", "https://x.example/r.rpm", "@development-tools", "perl(JSON)", "${PKGS}", "dnf-command(config-manager)"]),
		h.cmd("dnf", ["module", "install", "-y", "nodejs:18", "php:8.1/common"]),
		h.cmd("dnf", ["upgrade", "-y", "httpd"]),
		h.cmd("yum", ["install", "-y", "httpd"]),
		h.cmd("dnf", ["group", "install", "-y", "Development Tools"]),
	])])
}
