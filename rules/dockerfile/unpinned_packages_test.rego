package shiplint.dockerfile.unpinned_packages_test

import data.shiplint.dockerfile.unpinned_packages as rule
import data.shiplint.lib.dockerfile_test as h

test_apt_fires if {
	rule.deny == {{"msg": "apt-get installs curl, git without a pinned version", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("apt-get", ["install", "-y", "git", "curl", "jq=1.6-2.1"])])])
}

test_others_fire if {
	count(rule.deny) == 4 with input as h.doc([h.run([
		h.cmd("apk", ["add", "--no-cache", "--virtual", ".deps", "gcc"]),
		h.cmd("pip3", ["install", "--no-cache-dir", "flask", "requests==2.32.3"]),
		h.cmd("npm", ["install", "-g", "@angular/cli", "pm2@5.4.2"]),
		h.cmd("gem", ["install", "bundler"]),
	])])
}

test_pinned_are_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.run([
		h.cmd("apt-get", ["install", "-y", "./pkg.deb", "curl=7.88", "${PKGS}"]),
		h.cmd("apk", ["add", "curl~=8.9", "/tmp/x.apk"]),
		h.cmd("pip", ["install", "-r", "requirements.txt", "."]),
		h.cmd("pip", ["install", "-c", "constraints.txt", "flask"]),
		h.cmd("npm", ["install", "-g", "@angular/cli@18.2.0"]),
		h.cmd("npm", ["install"]),
		h.cmd("gem", ["install", "bundler", "-v", "2.5.0"]),
		h.cmd("gem", ["install", "bundler:2.5.0"]),
	])])
}
