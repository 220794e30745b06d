package shiplint.dockerfile.curl_pipe_shell_test

import data.shiplint.dockerfile.curl_pipe_shell
import data.shiplint.lib

cmd(name, pipeline, position, parent, context) := {"name": name, "base": lib.basename(name), "args": [], "pipeline": pipeline, "position": position, "parent": parent, "context": context}

doc(commands) := {"stages": [{"index": 0, "instructions": [{"cmd": "run", "commands": commands}]}]}

test_pipe_fires_on_shell if {
	result := curl_pipe_shell.deny with input as doc([cmd("curl", 0, 0, null, ""), cmd("sh", 0, 1, null, "")])
	[f] := [f | some f in result]
	f.path == ["stages", 0, "instructions", 0, "commands", 1]
}

test_sudo_bash_path_fires if {
	count(curl_pipe_shell.deny) == 1 with input as doc([cmd("wget", 0, 0, null, ""), cmd("/bin/bash", 0, 1, null, "")])
}

test_python_fires if {
	count(curl_pipe_shell.deny) == 1 with input as doc([cmd("curl", 0, 0, null, ""), cmd("python3.12", 0, 1, null, "")])
}

test_different_pipeline_is_quiet if {
	count(curl_pipe_shell.deny) == 0 with input as doc([cmd("curl", 0, 0, null, ""), cmd("sh", 1, 0, null, "")])
}

test_pipe_into_tar_is_quiet if {
	count(curl_pipe_shell.deny) == 0 with input as doc([cmd("curl", 0, 0, null, ""), cmd("tar", 0, 1, null, "")])
}

test_cmdsubst_fires_on_parent if {
	result := curl_pipe_shell.deny with input as doc([cmd("bash", 0, 0, null, ""), cmd("curl", 1, 0, 0, "cmdsubst")])
	[f] := [f | some f in result]
	f.path == ["stages", 0, "instructions", 0, "commands", 0]
}

test_procsubst_fires if {
	count(curl_pipe_shell.deny) == 1 with input as doc([cmd("sh", 0, 0, null, ""), cmd("curl", 1, 0, 0, "procsubst")])
}

test_cmdsubst_into_echo_is_quiet if {
	count(curl_pipe_shell.deny) == 0 with input as doc([cmd("echo", 0, 0, null, ""), cmd("curl", 1, 0, 0, "cmdsubst")])
}

test_download_then_run_fires if {
	result := curl_pipe_shell.deny with input as doc([
		object.union(cmd("curl", 0, 0, null, ""), {"args": ["-fsSLo", "/tmp/install.sh", "https://x/install.sh"]}),
		object.union(cmd("sh", 1, 0, null, ""), {"args": ["/tmp/install.sh", "--yes"]}),
	])
	[f] := [f | some f in result]
	f.path == ["stages", 0, "instructions", 0, "commands", 1]
}

test_download_check_then_run_is_quiet if {
	count(curl_pipe_shell.deny) == 0 with input as doc([
		object.union(cmd("wget", 0, 0, null, ""), {"args": ["https://x/install.sh"]}),
		object.union(cmd("sha256sum", 1, 1, null, ""), {"args": ["-c", "-"]}),
		object.union(cmd("bash", 2, 0, null, ""), {"args": ["install.sh"]}),
	])
}
