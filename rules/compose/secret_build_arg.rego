# METADATA
# title: Secret passed as a build argument
# description: >-
#   A password, token or key given in `build.args` is written in the Compose file and ends up
#   in the image: build arguments used by a RUN instruction are recorded in the image history
#   (`docker history`) and in provenance attestations, readable by anyone who can pull it.
#   High, because the secret ships with every copy of the image.
# related_resources:
# - https://docs.docker.com/reference/compose-file/build/#args
# - https://docs.docker.com/reference/compose-file/build/#secrets
# - https://docs.docker.com/build/building/secrets/
# custom:
#   id: DC024
#   severity: high
#   remediation: >-
#     Pass the secret as a build secret: declare it under `build.secrets` (and top-level
#     `secrets:`), and read it in the Dockerfile with `RUN --mount=type=secret,id=...`.
package shiplint.compose.secret_build_arg

import data.shiplint.lib
import data.shiplint.lib.compose

deny contains lib.finding(msg, path) if {
	some name, svc in input.services
	some key, value in svc.build.args
	compose.secret_literal(key, value)
	path := ["services", name, "build", "args", key]
	msg := sprintf("Service %q passes %s as a build argument with a literal secret%s", [name, key, compose.provenance(path)])
}
