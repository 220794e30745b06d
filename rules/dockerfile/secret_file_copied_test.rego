package shiplint.dockerfile.secret_file_copied_test

import data.shiplint.dockerfile.secret_file_copied as rule
import data.shiplint.lib.dockerfile_test as h

test_id_rsa_fires if {
	rule.deny == {{"msg": "COPY puts the secret file keys/id_rsa into an image layer: mount it with --mount=type=secret instead", "path": ["stages", 0, "instructions", 0]}} with input as h.doc([h.ins("copy", ["keys/id_rsa", "/root/.ssh/"])])
}

test_many_fire if {
	count(rule.deny) == 6 with input as h.doc([
		h.ins("copy", [".env", "/app/"]),
		h.ins("copy", [".npmrc", "package.json", "./"]),
		h.ins("add", ["certs/server.key", "/etc/ssl/"]),
		h.ins("copy", ["privkey.pem", "/etc/ssl/"]),
		h.ins("copy", ["home/.aws/credentials", "/root/.aws/credentials"]),
		h.ins("copy", ["deploy", "/root/.ssh/id_ed25519"]),
	])
}

test_public_material_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([
		h.ins("copy", [".env.example", "/app/.env"]),
		h.ins("copy", ["cert.pem", "ca.pem", "fullchain.pem", "/etc/ssl/"]),
		h.ins("copy", ["id_rsa.pub", "/root/.ssh/authorized_keys"]),
		h.ins("copy", ["nginx_signing.key", "/tmp/"]),
		h.ins("add", ["https://example.com/repo.key", "/tmp/"]),
		h.ins("copy", ["environment.py", "/app/"]),
	])
}

test_ssh_directory_fires if {
	rule.deny == {{"msg": "COPY puts the secret file home/.ssh/ into an image layer: mount it with --mount=type=secret instead", "path": ["stages", 0, "instructions", 0]}} with input as h.doc([h.ins("copy", ["home/.ssh/", "/root/"])])
}
