# METADATA
# title: yum, dnf, rpm or zypper installs packages without checking signatures
# description: >-
#   `--nogpgcheck`, `--setopt=gpgcheck=0`, `rpm --nosignature`/`--nodigest`, `zypper
#   --no-gpg-checks` and `sslverify=0` make the package manager install packages it cannot
#   authenticate, so a tampered mirror or a man in the middle chooses what runs as root in the
#   image. High: the signature check is the only integrity check on those packages. `rpm` with
#   those options on local files only (packages built in the same build) is not reported.
# related_resources:
# - https://dnf.readthedocs.io/en/latest/command_ref.html
# - https://man7.org/linux/man-pages/man8/rpm.8.html
# - https://doc.opensuse.org/documentation/leap/reference/html/book-reference/cha-sw-cl.html
# custom:
#   id: DF009
#   severity: high
#   remediation: >-
#     Remove the option and import the repository's key (`rpm --import URL/RPM-GPG-KEY`), or set
#     `gpgkey=` in the .repo file; keep `gpgcheck=1` and `sslverify=1`.
#   aliases: [CKV2_DOCKER_9, CKV2_DOCKER_10]
package shiplint.dockerfile.rpm_signature_disabled

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

yum_like := {"yum", "dnf", "microdnf", "tdnf", "dnf5", "yum-config-manager", "dnf-3"}

insecure(c) if {
	df.name(c) in yum_like
	df.cmd_has_flag(c, set(), {"--nogpgcheck", "--no-gpgchecks"})
}

insecure(c) if {
	df.name(c) in yum_like
	some v in df.cmd_flag_values(c, set(), {"--setopt"})
	regex.match(`(?i)^([^=]*\.)?(gpgcheck|repo_gpgcheck|localpkg_gpgcheck|sslverify)=("|')?(0|false|no)`, v)
}

insecure(c) if {
	df.name(c) == "rpm"
	df.cmd_has_flag(c, set(), {"--nosignature", "--nodigest", "--nofiledigest", "--noverify"})
	some p in df.cmd_positionals(c, {"--root", "--dbpath", "--define", "-D", "--excludepath", "--prefix", "--relocate"})
	regex.match(`^(?i)(https?|ftp)://`, p)
}

insecure(c) if {
	df.name(c) == "zypper"
	df.cmd_has_flag(c, set(), {"--no-gpg-checks", "--no-gpgcheck"})
}

# zypper addrepo -G
insecure(c) if {
	df.name(c) == "zypper"
	df.cmd_positionals(c, set())[0] in {"addrepo", "ar"}
	df.cmd_has_flag(c, {"G"}, set())
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named(yum_like | {"rpm", "zypper"})
	insecure(c)
	msg := sprintf("%s installs packages without checking their signatures", [df.name(c)])
}
