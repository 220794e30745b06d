package shiplint.compose.credentials_mount_test

import data.shiplint.compose.credentials_mount

vol(src) := {"type": "bind", "source": src, "target": "/x", "read_only": true}

test_fires if {
	count(credentials_mount.deny) == 5 with input as {"services": {"a": {"volumes": [
		vol("~/.ssh"), vol("${HOME}/.aws/credentials"), vol("$HOME/.kube"), vol("/home/dev/.docker/config.json"),
		vol("/Users/me/.config/gcloud"), vol("./.ssh"), vol("~/.sshd"), vol("~/src"),
	]}}}
}
