# METADATA
# title: apk installs packages without verifying their signatures
# description: >-
#   `apk add --allow-untrusted` installs packages whose signature is missing or made with an
#   unknown key, so whoever controls the download decides what runs as root in the image. High:
#   the signature is the only integrity check on the package. Installing only local .apk files
#   (built earlier in the same build) is not reported: nothing is fetched.
# related_resources:
# - https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper
# custom:
#   id: DF010
#   severity: high
#   remediation: >-
#     Remove `--allow-untrusted`. For a private repository, install its public key into
#     /etc/apk/keys/ and sign the packages.
#   aliases: [CKV2_DOCKER_7]
package shiplint.dockerfile.apk_untrusted

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

deny contains lib.finding_fix(msg, df.command_path(s, i, k), lib.fix_replace("Remove --allow-untrusted", `\s+--allow-untrusted(\s|$)`, "$1")) if {
	some [s, i, k, c] in df.commands_named({"apk"})
	df.cmd_has_flag(c, set(), {"--allow-untrusted"})
	not only_local_files(c)
	msg := "apk is run with --allow-untrusted, so unsigned packages are installed"
}

# Installing .apk files built earlier in the same build (a local path) is
# how unsigned local packages are meant to be installed; nothing is fetched.
only_local_files(c) if {
	pos := df.cmd_positionals(c, {"-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--keys-dir", "--repositories-file"})
	pkgs := array.slice(pos, 1, count(pos))
	count(pkgs) > 0
	every p in pkgs {
		regex.match(`^(/|\./|\.\./|\$)`, p)
	}
	not df.cmd_has_flag(c, {"X"}, {"--repository"})
}
