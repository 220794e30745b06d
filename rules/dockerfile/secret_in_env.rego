# METADATA
# title: Secret written into ENV
# description: >-
#   An ENV whose name says it holds a credential (password, token, secret, API or private key,
#   cloud credentials) is given a literal value. ENV values are stored in the image config: anyone
#   who can pull the image reads them with `docker inspect`, and every container inherits them.
#   High: the credential is published with the image. Placeholders and references to values held
#   elsewhere (`$VAR`, `/run/secrets/...`, a `*_FILE` path) are not reported.
# related_resources:
# - https://docs.docker.com/build/building/secrets/
# - https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/
# - https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html
# custom:
#   id: DF016
#   severity: high
#   frameworks: {cis-docker: "4.10"}
#   remediation: >-
#     Remove the value from the Dockerfile. Pass build-time secrets with
#     `RUN --mount=type=secret,id=x` and runtime secrets through the orchestrator (Docker/Kubernetes
#     secrets, a `*_FILE` variable pointing at /run/secrets/...). Rotate the exposed credential.
#   aliases: [SecretsUsedInArgOrEnv, DS031, AVD-DS-0031]
package shiplint.dockerfile.secret_in_env

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df
import data.shiplint.lib.secrets

deny contains lib.finding(msg, ["stages", s, "instructions", i, "pairs", k]) if {
	some [s, i, ins] in df.instructions_named({"env"})
	some k, p in ins.pairs
	secrets.credential(p.key, p.value)
	msg := sprintf("ENV %s is given a literal secret value, which is stored in the image config", [p.key])
}
