# METADATA
# title: File downloaded without TLS (http:// or ftp://)
# description: >-
#   `curl http://...`, `wget http://...`, `ADD http://...` (or ftp://) fetch the file without
#   TLS: anyone on the network path (a proxy, a rogue DNS answer or Wi-Fi, a compromised router)
#   can serve a different file and the build takes it. High, as for downloads with certificate
#   checks turned off: what is downloaded usually ends up executed in the image. URLs that come
#   from an ARG or ENV default are resolved. Not reported: loopback and link-local hosts
#   (localhost, 127.0.0.1, [::1], 169.254.169.254), `ADD --checksum`, and a download followed
#   in the same RUN by a checksum or signature check (`sha256sum -c`, `gpg --verify`...).
# related_resources:
# - https://cwe.mitre.org/data/definitions/494.html
# - https://docs.docker.com/reference/dockerfile/#add---checksum
# custom:
#   id: DF057
#   severity: high
#   remediation: >-
#     Use the https:// URL. If the server has no TLS, pin the file's digest
#     (`ADD --checksum=sha256:<digest> URL /dst`, or `echo "<sha256>  file" | sha256sum -c -`
#     after the download) or verify its signature with a key you ship.
package shiplint.dockerfile.download_plain_http

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

plain_url(u) if {
	regex.match(`^(?i)(http|ftp)://`, u)
	not local_host(u)
}

local_host(u) if regex.match(`^(?i)(http|ftp)://([^/@]*@)?(localhost|127\.[0-9.]+|\[::1\]|0\.0\.0\.0|169\.254\.[0-9.]+)([:/?#]|$)`, u)

# Options of curl and wget that take a separate value (a proxy, a referer,
# a header can hold an http:// URL that is not downloaded).
valopts["curl"] := {
	"-x", "--proxy", "--preproxy", "-e", "--referer", "-H", "--header", "-d", "--data",
	"--data-raw", "--data-binary", "--data-urlencode", "-F", "--form", "-u", "--user", "-U",
	"--proxy-user", "-A", "--user-agent", "-b", "--cookie", "-c", "--cookie-jar", "-o",
	"--output", "-X", "--request", "-w", "--write-out", "-T", "--upload-file", "-K", "--config",
	"-m", "--max-time", "--connect-timeout", "--retry", "--retry-delay", "--retry-max-time",
	"-r", "--range", "--resolve", "--connect-to", "--cacert", "--capath", "--cert", "-E", "--key",
	"--output-dir", "--limit-rate", "-z", "--time-cond", "--noproxy", "--interface", "--proto",
	"--proto-redir", "-Y", "--speed-limit", "-y", "--speed-time", "-C", "--continue-at",
	"--max-filesize", "--dns-servers", "-t", "--telnet-option", "-Q", "--quote",
}

valopts["wget"] := {
	"-O", "--output-document", "-o", "--output-file", "-a", "--append-output", "-P",
	"--directory-prefix", "-e", "--execute", "-U", "--user-agent", "--header", "--referer", "-i",
	"--input-file", "-B", "--base", "--post-data", "--post-file", "-t", "--tries", "-T",
	"--timeout", "--http-user", "--http-password", "--user", "--password", "--proxy-user",
	"--proxy-password", "--ca-certificate", "--certificate", "--private-key", "-Q", "--quota",
	"-w", "--wait", "--bind-address", "--progress", "-l", "--level", "-A", "--accept", "-R",
	"--reject", "-D", "--domains", "--exclude-domains", "-X", "--exclude-directories", "-I",
	"--include-directories", "--load-cookies", "--save-cookies",
}

# urls are the [written, resolved] plain-HTTP URLs a curl or wget command
# downloads (curl --url URL included: its value reads as an operand).
urls(c) := [[c.args[m], w] |
	words := df.cmd_words(c)
	some m, w in words
	plain_url(w)
	df.positional_at(words, m, valopts[df.name(c)])
]

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named({"curl", "wget"})
	some [written, u] in urls(c)
	not verified_after(s, i, k)
	msg := sprintf("%s downloads %s%s without TLS, so anyone on the network path can replace it", [df.name(c), u, df.written_as(u, written)])
}

deny contains lib.finding(msg, df.instruction_path(s, i)) if {
	some [s, i, ins] in df.instructions_named({"add"})
	not df.flag(ins, "checksum")
	some [k, src] in df.source_words(ins)
	plain_url(src)
	msg := sprintf("ADD downloads %s%s without TLS, so anyone on the network path can replace it", [src, df.written_as(src, ins.args[k])])
}

verifiers := {"sha256sum", "sha512sum", "sha384sum", "sha224sum", "sha1sum", "shasum", "md5sum", "b2sum", "gpg", "gpg2", "gpgv", "cosign", "minisign", "signify", "rpm", "slsa-verifier"}

# verified_after holds when a checksum or signature command follows
# command k in RUN (s, i).
verified_after(s, i, k) if {
	some [j, _] in df.run_named(s, i, verifiers)
	j > k
}
