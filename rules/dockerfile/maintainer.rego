# METADATA
# title: MAINTAINER is deprecated
# description: >-
#   MAINTAINER has been deprecated since Docker 1.13; a `LABEL` (`org.opencontainers.image.authors`)
#   carries the same information and is what tools read. Info.
# related_resources:
# - https://docs.docker.com/reference/dockerfile/#maintainer-deprecated
# - https://docs.docker.com/reference/build-checks/maintainer-deprecated/
# custom:
#   id: DF040
#   severity: info
#   remediation: Replace it with `LABEL org.opencontainers.image.authors="name <email>"`.
#   aliases: [DL4000, DS022, AVD-DS-0022, CKV_DOCKER_6, MaintainerDeprecated]
package shiplint.dockerfile.maintainer

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

deny contains lib.finding_fix(msg, df.instruction_path(s, i), lib.fix_replace("Use LABEL org.opencontainers.image.authors", `(?i)^(\s*)MAINTAINER\s+([^"\\$]*[^"\\$\s])\s*$`, `${1}LABEL org.opencontainers.image.authors="${2}"`)) if {
	some [s, i, ins] in df.instructions_named({"maintainer"})
	msg := "MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors"
}
