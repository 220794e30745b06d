# METADATA
# description: Helpers shared by the built-in rules. User policies may import them.
package shiplint.lib

# finding is what a rule's deny set holds: a message and a path into input
# saying where the problem is. The engine turns the path into a source line.
finding(msg, path) := {"msg": msg, "path": path}

# basename("/usr/bin/bash") == "bash"
basename(p) := name if {
	parts := split(p, "/")
	name := parts[count(parts) - 1]
}

# image_ref splits an image reference into repository, tag and digest:
# "ghcr.io/org/app:1.2@sha256:ab" -> {"repository": "ghcr.io/org/app", "tag": "1.2", "digest": "sha256:ab"}.
# A missing tag or digest is null. A registry port is not a tag.
image_ref(ref) := {"repository": repo, "tag": tag, "digest": digest} if {
	[name, digest] := split_digest(ref)
	[repo, tag] := split_tag(name)
}

split_digest(ref) := [name, digest] if {
	contains(ref, "@")
	i := indexof(ref, "@")
	name := substring(ref, 0, i)
	digest := substring(ref, i + 1, -1)
} else := [ref, null]

split_tag(name) := [repo, tag] if {
	i := last_index(name, ":")
	i > last_index(name, "/")
	repo := substring(name, 0, i)
	tag := substring(name, i + 1, -1)
} else := [name, null]

last_index(s, sub) := i if {
	idx := indexof_n(s, sub)
	count(idx) > 0
	i := max(idx)
} else := -1

# is_mutable_tag holds for a reference that names no version a registry
# keeps fixed: no tag (implicitly "latest") or "latest", and no digest.
is_mutable_tag(ref) if {
	r := image_ref(ref)
	r.digest == null
	r.tag in {null, "latest"}
}

# param is a rule parameter a team can set in .shiplint.yaml
# (params: {ID: {name: value}}); def is the rule's own default.
param(id, name, def) := data.shiplint_config.params[id][name] if {
	data.shiplint_config.params[id][name] != null
} else := def

# image_full names an image the way a registry sees it:
# "nginx" -> "docker.io/library/nginx", "org/app" -> "docker.io/org/app",
# "ghcr.io/org/app:1" -> "ghcr.io/org/app" (tag and digest dropped).
image_full(ref) := full if {
	repo := image_ref(ref).repository
	parts := split(repo, "/")
	full := qualify(parts, repo)
}

qualify(parts, repo) := repo if {
	count(parts) > 1
	regex.match(`[.:]|^localhost$`, parts[0])
} else := concat("/", ["docker.io", repo]) if {
	count(parts) > 1
} else := concat("/", ["docker.io/library", repo])

# image_from holds when the image comes from one of the registries (or
# registry/path prefixes) in allowed, compared on whole path segments.
image_from(ref, allowed) if {
	full := image_full(ref)
	some a in allowed
	prefix := trim_right(a, "/")
	startswith(concat("", [full, "/"]), concat("", [prefix, "/"]))
}

# finding_fix is finding with a fix: a mechanical change to the source that
# removes the finding, which `shiplint scan --fix`, SARIF and the editor
# offer. Build fix with fix_set, fix_add or fix_insert; the engine turns it
# into text edits that keep comments, indentation, quoting and line endings,
# and drops a fix it cannot place safely (the finding stays, without it).
finding_fix(msg, path, fix) := {"msg": msg, "path": path, "fix": fix}

# fix_set sets the map key at path (a path into input, like a finding's) to
# a scalar value, creating the key and any missing maps above it under the
# deepest one that exists. A list value writes a new block list.
fix_set(description, path, value) := {"description": description, "ops": [{"path": path, "set": value}]}

# fix_add appends a scalar item to the list at path (created when missing).
fix_add(description, path, value) := {"description": description, "ops": [{"path": path, "add": value}]}

# fix_insert (Dockerfiles) inserts text right after the first match of the
# regular expression after, searched from the start of the finding's range.
fix_insert(description, after, text) := {"description": description, "ops": [{"after": after, "insert": text}]}

# fix_replace (Dockerfiles) replaces the first match of the regular
# expression match, searched from the start of the finding's range, with
# text; $1, ${name}... in text are the match's groups.
fix_replace(description, match, text) := {"description": description, "ops": [{"match": match, "replace": text}]}

