# METADATA
# title: User credentials directory mounted
# description: >-
#   Mounting a home directory's credential store (`~/.ssh`, `~/.aws`, `~/.kube`,
#   `~/.docker`, `~/.gnupg`, `~/.config/gcloud`, `~/.azure`, `~/.netrc`) gives every process
#   in the container the developer's private keys and cloud or cluster credentials, far more
#   than the service needs. Medium, because the credentials usually reach production.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#volumes
# - https://docs.docker.com/compose/how-tos/use-secrets/
# - https://docs.docker.com/build/building/secrets/#ssh-mounts
# custom:
#   id: DC033
#   severity: medium
#   remediation: >-
#     Give the service only the one credential it needs as a Compose secret, or forward the SSH
#     agent socket instead of the keys; use short-lived, scoped credentials for cloud access.
package shiplint.compose.credentials_mount

import data.shiplint.lib

pattern := `^(~|\$\{?HOME\}?|\$\{?USERPROFILE\}?|/home/[^/]+|/Users/[^/]+)/+\.(ssh|aws|kube|gnupg|docker|azure|config/gcloud|netrc|git-credentials|npmrc|pypirc)(/|$)`

deny contains lib.finding(msg, ["services", name, "volumes", i]) if {
	some name, svc in input.services
	some i, v in svc.volumes
	v.type == "bind"
	is_string(v.source)
	regex.match(pattern, v.source)
	msg := sprintf("Service %q mounts the user credentials at %s", [name, v.source])
}
