# METADATA
# title: Secret written in a service's environment
# description: >-
#   A password, token or key written as an environment value (directly, as the default of a
#   `${VAR:-default}` reference, or in the .env file the Compose file reads) is committed with
#   the project, shown by `docker inspect` and `docker compose config`, and inherited by every
#   process in the container. High, because leaked credentials are used directly.
# related_resources:
# - https://docs.docker.com/compose/how-tos/use-secrets/
# - https://docs.docker.com/reference/compose-file/services/#environment
# - https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/
# - https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html
# custom:
#   id: DC023
#   severity: high
#   remediation: >-
#     Move the value into a Compose secret (`secrets:` with `file:` or `environment:`), and point
#     the service at the mounted file (many images read `*_FILE`, e.g.
#     `POSTGRES_PASSWORD_FILE: /run/secrets/db_password`). Otherwise reference a variable
#     without a default (`${DB_PASSWORD:?set DB_PASSWORD}`) supplied by the deployment, and keep
#     .env out of version control.
package shiplint.compose.secret_environment

import data.shiplint.lib
import data.shiplint.lib.compose

deny contains lib.finding(msg, path) if {
	some name, svc in input.services
	some key, value in svc.environment
	compose.secret_literal(key, value)
	path := ["services", name, "environment", key]
	msg := sprintf("Service %q sets %s to a literal secret%s", [name, key, compose.provenance(path)])
}
