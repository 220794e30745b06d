package shiplint.dockerfile.yum_unpinned_packages_test

import data.shiplint.dockerfile.yum_unpinned_packages as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	rule.deny == {{"msg": "yum installs httpd, python3-devel without a pinned version", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("yum", ["install", "-y", "httpd", "python3-devel", "tar-1.34"])])])
	rule.deny == {{"msg": "yum installs nodejs without a pinned version", "path": ["stages", 0, "instructions", 0, "commands", 1]}} with input as h.doc([h.run([h.cmd("yum", ["clean", "all"]), h.cmd("yum", ["-y", "module", "install", "nodejs", "perl:5.32"])])])
	rule.deny == {{"msg": "yum installs git without a pinned version", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("yum", ["--disablerepo", "*", "--enablerepo", "base", "install", "-y", "git"])])])
}

test_pinned_and_not_names_are_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("yum", ["install", "-y", "httpd-2.4.57", "httpd-tools-2.4.57-5.el9", "bash-0:5.1.8-6.el9_1.x86_64", "tomcat-9.*"]),
		h.cmd("yum", ["install", "-y", "/tmp/app.rpm", "./local.rpm", "https://x.example/epel-release.rpm", "@core", "perl(JSON)", "$PKG"]),
		h.cmd("yum", ["install", "-y", "openssl >= 3.0"]),
		h.cmd("yum", ["update", "-y", "httpd"]),
		h.cmd("dnf", ["install", "-y", "httpd"]),
		h.cmd("yum", ["module", "enable", "nodejs"]),
	])])
}
