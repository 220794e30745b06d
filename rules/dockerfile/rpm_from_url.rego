# METADATA
# title: RPM package installed straight from a URL
# description: >-
#   `rpm -i https://.../x.rpm`, `yum install https://.../x.rpm` and `dnf install URL` download
#   a package and install it as root without checking its signature: rpm only warns about an
#   unsigned package or a missing key, and yum/dnf skip the GPG check for packages not from a
#   repository (`localpkg_gpgcheck` is off by default). Whoever controls that URL (or, over
#   http, the network path) chooses what runs in the image, and the URL's content can change
#   between builds. Medium, as for ADD of a URL without a checksum; often it is a
#   `*-release.rpm` that adds a repository and its key, which then installs everything else.
#   Not reported: `--setopt=localpkg_gpgcheck=1` (yum/dnf check the signature), packages from
#   paths (which can be checked before they are installed), and `--nosignature`/`--nogpgcheck`
#   (DF009 reports those). zypper checks a command-line
#   package's signature itself and is not reported.
# related_resources:
# - https://dnf.readthedocs.io/en/latest/conf_ref.html#localpkg-gpgcheck-label
# - https://rpm-software-management.github.io/rpm/manual/signatures_digests.html
# - https://cwe.mitre.org/data/definitions/494.html
# custom:
#   id: DF058
#   severity: medium
#   remediation: >-
#     Download the package, check it against a pinned digest (`echo "<sha256>  x.rpm" | sha256sum -c -`)
#     or import the vendor's key and verify it (`rpm --import KEY && rpm -K x.rpm`), then install
#     the file; or add the vendor's repository with `gpgcheck=1` and install by name.
package shiplint.dockerfile.rpm_from_url

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

remote(p) if regex.match(`^(?i)(https?|ftp)://`, p)

rpm_valopts := {"--root", "--dbpath", "--define", "-D", "--excludepath", "--prefix", "--relocate", "--rcfile", "--macros", "--pipe", "--eval", "-E"}

# rpm -i / -U / -F / --install / --upgrade / --freshen / --reinstall URL
installing_rpm(c) if {
	df.cmd_has_flag(c, {"i", "U", "F"}, {"--install", "--upgrade", "--freshen", "--reinstall"})
	not df.cmd_has_flag(c, {"q", "e", "V", "K"}, {"--query", "--erase", "--verify", "--checksig", "--test"})
}

# Signature checks turned off explicitly are DF009's finding.
signature_disabled(c) if df.cmd_has_flag(c, set(), {"--nosignature", "--nodigest", "--nogpgcheck", "--no-gpgchecks"})

signature_disabled(c) if {
	some v in df.cmd_flag_values(c, set(), {"--setopt"})
	regex.match(`(?i)^([^=]*\.)?(gpgcheck|localpkg_gpgcheck)=("|')?(0|false|no)`, v)
}

packages(c) := [[m, p] |
	some m, p in words
	remote(p)
	df.positional_at(words, m, rpm_valopts)
] if {
	df.name(c) == "rpm"
	installing_rpm(c)
	words := df.cmd_words(c)
}

packages(c) := [[m, p] |
	some m, p in words
	remote(p)
	df.positional_at(words, m, df.rpm_valopts)
] if {
	df.name(c) in df.yum_tools
	words := df.cmd_words(c)
	pos := df.positionals(words, df.rpm_valopts)
	pos[0] in {"install", "in", "localinstall", "reinstall", "upgrade", "update", "downgrade"}
	not local_gpgcheck(c)
}

local_gpgcheck(c) if {
	some v in df.flag_values(df.cmd_words(c), set(), {"--setopt"})
	regex.match(`(?i)^localpkg_gpgcheck=("|')?(1|true|yes)`, v)
}

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named(df.yum_tools | {"rpm"})
	some [m, p] in packages(c)
	not signature_disabled(c)
	msg := sprintf("%s installs %s%s without checking its signature", [df.name(c), p, df.written_as(p, c.args[m])])
}
