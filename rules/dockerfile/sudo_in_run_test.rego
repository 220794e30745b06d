package shiplint.dockerfile.sudo_in_run_test

import data.shiplint.dockerfile.sudo_in_run
import data.shiplint.lib.dockerfile_test as h

test_sudo_fires_on_command if {
	c := object.union(h.cmd("apt-get", ["install", "-y", "curl"]), {"sudo": true})
	sudo_in_run.deny == {{"msg": "RUN uses sudo to run \"apt-get\": switch with USER instead of sudo", "path": ["stages", 0, "instructions", 0, "commands", 1]}} with input as h.doc([h.run([h.cmd("echo", []), c])])
}

test_bare_sudo_fires if {
	count(sudo_in_run.deny) == 1 with input as h.doc([h.run([h.cmd("sudo", ["-i"])])])
}

test_no_sudo_is_quiet if {
	count(sudo_in_run.deny) == 0 with input as h.doc([h.run([h.cmd("apt-get", ["install", "sudo"])])])
}
