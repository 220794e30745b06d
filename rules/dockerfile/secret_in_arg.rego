# METADATA
# title: Secret given as an ARG default
# description: >-
#   An ARG whose name says it holds a credential has a literal default value. ARG values are
#   recorded in the image history (`docker history`) and in build provenance, and the default
#   sits in the Dockerfile in version control. High: the credential leaks with the image and the
#   source. `ARG TOKEN` with no default is fine as a declaration, but passing a secret with
#   `--build-arg` leaks it the same way.
# related_resources:
# - https://docs.docker.com/build/building/secrets/
# - https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/
# custom:
#   id: DF017
#   severity: high
#   frameworks: {cis-docker: "4.10"}
#   remediation: >-
#     Remove the default and stop passing the secret as a build argument: mount it with
#     `RUN --mount=type=secret,id=token,env=TOKEN ...` and build with
#     `docker build --secret id=token,env=TOKEN`. Rotate the exposed credential.
#   aliases: [SecretsUsedInArgOrEnv, DS031, AVD-DS-0031]
package shiplint.dockerfile.secret_in_arg

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df
import data.shiplint.lib.secrets

deny contains lib.finding(msg, ["stages", s, "instructions", i, "pairs", k]) if {
	some [s, i, ins] in df.instructions_named({"arg"})
	some k, p in ins.pairs
	secrets.credential(p.key, p.value)
	msg := sprintf("ARG %s has a literal secret default, which is kept in the image history", [p.key])
}

# Global ARGs before the first FROM.
deny contains lib.finding(msg, ["args", k]) if {
	some k, a in input.args
	secrets.credential(a.name, a.value)
	msg := sprintf("ARG %s has a literal secret default, which is kept in the image history", [a.name])
}
