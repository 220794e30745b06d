# METADATA
# title: Service disables the image's health check
# description: >-
#   `healthcheck: {disable: true}` (or `test: ["NONE"]`) turns off the health check the image
#   defines: a hung or half-started service keeps receiving traffic, `depends_on` with
#   `condition: service_healthy` cannot work, and orchestrators cannot restart it. Low,
#   because it is an availability and detection issue, not an exposure.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#healthcheck
# - https://docs.docker.com/reference/dockerfile/#healthcheck
# custom:
#   id: DC025
#   severity: low
#   remediation: >-
#     Remove `disable: true` / `test: ["NONE"]`, or replace it with a check that fits the
#     service (`test: ["CMD", "pg_isready", "-U", "app"]`).
#   frameworks: {cis-docker: "5.26"}
package shiplint.compose.healthcheck_disabled

import data.shiplint.lib

deny contains lib.finding_fix(msg, ["services", name, "healthcheck", "disable"], lib.fix_set("Set healthcheck disable: false", ["services", name, "healthcheck", "disable"], false)) if {
	some name, svc in input.services
	svc.healthcheck.disable == true
	msg := sprintf("Service %q disables its health check (disable: true)", [name])
}

deny contains lib.finding(msg, ["services", name, "healthcheck", "test"]) if {
	some name, svc in input.services
	not svc.healthcheck.disable == true
	none_test(svc.healthcheck.test)
	msg := sprintf("Service %q disables its health check (test: NONE)", [name])
}

none_test(t) if upper(trim_space(t[0])) == "NONE"

none_test(t) if upper(trim_space(t)) == "NONE"
