# METADATA
# title: Secret file copied into the image
# description: >-
#   COPY or ADD of a file that holds credentials by its nature (SSH private keys, TLS private
#   keys and keystores, `.env`, `.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`,
#   `.aws/credentials`, `.docker/config.json`, `.kube/config`) puts it in a layer. Deleting it in
#   a later step does not remove it: anyone who pulls the image, or reads the build cache, can
#   extract it. High. Certificates (`cert.pem`, `ca.pem`), public keys (`*.pub`) and
#   `.env.example`-style templates are not reported; a `.pem` is reported only when its name says
#   it is a key.
# related_resources:
# - https://docs.docker.com/build/building/secrets/
# - https://docs.docker.com/build/concepts/context/#dockerignore-files
# custom:
#   id: DF018
#   severity: high
#   frameworks: {cis-docker: "4.10"}
#   remediation: >-
#     Do not copy the file: mount it only for the step that needs it
#     (`RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`, `RUN --mount=type=ssh git
#     clone ...`), and list it in .dockerignore so `COPY . .` cannot pick it up.
package shiplint.dockerfile.secret_file_copied

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

exact_names := {
	"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk",
	".env", ".npmrc", ".pypirc", ".netrc", "_netrc", ".git-credentials", ".pgpass",
	".dockercfg", ".htpasswd", "credentials.json", "client_secret.json",
	"application_default_credentials.json", "secring.gpg", ".vault-token",
}

path_parts := [".aws/credentials", ".docker/config.json", ".kube/config", ".ssh/id_", ".gnupg/private-keys"]

# path_parts_pattern matches a path holding one of path_parts: one regexp
# call per path instead of a test per part.
path_parts_pattern := concat("|", [replace(part, ".", `\.`) | some part in path_parts])

env_templates := `(example|sample|template|dist|defaults?|tpl|schema|skel)`

base(p) := lower(lib.basename(trim_suffix(p, "/")))

# The base name is computed once per path; secret_base tests it.
secret_path(p) if secret_base(base(p))

secret_base(b) if b in exact_names

# .env.local, .env.production (not .env.example)
secret_base(b) if {
	startswith(b, ".env.")
	not regex.match(env_templates, b)
}

# private keys and keystores; a .key named for a public signing key is not one
secret_base(b) if {
	regex.match(`\.(key|p12|pfx|jks|keystore|ppk)$`, b)
	not regex.match(`(gpg|pgp|signing|release|pub|apt|repo|archive|\.asc)`, b)
}

secret_base(b) if {
	endswith(b, ".pem")
	regex.match(`(key|priv|id_(rsa|dsa|ecdsa|ed25519))`, b)
	not regex.match(`(pub|public)`, b)
}

# a whole .ssh directory
secret_base(".ssh")

secret_path(p) if {
	regex.match(path_parts_pattern, lower(p))
	not endswith(lower(p), ".pub")
}

deny contains lib.finding(msg, df.instruction_path(s, i)) if {
	some [s, i, ins] in df.instructions_named({"copy", "add"})
	some src in df.sources(ins)
	not df.remote_url(src)
	secret_path(src)
	msg := sprintf("%s puts the secret file %s into an image layer: mount it with --mount=type=secret instead", [upper(ins.cmd), src])
}

deny contains lib.finding(msg, df.instruction_path(s, i)) if {
	some [s, i, ins] in df.instructions_named({"copy", "add"})
	d := df.dest(ins)
	not endswith(d, "/")
	secret_path(d)
	every src in df.sources(ins) {
		not secret_path(src)
		not regex.match(env_templates, lower(src))
	}
	msg := sprintf("%s writes the secret file %s into an image layer: mount it with --mount=type=secret instead", [upper(ins.cmd), d])
}
