package shiplint.dockerfile.root_user_test

import data.shiplint.dockerfile.root_user

stage(i, name, from, final, instructions) := {
	"index": i, "name": name, "final": final,
	"from": object.union({"stage": null, "image": "debian", "tag": "12", "digest": null, "scratch": false}, from),
	"instructions": instructions,
}

user(name) := {"cmd": "user", "args": [name]}

run := {"cmd": "run", "args": ["true"]}

test_no_user_fires if {
	result := root_user.deny with input as {"stages": [stage(0, null, {}, true, [run])]}
	result == {{"msg": "The final stage sets no USER, so the container runs as root; add a non-root USER", "path": ["stages", 0, "from"]}}
}

test_user_root_fires_on_instruction if {
	result := root_user.deny with input as {"stages": [stage(0, null, {}, true, [user("root:root")])]}
	[f] := [f | some f in result]
	f.path == ["stages", 0, "instructions", 0]
}

test_uid_zero_fires if {
	count(root_user.deny) == 1 with input as {"stages": [stage(0, null, {}, true, [user("0")])]}
}

test_root_then_app_is_quiet if {
	count(root_user.deny) == 0 with input as {"stages": [stage(0, null, {}, true, [user("root"), run, user("app")])]}
}

test_app_then_root_fires if {
	count(root_user.deny) == 1 with input as {"stages": [stage(0, null, {}, true, [user("app"), user("root")])]}
}

test_builder_root_is_quiet if {
	count(root_user.deny) == 0 with input as {"stages": [
		stage(0, "build", {}, false, [run]),
		stage(1, null, {}, true, [user("10001")]),
	]}
}

test_user_inherited_from_parent_stage if {
	count(root_user.deny) == 0 with input as {"stages": [
		stage(0, "base", {}, false, [user("app")]),
		stage(1, null, {"stage": 0, "image": null}, true, [run]),
	]}
}

test_nonroot_tag_is_quiet if {
	count(root_user.deny) == 0 with input as {"stages": [stage(0, null, {"image": "gcr.io/distroless/static", "tag": "nonroot"}, true, [])]}
}

test_no_stages_is_quiet if {
	count(root_user.deny) == 0 with input as {"stages": []}
}
